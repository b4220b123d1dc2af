/**
 * The site's remark plugin, run through MDX the way Docusaurus runs it for
 * `.md` files: valid blocks become typed `RunbookCard` props, invalid ones
 * fail the compile with the messages `runbook validate` prints.
 */
import { compile } from '@mdx-js/mdx';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import remarkRunbooks from '../../runbooks/remark-plugin.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

async function compileFixture(name: string): Promise<string> {
  const file = path.join(fixtures, name, 'input.md');
  const vfile = new VFile({ path: file, value: readFileSync(file, 'utf8') });
  const output = await compile(vfile, {
    format: 'md',
    remarkPlugins: [remarkFrontmatter, remarkDirective, [remarkRunbooks, { cwd: fixtures }]],
  });
  return String(output);
}

test('a valid block becomes a RunbookCard with typed props', async () => {
  const js = await compileFixture('valid');
  assert.match(js, /_components\.RunbookCard|RunbookCard/);
  assert.match(js, /"id": "password-policy"|id: "password-policy"/);
  assert.match(js, /"value": 14|value: 14/);
  assert.match(js, /arn:aws:iam::111122223333:role\/Audit/);
  assert.doesNotMatch(js, /:::runbook/);
});

test('an invalid block fails the compile with the validate message', async () => {
  await assert.rejects(compileFixture('unclosed'), (error: Error) => {
    assert.equal(
      error.message,
      'Invalid runbook blocks:\n' +
        'unclosed/input.md:3:1  error  Found a runbook opened here that is ' +
        'never closed; expected a `:::` line after its last command. Add ' +
        'it.  unclosed-block',
    );
    return true;
  });
});

test('an unknown directive fails the compile', async () => {
  await assert.rejects(compileFixture('misspelt-directive'), /unknown-directive/);
});
