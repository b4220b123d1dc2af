import { code } from '../../messages.ts';
import { manualPagingOptions } from '../api.ts';
import type { LintRule } from '../types.ts';

/** A check reads every page of what it inspects. */
export const checkPagination: LintRule = (ctx) => {
  if (ctx.runbook.kind !== 'check') return;
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    const manual = resolution.status === 'found' ? manualPagingOptions(resolution.operation) : [];
    for (const option of [...call.leading, ...call.options]) {
      const cuts = option.name === 'max-items' || option.name === 'no-paginate';
      if (!cuts && !manual.includes(option.name)) continue;
      ctx.report(
        call.fence.at(option.word.start),
        'check-pagination',
        `Found ${code('--' + option.name)} in check ${code(ctx.runbook.id)}; it ` +
          (cuts ? 'stops' : 'turns off the CLI\'s paging and stops') +
          ' the output after one page or a few items, so the check judges part ' +
          'of the account. Expected every page read. Remove it (`--page-size` ' +
          'is fine: it only sizes the requests).',
      );
    }
  }
};
