import { code } from '../messages.ts';
import type { BlockRule } from './types.ts';

/** Each parameter name is declared once per block. */
export const paramNames: BlockRule = ({ runbook, block, sink }) => {
  const seen = new Set<string>();
  const nodes = block.node.children.filter(
    (c) => c.type === 'leafDirective' && c.name === 'param',
  );

  runbook.params.forEach((param, index) => {
    if (!seen.has(param.name)) {
      seen.add(param.name);
      return;
    }
    const node = nodes[index];
    sink.error(
      {
        line: node?.position?.start.line ?? 1,
        column: node?.position?.start.column ?? 1,
      },
      'duplicate-param',
      `Found parameter ${code(param.name)} declared again in ` +
        `${code(runbook.id)}; expected each name once. Remove one.`,
    );
  });
};
