/**
 * The fresh account, apply, pass cycle of one guide on the emulator: every
 * check of the guide gives the status a fresh account implies, the guide's
 * changes and manual steps are applied in order, and then every check that
 * moto can emulate passes. A guide's cycle is data (`tests/integration/
 * cycles/<guide>.ts`); `testCycle` turns it into tests against an emulator
 * of its own, which knows the AWS managed policies, with the command line
 * run in process.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { CatalogItem } from '../../runbooks/catalog.ts';
import type { CheckReport } from '../../runbooks/execute/report.ts';
import { executeRun } from '../../runbooks/execute/run.ts';
import { preflight, type Preflight } from '../../scripts/commands/preflight.ts';
import { runbookWith } from '../unit/run-cli.ts';
import {
  account,
  awsEnv,
  homeRegion,
  projectRoot,
  startMoto,
  type Moto,
} from './harness.ts';

export type Env = Record<string, string>;
export type Params = Record<string, string>;
export type Status = 'PASS' | 'FAIL' | 'ERROR' | 'SKIPPED';
export type Region = 'us-east-1' | 'eu-west-1';
/**
 * A check's status: one status (for `scope=account`, the account; for
 * `scope=region` and `scope=all-regions`, the home region us-east-1), or
 * one per region (only the home region's is compared).
 */
export type Expected = Status | Partial<Record<Region, Status>>;

export type Step =
  /**
   * The change `run`, applied by the runner the way `runbook run ID --apply
   * --yes` applies it (filled, in the run's environment, in each region of
   * its scope) but without the runner's own checks before and after: the
   * cycle checks the whole guide itself. `code` is the run's exit code: 0
   * applied, 1 a command failed (default 0).
   */
  | { run: string; params?: Params; code?: number }
  /** A manual step done with the AWS CLI, the way a person follows it. */
  | { manual: string; by: (env: Env, params: Params) => Promise<void> };

export interface Cycle {
  /** The guide, relative to the project: `docs/iam.md`. */
  guide: string;
  /**
   * What the account already has before the guide starts (an organization,
   * a VPC, a bucket); may return `--param` values for every check and run.
   */
  given?: (env: Env) => Promise<Params | void>;
  /** `--param` values for every check and run. */
  params?: Params;
  /** Every check of the guide, with its status on the fresh account. */
  fresh: Record<string, Expected>;
  /** The changes and manual steps that fix the checks, in order. */
  fix: Step[];
  /** Statuses after the fixes that are not PASS; each such check is in `unsupported`. */
  after?: Record<string, Expected>;
  /**
   * Checks moto cannot emulate (or cannot bring to a passing state), with
   * the reason naming the API it lacks. They are ERROR unless `fresh` and
   * `after` say otherwise, and have a recording in `recorded/`.
   */
  unsupported?: Record<string, string>;
}

const recordedFolder = path.join(import.meta.dirname, 'recorded');

/** Check ids that have a recording in `recorded/`. */
export function recordedChecks(): Set<string> {
  return new Set(
    readdirSync(recordedFolder)
      .filter((f) => f.endsWith('.json'))
      .map(
        (f) =>
          (
            JSON.parse(readFileSync(path.join(recordedFolder, f), 'utf8')) as {
              check: string;
            }
          ).check,
      ),
  );
}

function paramArgs(params: Params): string[] {
  return Object.entries(params).flatMap(([name, value]) => [
    '--param',
    `${name}=${value}`,
  ]);
}

/**
 * The regions a cycle checks and changes: the home region. Running every
 * check of every enabled region, and applying a change in each, is what
 * fresh-account.test.ts and apply.test.ts prove on two regions; a cycle
 * proves that the guide's fixes make its checks pass, which one region
 * shows at half the cost of the AWS CLI's start-up.
 */
const cycleRegions: Region[] = [homeRegion as Region];

/** The statuses a check's expectation stands for in `cycleRegions`, keyed by region or `account`. */
function expand(check: CatalogItem, expected: Expected): Record<string, Status> {
  if (typeof expected !== 'string') {
    return Object.fromEntries(
      Object.entries(expected).filter(([region]) =>
        cycleRegions.includes(region as Region),
      ),
    );
  }
  if (check.scope === 'account') return { account: expected };
  if (check.scope === 'region') return { [homeRegion]: expected };
  return Object.fromEntries(cycleRegions.map((r) => [r, expected]));
}

/** Check id to its statuses by region (`account` for account-wide checks). */
function statuses(report: CheckReport): Record<string, Record<string, string>> {
  return Object.fromEntries(
    report.checks.map((c) => [
      c.id,
      Object.fromEntries(c.regions.map((r) => [r.region ?? 'account', r.status])),
    ]),
  );
}

/** One line per result that is not what was expected, with its evidence. */
function differences(
  report: CheckReport,
  expected: Record<string, Record<string, Status>>,
): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    for (const result of check.regions) {
      const where = result.region ?? 'account';
      const want = expected[check.id]?.[where];
      if (want === result.status) continue;
      lines.push(
        `${check.id} [${where}]: ${result.status}, expected ${want ?? 'no result'}\n` +
          JSON.stringify(result, null, 2).slice(0, 1500),
      );
    }
  }
  return lines.join('\n\n');
}

