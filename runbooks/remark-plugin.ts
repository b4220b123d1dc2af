/**
 * The site's remark plugin: reads runbook blocks with the same extraction
 * as the command line and hands each to the `RunbookCard` component as
 * typed props. A document with an invalid block fails the build with the
 * messages `runbook validate` prints.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { valueToEstree } from 'estree-util-value-to-estree';
import type { VFile } from 'vfile';
import { extractRunbooks } from './extract.ts';
import { formatMessage } from './messages.ts';

export interface RemarkRunbooksOptions {
  /** Folder that message paths are relative to; the site folder. */
  cwd?: string;
}

/** Name of the component that renders a block. */
export const cardComponent = 'RunbookCard';

/** Replaces every runbook block with a `RunbookCard` element. */
export default function remarkRunbooks(options: RemarkRunbooksOptions = {}) {
  const cwd = options.cwd ?? process.cwd();

  return (tree: Root, file: VFile): void => {
    const relative = path.relative(cwd, file.path).split(path.sep).join('/');
    const { blocks, messages } = extractRunbooks(tree, String(file.value), relative);
    const errors = messages.filter((m) => m.severity === 'error');
    if (errors.length > 0) {
      throw new Error(
        `Invalid runbook blocks:\n${errors.map(formatMessage).join('\n')}`,
      );
    }

    for (const block of blocks) {
      if (!block.runbook) continue;
      const element = {
        type: 'mdxJsxFlowElement',
        name: cardComponent,
        attributes: [
          {
            type: 'mdxJsxAttribute',
            name: 'runbook',
            value: {
              type: 'mdxJsxAttributeValueExpression',
              value: JSON.stringify(block.runbook),
              data: {
                estree: {
                  type: 'Program',
                  sourceType: 'module',
                  comments: [],
                  body: [
                    {
                      type: 'ExpressionStatement',
                      expression: valueToEstree(block.runbook),
                    },
                  ],
                },
              },
            },
          },
        ],
        children: block.prose,
        position: block.node.position,
      };
      const node = block.node as unknown as Record<string, unknown>;
      for (const key of Object.keys(node)) delete node[key];
      Object.assign(node, element);
    }
  };
}
