/**
 * `runbook check` on a fresh emulated account: a result for every check of
 * the guides, each the one that state implies, and no error caused by the
 * tool itself.
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
import { validReport } from './reports.ts';

let moto: Moto;
let catalog: Catalog;
let loadBalancerArn: string;
let outcome: Outcome;
let report: CheckReport;

before(async () => {
  moto = await startMoto();
  const env = awsEnv(moto.url);
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

/** What a fresh account gives, by check and region (`account` for account-wide checks). */
const fresh: Record<string, Record<string, string>> = {
  'cloudtrail-multi-region-trail': { account: 'FAIL' },
  'cloudtrail-log-file-validation': { account: 'FAIL' },
  'cloudtrail-kms-encryption': { account: 'FAIL' },
  'cloudtrail-trail-logging': { account: 'FAIL' },
  'iam-root-mfa-enabled': { account: 'FAIL' },
  'iam-root-no-access-keys': { account: 'PASS' },
  'iam-centralized-root-access': { account: 'ERROR' },
  'iam-password-policy-strong': { account: 'FAIL' },
  'iam-no-full-admin-policies': { account: 'PASS' },
  'iam-access-analyzer-active': { 'us-east-1': 'ERROR', 'eu-west-1': 'ERROR' },
  'logging-vpc-flow-logs': { 'us-east-1': 'FAIL' },
  'logging-elb-access-logs': { 'us-east-1': 'FAIL' },
  'logging-log-group-retention': { 'us-east-1': 'PASS', 'eu-west-1': 'PASS' },
  'tagging-tag-policy-type-enabled': { account: 'FAIL' },
  'tagging-cost-allocation-tags-active': { account: 'ERROR' },
  'tagging-resources-have-owner': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
};

test('check returns one result for every check that runbook export lists, in its order', () => {
  const exported = catalog.runbooks.filter((r) => r.kind === 'check');
  assert.deepEqual(
    report.checks.map((c) => c.id),
    exported.map((r) => r.id),
  );
  assert.deepEqual(
    report.checks.map((c) => c.url),
    exported.map((r) => r.url),
  );
  assert.deepEqual(
    Object.keys(fresh),
    exported.map((r) => r.id),
    'this test knows every check',
  );
});

test('on a fresh account each check gives the status its state implies, exit 1', () => {
  const found = Object.fromEntries(
    report.checks.map((c) => [
      c.id,
      Object.fromEntries(
        c.regions.map((r) => [r.region ?? 'account', r.status]),
      ),
    ]),
  );
  assert.deepEqual(found, fresh);
  assert.equal(outcome.code, 1);
  assert.equal(
    outcome.stderr,
    `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.\n` +
      '3 PASS, 10 FAIL, 3 ERROR.\n',
  );
  assert.deepEqual(report.summary, {
    PASS: 3,
    FAIL: 10,
    ERROR: 3,
    TIMEOUT: 0,
    SKIPPED: 0,
    NOT_RUN: 0,
  });
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
  assert.deepEqual(evidence('logging-vpc-flow-logs', 'us-east-1'), [
    {
      query: "FlowLogs[?FlowLogStatus == 'ACTIVE']",
      comparison: 'at-least',
      expected: 1,
      found: [],
      ok: false,
    },
  ]);
  const fail = report.checks.find(
    (c) => c.id === 'cloudtrail-multi-region-trail',
  )!.regions[0]!;
  assert.equal(fail.message, '1 of 1 expectations do not hold.');
});

test('the three errors are APIs moto lacks (iam ListOrganizationsFeatures, accessanalyzer ListAnalyzers, ce ListCostAllocationTags), none caused by the tool', () => {
  const errors = report.checks.flatMap((c) =>
    c.regions
      .filter((r) => r.status === 'ERROR')
      .map((r) => ({ id: c.id, region: r.region, message: r.message })),
  );
  assert.deepEqual(
    errors.map((e) => `${e.id} ${e.region ?? 'account'}`),
    [
      'iam-centralized-root-access account',
      'iam-access-analyzer-active us-east-1',
      'iam-access-analyzer-active eu-west-1',
      'tagging-cost-allocation-tags-active account',
    ],
  );
  for (const e of errors) {
    assert.doesNotMatch(
      e.message,
      /^\[(params|output|missing-program)\]/,
      `${e.id}: ${e.message}`,
    );
    assert.match(e.message, /^\[server\] /, `${e.id} failed in the emulator`);
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
