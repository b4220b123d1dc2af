/**
 * `runbook validate` with the lint pass: SARIF for code hosts, allowed
 * findings kept with their reason, and the `--models` option.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runbook } from './run-cli.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

/** A project whose docs/ holds the named fixtures. */
function project(...names: string[]): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-lint-cli-'));
  for (const name of names) {
    cpSync(path.join(fixtures, name, 'input.md'), path.join(cwd, 'docs', name + '.md'));
  }
  writeFileSync(path.join(cwd, 'package.json'), '{}');
  return cwd;
}


test('--format sarif writes SARIF 2.1.0 with rules, results and suppressions', async () => {
  const result = await runbook(project('lint-allow', 'lint-unused-param'), 'validate', '--format', 'sarif');
  assert.equal(result.code, 1);
  assert.equal(result.stderr, '');
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  const [runLog] = sarif.runs;
  const rules = runLog.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual(rules, ['allow-rule', 'allow-unused', 'hardcoded-account-id', 'unused-param']);
  assert.match(runLog.tool.driver.rules[2].help.text, /type=account-id/);

  const byRule = (id: string) => runLog.results.find((r: { ruleId: string }) => r.ruleId === id);
  assert.deepEqual(byRule('unused-param').locations, [
    {
      physicalLocation: {
        artifactLocation: { uri: 'docs/lint-unused-param.md' },
        region: { startLine: 7, startColumn: 1 },
      },
    },
  ]);
  assert.equal(byRule('unused-param').level, 'warning');
  assert.equal(byRule('allow-rule').level, 'error');
  const allowed = byRule('hardcoded-account-id');
  assert.equal(allowed.ruleIndex, 2);
  assert.deepEqual(allowed.suppressions, [
    {
      kind: 'inSource',
      justification: 'The audit account of the organization is fixed; every reader trusts the same one.',
    },
  ]);
  assert.deepEqual(allowed.locations[0].physicalLocation.region, { startLine: 15, startColumn: 110 });
});

test('--format json lists allowed findings apart, with the reason', async () => {
  const result = await runbook(project('lint-allow'), 'validate', '--format', 'json');
  const json = JSON.parse(result.stdout);
  assert.equal(json.errors, 1);
  assert.equal(json.warnings, 1);
  assert.deepEqual(
    json.suppressed.map((m: { ruleId: string; suppression: { line: number } }) => [m.ruleId, m.suppression.line]),
    [['hardcoded-account-id', 7]],
  );
});

test('pretty output counts what `::allow` let through', async () => {
  const cwd = project('lint-clean');
  writeFileSync(
    path.join(cwd, 'docs', 'allowed.md'),
    [
      ':::runbook[Trust the auditors]{#trust-auditors kind=change who=security effect=change scope=account level=baseline}',
      '',
      '::allow{rule=hardcoded-account-id reason="The audit account is fixed."}',
      '',
      '```bash',
      'aws iam update-assume-role-policy --role-name auditor --policy-document \'{"Principal":{"AWS":"111122223333"}}\'',
      '```',
      '',
      ':::',
      '',
    ].join('\n'),
  );
  const result = await runbook(cwd, 'validate');
  assert.equal(result.code, 0);
  assert.equal(
    result.stderr,
    'No problems in 2 files, 4 valid runbooks (1 finding allowed by `::allow`).\n',
  );
});

test('--models names the models folder; a folder that is not there is a usage error', async () => {
  const cwd = project('lint-aws-service');
  const missing = await runbook(cwd, 'validate', '--models', 'no-such-folder');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Found no folder at `no-such-folder` for `--models`/);

  writeFileSync(path.join(cwd, 'empty.txt'), '');
  const empty = await runbook(cwd, 'validate', '--models', '.');
  assert.equal(empty.code, 0);
  assert.match(
    empty.stderr,
    /warning {2}Found AWS CLI commands, but `\.` \(from `--models`\) holds no AWS API models/,
  );
  assert.match(empty.stderr, /aws-models-missing\n0 errors and 1 warning/);
});
