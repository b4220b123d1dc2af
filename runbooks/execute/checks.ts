/**
 * Runs read-only checks: each in the regions its scope names, a few at a
 * time, and turns each outcome into PASS, FAIL, ERROR, TIMEOUT, SKIPPED or
 * NOT_RUN with its evidence. Never prints; reports progress by callback.
 */
import type { CatalogItem } from '../catalog.ts';
import { fillCommand } from '../fill.ts';
import { awsErrorCode, classifyFailure, failureAdvice } from './classify.ts';
import { commandEnvironment, type Env } from './env.ts';
import { evaluate } from './evaluate.ts';
import { resolveParams } from './params.ts';
import {
  worst,
  type CheckReport,
  type CheckResult,
  type RegionResult,
  type Status,
} from './report.ts';
import { runShell } from './shell.ts';
import type { Fit } from './who.ts';

export interface CheckOptions {
  env: Env;
  identity: { account: string; arn: string };
  /** Region for account-wide and one-region checks. */
  homeRegion: string;
  /** Regions for checks that run in every enabled region. */
  regions: string[];
  concurrency: number;
  timeoutMs: number;
  params: Record<string, string>;
  /** Whether a block's `who` fits this account. */
  fit: (runbook: CatalogItem) => Fit;
  redact: (text: string) => string;
  /** Retries of a throttled check, after the CLI's own. */
  throttleRetries?: number;
  onResult?: (check: CatalogItem, result: RegionResult, done: number, total: number) => void;
  onStart?: (check: CatalogItem, region: string | null) => void;
}

interface Item {
  check: CatalogItem;
  region: string | null;
  result?: RegionResult;
}

/** Runs `checks` and returns the report. */
export async function runChecks(
  checks: CatalogItem[],
  options: CheckOptions,
): Promise<CheckReport> {
  const startedAt = new Date();
  const started = performance.now();
  const items: Item[] = [];
  const planned = new Map<CatalogItem, Item[]>();

  for (const check of checks) {
    const regions = check.scope === 'all-regions' ? options.regions : [options.homeRegion];
    const own = regions.map((region) => ({
      check,
      region: check.scope === 'account' ? null : region,
    }));
    planned.set(check, own);
    items.push(...own);
  }

  let stoppedBecause: string | undefined;
  let done = 0;
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (stoppedBecause) {
        item.result = notRun(item.region, stoppedBecause);
      } else {
        options.onStart?.(item.check, item.region);
        item.result = await runOne(item, options);
        if (item.result.status === 'ERROR' && isStop(item, item.result, options)) {
          stoppedBecause ??= item.result.message;
        }
      }
      done++;
      options.onResult?.(item.check, item.result, done, items.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const results: CheckResult[] = checks.map((check) => {
    const regions = (planned.get(check) ?? []).map((i) => i.result!);
    return {
      id: check.id,
      title: check.title,
      status: worst(regions.map((r) => r.status)),
      scope: check.scope,
      level: check.level,
      guide: check.guide.file,
      url: check.url,
      regions,
    };
  });
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    identity: options.identity,
    regions: options.regions,
    summary: count(results),
    ...(stoppedBecause && { stoppedBecause }),
    checks: results,
  };
}

/** An expired session, or refused credentials in the home region, stop the run. */
function isStop(item: Item, result: RegionResult, options: CheckOptions): boolean {
  const kind = /^\[(\w[\w-]*)\]/.exec(result.message)?.[1];
  if (kind === 'expired') return true;
  return kind === 'invalid-token' && (item.region ?? options.homeRegion) === options.homeRegion;
}

async function runOne(item: Item, options: CheckOptions): Promise<RegionResult> {
  const { check } = item;
  const region = item.region;
  const result = (status: Status, message: string, extra: Partial<RegionResult> = {}) => ({
    region,
    status,
    message: options.redact(message),
    evidence: [],
    durationMs: 0,
    ...extra,
  });

  const fit = options.fit(check);
  if (!fit.ok) return result('SKIPPED', fit.reason);
  const params = resolveParams(check, options.params);
  if (!params.ok) return result('ERROR', params.message);

  const command = check.commands[0];
  if (!command) return result('ERROR', 'The check has no command.');
  const script = fillCommand(command.code, params.values);
  const env = commandEnvironment(options.env, region ?? options.homeRegion);

  for (let attempt = 0; ; attempt++) {
    const run = await runShell(script, { env, timeoutMs: options.timeoutMs });
    const durationMs = Math.round(run.durationMs);
    if (run.timedOut) {
      return result('TIMEOUT', `The command did not finish within ${options.timeoutMs / 1000} s.`, { durationMs });
    }
    const code = awsErrorCode(run.stderr);
    const absent = run.exitCode !== 0 && code !== undefined && check.emptyOn.includes(code);
    if (run.exitCode !== 0 && !absent) {
      const kind = classifyFailure(run.exitCode, run.stderr);
      if (kind === 'throttled' && attempt < (options.throttleRetries ?? 3)) {
        await backoff(attempt);
        continue;
      }
      const stderr = errorLines(options.redact(run.stderr));
      return result('ERROR', `[${kind}] ${failureAdvice[kind]}${stderr ? ` (${stderr})` : ''}`, { durationMs });
    }
    let output: unknown = {};
    try {
      if (!absent) output = JSON.parse(run.stdout);
    } catch {
      return result(
        'ERROR',
        `[output] Expected JSON from the command, found ${describeOutput(options.redact(run.stdout))}. ` +
          'Make it print JSON (`--output json`).',
        { durationMs },
      );
    }
    const evidence = evaluate(output, check.expect).map((e) => ({
      ...e,
      found: JSON.parse(options.redact(JSON.stringify(e.found ?? null))) as unknown,
    }));
    const failed = evidence.filter((e) => !e.ok);
    return result(
      failed.length ? 'FAIL' : 'PASS',
      failed.length ? `${failed.length} of ${evidence.length} expectations do not hold.` : '',
      { evidence, durationMs },
    );
  }
}

function notRun(region: string | null, reason: string): RegionResult {
  return { region, status: 'NOT_RUN', message: `Not run: the run stopped. ${reason}`, evidence: [], durationMs: 0 };
}

function count(results: CheckResult[]): CheckReport['summary'] {
  const summary = { PASS: 0, FAIL: 0, ERROR: 0, TIMEOUT: 0, SKIPPED: 0, NOT_RUN: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}

function backoff(attempt: number): Promise<void> {
  const ms = 500 * 2 ** attempt * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The lines that say what went wrong: the AWS CLI's error line, else the last ones. */
function errorLines(text: string): string {
  const lines = text.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const named = lines.filter((l) => /An error occurred|^bash: |command not found|Unable to|Could not/.test(l));
  return (named.length ? named : lines.slice(-3)).join(' ').slice(0, 500);
}

function describeOutput(stdout: string): string {
  const text = stdout.trim();
  if (!text) return 'no output';
  return '`' + (text.length > 60 ? text.slice(0, 59) + '…' : text) + '`';
}
