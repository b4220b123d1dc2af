import { code } from '../../messages.ts';
import { effectOf } from '../effects.ts';
import type { LintRule } from '../types.ts';
import { readingBlock } from './scope.ts';

/** A check or an `effect=read` block calls only operations that read. */
export const readOnlyOperation: LintRule = (ctx) => {
  const block = readingBlock(ctx);
  if (!block) return;
  for (const call of ctx.calls) {
    const service = call.service?.value;
    const operation = call.operation?.value;
    if (!service || !operation || effectOf(service, operation) !== 'change') continue;
    ctx.report(
      call.fence.at(call.operation!.start),
      'read-only-operation',
      `Found ${code(`aws ${service} ${operation}`)}, which changes the account, ` +
        `in ${block}; expected only operations that read (Get, List, ` +
        'Describe, or a documented read-only exception). Move it to a ' +
        '`kind=change` block with `effect=change`.',
    );
  }
};
