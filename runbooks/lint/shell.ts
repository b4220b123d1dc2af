/**
 * Reads a fence of bash into commands and words with their offsets, enough
 * to find every command (in scripts, loops, pipelines, `$(...)` and lines
 * continued with backslashes) and say where each word stands. It is not a
 * full bash parser: `case` patterns and arithmetic are skipped over, and
 * anything it cannot read ends the current word rather than throwing.
 */

/** A shell word as written, with what it expands to when that is fixed. */
export interface Word {
  /** Offsets into the fence text; `end` is exclusive. */
  start: number;
  end: number;
  raw: string;
  /** The word after quote removal; undefined when it expands anything. */
  value?: string;
  /** Literal text before the first expansion, quotes removed. */
  prefix: string;
  /** Whether any part of it was quoted. */
  quoted: boolean;
  substitutions: Substitution[];
  /** Offsets of backticks that open a substitution inside double quotes. */
  backticksInDouble: number[];
}

/** A `$(...)` or backtick command substitution. */
export interface Substitution {
  start: number;
  end: number;
  script: Script;
  /** The word it stands in. */
  word?: Word;
}

/** A simple command: assignments, words and redirections. */
export interface ShellCommand {
  start: number;
  assignments: Word[];
  words: Word[];
  redirects: Word[];
  /** Operator before and after it: `|`, `||`, `&&`, `;`, `&`, newline, or ''. */
  prev: string;
  next: string;
  /** The command after it when `next` is an operator that joins them. */
  following?: ShellCommand;
  /** The substitution it runs inside, if any. */
  parent?: Substitution;
}

export interface ForLoop {
  variable: Word;
  list: Word[];
}

export interface Heredoc {
  /** Offsets of the body, without the delimiter line. */
  start: number;
  end: number;
  expands: boolean;
}

export interface Script {
  commands: ShellCommand[];
  loops: ForLoop[];
  heredocs: Heredoc[];
  /** Offsets where a command begins at the start of a line. */
  lineStarts: number[];
  /** Comments, as offset ranges. */
  comments: Array<[number, number]>;
  /** Offset just after the script (after the closing parenthesis if any). */
  end: number;
}

const blank = /[ \t]/;
const metachar = /[ \t\n;&|<>()]/;
const redirect = /^(\d*)(<<<|<<-|<<|<>|<&|>&|>>|>\||&>>|&>|<|>)/;
const operators = ['&&', '||', '|&', ';;', '|', ';', '&'];
const assignment = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
/** Reserved words that only introduce or close the command after them. */
const transparent = new Set([
  'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'while', 'until',
  '{', '}', '!', 'time', 'esac',
]);

/** Reads `text` as a bash script. */
export function parseShell(text: string): Script {
  return new Parser(text).script(0, undefined);
}

/** Every command of a script, those inside substitutions included. */
export function allCommands(script: Script): ShellCommand[] {
  const found: ShellCommand[] = [];
  const visit = (s: Script) => {
    for (const command of s.commands) {
      found.push(command);
      for (const word of [...command.assignments, ...command.words, ...command.redirects]) {
        for (const sub of word.substitutions) visit(sub.script);
      }
    }
    for (const loop of s.loops) {
      for (const word of loop.list) for (const sub of word.substitutions) visit(sub.script);
    }
  };
  visit(script);
  return found.sort((a, b) => a.start - b.start);
}

interface Pending {
  delimiter: string;
  strip: boolean;
  expands: boolean;
}

class Parser {
  private heredocs: Pending[] = [];

  constructor(
    private readonly text: string,
    /** Offset the parser never reads past: the closing backtick of a substitution. */
    private readonly limit = text.length,
  ) {}

