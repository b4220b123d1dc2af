/**
 * Reads the attribute names of every directive, with their positions, from
 * micromark's own tokens. The syntax tree keeps only the last of repeated
 * attributes and no positions for them; the tokens keep both.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Point } from './messages.ts';

export interface AttributeToken {
  /** `id` for `#x`, `class` for `.x`, else the name as written. */
  name: string;
  /** How it was written: `#x`, `.x` or `name=...`. */
  form: 'id' | 'class' | 'pair';
  at: Point;
}

/** Maps a directive's start offset to its attributes, in written order. */
export type DirectiveTokens = Map<number, AttributeToken[]>;

const starts = new Set([
  'directiveContainer',
  'directiveLeaf',
  'directiveText',
]);

/** Tokenizes `source` with the same extensions as the parser. */
export function directiveTokens(source: string): DirectiveTokens {
  const parser = parse({
    extensions: [directive(), frontmatter(['yaml']), gfm()],
  });
  const chunks = preprocess()(source, undefined, true);
  const events = postprocess(parser.document().write(chunks));
  const result: DirectiveTokens = new Map();
  const open: AttributeToken[][] = [];

  for (const [phase, token] of events) {
    if (starts.has(token.type)) {
      if (phase === 'enter') {
        const list: AttributeToken[] = [];
        result.set(token.start.offset, list);
        open.push(list);
      } else {
        open.pop();
      }
      continue;
    }
    if (phase !== 'enter' || open.length === 0) continue;
    const list = open[open.length - 1]!;
    const at = { line: token.start.line, column: token.start.column };
    if (/^directive\w+AttributeName$/.test(token.type)) {
      list.push({ name: sliceOf(source, token), form: 'pair', at });
    } else if (/^directive\w+AttributeId$/.test(token.type)) {
      list.push({ name: 'id', form: 'id', at });
    } else if (/^directive\w+AttributeClass$/.test(token.type)) {
      list.push({ name: 'class', form: 'class', at });
    }
  }
  return result;
}

function sliceOf(
  source: string,
  token: { start: { offset: number }; end: { offset: number } },
): string {
  return source.slice(token.start.offset, token.end.offset);
}
