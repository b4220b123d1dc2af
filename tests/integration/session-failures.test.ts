/**
 * Credentials that stop working: a session that expires in the middle of a
 * run stops it, and a refused call is an error with advice, never a pass or
 * a fail. A proxy in front of moto answers chosen requests with the error
 * AWS would send.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  CheckReport,
  RegionResult,
} from '../../runbooks/execute/report.ts';
import {
  account,
  awsEnv,
  regions,
  runbook,
  startMoto,
  type Moto,
} from './harness.ts';
import {
  accessDenied,
  expiredToken,
  reached,
  withProxy,
  type Rule,
} from './proxy.ts';
import { validReport } from './reports.ts';

let moto: Moto;

before(async () => {
  moto = await startMoto();
});
after(() => moto?.stop());

const identityLine = `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.`;
const expiredAdvice =
  '[expired] The session has expired. Log in again (`aws sso login`, or refresh the keys) and run again.';
const deniedAdvice =
  '[access-denied] Access was denied. Run with a role that may call this API (the read-only audit role for checks).';

/**
 * `runbook check --only IDS --format json` through a proxy of its own that
 * answers as `rule` says; returns the outcome and the operations that
 * reached the emulator.
 */
function check(rule: Rule, ids: string[], ...extra: string[]) {
  return withProxy(
    moto.url,
    async (proxy) => {
      const result = await runbook({
        env: awsEnv(proxy.url),
      })`check --only ${ids.join(',')} --format json --account ${account} --regions ${regions.join(',')} ${extra}`;
      return { ...result, reached: reached(proxy) };
    },
    rule,
  );
}

/** Region results by `id` or `id [region]`: status and message. */
function results(
  report: CheckReport,
): Record<string, Pick<RegionResult, 'status' | 'message'>> {
  return Object.fromEntries(
    report.checks.flatMap((c) =>
      c.regions.map((r) => [
        r.region ? `${c.id} [${r.region}]` : c.id,
        { status: r.status, message: r.message },
      ]),
    ),
  );
}

let midRun: ReturnType<typeof check> | undefined;

/** A run whose session expires after the STS call and two check runs, for the two tests that read it. */
function expiresMidRun() {
  midRun ??= check(
    (r, index) => (index >= 3 ? expiredToken(r) : undefined),
    [
      'iam-root-no-access-keys',
      'iam-no-full-admin-policies',
      'logging-log-group-retention',
      'tagging-resources-have-owner',
    ],
    '--concurrency',
    '1',
  );
  return midRun;
}