  /** Reads commands from `i` until `closer` (a `)` or an offset) or the end. */
  script(i: number, closer: ')' | number | undefined, parent?: Substitution): Script {
    const text = this.text;
    const limit = typeof closer === 'number' ? closer : this.limit;
    const result: Script = {
      commands: [],
      loops: [],
      heredocs: [],
      lineStarts: [],
      comments: [],
      end: limit,
    };
    let command = this.fresh(i, '\n', parent);
    let lineStart = true;

    const finish = (op: string) => {
      if (!isEmpty(command)) {
        command.next = op;
        const last = result.commands[result.commands.length - 1];
        if (last && ['|', '|&', '&&', '||'].includes(last.next) && !last.following) {
          last.following = command;
        }
        result.commands.push(command);
      }
      command = this.fresh(i, op || command.prev, parent);
    };

    while (i < limit) {
      const c = text[i]!;
      if (blank.test(c)) {
        i++;
        continue;
      }
      if (c === '\\' && text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (c === '\n') {
        finish('\n');
        i++;
        if (this.heredocs.length > 0) i = this.bodies(i, result);
        lineStart = true;
        continue;
      }
      if (lineStart && command.words.length === 0 && command.assignments.length === 0) {
        result.lineStarts.push(i);
      }
      lineStart = false;
      if (c === '#') {
        const end = Math.min(lineEnd(text, i), limit);
        result.comments.push([i, end]);
        i = end;
        continue;
      }
      if (c === ')') {
        if (closer === ')') {
          finish('');
          result.end = i + 1;
          return result;
        }
        i++;
        continue;
      }
      if (c === '(') {
        if (text.startsWith('((', i)) {
          i = skipBalanced(text, i + 2, '(', ')', 2);
          continue;
        }
        if (text[i + 1] === ')') {
          // `name() { ...; }`: a function definition, not a command.
          command = this.fresh(i, '\n', parent);
          i += 2;
          continue;
        }
        finish(';');
        const inner = this.script(i + 1, ')', parent);
        result.commands.push(...inner.commands);
        result.loops.push(...inner.loops);
        result.lineStarts.push(...inner.lineStarts);
        result.comments.push(...inner.comments);
        i = inner.end;
        continue;
      }
      const op = operators.find((o) => text.startsWith(o, i));
      if (op && !(op === '&' && text[i + 1] === '>')) {
        i += op.length;
        finish(op);
        continue;
      }
      const redirection = redirect.exec(text.slice(i, i + 5));
      if (redirection) {
        if (isEmpty(command)) command.start = i;
        i = this.redirect(i, redirection, command);
        continue;
      }

      const word = this.word(i);
      if (word.end === i) {
        i++;
        continue;
      }
      i = word.end;
      if (isEmpty(command)) command.start = word.start;
      if (command.words.length === 0 && assignment.test(word.raw)) {
        command.assignments.push(word);
        continue;
      }
      if (command.words.length === 0 && word.value !== undefined && !word.quoted) {
        if (word.value === 'for' || word.value === 'select') {
          i = this.loop(i, result);
          continue;
        }
        if (word.value === 'function') {
          i = this.word(skipBlank(text, i)).end;
          continue;
        }
        if (transparent.has(word.value)) continue;
      }
      command.words.push(word);
    }
    finish('');
    result.end = limit;
    return result;
  }

  private fresh(start: number, prev: string, parent?: Substitution): ShellCommand {
    return {
      start,
      assignments: [],
      words: [],
      redirects: [],
      prev,
      next: '',
      ...(parent && { parent }),
    };
  }

  /** Reads `for NAME in words...`; the body is read as ordinary commands. */
  private loop(i: number, result: Script): number {
    const text = this.text;
    i = skipBlank(text, i);
    if (text.startsWith('((', i)) {
      // `for ((i = 0; ...))`: the name assigned first is the loop's variable.
      const end = skipBalanced(text, i + 2, '(', ')', 2);
      const name = /[A-Za-z_][A-Za-z0-9_]*(?=\s*=)/.exec(text.slice(i, end));
      if (name) {
        const at = i + name.index;
        result.loops.push({ variable: this.word(at), list: [] });
      }
      return end;
    }
    const variable = this.word(i);
    i = skipSpace(text, variable.end);
    const list: Word[] = [];
    if (text.startsWith('in', i) && metachar.test(text[i + 2] ?? ' ')) {
      i += 2;
      for (;;) {
        i = skipBlank(text, i);
        if (text[i] === '\\' && text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i >= text.length || text[i] === ';' || text[i] === '\n') break;
        const word = this.word(i);
        if (word.end === i) break;
        list.push(word);
        i = word.end;
      }
    }
    result.loops.push({ variable, list });
    return i;
  }

  private redirect(i: number, match: RegExpExecArray, command: ShellCommand): number {
    const text = this.text;
    const op = match[2]!;
    i = skipBlank(text, i + match[0].length);
    if ((op === '>&' || op === '<&') && /[\d-]/.test(text[i] ?? '')) {
      while (/[\d-]/.test(text[i] ?? '')) i++;
      return i;
    }
    const target = this.word(i);
    command.redirects.push(target);
    if (op === '<<' || op === '<<-') {
      this.heredocs.push({
        delimiter: unquote(target.raw),
        strip: op === '<<-',
        expands: !/['"\\]/.test(target.raw),
      });
    }
    return target.end;
  }

  /** Skips the bodies of heredocs opened on the line that just ended. */
  private bodies(i: number, result: Script): number {
    const text = this.text;
    for (const doc of this.heredocs.splice(0)) {
      const start = i;
      for (;;) {
        if (i >= text.length) {
          result.heredocs.push({ start, end: text.length, expands: doc.expands });
          return text.length;
        }
        const end = lineEnd(text, i);
        const line = text.slice(i, end);
        if ((doc.strip ? line.replace(/^\t+/, '') : line) === doc.delimiter) {
          result.heredocs.push({ start, end: i, expands: doc.expands });
          i = Math.min(end + 1, text.length);
          break;
        }
        i = end + 1;
      }
    }
    return i;
  }

  /** Reads one word starting at `i`. */
  private word(i: number): Word {
    const text = this.text;
    const start = i;
    const word: Word = {
      start,
      end: start,
      raw: '',
      prefix: '',
      quoted: false,
      substitutions: [],
      backticksInDouble: [],
    };
    let value = '';
    let fixed = true;
    const expand = () => {
      if (fixed) word.prefix = value;
      fixed = false;
    };
    const substitute = (from: number, closer: ')' | number, end?: number) => {
      const sub: Substitution = { start: from, end: from, script: undefined as never, word };
      const nested = new Parser(text, typeof closer === 'number' ? closer : this.limit);
      sub.script = nested.script(from, closer, sub);
      sub.end = end ?? sub.script.end;
      word.substitutions.push(sub);
      expand();
      return sub.end;
    };

    while (i < this.limit && !metachar.test(text[i]!)) {
      const c = text[i]!;
      if (c === '\\') {
        if (text[i + 1] !== '\n') value += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        const close = indexOr(text, "'", i + 1);
        value += text.slice(i + 1, close);
        word.quoted = true;
        i = close + 1;
      } else if (c === '"') {
        word.quoted = true;
        i = this.double(i + 1, (s) => (value += s), expand, substitute, word);
      } else if (c === '`') {
        const close = closingBacktick(text, i + 1);
        substitute(i + 1, close, close + 1);
        i = close + 1;
      } else if (c === '$') {
        i = this.dollar(i, expand, substitute, (s) => (value += s));
      } else {
        value += c;
        i++;
      }
    }
    word.end = Math.max(i, start);
    word.raw = text.slice(start, word.end);
    if (fixed) {
      word.value = value;
      word.prefix = value;
    }
    return word;
  }

  /** Reads a double-quoted part from `i` (after the quote); returns the offset after it. */
  private double(
    i: number,
    add: (s: string) => void,
    expand: () => void,
    substitute: (from: number, closer: ')' | number, end?: number) => number,
    word: Word,
  ): number {
    const text = this.text;
    while (i < text.length && text[i] !== '"') {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        if ('$`"\\'.includes(next)) add(next);
        else if (next !== '\n') add(c + next);
        i += 2;
      } else if (c === '`') {
        word.backticksInDouble.push(i);
        const close = closingBacktick(text, i + 1);
        substitute(i + 1, close, close + 1);
        i = close + 1;
      } else if (c === '$') {
        i = this.dollar(i, expand, substitute, add);
      } else {
        add(c);
        i++;
      }
    }
    return i + 1;
  }

  /** Reads an expansion that starts with `$` at `i`. */
  private dollar(
    i: number,
    expand: () => void,
    substitute: (from: number, closer: ')' | number, end?: number) => number,
    add: (s: string) => void,
  ): number {
    const text = this.text;
    const next = text[i + 1] ?? '';
    if (text.startsWith('$((', i)) {
      expand();
      return skipBalanced(text, i + 3, '(', ')', 2);
    }
    if (next === '(') return substitute(i + 2, ')');
    if (next === '{') {
      expand();
      return skipBalanced(text, i + 2, '{', '}', 1);
    }
    if (next === "'") {
      const close = closingQuote(text, i + 2);
      add(text.slice(i + 2, close));
      return close + 1;
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i + 1));
    if (name) {
      expand();
      return i + 1 + name[0].length;
    }
    add('$');
    return i + 1;
  }
}

