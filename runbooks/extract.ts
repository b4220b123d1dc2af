/**
 * Finds runbook blocks in a Markdown syntax tree and reads them into typed
 * runbooks. The command line and the site's remark plugin both call this,
 * so they see the same blocks.
 */
import type {
  Code,
  Paragraph,
  Parent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import type {
  ContainerDirective,
  LeafDirective,
  TextDirective,
} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { checkTokens, parseAttributes } from './attributes.ts';
import { directiveTokens, type DirectiveTokens } from './directive-tokens.ts';
import { readExpectation } from './expect.ts';
import { code, MessageSink, type Message, type Point } from './messages.ts';
import { readParam } from './params.ts';
import { blockRules } from './rules/index.ts';
import {
  AllowAttributes,
  RunbookAttributes,
  SeeAttributes,
  type Command,
  type Expectation,
  type Param,
  type Reference,
  type Runbook,
} from './schema.ts';
import { plainText } from './plain-text.ts';
import { scanUnparsed } from './unparsed.ts';
import { closest } from './suggest.ts';

/** Directive names this format owns. */
export const runbookDirectives = ['runbook', 'param', 'expect', 'see', 'allow'] as const;

/** Container directives the site renders as admonitions. */
export const admonitionDirectives = [
  'note',
  'tip',
  'info',
  'warning',
  'danger',
  'caution',
] as const;

/** Fence languages that hold commands to run. */
export const shellLanguages = ['bash', 'sh', 'shell'];

/** A block as found in the tree, whether or not it is valid. */
export interface Block {
  node: ContainerDirective;
  /** The typed runbook; absent when the block has errors. */
  runbook?: Runbook;
  /** Prose children: what the site renders inside the card. */
  prose: RootContent[];
  /** Where each attribute of the opener is written. */
  attributeAt: Record<string, Point>;
  /** Validation rules switched off for this block with `::allow`. */
  allows: Allow[];
}

/** A rule switched off for one block, with the reason. */
export interface Allow {
  rule: string;
  reason: string;
  /** Where the `::allow` is written, and its `rule` attribute. */
  at: Point;
  ruleAt: Point;
}

export interface Extraction {
  blocks: Block[];
  messages: Message[];
}

type Directive = ContainerDirective | LeafDirective;

/**
 * Reads every runbook block of one document. `file` is the path reported in
 * messages; `source` is the exact text the tree was parsed from.
 */
export function extractRunbooks(
  tree: Root,
  source: string,
  file: string,
): Extraction {
  const sink = new MessageSink(file);
  const tokens = directiveTokens(source);
  const lines = source.split(/\r?\n/);
  const blocks: Block[] = [];

  restoreTextDirectives(tree, source);
  scanUnparsed(tree, lines, sink);
  walk(tree, (node, parent) => {
    if (node.type === 'containerDirective' && node.name === 'runbook') {
      if (isRunbook(parent)) {
        sink.error(
          startOf(node),
          'nested-runbook',
          'Found a runbook inside another runbook; expected blocks side by ' +
            'side. Close the outer block before opening this one.',
        );
      }
      blocks.push(readBlock(node, { tokens, lines, sink, file }));
      return;
    }
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      checkPlacement(node, parent, sink);
    }
  });
  return { blocks, messages: sink.messages };
}

interface ReadContext {
  tokens: DirectiveTokens;
  lines: string[];
  sink: MessageSink;
  file: string;
}

function readBlock(node: ContainerDirective, ctx: ReadContext): Block {
  const before = ctx.sink.messages.length;
  const at = startOf(node);
  const tokens = ctx.tokens.get(node.position?.start.offset ?? -1) ?? [];
  const attributeAt = Object.fromEntries(tokens.map((t) => [t.name, t.at]));
  const block: Block = { node, prose: [], attributeAt, allows: [] };

  checkClosed(node, ctx);
  const attributeContext = {
    directive: ':::runbook',
    attributes: node.attributes ?? {},
    tokens,
    at,
    sink: ctx.sink,
    misplaced: {
      title:
        'The title goes in brackets after the name: `:::runbook[Title]{...}`.',
    },
  };
  const tokensOk = checkTokens(attributeContext);
  const attributes = parseAttributes(RunbookAttributes, attributeContext);

  let title = '';
  const params: Param[] = [];
  const commands: Command[] = [];
  const expect: Expectation[] = [];
  const references: Reference[] = [];

  for (const child of node.children) {
    if (child.type === 'paragraph' && isLabel(child)) {
      title = toString(child).trim();
      continue;
    }
    if (child.type === 'leafDirective' && child.name === 'param') {
      const param = readParam(child, leafContext(child, '::param', ctx));
      if (param) params.push(param);
      continue;
    }
    if (child.type === 'leafDirective' && child.name === 'expect') {
      const e = readExpectation(child, leafContext(child, '::expect', ctx));
      if (e) expect.push(e);
      continue;
    }
    if (child.type === 'leafDirective' && child.name === 'see') {
      const ref = readReference(child, leafContext(child, '::see', ctx));
      if (ref) references.push(ref);
      continue;
    }
    if (child.type === 'leafDirective' && child.name === 'allow') {
      const allow = readAllow(leafContext(child, '::allow', ctx));
      if (allow) block.allows.push(allow);
      continue;
    }
    if (child.type === 'code' && isCommand(child, ctx)) {
      commands.push({
        code: child.value,
        lang: child.lang ?? '',
        line: (child.position?.start.line ?? 0) + 1,
      });
      continue;
    }
    if (child.type === 'containerDirective' && child.name !== 'runbook') {
      checkNestedContainer(child, node, ctx);
    }
    checkNestedCommands(child, attributes?.kind, ctx);
    block.prose.push(child);
  }

  if (!title) {
    ctx.sink.error(
      at,
      'missing-title',
      'Found a runbook without a title; expected one in brackets after the ' +
        'name. Write `:::runbook[What this block does]{...}`.',
    );
  }

  if (!attributes || !tokensOk) return block;
  const runbook: Runbook = {
    id: attributes.id,
    title,
    kind: attributes.kind,
    who: attributes.who,
    effect: attributes.effect,
    scope: attributes.scope,
    level: attributes.level,
    cis: attributes.cis ?? [],
    fixes: attributes.fixes ?? [],
    emptyOn: attributes['empty-on'] ?? [],
    description: plainText(block.prose),
    params,
    commands,
    expect,
    references,
    source: { file: ctx.file, line: at.line, column: at.column },
  };
  for (const rule of blockRules) {
    rule({ runbook, block, at, attributeAt, sink: ctx.sink });
  }
  if (ctx.sink.messages.slice(before).every((m) => m.severity !== 'error')) {
    block.runbook = runbook;
  }
  return block;
}

