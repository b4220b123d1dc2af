/**
 * Each folder under tests/fixtures holds Markdown input beside the exact
 * messages `runbook validate` gives for it (`expected.txt`) and, where
 * present, the runbooks it yields (`expected.json`). Run with
 * UPDATE_FIXTURES=1 to rewrite them, then review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { formatMessage } from '../../runbooks/messages.ts';
import { loadRunbooks } from '../../runbooks/validate.ts';

const root = path.join(import.meta.dirname, '..', 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

for (const name of readdirSync(root).sort()) {
  const dir = path.join(root, name);
  test(`fixture ${name}`, async () => {
    const result = await loadRunbooks({ paths: ['.'], cwd: dir, docsDir: '.' });
    const messages = result.messages.map(formatMessage).join('\n') + '\n';
    const runbooks = JSON.stringify(result.runbooks, null, 2) + '\n';
    const messagesFile = path.join(dir, 'expected.txt');
    const runbooksFile = path.join(dir, 'expected.json');

    if (update) {
      writeFileSync(messagesFile, messages);
      if (result.runbooks.length > 0) writeFileSync(runbooksFile, runbooks);
      return;
    }
    assert.equal(messages, readFileSync(messagesFile, 'utf8'));
    if (existsSync(runbooksFile)) {
      assert.equal(runbooks, readFileSync(runbooksFile, 'utf8'));
    }
  });
}
