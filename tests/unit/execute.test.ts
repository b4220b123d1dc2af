/**
 * The executor's pieces that need no AWS: evaluating expectations, reading
 * failures, redacting secrets, fitting blocks to accounts, resolving
 * parameters, planning a run and writing reports.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogItem } from '../../runbooks/catalog.ts';
import { awsErrorCode, classifyFailure } from '../../runbooks/execute/classify.ts';
import { mixedCredentialsWarning, runEnvironment } from '../../runbooks/execute/env.ts';
import { evaluate } from '../../runbooks/execute/evaluate.ts';
import { parseParamOptions, resolveParams } from '../../runbooks/execute/params.ts';
import { redactor } from '../../runbooks/execute/redact.ts';
import { exitCodeOf, toJunit, toMarkdown, worst, type CheckReport } from '../../runbooks/execute/report.ts';
import { planRun } from '../../runbooks/execute/run.ts';
import { runShell } from '../../runbooks/execute/shell.ts';
import { fits, type AccountFacts } from '../../runbooks/execute/who.ts';

test('expectations compare typed values and count arrays', () => {
  const output = {
    SummaryMap: { AccountMFAEnabled: 1 },
    Trails: [{ Name: 'a', Multi: true }],
    Policy: { Length: 8 },
  };
  const results = evaluate(output, [
    { query: 'SummaryMap.AccountMFAEnabled', comparison: 'equals', value: 1, line: 1 },
    { query: 'SummaryMap.AccountMFAEnabled', comparison: 'equals', value: true, line: 2 },
    { query: 'Trails[?Multi]', comparison: 'at-least', value: 1, line: 3 },
    { query: 'Policy.Length', comparison: 'at-least', value: 14, line: 4 },
    { query: 'Trails[].Name', comparison: 'contains', value: 'a', line: 5 },
    { query: 'Missing', comparison: 'empty', value: true, line: 6 },
    { query: 'Trails', comparison: 'empty', value: false, line: 7 },
    { query: 'Policy.Length', comparison: 'not-equals', value: '8', line: 8 },
  ]);
  assert.deepEqual(
    results.map((r) => [r.found, r.ok]),
    [
      [1, true],
      [1, false],
      [[{ Name: 'a', Multi: true }], true],
      [8, false],
      [['a'], true],
      [null, true],
      [[{ Name: 'a', Multi: true }], true],
      [8, true],
    ],
  );
});

test('failures are read from what the AWS CLI prints', () => {
  const cli = (code: string) => `\nAn error occurred (${code}) when calling the X operation: message\n`;
  assert.equal(classifyFailure(254, cli('ExpiredToken')), 'expired');
  assert.equal(classifyFailure(254, cli('AccessDenied')), 'access-denied');
  assert.equal(classifyFailure(254, cli('AccessDeniedException')), 'access-denied');
  assert.equal(classifyFailure(254, cli('ThrottlingException')), 'throttled');
  assert.equal(classifyFailure(254, cli('InvalidClientTokenId')), 'invalid-token');
  assert.equal(classifyFailure(254, cli('OptInRequired')), 'region-disabled');
  assert.equal(classifyFailure(2, 'bash: -c: line 2: syntax error near unexpected token'), 'syntax');
  assert.equal(classifyFailure(127, 'bash: jq: command not found'), 'missing-program');
  assert.equal(classifyFailure(254, cli('NoSuchEntity')), 'command');
  assert.equal(awsErrorCode(cli('NoSuchEntity')), 'NoSuchEntity');
});

test('secrets are redacted by value and by shape', () => {
  const redact = redactor({
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEBYaDEXAMPLETOKEN',
  });
  const text =
    'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token FwoGZXIvYXdzEBYaDEXAMPLETOKEN ' +
    'id ASIAY34FZKBOKMUTVV7A {"SecretAccessKey": "abc/def", "SessionToken":"zzz"}';
  assert.equal(
    redact(text),
    'key [REDACTED] token [REDACTED] id [REDACTED] ' +
      '{"SecretAccessKey": "[REDACTED]", "SessionToken":"[REDACTED]"}',
  );
});

test('a new secret key in text output is redacted; a commit id is not', () => {
  const redact = redactor({});
  assert.equal(
    redact('ACCESSKEY\tAKIAIOSFODNN7EXAMPLE\t2026-12-04\tkzDd8DfJ7vAx2KVghUIKzMQRhB0WCgbeTdcG7hSe\tActive'),
    'ACCESSKEY\t[REDACTED]\t2026-12-04\t[REDACTED]\tActive',
  );
  assert.equal(redact('commit 0123456789abcdef0123456789abcdef01234567'), 'commit 0123456789abcdef0123456789abcdef01234567');
});

test('the run environment turns the pager off and applies --profile and --region', () => {
  const env = runEnvironment(
    { AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's', AWS_PAGER: 'less', PATH: '/bin' },
    { profile: 'audit', region: 'eu-west-1' },
  );
  assert.equal(env.AWS_PAGER, '');
  assert.equal(env.AWS_PROFILE, 'audit');
  assert.equal(env.AWS_ACCESS_KEY_ID, undefined);
  assert.equal(env.AWS_REGION, 'eu-west-1');
  assert.equal(env.AWS_DEFAULT_REGION, 'eu-west-1');
  assert.match(
    mixedCredentialsWarning({ AWS_ACCESS_KEY_ID: 'k', AWS_PROFILE: 'p' }, {}) ?? '',
    /^Both AWS_ACCESS_KEY_ID and AWS_PROFILE=p are set/,
  );
  assert.equal(mixedCredentialsWarning({ AWS_PROFILE: 'p' }, {}), undefined);
});

test('a block fits the account its who names', () => {
  const member: AccountFacts = {
    account: '222233334444',
    roles: [],
    organization: { kind: 'member', organizationId: 'o-abc', managementAccount: '111122223333' },
  };
  assert.deepEqual(fits('any', member), { ok: true });
  assert.deepEqual(fits('management', member), {
    ok: false,
    reason:
      'Skipped: it is for the management account (111122223333); 222233334444 is a member of o-abc.',
  });
  assert.deepEqual(fits('security', member), { ok: true });
  assert.deepEqual(fits('security', { ...member, roles: ['log-archive'] }), {
    ok: false,
    reason: 'Skipped: it is for the security account; runbook.config.json names 222233334444 as log-archive.',
  });
  assert.deepEqual(
    fits('management', { ...member, organization: { kind: 'management', organizationId: 'o-abc' } }),
    { ok: true },
  );
});

test('parameters come from options, then defaults, and are type-checked', () => {
  const block = {
    params: [
      { name: 'REGION', type: 'region', description: 'r', default: 'us-east-1' },
      { name: 'BUCKET', type: 'bucket-name', description: 'b' },
    ],
  } as const;
  assert.deepEqual(resolveParams(block as never, { BUCKET: 'logs' }), {
    ok: true,
    values: { REGION: 'us-east-1', BUCKET: 'logs' },
  });
  const missing = resolveParams(block as never, {});
  assert.equal(missing.ok, false);
  assert.match(!missing.ok ? missing.message : '', /no value for BUCKET.*`--param BUCKET=\.\.\.`/);
  const bad = resolveParams(block as never, { BUCKET: 'Bad_Bucket' });
  assert.match(!bad.ok ? bad.message : '', /^\[params\] Found BUCKET=`Bad_Bucket`; expected an S3 bucket name/);
  assert.deepEqual(parseParamOptions(['A=1', 'B_2=x=y']), { A: '1', B_2: 'x=y' });
  assert.throws(() => parseParamOptions(['lower=1']), /expected `NAME=value`/);
});

test('run plans a check with its fixes, and a fix with its checks', () => {
  const item = (id: string, kind: CatalogItem['kind'], fixes: string[] = []) =>
    ({ id, kind, fixes }) as unknown as CatalogItem;
  const catalog = [item('c', 'check'), item('x', 'change', ['c']), item('m', 'manual', ['c']), item('d', 'check')];
  const ids = (list: CatalogItem[]) => list.map((r) => r.id);
  const forCheck = planRun(catalog[0]!, catalog);
  assert.deepEqual([ids(forCheck.checks), ids(forCheck.fixes)], [['c'], ['x', 'm']]);
  const forChange = planRun(catalog[1]!, catalog);
  assert.deepEqual([ids(forChange.checks), ids(forChange.fixes)], [['c'], ['x']]);
});

test('a command runs under set -euo pipefail with stdin closed and a timeout', async () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  const failing = await runShell('false | true\necho after', { env, timeoutMs: 5000 });
  assert.equal(failing.exitCode, 1);
  assert.equal(failing.stdout, '');
  const unset = await runShell('echo "$NOT_SET"', { env, timeoutMs: 5000 });
  assert.notEqual(unset.exitCode, 0);
  const stdin = await runShell('cat; echo done', { env, timeoutMs: 5000 });
  assert.equal(stdin.stdout, 'done\n');
  const hang = await runShell('sleep 20 & sleep 20', { env, timeoutMs: 300 });
  assert.equal(hang.timedOut, true);
  assert.ok(hang.durationMs < 5000);
});

test('reports: worst status, exit codes, JUnit and Markdown', () => {
  assert.equal(worst(['PASS', 'ERROR', 'FAIL']), 'FAIL');
  assert.equal(worst(['PASS', 'SKIPPED']), 'PASS');
  assert.equal(worst(['SKIPPED']), 'SKIPPED');
  const report: CheckReport = {
    version: 1,
    startedAt: '2026-12-04T10:00:00.000Z',
    durationMs: 1500,
    identity: { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/a' },
    regions: ['us-east-1'],
    summary: { PASS: 1, FAIL: 1, ERROR: 0, TIMEOUT: 0, SKIPPED: 0, NOT_RUN: 0 },
    checks: [
      {
        id: 'a-check',
        title: 'A <check> & "more"',
        status: 'FAIL',
        scope: 'region',
        level: 'baseline',
        guide: 'docs/a.md',
        url: 'https://h.example/docs/a#a-check',
        regions: [
          {
            region: 'us-east-1',
            status: 'FAIL',
            message: '1 of 1 expectations do not hold.',
            evidence: [{ query: 'X', comparison: 'equals', expected: 1, found: 0, ok: false }],
            durationMs: 500,
          },
        ],
      },
      {
        id: 'b-check',
        title: 'B',
        status: 'PASS',
        scope: 'account',
        level: 'baseline',
        guide: 'docs/a.md',
        url: 'https://h.example/docs/a#b-check',
        regions: [{ region: null, status: 'PASS', message: '', evidence: [], durationMs: 250 }],
      },
    ],
  };
  assert.equal(exitCodeOf(report), 1);
  assert.equal(
    toJunit(report),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="runbook check" tests="2" failures="1" errors="0" skipped="0" time="1.500">',
      '  <testsuite name="account 111122223333" tests="2" failures="1" errors="0" skipped="0" time="1.500" timestamp="2026-12-04T10:00:00.000">',
      '    <testcase classname="docs/a.md" name="a-check [us-east-1]" time="0.500"><failure message="1 of 1 expectations do not hold." type="FAIL">1 of 1 expectations do not hold.\nnot ok: X equals 1; found 0\nSee https://h.example/docs/a#a-check</failure></testcase>',
      '    <testcase classname="docs/a.md" name="b-check" time="0.250"></testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'),
  );
  assert.match(
    toMarkdown(report),
    /\| FAIL \| \[A &lt;check> & "more"\]\(https:\/\/h\.example\/docs\/a#a-check\) \| us-east-1 \| 1 of 1 expectations do not hold\.; not ok: X equals 1; found 0 \|/,
  );
});
