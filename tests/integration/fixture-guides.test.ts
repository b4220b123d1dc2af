/**
 * `runbook check` on a fixture guide whose checks give every status: a
 * command that hangs (TIMEOUT, and the run goes on), commands that print
 * credentials (redacted everywhere), a check for another account
 * (SKIPPED), an expired session (the rest NOT_RUN). The same run is read
 * in each report format, the way CI systems and people read them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import {
  account,
  awsEnv,
  fixtureProject,
  regions,
  runbook,
  startMoto,
  type Moto,
  type Outcome,
} from './harness.ts';
import { junitCases, validReport } from './reports.ts';

/** Credentials shaped like real ones, so that only redaction can hide them. */
const secrets = {
  AWS_ACCESS_KEY_ID: 'ASIAQ3EXAMPLEKEYID01',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE42',
  AWS_SESSION_TOKEN:
    'IQoJb3JpZ2luX2VjEXAMPLEtokenQ2FMpbGxpYW0gU2hha2VzcGVhcmUgd2FzIGhlcmUhEXAMPLEtoken99',
};
/** An access key id that only the shape rule can recognise. */
const printedKeyId = 'AKIAJ7QW2EXAMPLE9XYZ';
const leaks = [...Object.values(secrets), printedKeyId];

const block = (
  id: string,
  title: string,
  attributes: string,
  command: string,
  expect: string,
) =>
  `:::runbook[${title}]{#${id} kind=check ${attributes} effect=read level=baseline}\n\n` +
  `Checks ${title.toLowerCase()}.\n\n\`\`\`bash\n${command}\n\`\`\`\n\n${expect}\n\n:::\n`;

