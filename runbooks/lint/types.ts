import type { Block } from '../extract.ts';
import type { Point } from '../messages.ts';
import type { Expectation, Runbook } from '../schema.ts';
import type { AwsCall } from './aws-calls.ts';
import type { LintRuleId } from './catalog.ts';
import type { Fence } from './fence.ts';
import type { ModelStore } from './models.ts';
import type { QueryAnalysis } from './queries.ts';
import type { Resolution } from './resolve.ts';

/** An expectation of a check with its query walked over the command's output. */
export interface ExpectationAnalysis {
  expectation: Expectation;
  analysis: QueryAnalysis;
  /** Where the value compared with is written. */
  valueAt: Point;
}

/** What a lint rule sees of one block. */
export interface LintContext {
  runbook: Runbook;
  block: Block;
  /** The Markdown lines of the file. */
  lines: string[];
  fences: Fence[];
  /** Every `aws ...` command of the block, in order. */
  calls: AwsCall[];
  /** Absent when no models were found. */
  models?: ModelStore;
  resolve(call: AwsCall): Resolution;
  /** The `--query` of a call, walked over its output; absent if it has none. */
  query(call: AwsCall): QueryAnalysis | undefined;
  /** For a check whose output is known: each expectation, walked. */
  expectations(): ExpectationAnalysis[];
  report(at: Point, ruleId: LintRuleId, message: string): void;
}

export type LintRule = (ctx: LintContext) => void;
