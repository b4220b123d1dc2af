import type { CatalogItem } from '../../runbooks/catalog.ts';
import { runChecks } from '../../runbooks/execute/checks.ts';
import {
  evidenceText,
  exitCodeOf,
  summaryLine,
  toJunit,
  toMarkdown,
  type CheckReport,
  type RegionResult,
} from '../../runbooks/execute/report.ts';
import { levels } from '../../runbooks/schema.ts';
import { err, UsageError, type Io } from '../io.ts';
import { Progress } from '../progress.ts';
import { writeFileAtomic } from '../write.ts';
import { chooseRegions, preflight, type PreflightOptions } from './preflight.ts';

export interface CheckCommandOptions extends PreflightOptions {
  regions: string;
  only?: string;
  level: keyof typeof levels;
  format: 'pretty' | 'json' | 'junit' | 'markdown';
  out?: string;
  concurrency: number;
  timeout: number;
}

/** `runbook check`: runs every read-only check; exit 0, 1, 2 or 3. */
export async function check(io: Io, options: CheckCommandOptions): Promise<number> {
  const ready = await preflight(io, options);
  const selected = select(ready.catalog, options);
  const regions = await chooseRegions(options.regions, ready.env, ready.homeRegion, options.timeout, selected);
  const fitOf = await ready.fit(selected);
  const progress = new Progress(io);
  const pretty = options.format === 'pretty' && !options.out;

  const report = await runChecks(selected, {
    env: ready.env,
    identity: ready.identity,
    homeRegion: ready.homeRegion,
    regions,
    concurrency: options.concurrency,
    timeoutMs: options.timeout * 1000,
    params: ready.params,
    redact: ready.redact,
    fit: (r) =>
      ready.skip.has(r.id)
        ? { ok: false, reason: 'Skipped: listed under `skip` in runbook.config.json.' }
        : fitOf(r),
    onStart: (c, region) => progress.status(`Running ${c.id}${region ? ` in ${region}` : ''}…`),
    onResult: (c, result, done, total) => {
      progress.status(`${done}/${total} done`);
      if (pretty) progress.line(resultLine(c, result));
    },
  });
  progress.clear();

  const text = render(report, options.format);
  if (options.out) {
    await writeFileAtomic(io.cwd, options.out, text);
    err(io, `Wrote the report to ${options.out}.`);
  } else if (!pretty) {
    io.stdout.write(text);
  }
  if (report.stoppedBecause) err(io, `Stopped early: ${report.stoppedBecause}`);
  err(io, `${summaryLine(report)}.`);
  return exitCodeOf(report);
}

function select(catalog: CatalogItem[], options: CheckCommandOptions): CatalogItem[] {
  const order = Object.keys(levels);
  const ceiling = order.indexOf(options.level);
  let checks = catalog.filter((r) => r.kind === 'check' && order.indexOf(r.level) <= ceiling);
  if (options.only) {
    const ids = options.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !catalog.some((r) => r.id === id));
    if (unknown.length > 0) {
      throw new UsageError(
        `Found unknown id(s) in --only: ${unknown.map((u) => `\`${u}\``).join(', ')}; ` +
          'expected ids of checks. List them with `runbook list`.',
      );
    }
    const notChecks = ids.filter((id) => catalog.find((r) => r.id === id)?.kind !== 'check');
    if (notChecks.length > 0) {
      throw new UsageError(
        `Found ${notChecks.map((u) => `\`${u}\``).join(', ')} in --only, which ` +
          'are not checks; expected check ids. Use `runbook run <id>` for changes and manual steps.',
      );
    }
    checks = checks.filter((r) => ids.includes(r.id));
  }
  return checks;
}

function render(report: CheckReport, format: CheckCommandOptions['format']): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'junit':
      return toJunit(report);
    case 'markdown':
      return toMarkdown(report);
    case 'pretty':
      return report.checks
        .flatMap((c) => c.regions.map((r) => resultLine({ id: c.id, title: c.title, url: c.url }, r)))
        .join('\n') + '\n';
  }
}

function resultLine(check: Pick<CatalogItem, 'id' | 'title' | 'url'>, r: RegionResult): string {
  const where = r.region ? ` [${r.region}]` : '';
  const head = `${r.status.padEnd(7)} ${check.id}${where}  ${check.title}`;
  const detail = [r.message, r.status === 'PASS' ? '' : evidenceText(r)].filter(Boolean).join('\n');
  if (!detail) return head;
  return `${head}\n${indent(detail)}\n${indent(`See ${check.url}`)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `          ${l}`)
    .join('\n');
}