function isEmpty(command: ShellCommand): boolean {
  return command.words.length + command.assignments.length + command.redirects.length === 0;
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end;
}

function indexOr(text: string, char: string, from: number): number {
  const found = text.indexOf(char, from);
  return found === -1 ? text.length : found;
}

function skipBlank(text: string, i: number): number {
  while (blank.test(text[i] ?? '')) i++;
  return i;
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    i = skipBlank(text, i);
    if (text[i] === '\\' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n' && text.slice(i + 1).trimStart().startsWith('in ')) i++;
    else return i;
  }
}

/** Finds the closer that balances an opener already read; returns the offset after it. */
function skipBalanced(text: string, i: number, open: string, close: string, width: number): number {
  let depth = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === "'" && open === '{') i = indexOr(text, "'", i + 1) + 1;
    else if (c === open) (depth++, i++);
    else if (c === close) {
      depth--;
      i++;
      if (depth === 0) return width === 2 && text[i] === close ? i + 1 : i;
    } else i++;
  }
  return text.length;
}

function closingBacktick(text: string, i: number): number {
  while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i, text.length);
}

function closingQuote(text: string, i: number): number {
  while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
  return Math.min(i, text.length);
}

function unquote(raw: string): string {
  return raw.replace(/['"\\]/g, '');
}
