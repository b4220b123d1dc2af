/**
 * The lint pass over commands: every `lint-<rule>` fixture depends on its
 * rule, the handbook is clean, seeded mistakes are named where they are
 * made, and a machine without models gets one warning instead of a crash.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { extractRunbooks } from '../../runbooks/extract.ts';
import { isLintRule } from '../../runbooks/lint/catalog.ts';
import { locateModels, modelsVariable } from '../../runbooks/lint/models.ts';
import { formatMessage, type Message } from '../../runbooks/messages.ts';
import { parseMarkdown } from '../../runbooks/processor.ts';
import { loadRunbooks, type LoadOptions } from '../../runbooks/validate.ts';

const root = path.join(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const ruleFixtures = readdirSync(fixtures)
  .filter((name) => name.startsWith('lint-') && isLintRule(name.slice(5)))
  .sort();

async function validate(cwd: string, lint?: LoadOptions['lint']) {
  return loadRunbooks({ paths: ['.'], cwd, docsDir: '.', ...(lint !== undefined && { lint }) });
}

const show = (messages: Message[]) => messages.map(formatMessage).join('\n');

test('every lint rule that reports in blocks has a fixture', () => {
  assert.ok(ruleFixtures.length >= 20, `found ${ruleFixtures.length} fixtures`);
});

for (const name of ruleFixtures) {
  const rule = name.slice('lint-'.length);
  test(`fixture ${name} fails without rule ${rule}`, async () => {
    const dir = path.join(fixtures, name);
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8');
    assert.match(expected, new RegExp(`  ${rule}\\n`), `expected.txt names ${rule}`);

    const without = await validate(dir, { skipRules: [rule] });
    const lines = without.messages.map(formatMessage).join('\n') + '\n';
    assert.notEqual(lines, expected);
    assert.deepEqual(
      without.messages.filter((m) => m.ruleId === rule),
      [],
      show(without.messages),
    );
  });
}

test('an allowed finding is kept as suppressed, with the reason', async () => {
  const result = await validate(path.join(fixtures, 'lint-allow'));
  assert.equal(result.suppressed.length, 1);
  const [allowed] = result.suppressed;
  assert.equal(allowed!.ruleId, 'hardcoded-account-id');
  assert.equal(allowed!.line, 15);
  assert.deepEqual(allowed!.suppression, {
    reason: 'The audit account of the organization is fixed; every reader trusts the same one.',
    line: 7,
    column: 1,
  });
  assert.ok(!result.messages.some((m) => m.ruleId === 'hardcoded-account-id'));
});

test('`::allow` is read into the block and never shown as prose', () => {
  const source = readFileSync(path.join(fixtures, 'lint-allow', 'input.md'), 'utf8');
  const [block] = extractRunbooks(parseMarkdown(source), source, 'input.md').blocks;
  assert.deepEqual(
    block!.allows.map((a) => [a.rule, a.at.line, a.ruleAt.column]),
    [
      ['hardcoded-account-id', 7, 9],
      ['check-pagination', 9, 9],
      ['hardcoded-acount-id', 11, 9],
    ],
  );
  assert.ok(block!.prose.every((node) => node.type !== 'leafDirective'));
});

test('`::allow` outside a block, or without a reason, is an error', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-allow-'));
  writeFileSync(
    path.join(cwd, 'guide.md'),
    [
      '::allow{rule=unused-param reason="x"}',
      '',
      ':::runbook[Read]{#read kind=manual who=any effect=read scope=account level=baseline}',
      '',
      'Read it.',
      '',
      '::allow{rule=unused-param}',
      '',
      ':::',
      '',
    ].join('\n'),
  );
  const { messages } = await validate(cwd);
  assert.deepEqual(
    messages.map((m) => [m.line, m.ruleId]),
    [
      [1, 'misplaced-directive'],
      [7, 'missing-attribute'],
    ],
    show(messages),
  );
});

test('the handbook validates clean, models included', async () => {
  const result = await loadRunbooks({ paths: ['docs'], cwd: root });
  assert.equal(show(result.messages), '');
  assert.ok(result.runbooks.length > 20);
});

test('without models: one warning, and the rules that need none still run', async () => {
  const result = await validate(path.join(fixtures, 'lint-read-only-operation'), {
    models: path.join(tmpdir(), 'no-such-models'),
  });
  const missing = result.messages.filter((m) => m.ruleId === 'aws-models-missing');
  assert.equal(missing.length, 1, show(result.messages));
  assert.equal(missing[0]!.severity, 'warning');
  assert.match(missing[0]!.message, /`.*no-such-models` \(from `--models`\) holds no AWS API models/);
  assert.deepEqual(
    result.messages.filter((m) => m.ruleId !== 'aws-models-missing').map((m) => m.ruleId),
    ['read-only-operation', 'read-only-operation'],
  );
});

test('models are found through --models, then the environment, then botocore', async () => {
  const found = await locateModels();
  assert.equal(found.dir !== undefined && found.from, 'botocore');
  const dir = found.dir!;
  assert.deepEqual(await locateModels({ models: dir, env: { [modelsVariable]: '/nowhere' } }), {
    dir,
    from: 'option',
  });
  assert.deepEqual(await locateModels({ env: { [modelsVariable]: path.dirname(dir) } }), {
    dir,
    from: 'environment',
  });
  const missing = await locateModels({ env: { [modelsVariable]: '/nowhere' } });
  assert.match(missing.dir === undefined ? missing.problem : '', /`RUNBOOK_AWS_MODELS`/);
});

/** Each mistake seeded into copies of two guides is named on its own line. */
test('guides with seeded mistakes name each one where it is made', async () => {
  const guides: Record<string, string[]> = {
    'iam.md': readFileSync(path.join(root, 'docs', 'iam.md'), 'utf8').split('\n'),
    'root-user.md': readFileSync(path.join(root, 'docs', 'root-user.md'), 'utf8').split('\n'),
  };
  /** Replaces `text` by `by` in `file`; the finding points at `word` inside `by`. */
  const seed = (file: string, text: string, by: string, word: string, ruleId: string) => {
    const guide = guides[file]!;
    const index = guide.findIndex((line) => line.includes(text));
    assert.ok(index >= 0, `${file} has ${text}`);
    guide[index] = guide[index]!.replace(text, by);
    const column = guide[index]!.indexOf(by) + by.indexOf(word) + 1;
    return { file, line: index + 1, column, ruleId };
  };
  const seeded = [
    seed(
      'iam.md',
      'get-account-password-policy --output json',
      'get-account-pasword-policy --output json',
      'get-account-pasword-policy',
      'aws-operation',
    ),
    seed('iam.md', '--minimum-password-length 14', '--minimum-password-lenght 14', '--minimum', 'aws-option'),
    seed('iam.md', '--type ORGANIZATION --output json', '--type ORGANISATION --output json', 'ORGANISATION', 'aws-enum'),
    seed(
      'iam.md',
      `query="analyzers[?status == 'ACTIVE']"`,
      `query='analyzers[?status == "ACTIVE"]'`,
      '"ACTIVE"',
      'query-quoted-identifier',
    ),
    seed('root-user.md', 'equals=0 type=number', 'equals=false type=boolean', 'equals', 'expect-value-type'),
    seed(
      'root-user.md',
      'list-organizations-features --output json',
      'list-organizations-features --output text',
      'text',
      'check-output-format',
    ),
  ];
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-lint-seeded-'));
  for (const [file, lines] of Object.entries(guides)) writeFileSync(path.join(cwd, file), lines.join('\n'));
  const { messages } = await validate(cwd);

  for (const { file, line, column, ruleId } of seeded) {
    const found = messages.filter((m) => m.file === file && m.ruleId === ruleId && m.line === line);
    assert.equal(found.length, 1, `${ruleId} at ${file}:${line}:\n${show(messages)}`);
    assert.equal(found[0]!.column, column, `${ruleId} column:\n${show(found)}`);
  }
  const lintFindings = messages.filter((m) => m.ruleId !== 'fixes-target');
  assert.equal(lintFindings.length, seeded.length, show(messages));
});
