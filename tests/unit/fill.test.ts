import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fillCommand, shellReferences } from '../../runbooks/fill.ts';

/** What bash prints for `text` after filling, run with no network. */
function bashEcho(text: string): string {
  return execFileSync('bash', ['-c', text], { encoding: 'utf8', env: {} });
}

test('a safe value stands bare, without quotes', () => {
  assert.equal(
    fillCommand('aws s3api get-bucket-policy --bucket "$BUCKET"', { BUCKET: 'logs-1' }),
    'aws s3api get-bucket-policy --bucket "logs-1"',
  );
  assert.equal(fillCommand('echo ${REGION}x', { REGION: 'eu-west-1' }), 'echo eu-west-1x');
});

test('a value with shell syntax is quoted where it stands', () => {
  const value = `a'b; rm -rf / $(id) \`id\` "q" !x`;
  const cases = [
    'printf %s $NAME',
    'printf %s "$NAME"',
    'printf %s "pre-${NAME}-post"',
    'printf %s "$(printf %s "$NAME")"',
  ];
  for (const text of cases) {
    const filled = fillCommand(text, { NAME: value });
    const expected = text.includes('pre-') ? `pre-${value}-post` : value;
    assert.equal(bashEcho(filled), expected, filled);
  }
});

test('single quotes and quoted heredocs are left as written', () => {
  const text = "echo '$NAME'\ncat <<'EOF'\n$NAME\nEOF\n";
  assert.equal(fillCommand(text, { NAME: 'x' }), text);
});

test('an unquoted heredoc expands the value literally', () => {
  const text = 'cat <<EOF\nname=$NAME\nEOF\necho "$NAME"';
  const filled = fillCommand(text, { NAME: 'a $b `c` \\d' });
  assert.equal(bashEcho(filled), 'name=a $b `c` \\d\na $b `c` \\d\n');
});

test('comments and undeclared names are not filled', () => {
  assert.equal(fillCommand('echo $A # uses $A', { A: 'v' }), 'echo v # uses $A');
  assert.equal(fillCommand('echo $OTHER', { A: 'v' }), 'echo $OTHER');
});

test('references report their context', () => {
  const refs = shellReferences('x $A "$B" \'$C\' ${D}');
  assert.deepEqual(
    refs.map((r) => [r.name, r.context]),
    [
      ['A', 'bare'],
      ['B', 'double'],
      ['D', 'bare'],
    ],
  );
});

test('a value filling a whole double-quoted word is single-quoted alone', () => {
  assert.equal(
    fillCommand('aws x --name "$NAME" --arn "arn:${NAME}"', { NAME: "a b'c" }),
    `aws x --name 'a b'\\''c' --arn "arn:"'a b'\\''c'""`,
  );
  assert.equal(fillCommand('echo "$NAME"', { NAME: 'plain' }), 'echo "plain"');
});
