/**
 * Reads `::expect{query=... equals=...}` into a typed expectation.
 */
import type { LeafDirective } from 'mdast-util-directive';
import { compileQuery } from './jmespath.ts';
import {
  checkTokens,
  parseAttributes,
  type AttributeContext,
} from './attributes.ts';
import { code } from './messages.ts';
import {
  comparisons,
  ExpectAttributes,
  numberPattern,
  type Comparison,
  type Expectation,
} from './schema.ts';

const comparisonKeys = Object.keys(comparisons) as Comparison[];
const typed: Comparison[] = ['equals', 'not-equals', 'contains'];

/** Returns the expectation, or undefined after reporting why it is invalid. */
export function readExpectation(
  node: LeafDirective,
  ctx: AttributeContext,
): Expectation | undefined {
  if (!checkTokens(ctx)) return undefined;
  const attributes = parseAttributes(ExpectAttributes, ctx);
  if (!attributes) return undefined;
  const at = (key: string) =>
    ctx.tokens.find((t) => t.name === key)?.at ?? ctx.at;
  const line = node.position?.start.line ?? 1;

  const given = comparisonKeys.filter((k) => attributes[k] !== undefined);
  if (given.length !== 1) {
    ctx.sink.error(
      given[1] ? at(given[1]) : ctx.at,
      'expect-comparison',
      `Found ${given.length} comparisons ` +
        `(${given.map(code).join(', ') || 'none'}) on \`::expect\`; ` +
        `expected exactly one of ${comparisonKeys.map(code).join(', ')}. ` +
        'Write one `::expect` per comparison.',
    );
    return undefined;
  }
  const comparison = given[0]!;

  try {
    compileQuery(attributes.query);
  } catch (error) {
    ctx.sink.error(
      at('query'),
      'invalid-query',
      `Found query ${code(attributes.query)}, which is not valid JMESPath ` +
        `(${(error as Error).message}); expected an expression such as ` +
        '`Trails[].Name`. Fix the query.',
    );
    return undefined;
  }

  if (attributes.type && !typed.includes(comparison)) {
    ctx.sink.error(
      at('type'),
      'expect-type',
      `Found ${code('type')} with ${code(comparison)}; expected it only ` +
        `with ${typed.map(code).join(', ')}. Remove it.`,
    );
    return undefined;
  }

  const raw = attributes[comparison];
  if (typeof raw !== 'string') {
    return { query: attributes.query, comparison, value: raw!, line };
  }
  const type = attributes.type ?? 'string';
  if (type === 'number' && !numberPattern.test(raw)) {
    ctx.sink.error(
      at(comparison),
      'expect-type',
      `Found ${code(comparison)} = ${code(raw)} with ${code('type=number')}; ` +
        'expected a plain number like `1`. Fix the value or the type.',
    );
    return undefined;
  }
  if (type === 'boolean' && raw !== 'true' && raw !== 'false') {
    ctx.sink.error(
      at(comparison),
      'expect-type',
      `Found ${code(comparison)} = ${code(raw)} with ${code('type=boolean')}; ` +
        'expected `true` or `false`. Fix the value or the type.',
    );
    return undefined;
  }
  const value =
    type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
  return { query: attributes.query, comparison, value, line };
}
