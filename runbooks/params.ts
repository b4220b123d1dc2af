/**
 * Reads `::param[Description]{name=... type=...}` into a typed parameter.
 */
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import {
  checkTokens,
  parseAttributes,
  type AttributeContext,
} from './attributes.ts';
import { code } from './messages.ts';
import { checkValue } from './param-types.ts';
import { ParamAttributes, type Param } from './schema.ts';

/** Returns the parameter, or undefined after reporting why it is invalid. */
export function readParam(
  node: LeafDirective,
  ctx: AttributeContext,
): Param | undefined {
  if (!checkTokens(ctx)) return undefined;
  const attributes = parseAttributes(ParamAttributes, ctx);
  const description = toString(node).trim();
  const at = (key: string) =>
    ctx.tokens.find((t) => t.name === key)?.at ?? ctx.at;
  let ok = Boolean(attributes);

  if (!description) {
    ctx.sink.error(
      ctx.at,
      'missing-description',
      'Found a `::param` without a description; expected one in brackets. ' +
        'Write `::param[What the value is]{name=... type=...}`.',
    );
    ok = false;
  }
  if (!attributes) return undefined;

  if (attributes.type === 'enum' && !attributes.values) {
    ctx.sink.error(
      at('type'),
      'param-values',
      `Found ${code('type=enum')} without ${code('values')}; expected the ` +
        'allowed words. Add `values="one two"`.',
    );
    ok = false;
  }
  if (attributes.type !== 'enum' && attributes.values) {
    ctx.sink.error(
      at('values'),
      'param-values',
      `Found ${code('values')} on a parameter of type ${code(attributes.type)}; ` +
        'expected it only with `type=enum`. Remove it or set `type=enum`.',
    );
    ok = false;
  }
  if (attributes.pattern !== undefined) {
    try {
      new RegExp(attributes.pattern, 'u');
    } catch (error) {
      ctx.sink.error(
        at('pattern'),
        'param-pattern',
        `Found pattern ${code(attributes.pattern)}, which is not a valid ` +
          `regular expression (${(error as Error).message}); expected one ` +
          'that compiles. Fix the expression.',
      );
      ok = false;
    }
  }
  if (ok && attributes.default !== undefined) {
    const problem = checkValue(attributes, attributes.default);
    if (problem) {
      ctx.sink.error(
        at('default'),
        'param-default',
        `Found default ${code(attributes.default)} for ${code(attributes.name)}; ` +
          `expected ${problem}. Fix the default or the type.`,
      );
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    name: attributes.name,
    type: attributes.type,
    description,
    ...(attributes.default !== undefined && { default: attributes.default }),
    ...(attributes.pattern !== undefined && { pattern: attributes.pattern }),
    ...(attributes.values && { values: attributes.values }),
  };
}
