/**
 * Fills parameter values into shell text the way bash would expand the
 * variables, quoting each value for where it stands, so that a value can
 * never become shell syntax. Browser-safe: the site fills commands with it.
 */

export type Values = Readonly<Record<string, string>>;

/** A variable reference found in shell text. */
export interface Reference {
  name: string;
  /** Offset of the `$`. */
  start: number;
  end: number;
  /** Where it stands: bare, inside double quotes, or in a heredoc body. */
  context: 'bare' | 'double' | 'heredoc';
  /** In double quotes that hold nothing else, like `"$NAME"`. */
  whole?: boolean;
}

const safe = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Replaces `$NAME` and `${NAME}` for every name in `values`. */
export function fillCommand(text: string, values: Values): string {
  let out = '';
  let last = 0;

  for (const ref of shellReferences(text)) {
    const value = values[ref.name];
    if (value === undefined) continue;
    if (ref.whole && !safe.test(value)) {
      out += text.slice(last, ref.start - 1) + quoteFor(value, 'bare');
      last = ref.end + 1;
      continue;
    }
    out += text.slice(last, ref.start) + quoteFor(value, ref.context);
    last = ref.end;
  }
  return out + text.slice(last);
}

/** Quotes `value` so that, where it stands, the shell reads it literally. */
export function quoteFor(value: string, context: Reference['context']): string {
  if (safe.test(value)) return value;
  const single = "'" + value.replace(/'/g, "'\\''") + "'";
  if (context === 'bare') return single;
  if (context === 'double') return '"' + single + '"';
  return value.replace(/[\\$`]/g, (c) => '\\' + c);
}

/** Finds the variable references bash would expand in `text`. */
export function shellReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  const stack: Array<'bare' | 'double' | 'subst'> = ['bare'];
  /** Where each open double quote began. */
  const opened: number[] = [];
  const heredocs: Array<{ word: string; expand: boolean; strip: boolean }> = [];
  let i = 0;

  const top = () => stack[stack.length - 1]!;
  const readVariable = (context: Reference['context']) => {
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(i));
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    const match = braced ?? plain;
    if (!match) return false;
    const end = i + match[0].length;
    const whole =
      context === 'double' && opened[opened.length - 1] === i - 1 && text[end] === '"';
    refs.push({ name: match[1]!, start: i, end, context, ...(whole && { whole }) });
    i = end;
    return true;
  };

  while (i < text.length) {
    const c = text[i]!;
    const state = top();

    if (state === 'double') {
      if (c === '\\') i += 2;
      else if (c === '"') (stack.pop(), opened.pop(), i++);
      else if (text.startsWith('$(', i)) (stack.push('subst'), (i += 2));
      else if (c === '$' && readVariable('double')) continue;
      else i++;
      continue;
    }

    if (c === '\\') i += 2;
    else if (c === "'") i = skipTo(text, i + 1, "'");
    else if (c === '"') (stack.push('double'), opened.push(i), i++);
    else if (text.startsWith('$(', i)) (stack.push('subst'), (i += 2));
    else if (c === ')' && state === 'subst') (stack.pop(), i++);
    else if (c === '#' && atWordStart(text, i)) i = endOfLine(text, i);
    else if (c === '$' && readVariable('bare')) continue;
    else if (text.startsWith('<<', i) && text[i + 2] !== '<') {
      const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/.exec(text.slice(i));
      if (heredoc) {
        heredocs.push({
          word: heredoc[3]!,
          expand: heredoc[2] === '',
          strip: heredoc[1] === '-',
        });
        i += heredoc[0].length;
      } else i += 2;
    } else if (c === '\n' && heredocs.length > 0) {
      i = readHeredocs(text, i + 1, heredocs.splice(0), refs);
    } else i++;
  }
  return refs;
}

/** Reads heredoc bodies starting at `i`; returns the offset after them. */
function readHeredocs(
  text: string,
  i: number,
  docs: Array<{ word: string; expand: boolean; strip: boolean }>,
  refs: Reference[],
): number {
  for (const doc of docs) {
    while (i < text.length) {
      const eol = text.indexOf('\n', i);
      const end = eol === -1 ? text.length : eol;
      const line = text.slice(i, end);
      const bare = doc.strip ? line.replace(/^\t+/, '') : line;
      if (bare === doc.word) {
        i = end + 1;
        break;
      }
      if (doc.expand) {
        const pattern = /\\.|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
        for (const m of line.matchAll(pattern)) {
          const name = m[1] ?? m[2];
          if (!name) continue;
          const start = i + m.index;
          refs.push({ name, start, end: start + m[0].length, context: 'heredoc' });
        }
      }
      i = end + 1;
    }
  }
  return i - 1;
}

function skipTo(text: string, from: number, char: string): number {
  const found = text.indexOf(char, from);
  return found === -1 ? text.length : found + 1;
}

function endOfLine(text: string, from: number): number {
  const found = text.indexOf('\n', from);
  return found === -1 ? text.length : found;
}

function atWordStart(text: string, i: number): boolean {
  return i === 0 || /\s|[;&|(]/.test(text[i - 1]!);
}
