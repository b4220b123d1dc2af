/**
 * Files generated from the schema are committed so the site serves them;
 * these tests fail when they drift. Regenerate with `npm run generate`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { reportJsonSchema } from '../../runbooks/execute/report.ts';
import { runbookJsonSchema } from '../../runbooks/json-schema.ts';
import { coveragePage, loadCisControls } from '../../runbooks/coverage.ts';
import { referencePage } from '../../runbooks/reference.ts';
import { roadmapPage } from '../../runbooks/roadmap.ts';
import { cliPage } from '../../scripts/cli-reference.ts';
import { Runbook } from '../../runbooks/schema.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';

const root = path.join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

test('the reference page is the one generated from the schema', () => {
  assert.equal(read('docs/reference/runbook-format.md'), referencePage());
});

test('the command line reference is the one generated from the command table', () => {
  assert.equal(read('docs/reference/cli.md'), cliPage());
});

test('the roadmap is the one generated from the levels of the blocks', async () => {
  const { runbooks } = await loadRunbooks({ paths: ['docs'], cwd: root, lint: false });
  assert.equal(read('docs/roadmap.md'), roadmapPage(runbooks));
});

test('the CIS coverage page is the one generated from the blocks and the control list', async () => {
  const { runbooks } = await loadRunbooks({ paths: ['docs'], cwd: root, lint: false });
  assert.equal(read('docs/reference/cis-coverage.md'), coveragePage(runbooks, loadCisControls(root)));
});

test('the served JSON Schema is the one generated from the schema', () => {
  assert.deepEqual(JSON.parse(read('static/runbook.schema.json')), runbookJsonSchema());
});

test('the served report schema is the one generated from the report', () => {
  assert.deepEqual(JSON.parse(read('static/check-report.schema.json')), reportJsonSchema());
});

test('every runbook in the guides satisfies the runbook schema', async () => {
  const { runbooks } = await loadRunbooks({ paths: ['docs'], cwd: root });
  assert.ok(runbooks.length >= 12, `found ${runbooks.length} runbooks`);
  for (const { guide: _guide, ...runbook } of runbooks) {
    assert.deepEqual(Runbook.parse(runbook), runbook);
  }
});

test('the reference page lists every attribute of every directive', () => {
  const page = referencePage();
  for (const key of ['id', 'kind', 'who', 'effect', 'scope', 'level', 'cis', 'fixes']) {
    assert.match(page, new RegExp('\\| `' + key + '` \\|'));
  }
  for (const key of ['name', 'type', 'default', 'pattern', 'values', 'query', 'href']) {
    assert.match(page, new RegExp('\\| `' + key + '` \\|'));
  }
});
