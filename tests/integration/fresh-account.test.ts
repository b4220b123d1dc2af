/**
 * `runbook check` on a fresh emulated account with an organization, a load
 * balancer and nothing else: a result for every check of the guides, in
 * their order, counted right, and no error caused by the tool itself. What
 * each check gives on a fresh account, and after its fixes, is the guides'
 * emulator cycles (cycles/*.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Catalog } from '../../runbooks/catalog.ts';
import type { CheckReport } from '../../runbooks/execute/report.ts';
import {
  checkParams,
  createLoadBalancer,
  createOrganization,
  defaultVpc,
} from './account.ts';
import {
  account,
  awsEnv,
  exportCatalog,
  regions,
  runbook,
  startMoto,
  type Moto,
  type Outcome,
} from './harness.ts';
import { loadCycles } from './cycle.ts';
import { validReport } from './reports.ts';

let moto: Moto;
let catalog: Catalog;
let loadBalancerArn: string;
let outcome: Outcome;
let report: CheckReport;

before(async () => {
  moto = await startMoto();
  // moto answers 500 for the APIs it lacks; retrying them only waits.
  const env = awsEnv(moto.url, { AWS_MAX_ATTEMPTS: '1' });
  const [exported, , vpcId] = await Promise.all([
    exportCatalog(),
    createOrganization(env),
    defaultVpc(env),
  ]);
  catalog = exported;
  loadBalancerArn = await createLoadBalancer(env, vpcId);
  const runbookCli = runbook({ env });
  outcome = await runbookCli`check --format json --account ${account}
    --regions ${regions.join(',')} ${checkParams({ vpcId, loadBalancerArn })}`;
  report = JSON.parse(outcome.stdout) as CheckReport;
});

after(() => moto?.stop());

/**
 * Checks whose API moto lacks, or whose state moto cannot reach, as the
 * guides' emulator cycles name them.
 */
async function unsupportedChecks(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const { cycle } of await loadCycles()) {
    for (const [id, reason] of Object.entries(cycle.unsupported ?? {})) found.set(id, reason);
  }
  return found;
}

test('check returns one result for every check that runbook export lists, in its order', () => {
  const exported = catalog.runbooks.filter((r) => r.kind === 'check');
  assert.ok(exported.length >= 70, `found ${exported.length} checks`);
  assert.deepEqual(
    report.checks.map((c) => c.id),
    exported.map((r) => r.id),
  );
  assert.deepEqual(
    report.checks.map((c) => c.url),
    exported.map((r) => r.url),
  );
  for (const check of report.checks) {
    const scope = exported.find((r) => r.id === check.id)!.scope;
    assert.deepEqual(
      check.regions.map((r) => r.region),
      scope === 'account' ? [null] : scope === 'region' ? ['us-east-1'] : regions,
      `${check.id} (${scope}) reports its regions`,
    );
  }
});

test('on a fresh account checks fail or pass, the summary counts them, exit 1', () => {
  const tally = { PASS: 0, FAIL: 0, ERROR: 0, TIMEOUT: 0, SKIPPED: 0, NOT_RUN: 0 };
  for (const check of report.checks) tally[check.status]++;
  assert.deepEqual(report.summary, tally);
  assert.ok(tally.FAIL > 30 && tally.PASS > 10, JSON.stringify(tally));
  assert.equal(tally.TIMEOUT + tally.SKIPPED + tally.NOT_RUN, 0, JSON.stringify(tally));
  assert.equal(outcome.code, 1);
  assert.equal(
    outcome.stderr,
    `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.\n` +
      `${tally.PASS} PASS, ${tally.FAIL} FAIL, ${tally.ERROR} ERROR.\n`,
  );
  assert.deepEqual(report.identity, {
    account,
    arn: `arn:aws:sts::${account}:user/moto`,
  });
  assert.deepEqual(report.regions, regions);
  assert.equal(report.stoppedBecause, undefined);
  for (const check of report.checks) {
    const statuses = check.regions.map((r) => r.status);
    const order = ['FAIL', 'TIMEOUT', 'ERROR', 'NOT_RUN', 'PASS', 'SKIPPED'];
    assert.equal(
      check.status,
      order.find((s) => statuses.includes(s as never)),
      `${check.id} is the worst of its regions`,
    );
  }
});