export function testCycle(cycle: Cycle): void {
  const name = path.basename(cycle.guide, '.md');
  let moto: Moto;
  let env: Env;
  let params: Params = {};
  let checks: CatalogItem[] = [];
  let byId: Map<string, CatalogItem>;
  /** Identity, environment and account facts, proven once with STS. */
  let ready: Preflight;

  before(async () => {
    moto = await startMoto(account, { managedPolicies: true });
    // moto answers 500 for the APIs it lacks; retrying them only waits.
    env = awsEnv(moto.url, { AWS_MAX_ATTEMPTS: '1' });
    params = { ...cycle.params, ...((await cycle.given?.(env)) ?? {}) };
    const sink = { write: () => true };
    ready = await preflight(
      { cwd: projectRoot, stdout: sink, stderr: sink, env },
      { account, param: [], environment: env },
    );
    byId = new Map(ready.catalog.map((r) => [r.id, r]));
    checks = ready.catalog.filter(
      (r) => r.kind === 'check' && r.source.file === cycle.guide,
    );
  });

  /** Applies one change as `runbook run --apply --yes` would, less its checks. */
  async function applyChange(step: { run: string; params?: Params }) {
    const change = byId.get(step.run)!;
    let log = '';
    const result = await executeRun(
      { target: change, checks: [], fixes: [change] },
      {
        env: ready.env,
        identity: ready.identity,
        homeRegion: ready.homeRegion,
        regions: cycleRegions,
        concurrency: 4,
        timeoutMs: 60_000,
        changeTimeoutMs: 300_000,
        params: { ...params, ...step.params },
        redact: ready.redact,
        fit: await ready.fit([change]),
        apply: true,
        events: {
          checked: () => {},
          step: (_runbook, commands) => (log += commands.join('\n') + '\n'),
          output: (text) => (log += text + '\n'),
          confirmApply: async () => true,
          confirmManual: async () => 'pending',
        },
      },
    );
    const steps = result.steps.map((s) => `${s.id}: ${s.outcome}. ${s.detail}`);
    return {
      code: result.exitCode,
      applied: result.steps.some((s) => s.outcome === 'applied'),
      log: [log, ...steps].join('\n'),
    };
  }

  after(() => moto?.stop());

  function expectedOf(
    state: 'fresh' | 'after',
  ): Record<string, Record<string, Status>> {
    return Object.fromEntries(
      checks.map((check) => {
        const unsupported = check.id in (cycle.unsupported ?? {});
        const value =
          state === 'fresh'
            ? cycle.fresh[check.id]!
            : (cycle.after?.[check.id] ?? (unsupported ? 'ERROR' : 'PASS'));
        return [check.id, expand(check, value)];
      }),
    );
  }

  async function checkAll(): Promise<{ code: number; report: CheckReport }> {
    const result = await runbookWith({ cwd: projectRoot, env }, [
      'check',
      '--only',
      checks.map((c) => c.id).join(','),
      '--format',
      'json',
      '--account',
      account,
      '--regions',
      cycleRegions.join(','),
      ...paramArgs(params),
    ]);
    assert.match(
      result.stderr,
      new RegExp(`^Account ${account} as arn:aws:sts::${account}:user/moto`),
      result.stderr,
    );
    return { code: result.code, report: JSON.parse(result.stdout) as CheckReport };
  }

  test(`the ${name} cycle names every check of ${cycle.guide} and steps that exist`, () => {
    assert.ok(checks.length > 0, `${cycle.guide} has no checks`);
    assert.deepEqual(
      Object.keys(cycle.fresh).sort(),
      checks.map((c) => c.id).sort(),
      'the fresh statuses list every check of the guide',
    );
    const recorded = recordedChecks();
    for (const [id, reason] of Object.entries(cycle.unsupported ?? {})) {
      assert.ok(id in cycle.fresh, `${id} is unsupported but not a check of the guide`);
      assert.match(reason, /moto/, `${id}: the reason names what moto lacks`);
      assert.ok(recorded.has(id), `${id} is unsupported on moto and has no recording in recorded/`);
    }
    for (const id of Object.keys(cycle.after ?? {})) {
      assert.ok(id in (cycle.unsupported ?? {}), `${id} does not pass after the fixes; say why in unsupported`);
    }
    for (const step of cycle.fix) {
      const id = 'run' in step ? step.run : step.manual;
      const block = byId.get(id);
      assert.ok(block, `step ${id} is no block of the guides`);
      if ('manual' in step) assert.equal(block.kind, 'manual', `${id} is a ${block.kind}`);
      else assert.equal(block.kind, 'change', `${id} is a ${block.kind}: a run step applies a change`);
    }
  });

  test(`on a fresh account the checks of ${cycle.guide} give the statuses that state implies`, async () => {
    const { report } = await checkAll();
    const expected = expectedOf('fresh');
    assert.deepEqual(statuses(report), expected, differences(report, expected));
  });

  for (const step of cycle.fix) {
    if ('run' in step) {
      test(`change ${step.run}, applied as runbook run --apply does, exits ${step.code ?? 0}`, async () => {
        const result = await applyChange(step);
        assert.equal(result.code, step.code ?? 0, result.log);
        // A change the account does not fit is skipped, which is no fix.
        assert.equal(result.applied, result.code === 0, result.log);
      });
    } else {
      test(`manual step ${step.manual}, done with the AWS CLI`, () =>
        step.by(env, params));
    }
  }

  test(`after the fixes every check of ${cycle.guide} that moto emulates passes`, async () => {
    const { report } = await checkAll();
    const expected = expectedOf('after');
    assert.deepEqual(statuses(report), expected, differences(report, expected));
  });
}

/** Every guide's cycle, by file name in `cycles/`, in name order. */
export async function loadCycles(): Promise<Array<{ file: string; cycle: Cycle }>> {
  const dir = path.join(import.meta.dirname, 'cycles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      cycle: (await import(path.join(dir, file))).default as Cycle,
    })),
  );
}
