/**
 * The pieces the lint pass stands on: the bash reader and its positions,
 * the CLI's spelling of API names, and queries that hold shell variables.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsCalls } from '../../runbooks/lint/aws-calls.ts';
import { cliName } from '../../runbooks/lint/cli-names.ts';
import { readFence } from '../../runbooks/lint/fence.ts';
import { DanglingDot, parseQuery } from '../../runbooks/lint/jmespath-ast.ts';
import { analyseWord } from '../../runbooks/lint/queries.ts';
import { allCommands, parseShell } from '../../runbooks/lint/shell.ts';

const fence = (code: string, indent = 0) => readFence({ code, lang: 'bash', line: 10 }, indent);

test('words keep their offsets; quotes are removed from values', () => {
  const script = parseShell(`aws iam get-role --role-name "$NAME" --query 'Role.Arn'`);
  const [command] = script.commands;
  assert.deepEqual(
    command!.words.map((w) => [w.raw, w.value, w.start]),
    [
      ['aws', 'aws', 0],
      ['iam', 'iam', 4],
      ['get-role', 'get-role', 8],
      ['--role-name', '--role-name', 17],
      ['"$NAME"', undefined, 29],
      ['--query', '--query', 37],
      ["'Role.Arn'", 'Role.Arn', 45],
    ],
  );
});

test('commands are found in substitutions, loops, pipelines and continued lines', () => {
  const code = [
    'for arn in $(aws cloudtrail describe-trails \\',
    '    --output text); do',
    '  aws cloudtrail get-trail-status --name "$arn" | jq .IsLogging',
    'done',
    'X="$(aws sts get-caller-identity `date`)" && echo "$X"',
  ].join('\n');
  const script = parseShell(code);
  const names = allCommands(script).map((c) => c.words.map((w) => w.raw).slice(0, 2).join(' '));
  assert.deepEqual(names, [
    'aws cloudtrail',
    'aws cloudtrail',
    'jq .IsLogging',
    '',
    'aws sts',
    'date',
    'echo "$X"',
  ]);
  assert.equal(script.loops[0]!.variable.raw, 'arn');
  const [pipe] = allCommands(script).filter((c) => c.next === '|');
  assert.equal(pipe!.following!.words[0]!.value, 'jq');
  assert.equal(allCommands(script)[0]!.parent?.word, script.loops[0]!.list[0]);
});

test('heredoc bodies are not commands, and comments are kept aside', () => {
  const code = ['cat > p.json <<EOF', 'aws iam not-a-command', 'EOF', 'aws iam list-users # 123'].join('\n');
  const script = parseShell(code);
  assert.deepEqual(
    script.commands.map((c) => c.words[0]?.raw),
    ['cat', 'aws'],
  );
  assert.equal(script.heredocs.length, 1);
  assert.deepEqual(script.comments, [[code.indexOf('#'), code.length]]);
});

test('positions map to the Markdown line and column, fence indent included', () => {
  const f = fence('aws iam list-users \\\n  --max-items 5', 3);
  const [call] = awsCalls(f);
  const option = call!.options[0]!;
  assert.equal(option.name, 'max-items');
  assert.deepEqual(f.at(option.word.start), { line: 11, column: 6 });
  assert.deepEqual(f.at(option.values[0]!.start), { line: 11, column: 18 });
});

test('an option with `=` gives its value as a word of its own', () => {
  const [call] = awsCalls(fence('aws iam list-users --output=json --region us-east-1'));
  assert.deepEqual(
    call!.options.map((o) => [o.name, o.values.map((v) => [v.value, v.start])]),
    [
      ['output', [['json', 28]]],
      ['region', [['us-east-1', 42]]],
    ],
  );
});

test('API names are spelled the way the AWS CLI spells them', () => {
  assert.equal(cliName('GetAccountPasswordPolicy'), 'get-account-password-policy');
  assert.equal(cliName('MinimumPasswordLength'), 'minimum-password-length');
  assert.equal(cliName('DescribeDBInstances'), 'describe-db-instances');
  assert.equal(cliName('ListWebACLs'), 'list-web-acls');
  assert.equal(cliName('SSEKMSKeyId'), 'ssekms-key-id');
  assert.equal(cliName('AuthenticationCode1'), 'authentication-code1');
});

test('a query keeps the position of each field', () => {
  const node = parseQuery("trailList[?HomeRegion == 'eu-west-1'].Name");
  assert.ok(node && !(node instanceof DanglingDot));
  assert.equal(node.type, 'project');
  assert.deepEqual(node.type === 'project' && node.right, {
    type: 'field',
    name: 'Name',
    start: 38,
    end: 42,
    quoted: false,
  });
});

test('a dot with nothing after it is found, which the jmespath package lets through', () => {
  for (const [query, at] of [['Trails.', 6], ['a..b', 1], ['a.| b', 1]] as const) {
    const result = parseQuery(query);
    assert.ok(result instanceof DanglingDot, query);
    assert.equal(result.start, at, query);
  }
});

test('shell variables inside a query are never reported', () => {
  const f = fence(`aws logs describe-log-groups --query "logGroups[?logGroupName=='\${GROUP}'].\${FIELD}"`);
  const [call] = awsCalls(f);
  const word = call!.options[0]!.values[0]!;
  const analysis = analyseWord(word, f, {
    kind: 'object',
    name: 'Output',
    fields: () => ({ logGroups: { kind: 'list', of: { kind: 'object', name: 'LogGroup', fields: () => ({ logGroupName: { kind: 'string' } }) } } }),
  });
  assert.deepEqual(analysis?.findings, []);
  assert.equal(analysis?.error, undefined);
});
