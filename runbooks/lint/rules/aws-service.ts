import { code } from '../../messages.ts';
import { closest } from '../../suggest.ts';
import { cliServiceNames } from '../api.ts';
import type { LintRule } from '../types.ts';

/** The service after `aws` is one the CLI has. */
export const awsService: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    if (resolution.status !== 'no-service' || !call.service || !ctx.models) continue;
    const near = closest(resolution.service, cliServiceNames(ctx.models));
    ctx.report(
      call.fence.at(call.service.start),
      'aws-service',
      `Found service ${code(resolution.service)}, which the AWS CLI does not ` +
        'have; expected a service name as `aws help` lists it, like `iam`. ' +
        (near ? `Did you mean ${code(near)}?` : 'Fix the name.'),
    );
  }
};
