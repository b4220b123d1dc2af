import { code } from '../messages.ts';
import type { BlockRule } from './types.ts';

/** Expectations belong to checks; changes change; manual steps explain. */
export const kindEffect: BlockRule = ({ runbook, at, attributeAt, sink }) => {
  if (runbook.kind !== 'check' && runbook.expect.length > 0) {
    sink.error(
      { line: runbook.expect[0]!.line, column: 1 },
      'unexpected-expectation',
      `Found \`::expect\` in ${code(runbook.kind)} block ` +
        `${code(runbook.id)}; expected expectations only in checks. Move ` +
        'it into the check that verifies this step.',
    );
  }
  if (runbook.kind === 'change' && runbook.effect !== 'change') {
    sink.error(
      attributeAt.effect ?? at,
      'change-effect',
      `Found change ${code(runbook.id)} with ${code('effect=read')}; ` +
        'expected `effect=change`, so that it never runs without asking.',
    );
  }
  if (runbook.kind === 'manual' && runbook.description.trim() === '') {
    sink.error(
      at,
      'missing-instructions',
      `Found manual step ${code(runbook.id)} without instructions; ` +
        'expected prose that tells a person what to do. Add the steps.',
    );
  }
};
