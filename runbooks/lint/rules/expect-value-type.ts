import { code } from '../../messages.ts';
import type { Expectation } from '../../schema.ts';
import { closest } from '../../suggest.ts';
import { describe, list, type QueryType } from '../query-types.ts';
import type { LintRule } from '../types.ts';

type Scalar = 'string' | 'number' | 'boolean';

/** An expectation compares with a value of the type (and values) its field has. */
export const expectValueType: LintRule = (ctx) => {
  for (const { expectation, analysis, valueAt } of ctx.expectations()) {
    if (analysis.error || analysis.findings.length > 0) continue;
    const result = analysis.result;
    const report = (found: string, expected: string, fix: string) =>
      ctx.report(
        valueAt,
        'expect-value-type',
        `Found ${code(written(expectation))} for ${code(expectation.query)}, ${found}; ` +
          `expected ${expected}. ${fix}`,
      );

    switch (expectation.comparison) {
      case 'equals':
      case 'not-equals':
        compare(result, expectation, report);
        break;
      case 'contains':
        if (result.kind === 'list') compare(result.of, expectation, report, true);
        else if (result.kind === 'string') compare(result, expectation, report);
        else if (isKnown(result)) {
          report(
            `which is ${describe(result)}`,
            'a list or a string to look in',
            'Query the list, or compare with `equals`.',
          );
        }
        break;
      case 'at-least':
      case 'at-most':
        if (isKnown(result) && result.kind !== 'number' && result.kind !== 'list') {
          report(
            `which is ${describe(result)}`,
            'a number, or a list whose items are counted',
            'Query a number or a list, or compare with `equals`.',
          );
        }
        break;
    }
  }
};

function compare(
  type: QueryType,
  expectation: Expectation,
  report: (found: string, expected: string, fix: string) => void,
  items = false,
): void {
  if (type.kind !== 'string' && type.kind !== 'number' && type.kind !== 'boolean') return;
  const value = expectation.value;
  const given = typeof value as Scalar;
  if (given !== type.kind) {
    const fixed = convert(value, type.kind);
    report(
      items ? `whose items are ${type.kind}s` : `which is ${describe(type)}`,
      `a ${type.kind} to compare with`,
      fixed === undefined
        ? `Compare with a ${type.kind}, or fix the query.`
        : `Write ${code(written({ ...expectation, value: fixed }))}.`,
    );
    return;
  }
  if (type.kind === 'string' && type.enum && !type.enum.includes(String(value))) {
    const near = closest(String(value), type.enum);
    report(
      `${items ? 'whose items are one of' : 'whose values are'} ${list(type.enum)}`,
      'one of those values, or it never matches',
      near ? `Did you mean ${code(near)}?` : 'Use one of those values.',
    );
  }
}

/** The value in the type the field has, when it has an obvious one. */
function convert(value: Expectation['value'], to: Scalar): Expectation['value'] | undefined {
  if (to === 'string') return String(value);
  if (to === 'number') {
    if (typeof value === 'boolean') return value ? 1 : 0;
    return /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : undefined;
  }
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return undefined;
}

/** The comparison as it would be written on the `::expect` line. */
function written(e: Pick<Expectation, 'comparison' | 'value'>): string {
  if (typeof e.value === 'string') return `${e.comparison}="${e.value}"`;
  const typed = ['equals', 'not-equals', 'contains'].includes(e.comparison);
  return `${e.comparison}=${String(e.value)}` + (typed ? ` type=${typeof e.value}` : '');
}

function isKnown(type: QueryType): boolean {
  return type.kind !== 'unknown';
}
