import { createInterface } from 'node:readline/promises';
import type { CatalogItem } from '../../runbooks/catalog.ts';
import { evidenceText, type CheckReport } from '../../runbooks/execute/report.ts';
import { executeRun, planProblems, planRun } from '../../runbooks/execute/run.ts';
import { err, out, UsageError, type Io } from '../io.ts';
import { chooseRegions, preflight, type PreflightOptions } from './preflight.ts';

export interface RunCommandOptions extends PreflightOptions {
  id: string;
  apply: boolean;
  yes: boolean;
  timeout: number;
  changeTimeout: number;
  regions: string;
}

/** `runbook run <id>`: check, fix (dry run unless --apply), check again. */
export async function runRunbook(io: Io, options: RunCommandOptions): Promise<number> {
  if (options.yes && !options.account) {
    throw new UsageError(
      'Found --yes without --account; expected both, so that an unattended ' +
        'run names the account it may change. Add `--account ID`.',
    );
  }
  if (options.apply && !options.yes && !io.stdin?.isTTY) {
    throw new UsageError(
      'Found --apply without a terminal to confirm on; expected a person to ' +
        'type the account id, or `--yes --account ID` for CI.',
    );
  }

  const ready = await preflight(io, options);
  const target = ready.catalog.find((r) => r.id === options.id);
  if (!target) {
    throw new UsageError(
      `Found no block with id \`${options.id}\`; expected one of the ids ` +
        '`runbook list` prints.',
    );
  }
  const plan = planRun(target, ready.catalog);
  const problems = planProblems(plan, ready.params);
  if (problems.length > 0) {
    throw new UsageError(`Nothing was run: ${problems.join(' ')}`);
  }
  const fitOf = await ready.fit([...plan.checks, ...plan.fixes]);
  const regions = await chooseRegions(
    options.regions,
    ready.env,
    ready.homeRegion,
    options.timeout,
    [...plan.checks, ...plan.fixes],
  );

  const result = await executeRun(plan, {
    env: ready.env,
    identity: ready.identity,
    homeRegion: ready.homeRegion,
    regions,
    concurrency: 4,
    timeoutMs: options.timeout * 1000,
    changeTimeoutMs: options.changeTimeout * 1000,
    params: ready.params,
    redact: ready.redact,
    fit: fitOf,
    apply: options.apply,
    events: {
      checked: (report, phase) => printChecks(io, report, phase),
      step: (runbook, commands, dryRun) => printStep(io, runbook, commands, dryRun, ready.identity.account),
      output: (text) => out(io, indent(text)),
      confirmApply: (account, changes) =>
        options.yes ? Promise.resolve(true) : confirmApply(io, account, changes),
      confirmManual: (runbook) => confirmManual(io, runbook),
    },
  });

  for (const step of result.steps.filter((s) => s.kind !== 'check')) {
    err(io, `${step.id}: ${step.outcome}. ${step.detail}`);
  }
  return result.exitCode;
}

function printChecks(io: Io, report: CheckReport, phase: 'before' | 'after') {
  out(io, phase === 'before' ? 'Checking first:' : 'Checking again after the changes:');
  for (const check of report.checks) {
    for (const r of check.regions) {
      out(io, `  ${r.status.padEnd(7)} ${check.id}${r.region ? ` [${r.region}]` : ''}  ${check.title}`);
      const detail = [r.message, r.status === 'PASS' ? '' : evidenceText(r)].filter(Boolean).join('\n');
      if (detail) out(io, indent(detail, 10));
    }
  }
}

function printStep(io: Io, runbook: CatalogItem, commands: string[], dryRun: boolean, account: string) {
  if (runbook.kind === 'manual') {
    out(io, `Manual step ${runbook.id}: ${runbook.title}`);
    out(io, indent(runbook.description));
    for (const c of commands) out(io, indent(c));
    out(io, `  See ${runbook.url}`);
    return;
  }
  out(
    io,
    dryRun
      ? `Would change account ${account} with ${runbook.id} (dry run; add --apply to run it):`
      : `Changing account ${account} with ${runbook.id}:`,
  );
  for (const c of commands) out(io, indent(c));
}

async function confirmApply(
  io: Io,
  account: string,
  changes: Array<{ runbook: CatalogItem; commands: string[] }>,
): Promise<boolean> {
  err(io, `These commands will change account ${account}:`);
  for (const { runbook, commands } of changes) {
    err(io, `  ${runbook.id}: ${runbook.title}`);
    for (const c of commands) err(io, indent(c, 4));
  }
  const answer = await ask(io, `Type the account id ${account} to apply them: `);
  return answer.trim() === account;
}

async function confirmManual(io: Io, runbook: CatalogItem): Promise<'attested' | 'pending'> {
  if (!io.stdin?.isTTY) return 'pending';
  const answer = await ask(io, `Type "done" when ${runbook.id} is done, or press Enter to leave it pending: `);
  return answer.trim().toLowerCase() === 'done' ? 'attested' : 'pending';
}

async function ask(io: Io, question: string): Promise<string> {
  if (!io.stdin) return '';
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream, terminal: false });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

function indent(text: string, spaces = 4): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
