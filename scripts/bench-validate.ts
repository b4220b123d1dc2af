/**
 * How long `runbook validate` takes on the whole handbook with the lint
 * pass (AWS API models read afresh each run) against the same validation
 * without it, measured in one process. The aim is under 5 s on 2 cores.
 *
 *   npx tsx scripts/bench-validate.ts [--runs N] [paths...]
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { extractRunbooks } from '../runbooks/extract.ts';
import { lintBlocks, type LintItem } from '../runbooks/lint/index.ts';
import { locateModels } from '../runbooks/lint/models.ts';
import { parseMarkdown } from '../runbooks/processor.ts';
import { findMarkdown, loadRunbooks, type LoadOptions } from '../runbooks/validate.ts';

const aim = 5000;

async function main(argv: string[]): Promise<number> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt === -1 ? 5 : Number(argv[runsAt + 1]);
  const paths = argv.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1);
  const cwd = path.join(import.meta.dirname, '..');
  const options: LoadOptions = { paths: paths.length > 0 ? paths : ['docs'], cwd };

  const time = async (lint: LoadOptions['lint']) => {
    const started = performance.now();
    const result = await loadRunbooks({ ...options, lint });
    return { ms: performance.now() - started, result };
  };

  // Warms the Markdown parser, so the first measured runs compare fairly.
  await time(false);
  const cold = await time({});
  const location = await locateModels({ cwd });
  const baseline: number[] = [];
  const full: number[] = [];
  const alone: number[] = [];
  const items = await lintItems(options);
  for (let i = 0; i < runs; i++) {
    // Alternating the order keeps a slow moment from landing on one side.
    if (i % 2 === 0) {
      baseline.push((await time(false)).ms);
      full.push((await time({})).ms);
    } else {
      full.push((await time({})).ms);
      baseline.push((await time(false)).ms);
    }
    const started = performance.now();
    await lintBlocks(items, { cwd });
    alone.push(performance.now() - started);
  }

  const started = performance.now();
  const cli = spawnSync(process.execPath, ['scripts/runbook.js', 'validate', ...options.paths], {
    cwd,
    encoding: 'utf8',
  });
  const endToEnd = performance.now() - started;

  // The fastest run is the one least disturbed by anything else running.
  const base = Math.min(...baseline);
  const lint = Math.min(...full);
  const { result } = cold;
  print(
    `validate ${options.paths.join(' ')}: ${result.files.length} files, ` +
      `${result.runbooks.length} runbooks, ${result.messages.length} messages`,
  );
  print(`models: ${location.dir ?? 'none (' + location.problem + ')'}`);
  print(`cpus: ${os.availableParallelism()}, node ${process.version}, ${runs} runs each`);
  print(`first run with lint (finds botocore, reads models): ${ms(cold.ms)}`);
  print(`without lint:          fastest ${ms(base)}, median ${ms(median(baseline))}`);
  print(`with lint and models:  fastest ${ms(lint)}, median ${ms(median(full))}`);
  print(`ratio of the fastest runs: ${(lint / base).toFixed(2)}x`);
  print(
    `the lint pass alone (models read afresh): fastest ${ms(Math.min(...alone))}, ` +
      `median ${ms(median(alone))}`,
  );
  print(`end to end, \`node scripts/runbook.js validate\` (exit ${cli.status}): ${ms(endToEnd)}`);
  const met = cold.ms < aim && endToEnd < aim;
  print(`aim under ${ms(aim)}: ${met ? 'met' : 'NOT met'}`);
  return met ? 0 : 1;
}

/** The blocks `loadRunbooks` would hand the lint pass. */
async function lintItems(options: LoadOptions): Promise<LintItem[]> {
  const items: LintItem[] = [];
  for (const file of await findMarkdown(options.paths, options.cwd)) {
    const source = await readFile(path.join(options.cwd, file), 'utf8');
    const lines = source.split(/\r?\n/);
    for (const block of extractRunbooks(parseMarkdown(source), source, file).blocks) {
      if (block.runbook) items.push({ file, block, runbook: block.runbook, lines });
    }
  }
  return items;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function print(line: string): void {
  process.stdout.write(line + '\n');
}

process.exitCode = await main(process.argv.slice(2));
