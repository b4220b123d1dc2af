/**
 * The JSON an operation prints, described from its output shape, and what
 * a JMESPath expression makes of it. Walking a query over these types
 * finds fields that cannot exist; wherever the type cannot be known the
 * walk says `unknown` and nothing is reported.
 */
import { closest } from '../suggest.ts';
import type { QueryNode } from './jmespath-ast.ts';
import type { ServiceModel } from './models.ts';

export type QueryType =
  | { kind: 'unknown' }
  | { kind: 'string'; enum?: readonly string[] }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'list'; of: QueryType }
  | { kind: 'map'; keys?: readonly string[]; value: QueryType }
  | { kind: 'object'; name: string; fields: () => Record<string, QueryType> };

export const unknown: QueryType = { kind: 'unknown' };

/** The type of the JSON the CLI prints for shape `name` of `model`. */
export function typeOfShape(model: ServiceModel, name: string | undefined): QueryType {
  const shape = name ? model.shapes[name] : undefined;
  if (!shape || !name) return unknown;
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return unknown;
      let fields: Record<string, QueryType> | undefined;
      return {
        kind: 'object',
        name,
        fields: () =>
          (fields ??= Object.fromEntries(
            Object.entries(shape.members ?? {}).map(([k, m]) => [k, typeOfShape(model, m.shape)]),
          )),
      };
    }
    case 'list':
      return { kind: 'list', of: typeOfShape(model, shape.member?.shape) };
    case 'map': {
      const keys = shape.key ? model.shapes[shape.key.shape]?.enum : undefined;
      return { kind: 'map', ...(keys && { keys }), value: typeOfShape(model, shape.value?.shape) };
    }
    case 'string':
      return { kind: 'string', ...(shape.enum && { enum: shape.enum }) };
    case 'timestamp':
    case 'blob':
      return { kind: 'string' };
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return unknown;
  }
}

/** The output shape of an operation, as the CLI prints it. */
export function outputType(model: ServiceModel, operation: string): QueryType {
  const output = model.operations[operation]?.output?.shape;
  if (!output) return { kind: 'object', name: operation + 'Output', fields: () => ({}) };
  return typeOfShape(model, output);
}

/** What a walk found, at an offset of the expression. */
export interface QueryFinding {
  kind: 'field' | 'quoted-identifier' | 'value' | 'function';
  start: number;
  /** The message's what-was-found and how-to-fix, without the rule id. */
  message: string;
}

/** A short description of a type for messages: `a list`, `a number`. */
export function describe(type: QueryType): string {
  switch (type.kind) {
    case 'object':
      return `an object (\`${type.name}\`)`;
    case 'map':
      return 'a map';
    case 'list':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'a value';
  }
}

const functions: Record<string, (args: QueryType[]) => QueryType> = {
  abs: () => ({ kind: 'number' }),
  avg: () => ({ kind: 'number' }),
  ceil: () => ({ kind: 'number' }),
  floor: () => ({ kind: 'number' }),
  length: () => ({ kind: 'number' }),
  sum: () => ({ kind: 'number' }),
  to_number: () => ({ kind: 'number' }),
  contains: () => ({ kind: 'boolean' }),
  ends_with: () => ({ kind: 'boolean' }),
  starts_with: () => ({ kind: 'boolean' }),
  join: () => ({ kind: 'string' }),
  to_string: () => ({ kind: 'string' }),
  type: () => ({ kind: 'string' }),
  keys: () => ({ kind: 'list', of: { kind: 'string' } }),
  values: ([a]) => (a?.kind === 'map' ? { kind: 'list', of: a.value } : unknown),
  reverse: ([a]) => a ?? unknown,
  sort: ([a]) => a ?? unknown,
  sort_by: ([a]) => a ?? unknown,
  max: ([a]) => (a?.kind === 'list' ? a.of : unknown),
  min: ([a]) => (a?.kind === 'list' ? a.of : unknown),
  max_by: ([a]) => (a?.kind === 'list' ? a.of : unknown),
  min_by: ([a]) => (a?.kind === 'list' ? a.of : unknown),
  to_array: ([a]) => {
    if (!a || a.kind === 'unknown') return unknown;
    return a.kind === 'list' ? a : { kind: 'list', of: a };
  },
  map: ([, b]) => (b?.kind === 'list' ? { kind: 'list', of: unknown } : unknown),
  merge: () => unknown,
  not_null: () => unknown,
};

