import { code } from '../../messages.ts';
import { closest } from '../../suggest.ts';
import { operationNames } from '../api.ts';
import type { LintRule } from '../types.ts';

/** The operation exists in the service, spelled the CLI's way. */
export const awsOperation: LintRule = (ctx) => {
  for (const call of ctx.calls) {
    const resolution = ctx.resolve(call);
    const service = call.service;
    if (!service) continue;

    if (resolution.status === 'misspelt' && call.operation) {
      ctx.report(
        call.fence.at(call.operation.start),
        'aws-operation',
        `Found operation ${code(call.operation.raw)}; expected the AWS CLI's ` +
          `spelling ${code(resolution.spelled)}. Write ` +
          `${code(`aws ${resolution.service} ${resolution.spelled}`)}.`,
      );
      continue;
    }
    if (resolution.status !== 'no-operation') continue;
    if (!resolution.operation) {
      ctx.report(
        call.fence.at(service.start),
        'aws-operation',
        `Found ${code('aws ' + resolution.service)} without an operation; ` +
          'expected one after the service, as ' +
          `${code(`aws ${resolution.service} help`)} lists them. Add the operation.`,
      );
      continue;
    }
    const near = closest(resolution.operation, operationNames(resolution.model));
    ctx.report(
      call.fence.at(call.operation!.start),
      'aws-operation',
      `Found operation ${code(resolution.operation)}, which ` +
        `${code(resolution.service)} does not have; expected one of its ` +
        `operations, as ${code(`aws ${resolution.service} help`)} lists them. ` +
        (near ? `Did you mean ${code(near)}?` : 'Fix the name.'),
    );
  }
};
