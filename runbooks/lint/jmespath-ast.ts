/**
 * A JMESPath reader that keeps where each field is written, which the
 * `jmespath` package's syntax tree does not. It is only run on expressions
 * that package has already accepted, so it reports nothing itself: on
 * anything unexpected it gives up and the query is left unchecked.
 */

export type QueryNode =
  | { type: 'field'; name: string; start: number; end: number; quoted: boolean }
  | { type: 'sub'; left: QueryNode; right: QueryNode }
  | { type: 'index'; left: QueryNode; start: number }
  | {
      type: 'project';
      /** `[*]` or a slice, `[]`, `[?...]`, or `*` over an object's values. */
      kind: 'list' | 'flatten' | 'filter' | 'values';
      left: QueryNode;
      right: QueryNode;
      condition?: QueryNode;
      start: number;
    }
  | { type: 'compare'; op: string; left: QueryNode; right: QueryNode; start: number }
  | { type: 'or' | 'and' | 'pipe'; left: QueryNode; right: QueryNode }
  | { type: 'not'; child: QueryNode }
  | { type: 'literal'; value: unknown; start: number; end: number; raw: boolean }
  | { type: 'current' }
  | { type: 'function'; name: string; args: QueryNode[]; start: number }
  | { type: 'expref'; child: QueryNode }
  | { type: 'list'; items: QueryNode[] }
  | { type: 'hash'; pairs: Array<{ key: string; value: QueryNode }> };

interface Token {
  type: string;
  value?: unknown;
  start: number;
  end: number;
}

const power: Record<string, number> = {
  pipe: 1,
  or: 2,
  and: 3,
  compare: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};

const comparators = ['<=', '>=', '==', '!=', '<', '>'];
const simple: Record<string, string> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  '{': 'lbrace',
  '}': 'rbrace',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
};

class GiveUp extends Error {}

/**
 * A dot followed by nothing it can take. The `jmespath` package lets
 * `Trails.` and `a..b` through; the AWS CLI's JMESPath refuses them.
 */
export class DanglingDot extends Error {
  constructor(readonly start: number) {
    super('a `.` must be followed by a field name, `*`, `[` or `{`');
  }
}

/**
 * The syntax tree of `expression`, undefined when it cannot be read, or
 * the dangling dot that makes it invalid.
 */
