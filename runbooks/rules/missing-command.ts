import { code } from '../messages.ts';
import type { BlockRule } from './types.ts';

/** Checks and changes run commands; a block of either kind needs one. */
export const missingCommand: BlockRule = ({ runbook, at, sink }) => {
  if (runbook.kind === 'manual' || runbook.commands.length > 0) return;
  sink.error(
    at,
    'missing-command',
    `Found ${code(runbook.kind)} block ${code(runbook.id)} without a ` +
      'command; expected a ```bash fence with what to run. Add one, or ' +
      'make it `kind=manual` if a person does it by hand.',
  );
};
