import { code } from '../../messages.ts';
import { credentialOperations, effectOf } from '../effects.ts';
import type { LintRule } from '../types.ts';
import { readingBlock } from './scope.ts';

/** A check or an `effect=read` block never issues credentials or reveals secrets. */
export const credentialOperation: LintRule = (ctx) => {
  const block = readingBlock(ctx);
  if (!block) return;
  for (const call of ctx.calls) {
    const service = call.service?.value;
    const operation = call.operation?.value;
    if (!service || !operation || effectOf(service, operation) !== 'credentials') continue;
    ctx.report(
      call.fence.at(call.operation!.start),
      'credential-operation',
      `Found ${code(`aws ${service} ${operation}`)}, which issues ` +
        `${credentialOperations[`${service} ${operation}`]}, in ${block}; ` +
        'expected a block that only reads, with the identity the runner ' +
        'proved. Take the call out, or make the block `effect=change`.',
    );
  }
};
