/**
 * What the handbook promises about its own content: enough checks, each
 * with the steps that fix it, every CIS control accounted for, and every
 * check of every guide in an emulator cycle.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { coverageProblems, loadCisControls } from '../../runbooks/coverage.ts';
import { loadRunbooks, type CatalogEntry } from '../../runbooks/validate.ts';
import { loadCycles } from '../integration/cycle.ts';

const root = path.join(import.meta.dirname, '..', '..');
let runbooks: CatalogEntry[];
let checks: CatalogEntry[];

const at = (r: CatalogEntry) => `${r.source.file}:${r.source.line}:${r.source.column}`;

before(async () => {
  ({ runbooks } = await loadRunbooks({ paths: ['docs'], cwd: root, lint: false }));
  checks = runbooks.filter((r) => r.kind === 'check');
});

test('the guides hold at least 70 checks', () => {
  assert.ok(checks.length >= 70, `found ${checks.length} checks`);
});

test('every check has a change or manual step that fixes what it finds', () => {
  const fixed = new Set(runbooks.flatMap((r) => r.fixes));
  const unfixed = checks.filter((c) => !fixed.has(c.id)).map((c) => `${at(c)}: ${c.id}`);
  assert.deepEqual(unfixed, [], 'checks no block fixes');
});

test('every CIS control is covered by a block or has a reason, and every cited control exists', () => {
  const problems = coverageProblems(runbooks, loadCisControls(root)).map(
    (m) => `${m.file}:${m.line}:${m.column}: ${m.message}`,
  );
  assert.deepEqual(problems, []);
});

test('every check of every guide is in exactly one emulator cycle', async () => {
  const named = new Map<string, string>();
  for (const { file, cycle } of await loadCycles()) {
    for (const id of Object.keys(cycle.fresh)) {
      assert.ok(!named.has(id), `${id} is in ${named.get(id)} and ${file}`);
      named.set(id, file);
    }
    const guideChecks = checks.filter((c) => c.source.file === cycle.guide).map((c) => c.id);
    assert.deepEqual(Object.keys(cycle.fresh).sort(), guideChecks.sort(), `${file} covers ${cycle.guide}`);
  }
  const missing = checks.filter((c) => !named.has(c.id)).map((c) => `${at(c)}: ${c.id}`);
  assert.deepEqual(missing, [], 'checks in no cycle');
});
