/**
 * Builds what the lint rules see of a block, computing the shared work
 * (resolving calls, walking queries) once and only when a rule asks.
 */
import type { Block } from '../extract.ts';
import type { MessageSink, Point } from '../messages.ts';
import type { Runbook } from '../schema.ts';
import type { AwsCall } from './aws-calls.ts';
import { lintRules } from './catalog.ts';
import type { Fence } from './fence.ts';
import type { ModelStore } from './models.ts';
import { analyseText, analyseWord, type QueryAnalysis } from './queries.ts';
import { outputType, unknown, type QueryType } from './query-types.ts';
import { resolveCall, type Resolution } from './resolve.ts';
import type { ExpectationAnalysis, LintContext } from './types.ts';

interface ContextInput {
  runbook: Runbook;
  block: Block;
  lines: string[];
  fences: Fence[];
  calls: AwsCall[];
  sink: MessageSink;
  models?: ModelStore;
}

export function buildContext(input: ContextInput): LintContext {
  const resolutions = new Map<AwsCall, Resolution>();
  const queries = new Map<AwsCall, QueryAnalysis | undefined>();
  let expectations: ExpectationAnalysis[] | undefined;

  const resolve = (call: AwsCall): Resolution => {
    if (!input.models) return { status: 'skip' };
    let resolution = resolutions.get(call);
    if (!resolution) {
      resolution = resolveCall(call, input.models);
      resolutions.set(call, resolution);
    }
    return resolution;
  };

  const query = (call: AwsCall): QueryAnalysis | undefined => {
    if (queries.has(call)) return queries.get(call);
    const option = [...call.leading, ...call.options].find((o) => o.name === 'query');
    const word = option?.values[0];
    const resolution = resolve(call);
    const output: QueryType =
      resolution.status === 'found'
        ? outputType(resolution.operation.model, resolution.operation.operation.name)
        : unknown;
    const analysis = word ? analyseWord(word, call.fence, output) : undefined;
    queries.set(call, analysis);
    return analysis;
  };

  const ctx: LintContext = {
    runbook: input.runbook,
    block: input.block,
    lines: input.lines,
    fences: input.fences,
    calls: input.calls,
    ...(input.models && { models: input.models }),
    resolve,
    query,
    expectations: () => (expectations ??= analyseExpectations(ctx)),
    report: (at, ruleId, message) => {
      if (lintRules[ruleId].severity === 'error') input.sink.error(at, ruleId, message);
      else input.sink.warn(at, ruleId, message);
    },
  };
  return ctx;
}

/** The type of the JSON a check's one command prints, when it can be known. */
export function checkOutput(ctx: LintContext): QueryType {
  if (ctx.runbook.kind !== 'check' || ctx.fences.length !== 1) return unknown;
  const fence = ctx.fences[0]!;
  const printing = fence.commands.filter((c) => !c.parent && c.words.length > 0);
  if (printing.length !== 1) return unknown;
  const shell = printing[0]!;
  if (['|', '|&'].includes(shell.next) || ['|', '|&'].includes(shell.prev)) return unknown;
  const call = ctx.calls.find((c) => c.shell === shell);
  if (!call) return unknown;
  const resolution = ctx.resolve(call);
  if (resolution.status !== 'found') return unknown;
  const output = [...call.leading, ...call.options].find((o) => o.name === 'output');
  if (output && output.values[0]?.value !== 'json') return unknown;
  const hasQuery = [...call.leading, ...call.options].some((o) => o.name === 'query');
  if (!hasQuery) {
    return outputType(resolution.operation.model, resolution.operation.operation.name);
  }
  const analysis = ctx.query(call);
  return analysis && !analysis.error ? analysis.result : unknown;
}

function analyseExpectations(ctx: LintContext): ExpectationAnalysis[] {
  const input = checkOutput(ctx);
  if (input.kind === 'unknown') return [];
  return ctx.runbook.expect.map((expectation) => {
    const text = ctx.lines[expectation.line - 1] ?? '';
    const value = attributeValueAt(text, 'query');
    const from = (value?.column ?? 1) - 1;
    const exact = value && text.slice(from, from + expectation.query.length) === expectation.query;
    const at = (offset: number): Point => ({
      line: expectation.line,
      column: exact ? value.column + offset : (value?.column ?? 1),
    });
    const compared = attributeValueAt(text, expectation.comparison);
    return {
      expectation,
      analysis: analyseText(expectation.query, input, at),
      valueAt: { line: expectation.line, column: compared?.name ?? 1 },
    };
  });
}

/** Where attribute `name` and its value start on a directive line. */
function attributeValueAt(
  text: string,
  name: string,
): { name: number; column: number } | undefined {
  const match = new RegExp(`[{\\s](${name.replace(/-/g, '\\-')})=(["']?)`).exec(text);
  if (!match) return undefined;
  return { name: match.index + 2, column: match.index + match[0].length + 1 };
}
