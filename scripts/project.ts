/**
 * Facts about the project the command line runs in: where the docs are and
 * the URL the site is served at.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.ts';

export const docsDir = 'docs';
/** Route the docs plugin serves the guides under; see docusaurus.config.ts. */
export const docsRoute = '/docs';

/** The site URL, base URL included, from package.json `homepage`. */
export async function defaultSiteUrl(cwd: string): Promise<string> {
  try {
    const pkg = JSON.parse(
      await readFile(path.join(cwd, 'package.json'), 'utf8'),
    ) as { homepage?: unknown };
    if (typeof pkg.homepage === 'string') return pkg.homepage;
  } catch {
    // Fall through to the error below.
  }
  throw new UsageError(
    'Found no `homepage` in package.json; expected the URL the handbook is ' +
      'served at. Add it, or pass `--site-url URL`.',
  );
}
