import { code } from '../../messages.ts';
import { closest } from '../../suggest.ts';
import { globalOptions } from '../cli-names.ts';
import type { LintRule } from '../types.ts';
import { sortOptions } from './option-words.ts';

/** Every option is one the operation or the CLI takes; no word is left over. */
export const awsOption: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    if (resolution.status !== 'found') continue;
    const operation = resolution.operation;
    const command = code(`aws ${operation.service} ${operation.name}`);
    const sorted = sortOptions(call, operation);

    for (const written of sorted.unknown) {
      const names = [...operation.options.keys(), ...Object.keys(globalOptions)];
      const near = closest(written.name, names);
      ctx.report(
        call.fence.at(written.word.start),
        'aws-option',
        `Found option ${code('--' + written.name)}, which ${command} does not ` +
          'take; expected one of its parameters (' +
          `${code(`aws ${operation.service} ${operation.name} help`)} lists them) ` +
          'or a global option. ' +
          (near ? `Did you mean ${code('--' + near)}?` : 'Remove it or fix the name.'),
      );
    }

    const flags = sorted.known.filter((k) => k.takes === 'flag');
    const afterFlags = new Set(flags.flatMap((k) => k.extra));
    // `aws iam list-users help` shows the operation's help page.
    const stray = sorted.stray.filter((w) => !afterFlags.has(w) && w.value !== 'help');
    const outfile = operation.outfile ? 1 : 0;
    for (const word of stray.slice(0, Math.max(0, stray.length - outfile))) {
      ctx.report(
        call.fence.at(word.start),
        'aws-option',
        `Found ${code(word.raw)}, which belongs to no option of ${command}; ` +
          'expected each value right after its option. Remove it, or add the ' +
          'option it is the value of.',
      );
    }
  }
};
