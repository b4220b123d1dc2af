/**
 * Runs one command the way a block's reader would: under bash with
 * `set -euo pipefail`, stdin closed, in a fresh folder and environment,
 * killed with its children when the timeout passes.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Env } from './env.ts';

export interface ShellResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

export interface ShellOptions {
  env: Env;
  timeoutMs: number;
  /** Folder to run in; a fresh temporary one when absent. */
  cwd?: string;
}

const outputLimit = 16 * 1024 * 1024;

/** Runs `script` and collects its output. */
export async function runShell(script: string, options: ShellOptions): Promise<ShellResult> {
  const cwd = options.cwd ?? (await mkdtemp(path.join(tmpdir(), 'runbook-')));
  try {
    return await spawnBash(script, { ...options, cwd });
  } finally {
    if (!options.cwd) await rm(cwd, { recursive: true, force: true });
  }
}

function spawnBash(script: string, options: ShellOptions & { cwd: string }): Promise<ShellResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\n${script}`], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const take = (current: string, chunk: Buffer) =>
      current.length < outputLimit ? current + chunk.toString('utf8') : current;
    child.stdout.on('data', (c: Buffer) => (stdout = take(stdout, c)));
    child.stderr.on('data', (c: Buffer) => (stderr = take(stderr, c)));

    const kill = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 2000).unref();
    }, options.timeoutMs);

    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({
        exitCode: null,
        stdout,
        stderr: `${stderr}could not start bash: ${error.message}\n`,
        timedOut,
        durationMs: performance.now() - started,
      });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      kill('SIGKILL');
      resolve({ exitCode: code, stdout, stderr, timedOut, durationMs: performance.now() - started });
    });
  });
}