describe('credentials that stop working', { concurrency: true }, () => {
  test('a session that expires mid-run stops it: the checks not yet run are NOT_RUN with the log-in advice, exit 3', async () => {
    const result = await expiresMidRun();
    const report = validReport(result.stdout);
    const expired =
      `${expiredAdvice} (An error occurred (ExpiredTokenException) when calling the ` +
      'DescribeLogGroups operation: The security token included in the request is expired)';
    const notRun = {
      status: 'NOT_RUN',
      message: `Not run: the run stopped. ${expired}`,
    };

    assert.deepEqual(
      Object.fromEntries(
        report.checks.map((c) => [
          c.id,
          c.regions.map((r) => ({ status: r.status, message: r.message })),
        ]),
      ),
      {
        'iam-no-full-admin-policies': [{ status: 'PASS', message: '' }],
        'logging-log-group-retention': [
          { status: 'PASS', message: '' },
          { status: 'ERROR', message: expired },
        ],
        'iam-root-no-access-keys': [notRun],
        'tagging-resources-have-owner': [notRun, notRun],
      },
    );
    assert.deepEqual(
      report.checks.map((c) => c.status),
      ['PASS', 'ERROR', 'NOT_RUN', 'NOT_RUN'],
    );
    assert.deepEqual(report.summary, {
      PASS: 1,
      FAIL: 0,
      ERROR: 1,
      TIMEOUT: 0,
      SKIPPED: 0,
      NOT_RUN: 2,
    });
    assert.equal(report.stoppedBecause, expired);
    assert.equal(
      result.stderr,
      `${identityLine}\nStopped early: ${expired}\n1 PASS, 1 ERROR, 2 NOT_RUN.\n`,
    );
    assert.equal(result.code, 3);
    // Nothing is sent after the refusal.
    assert.deepEqual(result.reached, [
      'sts GetCallerIdentity',
      'iam GetAccountAuthorizationDetails',
      'logs DescribeLogGroups',
      'logs DescribeLogGroups',
    ]);
  });

  test(
    'a regional check not run keeps the region it was planned for',
    async () => {
      const report = JSON.parse((await expiresMidRun()).stdout) as CheckReport;
      const regionsOf = (id: string) =>
        report.checks.find((c) => c.id === id)!.regions.map((r) => r.region);
      assert.deepEqual(regionsOf('logging-log-group-retention'), [
        'us-east-1',
        'eu-west-1',
      ]);
      assert.deepEqual(regionsOf('tagging-resources-have-owner'), [
        'us-east-1',
        'eu-west-1',
      ]);
    },
  );

  test('a session that expires after a check failed stops the run with exit 1 (query protocol ExpiredToken)', async () => {
    const result = await check(
      (r, index) => (index >= 2 ? expiredToken(r) : undefined),
      [
        'cloudtrail-multi-region-trail',
        'iam-password-policy-strong',
        'iam-no-full-admin-policies',
      ],
      '--concurrency',
      '1',
    );
    const report = validReport(result.stdout);
    const expired =
      `${expiredAdvice} (An error occurred (ExpiredToken) when calling the ` +
      'GetAccountPasswordPolicy operation: The security token included in the request is expired)';

    assert.deepEqual(results(report), {
      'cloudtrail-multi-region-trail': {
        status: 'FAIL',
        message: '1 of 1 expectations do not hold.',
      },
      // An expired session is never the "no policy" that empty-on=NoSuchEntity reads as empty.
      'iam-password-policy-strong': { status: 'ERROR', message: expired },
      'iam-no-full-admin-policies': {
        status: 'NOT_RUN',
        message: `Not run: the run stopped. ${expired}`,
      },
    });
    assert.equal(report.stoppedBecause, expired);
    assert.equal(
      result.stderr,
      `${identityLine}\nStopped early: ${expired}\n1 FAIL, 1 ERROR, 1 NOT_RUN.\n`,
    );
    assert.equal(result.code, 1);
    assert.deepEqual(result.reached, [
      'sts GetCallerIdentity',
      'cloudtrail DescribeTrails',
      'iam GetAccountPasswordPolicy',
    ]);
  });

  test('AccessDenied is an ERROR with the access advice, never a FAIL or a PASS, and the run goes on (query and JSON protocols)', async () => {
    const caller = `arn:aws:sts::${account}:user/moto`;
    const refused = new Set([
      'GetAccountSummary',
      'GetAccountPasswordPolicy',
      'DescribeTrails',
    ]);
    const result = await check(
      (r) => (refused.has(r.operation) ? accessDenied(r, caller) : undefined),
      [
        'cloudtrail-multi-region-trail',
        'iam-root-no-access-keys',
        'iam-password-policy-strong',
        'iam-no-full-admin-policies',
      ],
    );
    const report = validReport(result.stdout);
    const denied = (code: string, operation: string, action: string) =>
      `${deniedAdvice} (An error occurred (${code}) when calling the ${operation} operation: ` +
      `User: ${caller} is not authorized to perform: ${action} because no identity-based ` +
      `policy allows the ${action} action)`;

    assert.deepEqual(results(report), {
      'cloudtrail-multi-region-trail': {
        status: 'ERROR',
        message: denied(
          'AccessDeniedException',
          'DescribeTrails',
          'cloudtrail:DescribeTrails',
        ),
      },
      'iam-root-no-access-keys': {
        status: 'ERROR',
        message: denied(
          'AccessDenied',
          'GetAccountSummary',
          'iam:GetAccountSummary',
        ),
      },
      // empty-on=NoSuchEntity must not turn a refusal into "no policy".
      'iam-password-policy-strong': {
        status: 'ERROR',
        message: denied(
          'AccessDenied',
          'GetAccountPasswordPolicy',
          'iam:GetAccountPasswordPolicy',
        ),
      },
      'iam-no-full-admin-policies': { status: 'PASS', message: '' },
    });
    assert.equal(report.stoppedBecause, undefined);
    assert.equal(result.stderr, `${identityLine}\n1 PASS, 3 ERROR.\n`);
    assert.equal(result.code, 3);
    assert.deepEqual(result.reached.sort(), [
      'cloudtrail DescribeTrails',
      'iam GetAccountAuthorizationDetails',
      'iam GetAccountPasswordPolicy',
      'iam GetAccountSummary',
      'sts GetCallerIdentity',
    ]);
  });
});
