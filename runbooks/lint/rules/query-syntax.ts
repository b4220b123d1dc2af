import { code } from '../../messages.ts';
import type { LintRule } from '../types.ts';
import { reportFindings } from './query-findings.ts';

/**
 * A query is JMESPath as the AWS CLI reads it, calling only functions
 * JMESPath has. An `::expect` that does not compile at all is reported
 * when the block is read; here only what the `jmespath` package lets
 * through is added for it.
 */
export const querySyntax: LintRule = (ctx) => {
  const queries = [
    ...ctx.calls.map((call) => ctx.query(call)),
    ...ctx.expectations().map((e) => e.analysis),
  ];
  for (const analysis of queries) {
    if (!analysis?.error) continue;
    ctx.report(
      analysis.at(analysis.errorAt ?? 0),
      'query-syntax',
      `Found query ${code(analysis.text)}, which is not valid ` +
        `JMESPath (${analysis.error}); expected an expression such as ` +
        '`Trails[].Name`. Fix the query.',
    );
  }
  reportFindings(ctx, 'function', 'query-syntax');
};
