/**
 * The check report: defined once as a zod schema, published as JSON
 * Schema, and written as JSON, JUnit XML, Markdown or text.
 */
import * as z from 'zod';

export const statuses = ['PASS', 'FAIL', 'ERROR', 'TIMEOUT', 'SKIPPED', 'NOT_RUN'] as const;
export const Status = z
  .enum(statuses)
  .describe(
    'PASS and FAIL are answers; ERROR and TIMEOUT mean the check could not ' +
      'run; SKIPPED means it does not apply here; NOT_RUN means the run stopped first',
  );

export const EvidenceSchema = z.strictObject({
  query: z.string(),
  comparison: z.string(),
  expected: z.union([z.string(), z.number(), z.boolean()]),
  found: z.unknown().describe('What the query returned'),
  ok: z.boolean(),
});

export const RegionResult = z.strictObject({
  region: z.string().nullable().describe('Null for account-wide checks'),
  status: Status,
  message: z.string().describe('Why, in a sentence; empty for a pass'),
  evidence: z.array(EvidenceSchema),
  durationMs: z.number().nonnegative(),
});

export const CheckResult = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: Status.describe('The worst of its regions'),
  scope: z.string(),
  level: z.string(),
  guide: z.string().describe('Source file of the guide'),
  url: z.string().describe("The block's anchor on the site"),
  regions: z.array(RegionResult),
});

export const CheckReport = z
  .strictObject({
    version: z.literal(1),
    startedAt: z.string().describe('ISO 8601 time the run started'),
    durationMs: z.number().nonnegative(),
    identity: z.strictObject({ account: z.string(), arn: z.string() }),
    regions: z.array(z.string()),
    summary: z.strictObject(
      Object.fromEntries(statuses.map((s) => [s, z.number().int().nonnegative()])) as Record<
        (typeof statuses)[number],
        z.ZodNumber
      >,
    ),
    stoppedBecause: z.string().optional().describe('Why the run stopped early'),
    checks: z.array(CheckResult),
  })
  .describe('Results of `runbook check`');

export type Status = z.infer<typeof Status>;
export type RegionResult = z.infer<typeof RegionResult>;
export type CheckResult = z.infer<typeof CheckResult>;
export type CheckReport = z.infer<typeof CheckReport>;

/** JSON Schema of the report, for consumers of `--format json`. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CheckReport, { target: 'draft-2020-12', io: 'output' }),
    $id: 'check-report.schema.json',
    title: 'Check report',
  };
}

/** The worst status: a definite fail first, then what could not run. */
export function worst(list: Status[]): Status {
  const order: Status[] = ['FAIL', 'TIMEOUT', 'ERROR', 'NOT_RUN', 'PASS', 'SKIPPED'];
  return order.find((s) => list.includes(s)) ?? 'SKIPPED';
}

/** 0 all passed, 1 a check failed, 3 a check could not run and none failed. */
export function exitCodeOf(report: CheckReport): number {
  if (report.summary.FAIL > 0) return 1;
  if (report.summary.ERROR + report.summary.TIMEOUT + report.summary.NOT_RUN > 0) return 3;
  return 0;
}

/** The report as JUnit XML, one test case per check and region. */
export function toJunit(report: CheckReport): string {
  const cases = report.checks.flatMap((check) =>
    check.regions.map((r) => {
      const name = r.region ? `${check.id} [${r.region}]` : check.id;
      const time = (r.durationMs / 1000).toFixed(3);
      const body = junitBody(r, check.url);
      return `    <testcase classname="${xml(check.guide)}" name="${xml(name)}" time="${time}">${body}</testcase>`;
    }),
  );
  const count = (s: Status[]) =>
    report.checks.flatMap((c) => c.regions).filter((r) => s.includes(r.status)).length;
  const attrs =
    `tests="${cases.length}" failures="${count(['FAIL'])}" ` +
    `errors="${count(['ERROR', 'TIMEOUT', 'NOT_RUN'])}" skipped="${count(['SKIPPED'])}" ` +
    `time="${(report.durationMs / 1000).toFixed(3)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="runbook check" ${attrs}>`,
    `  <testsuite name="account ${xml(report.identity.account)}" ${attrs} timestamp="${xml(report.startedAt.replace(/Z$/, ''))}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function junitBody(r: RegionResult, url: string): string {
  const detail = xml(`${r.message}\n${evidenceText(r)}\nSee ${url}`.trim());
  switch (r.status) {
    case 'PASS':
      return '';
    case 'FAIL':
      return `<failure message="${xml(r.message)}" type="FAIL">${detail}</failure>`;
    case 'SKIPPED':
      return `<skipped message="${xml(r.message)}"/>`;
    default:
      return `<error message="${xml(r.message)}" type="${r.status}">${detail}</error>`;
  }
}

/** Evidence as lines: `query comparison expected: found …`. */
export function evidenceText(r: RegionResult): string {
  return r.evidence
    .map(
      (e) =>
        `${e.ok ? 'ok' : 'not ok'}: ${e.query} ${e.comparison} ${JSON.stringify(e.expected)}; ` +
        `found ${truncate(JSON.stringify(e.found) ?? 'null', 200)}`,
    )
    .join('\n');
}

/** The report as a Markdown table, for pull requests and wikis. */
export function toMarkdown(report: CheckReport): string {
  const lines = [
    `# Checks of account ${report.identity.account}`,
    '',
    `Run at ${report.startedAt} as \`${report.identity.arn}\`.`,
    '',
    summaryLine(report),
    '',
    '| Status | Check | Region | Detail |',
    '| --- | --- | --- | --- |',
  ];
  for (const check of report.checks) {
    for (const r of check.regions) {
      const detail = [r.message, evidenceText(r)].filter(Boolean).join('; ').replace(/\n/g, '; ');
      lines.push(
        `| ${r.status} | [${md(check.title)}](${check.url}) | ${r.region ?? 'account'} | ${md(detail)} |`,
      );
    }
  }
  if (report.stoppedBecause) lines.push('', `Stopped early: ${report.stoppedBecause}`);
  return lines.join('\n') + '\n';
}

/** `3 PASS, 1 FAIL, …` for the statuses that occurred. */
export function summaryLine(report: CheckReport): string {
  const parts = statuses.filter((s) => report.summary[s] > 0).map((s) => `${report.summary[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'No checks ran';
}

function xml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