function leafContext(node: LeafDirective, directive: string, ctx: ReadContext) {
  const tokens = ctx.tokens.get(node.position?.start.offset ?? -1) ?? [];
  return {
    directive,
    attributes: node.attributes ?? {},
    tokens,
    at: startOf(node),
    sink: ctx.sink,
  };
}

function readReference(
  node: LeafDirective,
  ctx: ReturnType<typeof leafContext>,
): Reference | undefined {
  if (!checkTokens(ctx)) return undefined;
  const attributes = parseAttributes(SeeAttributes, ctx);
  const title = toString(node).trim();
  if (!title) {
    ctx.sink.error(
      ctx.at,
      'missing-title',
      'Found a `::see` without a title; expected the page title in ' +
        'brackets. Write `::see[Page title]{href="https://..."}`.',
    );
  }
  return attributes && title ? { title, href: attributes.href } : undefined;
}

/** Reads `::allow{rule=... reason="..."}`; the lint pass applies it. */
function readAllow(ctx: ReturnType<typeof leafContext>): Allow | undefined {
  if (!checkTokens(ctx)) return undefined;
  const attributes = parseAttributes(AllowAttributes, ctx);
  if (!attributes) return undefined;
  const ruleAt = ctx.tokens.find((t) => t.name === 'rule')?.at ?? ctx.at;
  return { rule: attributes.rule, reason: attributes.reason, at: ctx.at, ruleAt };
}

/** A fence holds a command when its language is a shell. */
function isCommand(node: Code, ctx: ReadContext): boolean {
  if (node.lang && shellLanguages.includes(node.lang)) return true;
  if (!node.lang) {
    ctx.sink.error(
      startOf(node),
      'fence-language',
      'Found a code fence without a language inside a runbook; expected ' +
        '```bash for a command, or the language of an example such as ' +
        '```json. Name the language after the backticks.',
    );
  }
  return false;
}

/**
 * Commands run only from the top level of a block; a shell fence inside a
 * list or quote of a check or change would be shown but never run.
 */