test('failures carry the evidence found against the value expected', () => {
  const evidence = (id: string, region: string | null) =>
    report.checks
      .find((c) => c.id === id)!
      .regions.find((r) => r.region === region)!
      .evidence.map(({ query, comparison, expected, found, ok }) => ({
        query,
        comparison,
        expected,
        found,
        ok,
      }));

  assert.deepEqual(evidence('cloudtrail-trail-logging', null), [
    {
      query: 'IsLogging',
      comparison: 'equals',
      expected: true,
      found: null,
      ok: false,
    },
    {
      query: 'LatestDeliveryError',
      comparison: 'empty',
      expected: true,
      found: null,
      ok: true,
    },
  ]);
  assert.deepEqual(evidence('iam-password-policy-strong', null), [
    {
      query: 'PasswordPolicy.MinimumPasswordLength',
      comparison: 'at-least',
      expected: 14,
      found: null,
      ok: false,
    },
    {
      query: 'PasswordPolicy.PasswordReusePrevention',
      comparison: 'at-least',
      expected: 24,
      found: null,
      ok: false,
    },
  ]);
  assert.deepEqual(evidence('tagging-resources-have-owner', 'us-east-1'), [
    {
      query: "ResourceTagMappingList[?!(Tags[?Key == 'owner'])].ResourceARN",
      comparison: 'empty',
      expected: true,
      found: [loadBalancerArn],
      ok: false,
    },
  ]);
  const fail = report.checks.find(
    (c) => c.id === 'cloudtrail-multi-region-trail',
  )!.regions[0]!;
  assert.equal(fail.message, '1 of 1 expectations do not hold.');
});

test('every error is a check whose API moto lacks or whose state it cannot reach, as its cycle says; none is caused by the tool', async () => {
  const unsupported = await unsupportedChecks();
  const errors = report.checks.flatMap((c) =>
    c.regions
      .filter((r) => r.status === 'ERROR')
      .map((r) => ({ id: c.id, region: r.region, message: r.message })),
  );
  assert.ok(errors.length > 0);
  const checks = new Map(catalog.runbooks.map((r) => [r.id, r]));
  for (const e of errors) {
    const missing = /^\[params\] Found no value for ([A-Z0-9_]+);/.exec(e.message)?.[1];
    if (missing) {
      // A parameter without a default that this account has no value for
      // (no sandbox OU, no trail bucket yet) is an honest error.
      const param = checks.get(e.id)!.params.find((p) => p.name === missing);
      assert.ok(param && param.default === undefined, `${e.id}: ${e.message}`);
      continue;
    }
    assert.ok(unsupported.has(e.id), `${e.id} ${e.region ?? ''}: ${e.message}`);
    assert.doesNotMatch(
      e.message,
      /^\[(params|missing-program|timeout)\]/,
      `${e.id}: ${e.message}`,
    );
  }
  const log = moto.log();
  assert.match(
    log,
    /NotImplementedError: The list_organizations_features action has not been implemented/,
  );
  assert.match(log, /Unable to find appropriate backend for access-analyzer/);
  assert.match(
    log,
    /NotImplementedError: The list_cost_allocation_tags action has not been implemented/,
  );
});

test('the JSON report of a whole account fits its published schema', () => {
  validReport(outcome.stdout);
});

test(
  'an API that answers HTML (moto lacks iam ListOrganizationsFeatures) is a server error, not a shell syntax error',
  () => {
    const check = report.checks.find(
      (c) => c.id === 'iam-centralized-root-access',
    )!;
    assert.match(check.regions[0]!.message, /^\[server\] /);
  },
);
