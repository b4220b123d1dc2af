/**
 * Seeds each structural mistake into a copy of a real guide and checks
 * that validation names it at the line and column where it was made.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatMessage } from '../../runbooks/messages.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';

const root = path.join(import.meta.dirname, '..', '..');
const guide = readFileSync(path.join(root, 'docs', 'iam.md'), 'utf8');
const lines = guide.split('\n');

interface Block {
  opener: number;
  closer: number;
  fence?: number;
  fenceEnd?: number;
  kind: string;
}

/** Finds the blocks of the guide by line index, skipping code fences. */
function blocks(): Block[] {
  const found: Block[] = [];
  let open: Block | undefined;
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^```/.test(line)) {
      if (open && !inFence && line.startsWith('```bash') && open.fence === undefined) {
        open.fence = i;
      } else if (open && inFence && open.fenceEnd === undefined && open.fence !== undefined) {
        open.fenceEnd = i;
      }
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    if (/^:::runbook\[/.test(line)) {
      open = { opener: i, closer: -1, kind: /kind=(\w+)/.exec(line)![1]! };
    } else if (/^:::\s*$/.test(line) && open) {
      open.closer = i;
      found.push(open);
      open = undefined;
    }
  });
  return found;
}

const all = blocks();
const first = all[0]!;
const last = all[all.length - 1]!;
const check = all.find((b) => b.kind === 'check' && b.fence !== undefined)!;

async function validateSeeded(seeded: string[], extra?: [string, string]) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-seeded-'));
  writeFileSync(path.join(cwd, 'guide.md'), seeded.join('\n'));
  if (extra) writeFileSync(path.join(cwd, extra[0]), extra[1]);
  const { messages } = await loadRunbooks({ paths: ['.'], cwd });
  return messages;
}

async function expectMessage(
  seeded: string[],
  want: { file?: string; line: number; column: number; ruleId: string },
  extra?: [string, string],
) {
  const messages = await validateSeeded(seeded, extra);
  const found = messages.find(
    (m) =>
      m.ruleId === want.ruleId &&
      m.line === want.line &&
      m.column === want.column &&
      m.file === (want.file ?? 'guide.md'),
  );
  assert.ok(
    found,
    `expected ${want.ruleId} at ${want.line}:${want.column}, got:\n` +
      messages.map(formatMessage).join('\n'),
  );
}

test('the unseeded guide is valid', async () => {
  assert.ok(all.length >= 3, 'the guide has at least three blocks');
  assert.deepEqual(await validateSeeded(lines), []);
});

test('a block never closed', async () => {
  const seeded = lines.filter((_, i) => i !== last.closer);
  await expectMessage(seeded, { line: last.opener + 1, column: 1, ruleId: 'unclosed-block' });
});

test('a block closed early by a nested ::: container', async () => {
  const seeded = [...lines];
  seeded.splice(first.opener + 1, 0, '', ':::tip', 'A tip.', ':::');
  await expectMessage(seeded, { line: first.opener + 3, column: 1, ruleId: 'nested-container' });
});

test('a block closed early by a ::: line inside a code fence', async () => {
  const seeded = [...lines];
  seeded.splice(check.fence! + 1, 0, ':::');
  await expectMessage(seeded, {
    line: check.fence! + 2,
    column: 1,
    ruleId: 'fence-closes-block',
  });
});

test('an opener with a space before {', async () => {
  const seeded = [...lines];
  const opener = seeded[first.opener]!;
  seeded[first.opener] = opener.replace(']{', '] {');
  await expectMessage(seeded, {
    line: first.opener + 1,
    column: opener.indexOf(']{') + 2,
    ruleId: 'unparsed-directive',
  });
});

test('an opener with escaped quotes', async () => {
  const seeded = [...lines];
  const opener = seeded[first.opener]!.replace('kind=', 'note=\\"x\\" kind=');
  seeded[first.opener] = opener;
  await expectMessage(seeded, {
    line: first.opener + 1,
    column: opener.indexOf('\\"') + 1,
    ruleId: 'unparsed-directive',
  });
});

test('a misspelt directive name', async () => {
  const seeded = [...lines];
  seeded[first.opener] = seeded[first.opener]!.replace(':::runbook[', ':::runbok[');
  await expectMessage(seeded, { line: first.opener + 1, column: 1, ruleId: 'unknown-directive' });
});

test('a block without a command', async () => {
  const seeded = lines.filter((_, i) => i < check.fence! || i > check.fenceEnd!);
  await expectMessage(seeded, { line: check.opener + 1, column: 1, ruleId: 'missing-command' });
});

test('duplicate ids across files', async () => {
  const copy = lines.slice(first.opener, first.closer + 1).join('\n') + '\n';
  const idColumn = lines[first.opener]!.indexOf('{#') + 2;
  await expectMessage(
    lines,
    { file: 'other.md', line: 1, column: idColumn, ruleId: 'duplicate-id' },
    ['other.md', copy],
  );
});
