/**
 * Reads guides from disk, extracts their runbooks, checks the rules that
 * span files and lints the commands of the valid blocks. Returns runbooks
 * and messages; never prints, never exits.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractRunbooks } from './extract.ts';
import { describeGuide, type Guide } from './guides.ts';
import {
  lintBlocks,
  type LintItem,
  type LintOptions,
  type SuppressedMessage,
} from './lint/index.ts';
import { code, sortMessages, type Message } from './messages.ts';
import { parseMarkdown } from './processor.ts';
import type { Runbook } from './schema.ts';

export interface LoadOptions {
  /** Files or folders to read, relative to `cwd`. */
  paths: string[];
  cwd: string;
  /** The docs folder, for routes; relative to `cwd`. */
  docsDir?: string;
  /** Route the docs are served under. */
  routeBase?: string;
  /**
   * The lint pass over the commands (AWS API models, shell hazards,
   * parameters); `false` leaves it out. On by default.
   */
  lint?: LintOptions | false;
}

export interface CatalogEntry extends Runbook {
  guide: Guide;
}

export interface LoadResult {
  runbooks: CatalogEntry[];
  messages: Message[];
  files: string[];
  /** Findings that `::allow` switched off, with the reason given. */
  suppressed: SuppressedMessage[];
}

const markdown = /\.mdx?$/;

/** Loads and validates every runbook under `paths`. */
export async function loadRunbooks(options: LoadOptions): Promise<LoadResult> {
  const files = await findMarkdown(options.paths, options.cwd);
  const runbooks: CatalogEntry[] = [];
  const messages: Message[] = [];
  const attributeAt = new Map<CatalogEntry, Record<string, Message>>();
  const lintItems: LintItem[] = [];
  /** Ids of blocks that have errors of their own; not reported again. */
  const invalidIds = new Set<string>();

  for (const file of files) {
    const source = await readFile(path.join(options.cwd, file), 'utf8');
    const tree = parseMarkdown(source);
    const extraction = extractRunbooks(tree, source, file);
    const guide = describeGuide(
      tree,
      file,
      options.docsDir ?? 'docs',
      options.routeBase,
    );
    messages.push(...extraction.messages);
    for (const block of extraction.blocks) {
      const id = block.node.attributes?.id;
      if (!block.runbook && id) invalidIds.add(id);
    }
    const lines = source.split(/\r?\n/);
    for (const block of extraction.blocks) {
      if (!block.runbook) continue;
      lintItems.push({ file, block, runbook: block.runbook, lines });
      const entry = { ...block.runbook, guide };
      runbooks.push(entry);
      attributeAt.set(
        entry,
        Object.fromEntries(
          Object.entries(block.attributeAt).map(([k, p]) => [
            k,
            { ...p, file } as Message,
          ]),
        ),
      );
    }
  }
  messages.push(...crossFileMessages(runbooks, attributeAt, invalidIds));
  const lint =
    options.lint === false
      ? { messages: [], suppressed: [] }
      : await lintBlocks(lintItems, { cwd: options.cwd, ...options.lint });
  messages.push(...lint.messages);
  return {
    runbooks,
    messages: sortMessages(messages),
    files,
    suppressed: sortMessages(lint.suppressed) as SuppressedMessage[],
  };
}

function crossFileMessages(
  runbooks: CatalogEntry[],
  attributeAt: Map<CatalogEntry, Record<string, Message>>,
  invalidIds: Set<string>,
): Message[] {
  const messages: Message[] = [];
  const byId = new Map<string, CatalogEntry>();
  const where = (r: CatalogEntry, key: string) => {
    const at = attributeAt.get(r)?.[key];
    return at ?? { file: r.source.file, line: r.source.line, column: r.source.column };
  };

  for (const runbook of runbooks) {
    const first = byId.get(runbook.id);
    if (!first) {
      byId.set(runbook.id, runbook);
      continue;
    }
    const at = where(runbook, 'id');
    messages.push({
      file: at.file,
      line: at.line,
      column: at.column,
      severity: 'error',
      ruleId: 'duplicate-id',
      message:
        `Found id ${code(runbook.id)} again; it is already used at ` +
        `${first.source.file}:${first.source.line}:${first.source.column}. ` +
        'Expected ids unique across the handbook: rename one.',
    });
  }

  for (const runbook of runbooks) {
    for (const target of runbook.fixes) {
      const found = byId.get(target);
      if (found?.kind === 'check' || (!found && invalidIds.has(target))) continue;
      const at = where(runbook, 'fixes');
      messages.push({
        file: at.file,
        line: at.line,
        column: at.column,
        severity: 'error',
        ruleId: 'fixes-target',
        message: found
          ? `Found ${code('fixes')} naming ${code(target)}, a ` +
            `${code(found.kind)} block; expected the id of a check. ` +
            'Name the check this block makes pass.'
          : `Found ${code('fixes')} naming ${code(target)}, which no block ` +
            'has; expected the id of a check. Fix the id.',
      });
    }
  }
  return messages;
}

/** Lists Markdown files under `paths`, sorted, relative to `cwd`. */
export async function findMarkdown(
  paths: string[],
  cwd: string,
): Promise<string[]> {
  const found = new Set<string>();

  async function visit(absolute: string): Promise<void> {
    const info = await stat(absolute);
    if (info.isFile()) {
      const relative = path.relative(cwd, absolute);
      if (markdown.test(relative)) found.add(toPosix(relative));
      return;
    }
    const entries = await readdir(absolute, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      await visit(path.join(absolute, entry.name));
    }
  }

  for (const p of paths) await visit(path.resolve(cwd, p));
  return [...found].sort();
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