const guide = [
  '---\ntitle: Fixture checks\n---\n\n# Fixture checks\n',
  block(
    'fixture-pass',
    'A setting that is on',
    'who=any scope=account',
    `echo '{"Enabled": true}'`,
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-fail',
    'A setting that is off',
    'who=any scope=account',
    `echo '{"Enabled": false}'`,
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-credentials-json',
    'Credentials in the output',
    'who=any scope=account',
    [
      `echo "secret=$AWS_SECRET_ACCESS_KEY token=$AWS_SESSION_TOKEN key=${printedKeyId}" >&2`,
      `printf '{"AccessKeyId": "%s", "SecretAccessKey": "%s", "SessionToken": "%s", "Other": "${printedKeyId}", "Note": "%s"}\\n' \\`,
      '  "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_SECRET_ACCESS_KEY"',
    ].join('\n'),
    '::expect{query="@" empty}',
  ),
  block(
    'fixture-credentials-error',
    'Credentials in an error',
    'who=any scope=account',
    `echo "secret=$AWS_SECRET_ACCESS_KEY token=$AWS_SESSION_TOKEN key=${printedKeyId}" >&2\nexit 1`,
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-credentials-text',
    'Credentials in text that is not JSON',
    'who=any scope=account',
    'echo "credentials for the deploy role: $AWS_SECRET_ACCESS_KEY"',
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-management',
    'A setting of the management account',
    'who=management scope=account',
    `echo '{"Enabled": true}'`,
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-hangs',
    'A command that hangs',
    'who=any scope=account',
    'sleep 30',
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-regional',
    'A setting of each region',
    'who=any scope=all-regions',
    `printf '{"Region": "%s"}\\n' "$AWS_REGION"`,
    '::expect{query="Region" not-equals=""}',
  ),
  block(
    'fixture-expired',
    'A session that has expired',
    'who=any scope=account',
    'echo "An error occurred (ExpiredToken) when calling the DescribeTrails operation: ' +
      'The security token included in the request is expired" >&2\nexit 254',
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
  block(
    'fixture-after-stop',
    'A check after the session expired',
    'who=any scope=account',
    `echo '{"Enabled": true}'`,
    '::expect{query="Enabled" equals=true type=boolean}',
  ),
].join('\n');

let moto: Moto;
let cwd: string;
let env: Record<string, string>;
const runs: Record<
  'json' | 'junit' | 'markdown' | 'pretty',
  Outcome & { report?: string }
> = {} as never;

before(async () => {
  moto = await startMoto();
  env = awsEnv(moto.url, secrets);
  cwd = fixtureProject({ 'checks.md': guide });
  const runbookCli = runbook({ env, cwd });
  const check = (format: string) =>
    runbookCli`check --account ${account} --regions ${regions.join(',')}
      --timeout 1 --concurrency 1 ${format.split(' ')}`;
  const [json, junit, markdown, pretty] = await Promise.all([
    check('--format json'),
    check('--format junit --out report.xml'),
    check('--format markdown'),
    check('--format pretty'),
  ]);
  Object.assign(runs, {
    json,
    junit: {
      ...junit,
      report: readFileSync(path.join(cwd, 'report.xml'), 'utf8'),
    },
    markdown,
    pretty,
  });
});
after(() => moto?.stop());

const stopReason =
  '[expired] The session has expired. Log in again (`aws sso login`, or refresh the keys) and run ' +
  'again. (An error occurred (ExpiredToken) when calling the DescribeTrails operation: The security ' +
  'token included in the request is expired)';
const summary = '2 PASS, 2 FAIL, 3 ERROR, 1 TIMEOUT, 1 SKIPPED, 1 NOT_RUN.';

test('every status in one run: a command that hangs is a TIMEOUT and the run goes on; an expired session stops it', () => {
  const report = validReport(runs.json.stdout);
  const rows = report.checks.flatMap((c) =>
    c.regions.map((r) => [c.id, r.region, r.status, r.message]),
  );
  // What the output shows of the text is the subject of the redaction tests below.
  const text = rows.find((r) => r[0] === 'fixture-credentials-text')!;
  assert.match(
    String(text[3]),
    /^\[output\] Expected JSON from the command, found `credentials for the deploy role: /,
  );
  text[3] = '[output] …';
  assert.deepEqual(rows, [
    ['fixture-pass', null, 'PASS', ''],
    ['fixture-fail', null, 'FAIL', '1 of 1 expectations do not hold.'],
    [
      'fixture-credentials-json',
      null,
      'FAIL',
      '1 of 1 expectations do not hold.',
    ],
    [
      'fixture-credentials-error',
      null,
      'ERROR',
      '[command] The command failed; see the message. (secret=[REDACTED] token=[REDACTED] key=[REDACTED])',
    ],
    ['fixture-credentials-text', null, 'ERROR', '[output] …'],
    [
      'fixture-management',
      null,
      'SKIPPED',
      `Skipped: it is for an organization's management account; ${account} is in no organization.`,
    ],
    [
      'fixture-hangs',
      null,
      'TIMEOUT',
      'The command did not finish within 1 s.',
    ],
    ['fixture-regional', 'us-east-1', 'PASS', ''],
    ['fixture-regional', 'eu-west-1', 'PASS', ''],
    ['fixture-expired', null, 'ERROR', stopReason],
    [
      'fixture-after-stop',
      null,
      'NOT_RUN',
      `Not run: the run stopped. ${stopReason}`,
    ],
  ]);
  const hung = report.checks.find((c) => c.id === 'fixture-hangs')!.regions[0]!;
  assert.ok(
    hung.durationMs >= 1000 && hung.durationMs < 5000,
    `killed after ${hung.durationMs} ms`,
  );
  assert.deepEqual(report.summary, {
    PASS: 2,
    FAIL: 2,
    ERROR: 3,
    TIMEOUT: 1,
    SKIPPED: 1,
    NOT_RUN: 1,
  });
  assert.equal(report.stoppedBecause, stopReason);
  assert.deepEqual(report.regions, regions);
  assert.equal(
    report.checks[0]!.url,
    'https://handbook.example.com/docs/checks#fixture-pass',
  );
  assert.equal(
    runs.json.stderr,
    `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.\n` +
      `Stopped early: ${stopReason}\n${summary}\n`,
  );
  // A check failed, so the exit code is 1 even though others errored.
  assert.equal(runs.json.code, 1);
});

test('credentials printed by a command are redacted from stdout, stderr and the JSON, JUnit, Markdown and text reports', () => {
  for (const [format, run] of Object.entries(runs)) {
    for (const text of [run.stdout, run.stderr, run.report ?? '']) {
      for (const secret of leaks) {
        assert.ok(!text.includes(secret), `${format} output shows ${secret}`);
      }
    }
    assert.equal(run.code, 1, format);
  }
  const report = validReport(runs.json.stdout);
  const evidence = report.checks.find(
    (c) => c.id === 'fixture-credentials-json',
  )!.regions[0]!.evidence;
  assert.deepEqual(evidence[0]!.found, {
    AccessKeyId: '[REDACTED]',
    SecretAccessKey: '[REDACTED]',
    SessionToken: '[REDACTED]',
    Other: '[REDACTED]',
    Note: '[REDACTED]',
  });
  assert.match(
    runs.junit.report!,
    /secret=\[REDACTED\] token=\[REDACTED\] key=\[REDACTED\]/,
  );
  assert.match(
    runs.markdown.stdout,
    /secret=\[REDACTED\] token=\[REDACTED\] key=\[REDACTED\]/,
  );
  assert.match(
    runs.pretty.stdout,
    /secret=\[REDACTED\] token=\[REDACTED\] key=\[REDACTED\]/,
  );
});

