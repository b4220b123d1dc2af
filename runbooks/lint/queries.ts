/**
 * Reads the JMESPath of a `--query` word or an `::expect` line and walks it
 * over the output it applies to.
 */
import { compileQuery } from '../jmespath.ts';
import type { Point } from '../messages.ts';
import type { Fence } from './fence.ts';
import { DanglingDot, parseQuery } from './jmespath-ast.ts';
import { unknown, walkQuery, type QueryFinding, type QueryType } from './query-types.ts';
import type { Word } from './shell.ts';

export interface QueryAnalysis {
  text: string;
  /** The parser's reason when the text is not JMESPath. */
  error?: string;
  /** Where the problem is, when the reason says. */
  errorAt?: number;
  findings: QueryFinding[];
  /** What the query gives; `unknown` when that cannot be said. */
  result: QueryType;
  /** The Markdown position of an offset of `text`. */
  at(offset: number): Point;
}

interface QueryText {
  text: string;
  /** Fence offset of each character of `text`, and one past the end. */
  offsets: number[];
  /** Ranges of `text` that stand for shell variables. */
  variables: Array<[number, number]>;
}

/**
 * The JMESPath a shell word passes, quotes removed. Variables become
 * placeholders of their own length, which nothing is reported about;
 * a word with a command substitution cannot be read.
 */
function queryText(word: Word): QueryText | undefined {
  if (word.substitutions.length > 0) return undefined;
  const raw = word.raw;
  let text = '';
  const offsets: number[] = [];
  const variables: Array<[number, number]> = [];
  let quote: '' | "'" | '"' = '';
  const add = (s: string, at: number) => {
    for (const c of s) {
      text += c;
      offsets.push(word.start + at);
    }
  };

  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else add(c, i);
    } else if (c === "'" && quote === '') {
      quote = "'";
    } else if (c === '"') {
      quote = quote === '"' ? '' : '"';
    } else if (c === '\\') {
      const next = raw[i + 1] ?? '';
      if (quote === '"' && !'$`"\\\n'.includes(next)) add(c, i);
      if (next !== '\n') add(next, i + 1);
      i++;
    } else if (c === '$') {
      const ref = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(raw.slice(i));
      if (!ref) return undefined;
      const from = text.length;
      for (let k = 0; k < ref[0].length; k++) add('_', i + k);
      variables.push([from, text.length]);
      i += ref[0].length - 1;
    } else {
      add(c, i);
    }
  }
  offsets.push(word.end);
  return { text, offsets, variables };
}

/** Analyses a `--query` of a command whose output is `output`. */
export function analyseWord(
  word: Word,
  fence: Fence,
  output: QueryType,
): QueryAnalysis | undefined {
  const query = queryText(word);
  if (!query) return undefined;
  const at = (offset: number) => fence.at(query.offsets[offset] ?? word.start);
  const skip = (start: number, end: number) =>
    query.variables.some(([from, to]) => from < end && start < to);
  return analyse(query.text, output, at, skip);
}

/** Analyses an expectation's query, written at `at`. */
export function analyseText(
  text: string,
  input: QueryType,
  at: (offset: number) => Point,
): QueryAnalysis {
  return analyse(text, input, at, () => false);
}

function analyse(
  text: string,
  input: QueryType,
  at: (offset: number) => Point,
  skip: (start: number, end: number) => boolean,
): QueryAnalysis {
  try {
    compileQuery(text);
  } catch (error) {
    return { text, error: (error as Error).message, findings: [], result: unknown, at };
  }
  const node = parseQuery(text);
  if (node instanceof DanglingDot) {
    return { text, error: node.message, errorAt: node.start, findings: [], result: unknown, at };
  }
  if (!node) return { text, findings: [], result: unknown, at };
  const findings: QueryFinding[] = [];
  const result = walkQuery(node, input, (f) => findings.push(f), skip);
  return { text, findings, result, at };
}
