/**
 * Runs one runbook: the checks, the steps that fix them, then the checks
 * again. Changes run only when applied and confirmed; manual steps wait
 * for a person. Never prints: the caller gets events and answers prompts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CatalogItem } from '../catalog.ts';
import { fillCommand } from '../fill.ts';
import { runChecks, type CheckOptions } from './checks.ts';
import { classifyFailure, failureAdvice } from './classify.ts';
import { commandEnvironment } from './env.ts';
import { resolveParams } from './params.ts';
import type { CheckReport } from './report.ts';
import { runShell } from './shell.ts';

export interface RunPlan {
  target: CatalogItem;
  checks: CatalogItem[];
  fixes: CatalogItem[];
}

/** What a run of one runbook did, step by step. */
export interface StepRecord {
  id: string;
  kind: CatalogItem['kind'];
  outcome: 'passed' | 'failed' | 'dry-run' | 'applied' | 'attested' | 'pending' | 'error' | 'skipped';
  detail: string;
}

export interface RunEvents {
  /** A block is about to run; for changes, with the exact commands. */
  step(runbook: CatalogItem, commands: string[], dryRun: boolean): void;
  /** A change's command printed something (already redacted). */
  output(text: string): void;
  checked(report: CheckReport, phase: 'before' | 'after'): void;
  /** Shows the changes with their commands and asks to confirm; false refuses. */
  confirmApply(account: string, changes: Array<{ runbook: CatalogItem; commands: string[] }>): Promise<boolean>;
  /** Asks the person whether they did a manual step. */
  confirmManual(runbook: CatalogItem): Promise<'attested' | 'pending'>;
}

export interface RunOptions extends CheckOptions {
  apply: boolean;
  changeTimeoutMs: number;
  events: RunEvents;
}

export interface RunResult {
  plan: RunPlan;
  steps: StepRecord[];
  before?: CheckReport;
  after?: CheckReport;
  /** 0 the checks pass, 1 a check or step failed, 2 refused, 3 could not run. */
  exitCode: number;
}

/** Works out what `run <id>` does: a check and its fixes, or a fix and its checks. */
export function planRun(target: CatalogItem, catalog: CatalogItem[]): RunPlan {
  if (target.kind === 'check') {
    const fixes = catalog.filter((r) => r.fixes.includes(target.id));
    return { target, checks: [target], fixes };
  }
  const checks = catalog.filter((r) => target.fixes.includes(r.id));
  return { target, checks, fixes: [target] };
}

/** Every parameter problem of the plan, before anything runs. */
export function planProblems(plan: RunPlan, params: Record<string, string>): string[] {
  return [...plan.checks, ...plan.fixes].flatMap((r) => {
    const resolved = resolveParams(r, params);
    return resolved.ok ? [] : [`${r.id}: ${resolved.message.replace(/^\[params\] /, '')}`];
  });
}

/** Runs the plan. */
export async function executeRun(plan: RunPlan, options: RunOptions): Promise<RunResult> {
  const steps: StepRecord[] = [];
  const result = (exitCode: number, extra: Partial<RunResult> = {}): RunResult => ({
    plan,
    steps,
    exitCode,
    ...extra,
  });

  let before: CheckReport | undefined;
  if (plan.checks.length > 0) {
    before = await runChecks(plan.checks, options);
    options.events.checked(before, 'before');
    record(steps, before, 'before');
    if (before.summary.FAIL === 0 && before.summary.PASS > 0 && !hasErrors(before)) {
      return result(0, { before });
    }
    if (hasErrors(before) && before.summary.FAIL === 0) return result(3, { before });
    if (before.summary.FAIL === 0) return result(0, { before });
  }

  const changes = plan.fixes.filter((r) => r.kind === 'change');
  if (options.apply && changes.length > 0) {
    const preview = changes.map((runbook) => ({ runbook, commands: filled(runbook, options.params) }));
    const confirmed = await options.events.confirmApply(options.identity.account, preview);
    if (!confirmed) {
      steps.push({ id: plan.target.id, kind: plan.target.kind, outcome: 'skipped', detail: 'Not confirmed; nothing was changed.' });
      return result(2, { before });
    }
  }

  let changed = false;
  for (const fix of plan.fixes) {
    const outcome = await runFix(fix, options);
    steps.push(outcome);
    if (outcome.outcome === 'applied' || outcome.outcome === 'attested') changed = true;
    if (outcome.outcome === 'error') return result(1, { before });
  }

  if (!changed || plan.checks.length === 0) {
    const failing = before ? before.summary.FAIL > 0 : false;
    return result(failing ? 1 : 0, { ...(before && { before }) });
  }
  const after = await runChecks(plan.checks, options);
  options.events.checked(after, 'after');
  record(steps, after, 'after');
  const code = after.summary.FAIL > 0 ? 1 : hasErrors(after) ? 3 : 0;
  return result(code, { ...(before && { before }), after });
}

