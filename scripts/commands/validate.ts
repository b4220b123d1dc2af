import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatMessage } from '../../runbooks/messages.ts';
import { loadRunbooks, type LoadResult } from '../../runbooks/validate.ts';
import { err, out, UsageError, type Io } from '../io.ts';
import { docsDir, docsRoute } from '../project.ts';

export interface ValidateOptions {
  paths: string[];
  format: 'pretty' | 'json';
}

/** Loads runbooks from `paths`, refusing paths that do not exist. */
export async function load(io: Io, paths: string[]): Promise<LoadResult> {
  const wanted = paths.length > 0 ? paths : [docsDir];
  for (const p of wanted) {
    if (!existsSync(path.resolve(io.cwd, p))) {
      throw new UsageError(
        `Found no file or folder at \`${p}\`; expected Markdown files or a ` +
          'folder of them. Check the path.',
      );
    }
  }
  return loadRunbooks({
    paths: wanted,
    cwd: io.cwd,
    docsDir,
    routeBase: docsRoute,
  });
}

/** `runbook validate`: reports every problem; exit 1 when any is an error. */
export async function validate(io: Io, options: ValidateOptions): Promise<number> {
  const result = await load(io, options.paths);
  const errors = result.messages.filter((m) => m.severity === 'error').length;
  const warnings = result.messages.length - errors;

  if (options.format === 'json') {
    out(io, JSON.stringify({ messages: result.messages, errors, warnings }, null, 2));
  } else {
    for (const message of result.messages) err(io, formatMessage(message));
    err(io, summary(result, errors, warnings));
  }
  return errors > 0 ? 1 : 0;
}

function summary(result: LoadResult, errors: number, warnings: number): string {
  const scope = `${plural(result.files.length, 'file')}, ${plural(result.runbooks.length, 'valid runbook')}`;
  if (errors + warnings === 0) return `No problems in ${scope}.`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${scope}.`;
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
