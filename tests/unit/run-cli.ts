/**
 * Runs the command line in process, the way `npx runbook` does, with
 * in-memory streams, for tests that assert its exact output.
 */
import { run } from '../../scripts/cli.ts';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `runbook ...argv` in `cwd` and collects what it printed. */
export async function runbook(cwd: string, ...argv: string[]): Promise<Outcome> {
  return runbookWith({ cwd }, argv);
}

/** `runbook`, with the environment runs start from (process.env when absent). */
export async function runbookWith(
  where: { cwd: string; env?: NodeJS.ProcessEnv },
  argv: string[],
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    ...where,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}
