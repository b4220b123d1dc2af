import { shellReferences } from '../../fill.ts';
import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';

/** Every declared parameter is read by a command of its block. */
export const unusedParam: LintRule = (ctx) => {
  const used = new Set(ctx.fences.flatMap((f) => shellReferences(f.text).map((r) => r.name)));
  const nodes = ctx.block.node.children.filter(
    (c) => c.type === 'leafDirective' && c.name === 'param',
  );
  ctx.runbook.params.forEach((param, index) => {
    if (used.has(param.name)) return;
    const node = nodes[index];
    ctx.report(
      { line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1 },
      'unused-param',
      `Found parameter ${code(param.name)} declared in ${code(ctx.runbook.id)}, ` +
        `but no command reads ${code('$' + param.name)}; expected every ` +
        'parameter used, since readers are asked for each one. Remove it, or ' +
        'use it in the command.',
    );
  });
};
