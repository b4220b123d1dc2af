import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';

/** The command a check's expectations read prints JSON. */
export const checkOutputFormat: LintRule = (ctx) => {
  if (ctx.runbook.kind !== 'check') return;
  for (const call of ctx.calls) {
    if (call.shell.parent) continue;
    const output = [...call.leading, ...call.options].find((o) => o.name === 'output');
    const value = output?.values[0];
    // Values the CLI does not know are `aws-enum`'s to report.
    if (!value?.value || !['text', 'table', 'yaml', 'yaml-stream'].includes(value.value)) continue;
    ctx.report(
      call.fence.at(value.start),
      'check-output-format',
      `Found ${code('--output ' + value.value)} in check ${code(ctx.runbook.id)}; ` +
        'expected JSON, which its expectations parse. Write `--output json`.',
    );
  }
};