export function parseQuery(expression: string): QueryNode | DanglingDot | undefined {
  try {
    const parser = new Parser(tokenize(expression));
    const node = parser.expression(0);
    return parser.peek().type === 'eof' ? node : undefined;
  } catch (error) {
    if (error instanceof DanglingDot) return error;
    if (error instanceof GiveUp || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      while (/[A-Za-z0-9_]/.test(text[i] ?? '')) i++;
      tokens.push({ type: 'ident', value: text.slice(start, i), start, end: i });
    } else if (c === '"') {
      i = closing(text, i + 1, '"');
      const value = JSON.parse(text.slice(start, i)) as string;
      tokens.push({ type: 'quoted', value, start, end: i });
    } else if (c === "'") {
      i = closing(text, i + 1, "'");
      const value = text.slice(start + 1, i - 1).replace(/\\'/g, "'");
      tokens.push({ type: 'raw', value, start, end: i });
    } else if (c === '`') {
      i = closing(text, i + 1, '`');
      const body = text.slice(start + 1, i - 1).replace(/\\`/g, '`');
      tokens.push({ type: 'literal', value: readLiteral(body), start, end: i });
    } else if (/[-0-9]/.test(c)) {
      i++;
      while (/[0-9]/.test(text[i] ?? '')) i++;
      tokens.push({ type: 'number', value: Number(text.slice(start, i)), start, end: i });
    } else if (c === '[') {
      const next = text[i + 1];
      const type = next === ']' ? 'flatten' : next === '?' ? 'filter' : 'lbracket';
      i += type === 'lbracket' ? 1 : 2;
      tokens.push({ type, start, end: i });
    } else if (c === '|' || c === '&') {
      const double = text[i + 1] === c;
      i += double ? 2 : 1;
      const type = c === '|' ? (double ? 'or' : 'pipe') : double ? 'and' : 'expref';
      tokens.push({ type, start, end: i });
    } else if (comparators.some((op) => text.startsWith(op, i))) {
      const op = comparators.find((o) => text.startsWith(o, i))!;
      i += op.length;
      tokens.push({ type: 'compare', value: op, start, end: i });
    } else if (c === '!') {
      i++;
      tokens.push({ type: 'not', start, end: i });
    } else if (simple[c]) {
      i++;
      tokens.push({ type: simple[c]!, start, end: i });
    } else {
      throw new GiveUp();
    }
  }
  tokens.push({ type: 'eof', start: text.length, end: text.length });
  return tokens;
}

function closing(text: string, i: number, quote: string): number {
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) throw new GiveUp();
  return i + 1;
}

/** A JSON literal; the legacy form without quotes reads as a string. */
function readLiteral(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body.trim();
  }
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    this.i++;
    return token;
  }

  private expect(type: string): Token {
    const token = this.next();
    if (token.type !== type) throw new GiveUp();
    return token;
  }

  private power(): number {
    return power[this.peek().type] ?? 0;
  }

  expression(rbp: number): QueryNode {
    let left = this.nud(this.next());
    while (rbp < this.power()) left = this.led(this.next(), left);
    return left;
  }

  private nud(token: Token): QueryNode {
    const current: QueryNode = { type: 'current' };
    switch (token.type) {
      case 'ident':
      case 'quoted':
        return {
          type: 'field',
          name: token.value as string,
          start: token.start,
          end: token.end,
          quoted: token.type === 'quoted',
        };
      case 'raw':
      case 'literal':
        return {
          type: 'literal',
          value: token.value,
          start: token.start,
          end: token.end,
          raw: token.type === 'raw',
        };
      case 'star': {
        const right =
          this.peek().type === 'rbracket' ? current : this.projection(power.star!);
        return { type: 'project', kind: 'values', left: current, right, start: token.start };
      }
      case 'flatten':
        return {
          type: 'project',
          kind: 'flatten',
          left: current,
          right: this.projection(power.flatten!),
          start: token.start,
        };
      case 'filter':
        return this.led(token, current);
      case 'lbracket':
        if (this.peek().type === 'number' || this.peek().type === 'colon') {
          return this.index(current, token.start);
        }
        if (this.peek().type === 'star' && this.peek(1).type === 'rbracket') {
          this.i += 2;
          return {
            type: 'project',
            kind: 'list',
            left: current,
            right: this.projection(power.star!),
            start: token.start,
          };
        }
        return this.list();
      case 'lbrace':
        return this.hash();
      case 'lparen': {
        const node = this.expression(0);
        this.expect('rparen');
        return node;
      }
      case 'not':
        return { type: 'not', child: this.expression(power.not!) };
      case 'current':
        return current;
      case 'expref':
        return { type: 'expref', child: this.expression(0) };
      default:
        throw new GiveUp();
    }
  }

  private led(token: Token, left: QueryNode): QueryNode {
    switch (token.type) {
      case 'dot':
        if (this.peek().type === 'star') {
          const star = this.next();
          return {
            type: 'project',
            kind: 'values',
            left,
            right: this.projection(power.dot!),
            start: star.start,
          };
        }
        return { type: 'sub', left, right: this.dotRight(power.dot!) };
      case 'pipe':
        return { type: 'pipe', left, right: this.expression(power.pipe!) };
      case 'or':
        return { type: 'or', left, right: this.expression(power.or!) };
      case 'and':
        return { type: 'and', left, right: this.expression(power.and!) };
      case 'compare':
        return {
          type: 'compare',
          op: token.value as string,
          left,
          right: this.expression(power.compare!),
          start: token.start,
        };
      case 'lparen':
        return this.call(left);
      case 'filter': {
        const condition = this.expression(0);
        this.expect('rbracket');
        const right: QueryNode =
          this.peek().type === 'flatten' ? { type: 'current' } : this.projection(power.filter!);
        return { type: 'project', kind: 'filter', left, right, condition, start: token.start };
      }
      case 'flatten':
        return {
          type: 'project',
          kind: 'flatten',
          left,
          right: this.projection(power.flatten!),
          start: token.start,
        };
      case 'lbracket':
        if (this.peek().type === 'number' || this.peek().type === 'colon') {
          return this.index(left, token.start);
        }
        this.expect('star');
        this.expect('rbracket');
        return {
          type: 'project',
          kind: 'list',
          left,
          right: this.projection(power.star!),
          start: token.start,
        };
      default:
        throw new GiveUp();
    }
  }

  /** `[0]`, or a slice `[a:b:c]`, which projects. */
  private index(left: QueryNode, start: number): QueryNode {
    let colons = 0;
    while (this.peek().type !== 'rbracket') {
      const token = this.next();
      if (token.type === 'colon') colons++;
      else if (token.type !== 'number') throw new GiveUp();
    }
    this.next();
    if (colons === 0) return { type: 'index', left, start };
    return { type: 'project', kind: 'list', left, right: this.projection(power.star!), start };
  }

  private projection(rbp: number): QueryNode {
    const next = this.peek().type;
    if ((power[next] ?? 0) < 10) return { type: 'current' };
    if (next === 'lbracket' || next === 'filter') return this.expression(rbp);
    if (next === 'dot') {
      this.next();
      return this.dotRight(rbp);
    }
    throw new GiveUp();
  }

  private dotRight(rbp: number): QueryNode {
    const next = this.peek().type;
    if (!['ident', 'quoted', 'star', 'lbracket', 'lbrace'].includes(next)) {
      throw new DanglingDot(this.tokens[this.i - 1]!.start);
    }
    if (next === 'ident' || next === 'quoted' || next === 'star') return this.expression(rbp);
    if (next === 'lbracket') {
      this.next();
      return this.list();
    }
    if (next === 'lbrace') {
      this.next();
      return this.hash();
    }
    throw new GiveUp();
  }

  private call(left: QueryNode): QueryNode {
    if (left.type !== 'field') throw new GiveUp();
    const args: QueryNode[] = [];
    while (this.peek().type !== 'rparen') {
      args.push(this.expression(0));
      if (this.peek().type === 'comma') this.next();
    }
    this.next();
    return { type: 'function', name: left.name, args, start: left.start };
  }

  private list(): QueryNode {
    const items: QueryNode[] = [];
    for (;;) {
      items.push(this.expression(0));
      if (this.peek().type !== 'comma') break;
      this.next();
    }
    this.expect('rbracket');
    return { type: 'list', items };
  }

  private hash(): QueryNode {
    const pairs: Array<{ key: string; value: QueryNode }> = [];
    for (;;) {
      const key = this.next();
      if (key.type !== 'ident' && key.type !== 'quoted') throw new GiveUp();
      this.expect('colon');
      pairs.push({ key: key.value as string, value: this.expression(0) });
      if (this.peek().type !== 'comma') break;
      this.next();
    }
    this.expect('rbrace');
    return { type: 'hash', pairs };
  }
}
