import { code } from '../messages.ts';
import type { BlockRule } from './types.ts';

/**
 * A check reads one command's JSON output and compares it with at least
 * one expectation; it never changes anything.
 */
export const checkShape: BlockRule = ({ runbook, at, attributeAt, sink }) => {
  if (runbook.kind !== 'check') {
    if (runbook.emptyOn.length > 0) {
      sink.error(
        attributeAt['empty-on'] ?? at,
        'check-empty-on',
        `Found ${code('empty-on')} on ${code(runbook.kind)} block ` +
          `${code(runbook.id)}; expected it only on checks, whose ` +
          'expectations read the output. Remove it.',
      );
    }
    return;
  }

  if (runbook.effect !== 'read') {
    sink.error(
      attributeAt.effect ?? at,
      'check-effect',
      `Found check ${code(runbook.id)} with ${code('effect=' + runbook.effect)}; ` +
        'expected `effect=read`: a check only reads. Split the change into ' +
        'a `kind=change` block.',
    );
  }
  if (runbook.commands.length > 1) {
    sink.error(
      { line: runbook.commands[1]!.line - 1, column: 1 },
      'one-command',
      `Found ${runbook.commands.length} command fences in check ` +
        `${code(runbook.id)}; expected one, whose JSON output the ` +
        'expectations read. Join them into one script or split the block.',
    );
  }
  if (runbook.expect.length === 0 && runbook.commands.length > 0) {
    sink.error(
      at,
      'missing-expectation',
      `Found check ${code(runbook.id)} without an expectation; expected at ` +
        'least one `::expect{query="..." equals="..."}` after its command. ' +
        'Add one.',
    );
  }
  if (runbook.fixes.length > 0) {
    sink.error(
      attributeAt.fixes ?? at,
      'check-fixes',
      `Found ${code('fixes')} on check ${code(runbook.id)}; expected it ` +
        'only on the change or manual blocks that fix a check. Move it there.',
    );
  }
};
