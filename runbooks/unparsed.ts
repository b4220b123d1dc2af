/**
 * Finds lines that were meant as directives but parsed as plain text: an
 * opener with a space before `{`, escaped quotes, an unclosed attribute
 * list, or a `:::` line that closes nothing.
 */
import type { Paragraph, Parent, Root } from 'mdast';
import { code, type MessageSink } from './messages.ts';

/** Scans every paragraph's source lines for directive-like text. */
export function scanUnparsed(tree: Root, lines: string[], sink: MessageSink) {
  const state = { openers: 0 };
  for (const paragraph of paragraphs(tree)) {
    const start = paragraph.position?.start.line;
    const end = paragraph.position?.end.line;
    if (!start || !end) continue;
    for (let line = start; line <= end; line++) {
      checkLine(lines[line - 1] ?? '', line, sink, state);
    }
  }
}

/**
 * `openers` counts container openers that did not parse: the next stray
 * `:::` line is theirs and is not reported again.
 */
function checkLine(
  text: string,
  line: number,
  sink: MessageSink,
  state: { openers: number },
): void {
  const body = /^(?:\s*>)*\s*/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(body);
  const column = body + 1;

  if (/^:{3,}\s*$/.test(rest)) {
    if (state.openers > 0) {
      state.openers--;
      return;
    }
    sink.error(
      { line, column },
      'stray-fence',
      `Found a ${code(rest.trim())} line that closes nothing; expected it ` +
        'to close a block. A block above ended early (see the other ' +
        'messages for this file), or the line is left over: remove it.',
    );
    return;
  }

  const opener = /^(:{2,})([A-Za-z][\w-]*)/.exec(rest);
  if (!opener) return;
  const name = opener[1]! + opener[2]!;
  if (opener[1]!.length >= 3) state.openers++;
  const after = rest.slice(name.length);
  const report = (offset: number, why: string) =>
    sink.error(
      { line, column: column + offset },
      'unparsed-directive',
      `Found ${code(name)} that did not parse, so it shows as plain text; ` +
        why,
    );

  const space = /^(\s+)[[{]/.exec(after);
  if (space) {
    report(
      name.length,
      `expected ${code(name + after.trimStart()[0])} with nothing between ` +
        'the name and the bracket. Remove the space.',
    );
    return;
  }
  const gap = /^\[[^\]]*\](\s+)\{/.exec(after);
  if (gap) {
    report(
      name.length + gap[0].length - gap[1]!.length - 1,
      'expected `]{` with nothing between the label and the attributes. ' +
        'Remove the space.',
    );
    return;
  }
  const escaped = after.search(/\\["']/);
  if (escaped >= 0) {
    report(
      name.length + escaped,
      'expected attribute values without backslash escapes. Quote a ' +
        "value holding `\"` with single quotes (`title='a \"b\"'`).",
    );
    return;
  }
  const braces = after.indexOf('{');
  if (braces >= 0 && !/}\s*$/.test(after)) {
    report(
      name.length + braces,
      'expected the attribute list to end with `}` on the same line. ' +
        'Close it, and check that every quote is closed.',
    );
    return;
  }
  report(
    name.length,
    'expected `name[label]{key=value ...}` with nothing after the `}`. ' +
      'Check the label, the quotes and the attributes.',
  );
}

function paragraphs(parent: Parent): Paragraph[] {
  const found: Paragraph[] = [];
  for (const child of parent.children) {
    if (child.type === 'paragraph') {
      const label = (child.data as { directiveLabel?: boolean } | undefined)
        ?.directiveLabel;
      if (!label) found.push(child);
    }
    else if ('children' in child) found.push(...paragraphs(child as Parent));
  }
  return found;
}
