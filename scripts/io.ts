/**
 * The one place the command line writes: results to stdout, problems and
 * progress to stderr. Tests pass their own streams.
 */

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  /** Where prompts read answers; absent or not a TTY means nobody to ask. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The environment runs start from; process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

/** A known failure: the user is told why, and the run exits with `code`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** Writes a line to stdout. */
export function out(io: Io, line: string): void {
  io.stdout.write(line + '\n');
}

/** Writes a line to stderr. */
export function err(io: Io, line: string): void {
  io.stderr.write(line + '\n');
}
