/** Every walked query of a block: each `--query` and, for checks, each `::expect`. */
import type { QueryAnalysis } from '../queries.ts';
import type { QueryFinding } from '../query-types.ts';
import type { LintContext } from '../types.ts';

export function analyses(ctx: LintContext): QueryAnalysis[] {
  const found: QueryAnalysis[] = [];
  for (const call of ctx.calls) {
    const analysis = ctx.query(call);
    if (analysis) found.push(analysis);
  }
  for (const e of ctx.expectations()) found.push(e.analysis);
  return found;
}

/** Reports the findings of one kind under `ruleId`. */
export function reportFindings(
  ctx: LintContext,
  kind: QueryFinding['kind'],
  ruleId: Parameters<LintContext['report']>[1],
): void {
  for (const analysis of analyses(ctx)) {
    for (const finding of analysis.findings) {
      if (finding.kind === kind) ctx.report(analysis.at(finding.start), ruleId, finding.message);
    }
  }
}