test(
  'no part of a secret longer than 8 characters reaches any output',
  () => {
    for (const [format, run] of Object.entries(runs)) {
      for (const text of [run.stdout, run.stderr, run.report ?? '']) {
        for (const secret of leaks) {
          for (let i = 0; i + 9 <= secret.length; i++) {
            const part = secret.slice(i, i + 9);
            assert.ok(
              !text.includes(part),
              `${format} output shows ${part}, part of ${secret}`,
            );
          }
        }
      }
    }
  },
);

test('the JUnit report has testsuites > testsuite > testcase with failure, error and skipped, and counts that match', () => {
  const junit = runs.junit;
  assert.equal(junit.stdout, '');
  assert.match(junit.stderr, /^Wrote the report to report\.xml\.$/m);
  const cases = junitCases(junit.report!);
  assert.deepEqual(
    cases.map((c) => [c.classname, c.name, c.outcome, c.type ?? null]),
    [
      ['docs/checks.md', 'fixture-pass', 'passed', null],
      ['docs/checks.md', 'fixture-fail', 'failure', 'FAIL'],
      ['docs/checks.md', 'fixture-credentials-json', 'failure', 'FAIL'],
      ['docs/checks.md', 'fixture-credentials-error', 'error', 'ERROR'],
      ['docs/checks.md', 'fixture-credentials-text', 'error', 'ERROR'],
      ['docs/checks.md', 'fixture-management', 'skipped', null],
      ['docs/checks.md', 'fixture-hangs', 'error', 'TIMEOUT'],
      ['docs/checks.md', 'fixture-regional [us-east-1]', 'passed', null],
      ['docs/checks.md', 'fixture-regional [eu-west-1]', 'passed', null],
      ['docs/checks.md', 'fixture-expired', 'error', 'ERROR'],
      ['docs/checks.md', 'fixture-after-stop', 'error', 'NOT_RUN'],
    ],
  );
  const failed = cases.find((c) => c.name === 'fixture-fail')!;
  assert.equal(failed.message, '1 of 1 expectations do not hold.');
  assert.equal(
    failed.text,
    '1 of 1 expectations do not hold.\nnot ok: Enabled equals true; found false\n' +
      'See https://handbook.example.com/docs/checks#fixture-fail',
  );
  const skipped = cases.find((c) => c.outcome === 'skipped')!;
  assert.match(
    skipped.message!,
    /^Skipped: it is for an organization's management account/,
  );

  const top = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
  }).parse(junit.report!);
  assert.deepEqual(
    { ...top.testsuites, testsuite: undefined, time: undefined },
    {
      name: 'runbook check',
      tests: '11',
      failures: '2',
      errors: '5',
      skipped: '1',
      testsuite: undefined,
      time: undefined,
    },
  );
  assert.equal(top.testsuites.testsuite.name, `account ${account}`);
  assert.match(
    top.testsuites.testsuite.timestamp,
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/,
  );
});

test('the Markdown and text reports list every result with its status and link', () => {
  const markdown = runs.markdown.stdout;
  assert.match(markdown, /^# Checks of account 111122223333\n/);
  assert.match(markdown, new RegExp(`^${summary.replace(/\.$/, '')}$`, 'm'));
  assert.match(
    markdown,
    /^\| TIMEOUT \| \[A command that hangs\]\(https:\/\/handbook\.example\.com\/docs\/checks#fixture-hangs\) \| account \| The command did not finish within 1 s\. \|$/m,
  );
  assert.match(markdown, /^Stopped early: \[expired\] /m);
  assert.equal(markdown.match(/^\| [A-Z_]+ \|/gm)!.length, 11);

  const pretty = runs.pretty.stdout;
  assert.match(
    pretty,
    /^TIMEOUT fixture-hangs {2}A command that hangs\n {10}The command did not finish within 1 s\.\n {10}See https:\/\/handbook\.example\.com\/docs\/checks#fixture-hangs$/m,
  );
  assert.match(
    pretty,
    /^PASS {4}fixture-regional \[eu-west-1\] {2}A setting of each region$/m,
  );
  assert.match(pretty, /^NOT_RUN fixture-after-stop {2}/m);
});
