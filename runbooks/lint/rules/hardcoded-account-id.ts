import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';
import { runs } from './scope.ts';

/** Twelve digits standing alone; after `-` or `_` they are part of a resource id. */
const accountId = /(?<![0-9A-Za-z_-])[0-9]{12}(?![0-9A-Za-z_])/g;

/** Commands name accounts through parameters: every reader's account differs. */
export const hardcodedAccountId: LintRule = (ctx) => {
  if (!runs(ctx)) return;
  for (const fence of ctx.fences) {
    const comments = fence.script.comments;
    for (const match of fence.text.matchAll(accountId)) {
      const at = match.index;
      if (comments.some(([from, to]) => from <= at && at < to)) continue;
      ctx.report(
        fence.at(at),
        'hardcoded-account-id',
        `Found account id ${code(match[0])} written into a command; expected ` +
          'a parameter, since every reader runs it in their own account. ' +
          'Declare `::param[Account id]{name=ACCOUNT_ID type=account-id}` ' +
          'and write `$ACCOUNT_ID`.',
      );
    }
  }
};