async function runFix(fix: CatalogItem, options: RunOptions): Promise<StepRecord> {
  const fit = options.fit(fix);
  if (!fit.ok) return { id: fix.id, kind: fix.kind, outcome: 'skipped', detail: fit.reason };
  const resolved = resolveParams(fix, options.params);
  if (!resolved.ok) return { id: fix.id, kind: fix.kind, outcome: 'error', detail: resolved.message };
  const commands = fix.commands.map((c) => fillCommand(c.code, resolved.values));

  if (fix.kind === 'manual') {
    options.events.step(fix, commands, false);
    const answer = await options.events.confirmManual(fix);
    return {
      id: fix.id,
      kind: fix.kind,
      outcome: answer,
      detail: answer === 'attested' ? 'The person confirmed the step.' : 'Not confirmed yet.',
    };
  }

  options.events.step(fix, commands, !options.apply);
  if (!options.apply) {
    return { id: fix.id, kind: fix.kind, outcome: 'dry-run', detail: 'Printed; add --apply to run.' };
  }
  const regions = fix.scope === 'all-regions' ? options.regions : [options.homeRegion];
  const cwd = await mkdtemp(path.join(tmpdir(), 'runbook-change-'));
  try {
    for (const region of regions) {
      const env = commandEnvironment(options.env, region);
      for (const command of commands) {
        const run = await runShell(command, { env, timeoutMs: options.changeTimeoutMs, cwd });
        const printed = options.redact(`${run.stdout}${run.stderr}`).trim();
        if (printed) options.events.output(printed);
        if (run.timedOut) {
          return { id: fix.id, kind: fix.kind, outcome: 'error', detail: `Timed out after ${options.changeTimeoutMs / 1000} s; the run stopped.` };
        }
        if (run.exitCode !== 0) {
          const kind = classifyFailure(run.exitCode, run.stderr);
          return {
            id: fix.id,
            kind: fix.kind,
            outcome: 'error',
            detail: `Failed with exit code ${run.exitCode} in ${region}; the run stopped. ${failureAdvice[kind]}`,
          };
        }
      }
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
  const where = regions.length > 1 ? ` in each of ${regions.length} regions` : '';
  return {
    id: fix.id,
    kind: fix.kind,
    outcome: 'applied',
    detail: `Ran ${commands.length} command block(s)${where}.`,
  };
}

function filled(runbook: CatalogItem, params: Record<string, string>): string[] {
  const resolved = resolveParams(runbook, params);
  const values = resolved.ok ? resolved.values : {};
  return runbook.commands.map((c) => fillCommand(c.code, values));
}

function record(steps: StepRecord[], report: CheckReport, phase: 'before' | 'after') {
  for (const check of report.checks) {
    steps.push({
      id: check.id,
      kind: 'check',
      outcome: check.status === 'PASS' ? 'passed' : check.status === 'FAIL' ? 'failed' : check.status === 'SKIPPED' ? 'skipped' : 'error',
      detail: `${phase}: ${check.status}`,
    });
  }
}

function hasErrors(report: CheckReport): boolean {
  return report.summary.ERROR + report.summary.TIMEOUT + report.summary.NOT_RUN > 0;
}
