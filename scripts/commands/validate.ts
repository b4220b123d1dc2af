import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintOptions } from '../../runbooks/lint/index.ts';
import { toSarif } from '../../runbooks/lint/sarif.ts';
import { formatMessage } from '../../runbooks/messages.ts';
import { loadRunbooks, type LoadResult } from '../../runbooks/validate.ts';
import { err, out, UsageError, type Io } from '../io.ts';
import { docsDir, docsRoute } from '../project.ts';

export interface ValidateOptions {
  paths: string[];
  format: 'pretty' | 'json' | 'sarif';
  /** Folder of AWS API models; found through the environment when absent. */
  models?: string;
}

/**
 * Loads runbooks from `paths`, refusing paths that do not exist. The lint
 * pass over the commands runs only when asked: `validate` asks, the
 * commands that list, export or run blocks need only valid blocks.
 */
export async function load(
  io: Io,
  paths: string[],
  lint: LintOptions | false = false,
): Promise<LoadResult> {
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
    lint,
  });
}

/** `runbook validate`: reports every problem; exit 1 when any is an error. */
export async function validate(io: Io, options: ValidateOptions): Promise<number> {
  if (options.models && !existsSync(path.resolve(io.cwd, options.models))) {
    throw new UsageError(
      `Found no folder at \`${options.models}\` for \`--models\`; expected ` +
        "botocore's `data` folder of AWS API models. Check the path.",
    );
  }
  const result = await load(io, options.paths, {
    cwd: io.cwd,
    env: io.env ?? process.env,
    ...(options.models && { models: options.models }),
  });
  const errors = result.messages.filter((m) => m.severity === 'error').length;
  const warnings = result.messages.length - errors;

  if (options.format === 'json') {
    // Allowed findings are listed only when there are any, as `suppressed`.
    const allowed = result.suppressed.length > 0 ? { suppressed: result.suppressed } : {};
    const report = { messages: result.messages, errors, warnings, ...allowed };
    out(io, JSON.stringify(report, null, 2));
  } else if (options.format === 'sarif') {
    const sarif = toSarif(result.messages, result.suppressed, { version: toolVersion() });
    out(io, JSON.stringify(sarif, null, 2));
  } else {
    for (const message of result.messages) err(io, formatMessage(message));
    err(io, summary(result, errors, warnings));
  }
  return errors > 0 ? 1 : 0;
}

function summary(result: LoadResult, errors: number, warnings: number): string {
  const scope = `${plural(result.files.length, 'file')}, ${plural(result.runbooks.length, 'valid runbook')}`;
  const allowed = result.suppressed.length;
  const note = allowed > 0 ? ` (${plural(allowed, 'finding')} allowed by \`::allow\`)` : '';
  if (errors + warnings === 0) return `No problems in ${scope}${note}.`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${scope}${note}.`;
}

/** The version in the tool's own package.json. */
function toolVersion(): string | undefined {
  try {
    const file = path.join(import.meta.dirname, '..', '..', 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
