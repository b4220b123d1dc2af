/**
 * The command line's contract: outputs, exit codes and files, called the
 * way `npx runbook` calls it, with in-memory streams.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runbook } from './run-cli.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');


/** A project folder with a docs/ folder copied from fixtures. */
function project(...names: string[]): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-cli-'));
  for (const name of names) {
    cpSync(path.join(fixtures, name), path.join(cwd, 'docs', name), {
      recursive: true,
      filter: (f) => !/expected\.(txt|json)$/.test(f),
    });
  }
  writeFileSync(
    path.join(cwd, 'package.json'),
    JSON.stringify({ homepage: 'https://handbook.example.com/' }),
  );
  return cwd;
}


test('validate exits 0 and says so when every block is valid', async () => {
  const result = await runbook(project('valid'), 'validate');
  assert.deepEqual(result, {
    code: 0,
    stdout: '',
    stderr: 'No problems in 1 file, 2 valid runbooks.\n',
  });
});

test('validate prints one positioned line per problem, then a summary, exit 1', async () => {
  const result = await runbook(project('valid', 'unclosed', 'missing-command'), 'validate');
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  assert.equal(
    result.stderr,
    'docs/missing-command/input.md:3:1  error  Found `check` block `no-command` ' +
      'without a command; expected a ```bash fence with what to run. Add one, ' +
      'or make it `kind=manual` if a person does it by hand.  missing-command\n' +
      'docs/unclosed/input.md:3:1  error  Found a runbook opened here that is ' +
      'never closed; expected a `:::` line after its last command. Add it.  ' +
      'unclosed-block\n' +
      '2 errors and 0 warnings in 3 files, 2 valid runbooks.\n',
  );
});

test('validate --format json prints the problems as JSON on stdout', async () => {
  const result = await runbook(project('unclosed'), 'validate', '--format', 'json');
  assert.equal(result.code, 1);
  assert.deepEqual(JSON.parse(result.stdout), {
    errors: 1,
    warnings: 0,
    messages: [
      {
        file: 'docs/unclosed/input.md',
        line: 3,
        column: 1,
        severity: 'error',
        ruleId: 'unclosed-block',
        message:
          'Found a runbook opened here that is never closed; expected a ' +
          '`:::` line after its last command. Add it.',
      },
    ],
  });
});

test('validate takes paths and refuses one that does not exist with exit 2', async () => {
  const cwd = project('valid', 'unclosed');
  assert.equal((await runbook(cwd, 'validate', 'docs/valid')).code, 0);
  const missing = await runbook(cwd, 'validate', 'docs/nowhere');
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr,
    'runbook: Found no file or folder at `docs/nowhere`; expected Markdown ' +
      'files or a folder of them. Check the path.\n',
  );
});

test('usage mistakes exit 2', async () => {
  const cwd = project('valid');
  const unknownOption = await runbook(cwd, 'validate', '--fromat', 'json');
  assert.equal(unknownOption.code, 2);
  assert.match(unknownOption.stderr, /unknown option '--fromat'/);
  const badFormat = await runbook(cwd, 'list', '--format', 'yaml');
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /Allowed choices are table, json/);
  assert.equal((await runbook(cwd)).code, 2);
  assert.equal((await runbook(cwd, 'frobnicate')).code, 2);
  assert.equal((await runbook(cwd, 'export')).code, 2);
});

test('list prints a table of every block', async () => {
  const result = await runbook(project('valid'), 'list');
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    'ID                   KIND    WHO  EFFECT  SCOPE    LEVEL     GUIDE\n' +
      'password-policy      check   any  read    account  baseline  docs/valid/input.md\n' +
      'set-password-policy  change  any  change  account  baseline  docs/valid/input.md\n',
  );
});

test('list --format json prints the same rows as JSON', async () => {
  const result = await runbook(project('valid'), 'list', '--format', 'json');
  assert.deepEqual(JSON.parse(result.stdout)[1], {
    id: 'set-password-policy',
    kind: 'change',
    who: 'any',
    effect: 'change',
    scope: 'account',
    level: 'baseline',
    guide: 'docs/valid/input.md',
  });
});

test('export writes the catalog with each block’s URL on the site', async () => {
  const cwd = project('valid');
  const result = await runbook(cwd, 'export', '--out', 'catalog.json');
  assert.equal(result.code, 0);
  assert.equal(result.stderr, 'Wrote 2 runbooks to catalog.json.\n');
  const catalog = JSON.parse(readFileSync(path.join(cwd, 'catalog.json'), 'utf8'));
  assert.equal(catalog.siteUrl, 'https://handbook.example.com/');
  const [first] = catalog.runbooks;
  assert.equal(first.url, 'https://handbook.example.com/docs/valid/input#password-policy');
  assert.deepEqual(first.source, { file: 'docs/valid/input.md', line: 9, column: 1 });
  assert.deepEqual(first.commands, [
    { code: 'aws iam get-account-password-policy --output json', lang: 'bash', line: 16 },
  ]);
  const withUrl = await runbook(cwd, 'export', '--out', 'b.json', '--site-url', 'https://x.test/hb/');
  assert.equal(withUrl.code, 0);
  const other = JSON.parse(readFileSync(path.join(cwd, 'b.json'), 'utf8'));
  assert.equal(other.runbooks[0].url, 'https://x.test/hb/docs/valid/input#password-policy');
});

test('export writes nothing while a block is invalid', async () => {
  const cwd = project('valid', 'unclosed');
  const result = await runbook(cwd, 'export', '--out', 'catalog.json');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Wrote nothing: 1 error must be fixed first\.\n$/);
  assert.equal(existsSync(path.join(cwd, 'catalog.json')), false);
});

test('export into a missing folder is a usage error and leaves no file', async () => {
  const cwd = project('valid');
  const result = await runbook(cwd, 'export', '--out', 'no/such/dir/c.json');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^runbook: Could not write `no\/such\/dir\/c\.json`/);
});

test('every option’s help states its default', async () => {
  const cwd = project('valid');
  for (const command of ['validate', 'list', 'export', 'schema', 'reference']) {
    const help = await runbook(cwd, command, '--help');
    assert.equal(help.code, 0);
    const options = help.stdout
      .split('\n')
      .filter((l) => /^\s+--(?!help)/.test(l));
    for (const line of options) {
      assert.match(line, /default|required/, `${command}: ${line}`);
    }
  }
});
