/**
 * Turns a directive's string attributes into typed values with its zod
 * schema, and zod's issues into positioned messages.
 */
import type * as z from 'zod';
import type { AttributeToken } from './directive-tokens.ts';
import { code, type MessageSink, type Point } from './messages.ts';
import { closest } from './suggest.ts';

export interface AttributeContext {
  /** How the directive is written, like `:::runbook` or `::param`. */
  directive: string;
  attributes: Record<string, string | null | undefined>;
  tokens: AttributeToken[];
  /** Where the directive opens; used for missing attributes. */
  at: Point;
  sink: MessageSink;
  /** Hints for keys that are not attributes, like `title`. */
  misplaced?: Record<string, string>;
}

/** Reports repeated attributes and classes; returns false if any. */
export function checkTokens(ctx: AttributeContext): boolean {
  const seen = new Map<string, AttributeToken>();
  let ok = true;

  for (const token of ctx.tokens) {
    if (token.form === 'class') {
      ctx.sink.error(
        token.at,
        'unknown-attribute',
        `Found a class (\`.name\`) on ${code(ctx.directive)}; expected ` +
          'only the attributes of the format. Remove it.',
      );
      ok = false;
      continue;
    }
    const first = seen.get(token.name);
    if (first) {
      ctx.sink.error(
        token.at,
        'duplicate-attribute',
        `Found attribute ${code(token.name)} again (first at ` +
          `${first.at.line}:${first.at.column}); expected each attribute ` +
          'once. Keep one of them.',
      );
      ok = false;
      continue;
    }
    seen.set(token.name, token);
  }
  return ok;
}

/** Parses attributes with `schema`; reports each issue where it applies. */
export function parseAttributes<S extends z.ZodType>(
  schema: S,
  ctx: AttributeContext,
): z.infer<S> | undefined {
  const input = Object.fromEntries(
    Object.entries(ctx.attributes).map(([k, v]) => [k, v ?? '']),
  );
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  for (const issue of result.error.issues) report(schema, ctx, issue, input);
  return undefined;
}

function report(
  schema: z.ZodType,
  ctx: AttributeContext,
  issue: z.core.$ZodIssue,
  input: Record<string, string>,
): void {
  const known = shapeKeys(schema);

  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      if (key === 'class' && ctx.tokens.some((t) => t.form === 'class')) {
        continue;
      }
      const hint =
        ctx.misplaced?.[key] ??
        suggestion(key, known) ??
        'Remove it.';
      ctx.sink.error(
        positionOf(ctx, key),
        'unknown-attribute',
        `Found unknown attribute ${code(key)} on ${code(ctx.directive)}; ` +
          `expected one of ${known.map(code).join(', ')}. ${hint}`,
      );
    }
    return;
  }

  const key = String(issue.path[0] ?? '');
  if (!(key in input)) {
    ctx.sink.error(
      ctx.at,
      'missing-attribute',
      `Found no ${code(key)} on ${code(ctx.directive)}; expected ` +
        `${expectation(schema, key, issue)}. Add \`${key}=...\`.`,
    );
    return;
  }

  const value = input[key] ?? '';
  const options = issue.code === 'invalid_value' ? issue.values.map(String) : [];
  const hint = options.length
    ? (suggestion(value, options) ?? '')
    : '';
  ctx.sink.error(
    positionOf(ctx, key),
    'invalid-attribute',
    `Found ${code(key)} = ${code(value)} on ${code(ctx.directive)}; ` +
      `expected ${expectation(schema, key, issue)}.${hint ? ' ' + hint : ''}`,
  );
}

function expectation(
  schema: z.ZodType,
  key: string,
  issue: z.core.$ZodIssue,
): string {
  if (issue.code === 'invalid_value') {
    return 'one of ' + issue.values.map((v) => shown(String(v))).join(', ');
  }
  const inner = fieldSchema(schema, key);
  const values = inner ? enumValues(inner) : undefined;
  if (values) return 'one of ' + values.map(shown).join(', ');
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    return issue.message;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** An allowed value for a message; the empty value is the bare key. */
function shown(value: string): string {
  return value === '' ? 'no value' : code(value);
}

function positionOf(ctx: AttributeContext, key: string): Point {
  return ctx.tokens.find((t) => t.name === key)?.at ?? ctx.at;
}

function suggestion(value: string, options: string[]): string | undefined {
  const near = closest(value, options);
  return near ? `Did you mean ${code(near)}?` : undefined;
}

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> })
    .shape;
  return shape ? Object.keys(shape) : [];
}

function fieldSchema(schema: z.ZodType, key: string): z.ZodType | undefined {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> })
    .shape;
  return shape?.[key];
}

function enumValues(schema: z.ZodType): string[] | undefined {
  let current: unknown = schema;
  for (let depth = 0; depth < 4 && current; depth++) {
    const s = current as {
      options?: unknown[];
      unwrap?: () => unknown;
    };
    if (Array.isArray(s.options)) return s.options.map(String);
    current = typeof s.unwrap === 'function' ? s.unwrap() : undefined;
  }
  return undefined;
}
