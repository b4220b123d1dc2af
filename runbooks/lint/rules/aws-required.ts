import { code } from '../../messages.ts';
import { closest } from '../../suggest.ts';
import { replacesParameters } from '../cli-names.ts';
import type { LintRule } from '../types.ts';
import { sortOptions } from './option-words.ts';

/** Every parameter the operation requires is given. */
export const awsRequired: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    if (resolution.status !== 'found' || !call.operation) continue;
    const operation = resolution.operation;
    const written = new Set([...call.leading, ...call.options].map((o) => o.name));
    if (replacesParameters.some((name) => written.has(name))) continue;

    // A misspelt option is `aws-option`'s to report, with the right name.
    const names = [...operation.options.keys()];
    const meant = new Set(
      [...written].filter((w) => !operation.options.has(w)).map((w) => closest(w, names)),
    );
    const missing = operation.required
      .filter((r) => r.options.length > 0 && !r.options.some((o) => written.has(o) || meant.has(o)))
      .map((r) => r.options.find((o) => !o.startsWith('no-')) ?? r.options[0]!);
    if (operation.outfile && sortOptions(call, operation).stray.length === 0) {
      missing.push('outfile');
    }
    if (missing.length === 0) continue;

    const wanted = missing.map((m) =>
      m === 'outfile' ? 'a file name for the output' : code('--' + m),
    );
    const add = missing.map((m) => (m === 'outfile' ? 'the file name' : code(`--${m} ...`)));
    ctx.report(
      call.fence.at(call.operation.start),
      'aws-required',
      `Found ${code(`aws ${operation.service} ${operation.name}`)} without ` +
        `${wanted.join(' and ')}, which it requires; expected every required ` +
        `parameter. Add ${add.join(' and ')}.`,
    );
  }
};