/** Functions whose expression argument runs on each item of a list argument. */
const perItem: Record<string, { expression: number; list: number }> = {
  sort_by: { expression: 1, list: 0 },
  max_by: { expression: 1, list: 0 },
  min_by: { expression: 1, list: 0 },
  map: { expression: 0, list: 1 },
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Walks `node` over `type`, reporting what cannot hold; returns the type of
 * the result. `skip` says which fields stand for shell values.
 */
export function walkQuery(
  node: QueryNode,
  type: QueryType,
  report: (finding: QueryFinding) => void,
  skip: (start: number, end: number) => boolean = () => false,
): QueryType {
  const walk = (n: QueryNode, t: QueryType): QueryType => {
    switch (n.type) {
      case 'field':
        return field(n, t);
      case 'sub':
        return walk(n.right, walk(n.left, t));
      case 'index': {
        const left = walk(n.left, t);
        if (left.kind === 'list') return left.of;
        if (left.kind !== 'unknown' && left.kind !== 'string') notList(left, n.start);
        return unknown;
      }
      case 'project':
        return project(n, t);
      case 'compare':
        return compare(n, t);
      case 'and':
      case 'or': {
        const left = walk(n.left, t);
        const right = walk(n.right, t);
        return left.kind === 'boolean' && right.kind === 'boolean' ? left : unknown;
      }
      case 'pipe':
        return walk(n.right, walk(n.left, t));
      case 'not':
        walk(n.child, t);
        return { kind: 'boolean' };
      case 'literal':
        return literalType(n.value);
      case 'current':
        return t;
      case 'function':
        return call(n, t);
      case 'expref':
        walk(n.child, t);
        return unknown;
      case 'list':
        for (const item of n.items) walk(item, t);
        return { kind: 'list', of: unknown };
      case 'hash': {
        const fields = Object.fromEntries(n.pairs.map((p) => [p.key, walk(p.value, t)]));
        return { kind: 'object', name: 'multi-select hash', fields: () => fields };
      }
    }
  };

  const field = (n: Extract<QueryNode, { type: 'field' }>, t: QueryType): QueryType => {
    if (skip(n.start, n.end)) return unknown;
    if (t.kind === 'object') {
      const fields = t.fields();
      if (n.name in fields) return fields[n.name]!;
      const names = Object.keys(fields);
      report({
        kind: 'field',
        start: n.start,
        message:
          `Found field ${code(n.name)}, which ${code(t.name)} does not have; ` +
          (names.length > 0
            ? `expected one of ${list(names)}.`
            : 'expected none: it has no fields.') +
          suggestion(n.name, names),
      });
      return unknown;
    }
    if (t.kind === 'map') {
      if (t.keys && !t.keys.includes(n.name)) {
        report({
          kind: 'field',
          start: n.start,
          message:
            `Found key ${code(n.name)}, which this map never has; expected one ` +
            `of ${list(t.keys)}.` + suggestion(n.name, t.keys),
        });
      }
      return t.value;
    }
    if (t.kind === 'list') {
      report({
        kind: 'field',
        start: n.start,
        message:
          `Found field ${code(n.name)} asked of a list, which gives null; ` +
          `expected a projection. Write ${code('[].' + n.name)} after the list.`,
      });
      return unknown;
    }
    if (t.kind === 'number' || t.kind === 'boolean') {
      report({
        kind: 'field',
        start: n.start,
        message:
          `Found field ${code(n.name)} asked of ${describe(t)}, which has no ` +
          'fields; expected it of an object. Remove it or fix the path.',
      });
    }
    return unknown;
  };

  const notList = (t: QueryType, start: number) =>
    report({
      kind: 'field',
      start,
      message:
        `Found a list operation on ${describe(t)}, which gives null; expected ` +
        'a list there. Fix the path before the brackets.',
    });

  const project = (n: Extract<QueryNode, { type: 'project' }>, t: QueryType): QueryType => {
    const left = walk(n.left, t);
    let item: QueryType = unknown;
    if (n.kind === 'values') {
      if (left.kind === 'map') item = left.value;
    } else if (left.kind === 'list') {
      item = n.kind === 'flatten' && left.of.kind === 'list' ? left.of.of : left.of;
    } else if (left.kind !== 'unknown' && left.kind !== 'string') {
      notList(left, n.start);
      return unknown;
    }
    if (n.condition) walk(n.condition, item);
    return { kind: 'list', of: walk(n.right, item) };
  };

  const compare = (n: Extract<QueryNode, { type: 'compare' }>, t: QueryType): QueryType => {
    const left = operand(n.left, t);
    const right = operand(n.right, t);
    checkComparison(n, left, right, report, skip);
    return { kind: 'boolean' };
  };

  /** A comparison or function operand: a quoted name may be a string meant. */
  const operand = (n: QueryNode, t: QueryType): QueryType => {
    if (n.type === 'field' && n.quoted && !skip(n.start, n.end)) {
      const fields = t.kind === 'object' ? t.fields() : undefined;
      const missing = fields
        ? !(n.name in fields)
        : t.kind !== 'unknown' || !identifier.test(n.name);
      if (missing && t.kind !== 'map') {
        report({
          kind: 'quoted-identifier',
          start: n.start,
          message:
            `Found ${code(JSON.stringify(n.name))}, which JMESPath reads as a ` +
            'field name in double quotes (giving null), not as text; expected ' +
            `a string. Write ${code("'" + n.name.replace(/'/g, "\\'") + "'")}.`,
        });
        return { kind: 'string' };
      }
    }
    return walk(n, t);
  };

  const call = (n: Extract<QueryNode, { type: 'function' }>, t: QueryType): QueryType => {
    const result = functions[n.name];
    if (!result) {
      report({
        kind: 'function',
        start: n.start,
        message:
          `Found function ${code(n.name + '()')}, which JMESPath does not have; ` +
          `expected one of ${list(Object.keys(functions).sort())}.` +
          suggestion(n.name, Object.keys(functions)),
      });
      return unknown;
    }
    const each = perItem[n.name];
    const args = n.args.map((arg, i) =>
      each && i === each.expression ? undefined : operand(arg, t),
    );
    if (each) {
      const listArg = args[each.list];
      const item = listArg?.kind === 'list' ? listArg.of : unknown;
      const expression = n.args[each.expression];
      if (expression) walk(expression.type === 'expref' ? expression.child : expression, item);
    }
    return result(args.map((a) => a ?? unknown));
  };

  return walk(node, type);
}

/** Reports comparisons that can never be true as written. */
function checkComparison(
  n: Extract<QueryNode, { type: 'compare' }>,
  left: QueryType,
  right: QueryType,
  report: (finding: QueryFinding) => void,
  skip: (start: number, end: number) => boolean,
): void {
  const sides: Array<[QueryNode, QueryNode, QueryType]> = [
    [n.left, n.right, right],
    [n.right, n.left, left],
  ];
  for (const [node, other, otherType] of sides) {
    if (node.type !== 'literal' || skip(node.start, node.end)) continue;
    const value = node.value;
    // Both the CLI's JMESPath and the runner's order strings as well as
    // numbers, so an ordering comparison is never reported.
    if (!['==', '!='].includes(n.op)) return;
    if (otherType.kind === 'string' && typeof value === 'string' && otherType.enum) {
      if (!otherType.enum.includes(value)) {
        const near = closest(value, otherType.enum);
        report({
          kind: 'value',
          start: node.start,
          message:
            `Found ${code(quoteRaw(value))} compared with a field whose values are ` +
            `${list(otherType.enum)}; expected one of them, since with any ` +
            `other value \`${n.op}\` is always ${n.op === '==' ? 'false' : 'true'}. ` +
            (near ? `Write ${code(quoteRaw(near))}.` : 'Use one of them.'),
        });
      }
      return;
    }
    const literal = literalType(value).kind;
    const field = otherType.kind;
    const mismatch =
      ['string', 'number', 'boolean'].includes(field) &&
      ['string', 'number', 'boolean'].includes(literal) &&
      field !== literal;
    if (mismatch && other.type !== 'literal') {
      const fix =
        field === 'string' ? code(quoteRaw(String(value))) : literalCode(String(value));
      const written = node.raw
        ? code(quoteRaw(String(value)))
        : literalCode(JSON.stringify(value));
      report({
        kind: 'value',
        start: node.start,
        message:
          `Found ${written}, ` +
          `${describe(literalType(value))}, compared with a field that is ` +
          `${describe(otherType)}; expected ${describe(otherType).replace(/ \(.*\)$/, '')}, ` +
          `since across types \`${n.op}\` is always ${n.op === '==' ? 'false' : 'true'}. ` +
          `Write ${fix}.`,
      });
    }
  }
}

function literalType(value: unknown): QueryType {
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (Array.isArray(value)) return { kind: 'list', of: unknown };
  return unknown;
}

function quoteRaw(value: string): string {
  return "'" + value.replace(/'/g, "\\'") + "'";
}

/** A JMESPath literal such as `` `0` `` in a message. */
function literalCode(json: string): string {
  return '`` `' + json + '` ``';
}

function code(value: string): string {
  return '`' + value + '`';
}

/** Names for a message: all of them when few, else the first ten. */
export function list(names: readonly string[]): string {
  const shown = names.slice(0, 10).map(code).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function suggestion(word: string, names: readonly string[]): string {
  const near = closest(word, names);
  return near ? ` Did you mean ${code(near)}?` : '';
}