function checkNestedCommands(
  child: RootContent,
  kind: string | undefined,
  ctx: ReadContext,
): void {
  if (kind === 'manual' || !('children' in child)) return;
  if (child.type === 'containerDirective' && child.name === 'runbook') return;
  const where =
    child.type === 'list' ? 'list' : child.type === 'blockquote' ? 'quote' : 'nested block';
  const visit = (node: RootContent) => {
    if (node.type === 'code' && node.lang && shellLanguages.includes(node.lang)) {
      ctx.sink.error(
        startOf(node),
        'nested-command',
        `Found a \`\`\`${node.lang} fence inside a ${where}; it would be ` +
          'shown but never run. Expected commands at the top level of the ' +
          `block: move the fence out of the ${where}, or write it as \`\`\`text.`,
      );
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  (child.children as RootContent[]).forEach(visit);
}

/** Reports a runbook whose closing `:::` line is missing or misplaced. */
function checkClosed(node: ContainerDirective, ctx: ReadContext): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return;
  const opener = ctx.lines[start.line - 1] ?? '';
  const closer = ctx.lines[end.line - 1] ?? '';
  const fence = /^\s*(:{3,})/.exec(opener)?.[1] ?? ':::';
  const closedHere = new RegExp(`^\\s*:{${fence.length},}\\s*$`).test(closer);

  if (!closedHere) {
    ctx.sink.error(
      startOf(node),
      'unclosed-block',
      `Found a runbook opened here that is never closed; expected a ` +
        `${code(fence)} line after its last command. Add it.`,
    );
    return;
  }

  const cut = node.children.find(
    (child): child is Code =>
      child.type === 'code' &&
      child.position?.end.line === end.line &&
      !/^\s*(`{3,}|~{3,})\s*$/.test(ctx.lines[end.line - 1] ?? ''),
  );
  if (cut) {
    ctx.sink.error(
      { line: end.line, column: closer.indexOf(':') + 1 },
      'fence-closes-block',
      `Found a ${code(fence)} line inside the code fence opened at ` +
        `${cut.position?.start.line}:${cut.position?.start.column}; it ` +
        'closed the runbook early. Expected the fence to close first: ' +
        'indent that line, or open the runbook with more colons ' +
        `(${code(':' + fence + 'runbook')}) and close it the same way.`,
    );
  }
}

/** Reports a container inside a runbook that shares its closing fence. */
function checkNestedContainer(
  child: ContainerDirective,
  runbook: ContainerDirective,
  ctx: ReadContext,
): void {
  if (child.position?.end.line !== runbook.position?.end.line) return;
  const fence = /^\s*(:{3,})/.exec(
    ctx.lines[(runbook.position?.start.line ?? 1) - 1] ?? '',
  )?.[1];
  ctx.sink.error(
    startOf(child),
    'nested-container',
    `Found ${code(':::' + child.name)} inside a runbook, closed by the ` +
      `same ${code(fence ?? ':::')} line as the runbook, which ended there ` +
      'too. Expected the runbook fence to be longer: open it with ' +
      `${code('::::runbook')} and close it with ${code('::::')}.`,
  );
}

/** Reports directives nobody handles, and format directives out of place. */
function checkPlacement(node: Directive, parent: Parent, sink: MessageSink) {
  const prefix = node.type === 'containerDirective' ? ':::' : '::';
  const name = node.name;
  const inRunbook = isRunbook(parent);

  if (node.type === 'leafDirective' && isOneOf(name, runbookDirectives)) {
    if (name === 'runbook') {
      sink.error(
        startOf(node),
        'misplaced-directive',
        'Found `::runbook` with two colons; expected a container block. ' +
          'Write `:::runbook[Title]{...}` and close it with `:::`.',
      );
    } else if (!inRunbook) {
      sink.error(
        startOf(node),
        'misplaced-directive',
        `Found ${code('::' + name)} outside a runbook; expected it inside ` +
          'a `:::runbook` block. Move it into the block it belongs to.',
      );
    }
    return;
  }
  if (node.type === 'containerDirective' && isOneOf(name, admonitionDirectives))
    return;

  const known =
    node.type === 'containerDirective'
      ? ['runbook', ...admonitionDirectives]
      : runbookDirectives.filter((n) => n !== 'runbook');
  const near = closest(name, known);
  sink.error(
    startOf(node),
    'unknown-directive',
    `Found unknown directive ${code(prefix + name)}; expected one of ` +
      `${known.map((n) => code(prefix + n)).join(', ')}.` +
      (near ? ` Did you mean ${code(prefix + near)}?` : ''),
  );
}

/**
 * Text like `aws:PrincipalOrgID` or `10:30` parses as a text directive;
 * no text directive is part of the format, so each becomes its exact
 * source text again.
 */
function restoreTextDirectives(parent: Parent, source: string): void {
  const restored = (parent.children as RootContent[]).map((node) => {
    if (node.type !== 'textDirective') return node;
    const directive = node as TextDirective;
    const start = directive.position?.start.offset ?? 0;
    const end = directive.position?.end.offset ?? 0;
    const text: Text = {
      type: 'text',
      value: source.slice(start, end),
      position: directive.position,
    };
    return text;
  });
  const merged: RootContent[] = [];
  for (const child of restored) {
    const last = merged[merged.length - 1];
    if (child.type === 'text' && last?.type === 'text') {
      last.value += child.value;
      if (last.position && child.position) {
        last.position = { ...last.position, end: child.position.end };
      }
    } else {
      merged.push(child);
    }
  }
  parent.children = merged as never;
  for (const child of merged) {
    if ('children' in child) restoreTextDirectives(child as Parent, source);
  }
}

type Visitor = (node: RootContent, parent: Parent) => void;

/** Visits every node depth-first; the visitor may replace the current node. */
function walk(parent: Parent, visit: Visitor): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i] as RootContent;
    visit(node, parent);
    const current = parent.children[i] as RootContent | undefined;
    if (current && 'children' in current) walk(current as Parent, visit);
  }
}

function isRunbook(node: Parent): boolean {
  return (
    node.type === 'containerDirective' &&
    (node as ContainerDirective).name === 'runbook'
  );
}

function isLabel(node: Paragraph): boolean {
  return Boolean((node.data as { directiveLabel?: boolean })?.directiveLabel);
}

function isOneOf<T extends string>(value: string, list: readonly T[]): value is T {
  return (list as readonly string[]).includes(value);
}

/** The start of a node as a point. */
export function startOf(node: { position?: { start: Point } }): Point {
  return {
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  };
}
