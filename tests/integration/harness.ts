/**
 * What the tests against the AWS emulator share: a moto server on a free
 * loopback port, an environment that reaches nothing else, and the
 * `runbook` command line and the AWS CLI run as a person would run them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalog } from '../../runbooks/catalog.ts';

/** The account the emulator acts as, as in the "Done when". */
export const account = '111122223333';
export const homeRegion = 'us-east-1';
export const regions = ['us-east-1', 'eu-west-1'];
/** The project whose guides the tests run. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const runbookBin = path.join(projectRoot, 'scripts', 'runbook.js');

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Throws unless `url` names the loopback address: no test reaches AWS. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== '[::1]') {
    throw new Error(
      `Refusing endpoint ${url}: the integration tests only talk to ` +
        'servers they started on 127.0.0.1.',
    );
  }
}

// The AWS SDK warns about Node.js versions it will drop; the project states
// its own requirement in package.json `engines`, as scripts/runbook.js does.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (
    !`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')
  ) {
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
  }
});

const started = new Set<ChildProcess>();

/** Kills a child and everything it started; safe once it is gone. */
function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL') {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends every process group still running, also when a test fails. */
function killAll() {
  for (const child of started) kill(child);
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** A free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface Moto {
  url: string;
  /** Everything the server printed, for naming the APIs it lacks. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `moto_server` on a free loopback port, acting as `accountId`;
 * with `managedPolicies`, it knows the AWS managed policies (as AWS does),
 * which costs it a second or two at the first IAM call.
 */
export async function startMoto(
  accountId = account,
  options: { managedPolicies?: boolean } = {},
): Promise<Moto> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(
      'moto_server',
      ['-H', '127.0.0.1', '-p', String(port)],
      {
        env: {
          ...baseEnv(),
          MOTO_ACCOUNT_ID: accountId,
          ...(options.managedPolicies && {
            MOTO_IAM_LOAD_MANAGED_POLICIES: 'true',
          }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    started.add(child);
    let log = '';
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => resolve()),
    );

    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        kill(child, 'SIGTERM');
        const timer = setTimeout(() => kill(child), 3000);
        await exited;
        clearTimeout(timer);
      }
      started.delete(child);
    };
    if (await listening(port, exited)) return { url, log: () => log, stop };
    await stop();
    if (attempt >= 2) throw new Error(`moto_server did not start:\n${log}`);
  }
}

/** Waits until `port` accepts connections; false if the server exited. */
async function listening(
  port: number,
  exited: Promise<void>,
): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30000;
  while (!gone && Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** The machine's environment less anything that says where AWS is or who we are. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|MOTO_)/.test(key)) continue;
    if (/^(https?_proxy|all_proxy|no_proxy)$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

const emptyFiles = mkdtempSync(path.join(tmpdir(), 'runbook-aws-home-'));
writeFileSync(path.join(emptyFiles, 'config'), '');
writeFileSync(path.join(emptyFiles, 'credentials'), '');
process.on('exit', () => rmSync(emptyFiles, { recursive: true, force: true }));

/**
 * The environment of every AWS CLI call and `runbook` run: the emulator's
 * endpoint, dummy keys, empty config and credentials files, no profile and
 * no instance metadata. Throws when an endpoint is not loopback.
 */
export function awsEnv(
  endpoint: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {
    ...baseEnv(),
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: homeRegion,
    AWS_REGION: homeRegion,
    AWS_CONFIG_FILE: path.join(emptyFiles, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(emptyFiles, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...extra,
  };
  delete env.AWS_PROFILE;
  for (const [key, value] of Object.entries(env)) {
    if (/^AWS_ENDPOINT_URL/.test(key)) assertLoopback(value);
  }
  return env;
}

/** Runs a program to the end, or kills it after `timeoutMs`. */
export function exec(
  program: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<Outcome> {
  for (const [key, value] of Object.entries(options.env)) {
    if (/^AWS_ENDPOINT_URL/.test(key)) assertLoopback(value);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd ?? projectRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    started.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const timeoutMs = options.timeoutMs ?? 120000;
    const timer = setTimeout(() => {
      kill(child);
      reject(
        new Error(`${program} ${args.join(' ')} ran over ${timeoutMs} ms`),
      );
    }, timeoutMs);
    child.once(
      'error',
      (error) => (clearTimeout(timer), started.delete(child), reject(error)),
    );
    child.once('close', (code) => {
      clearTimeout(timer);
      started.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `node scripts/runbook.js ARGS` in `cwd` (the project by default), as a
 * person would type `npx runbook ARGS`, written as a template:
 * `` runbook({ env })`check --only ${ids}` ``.
 */
export function runbook(options: {
  env: Record<string, string>;
  cwd?: string;
}): (strings: TemplateStringsArray, ...values: unknown[]) => Promise<Outcome> {
  return (strings, ...values) =>
    exec(process.execPath, [runbookBin, ...words(strings, values)], options);
}

/**
 * Splits a command written as a template into arguments: the text splits
 * at white space, each `${value}` stays whole within its word, and an
 * array standing alone gives one argument per item.
 */
export function words(
  strings: TemplateStringsArray,
  values: unknown[],
): string[] {
  const args: string[] = [];
  let word: string | undefined;
  const end = () => {
    if (word !== undefined) args.push(word);
    word = undefined;
  };
  strings.forEach((text, i) => {
    text.split(/\s+/).forEach((part, j) => {
      if (j > 0) end();
      if (part) word = (word ?? '') + part;
    });
    if (i >= values.length) return;
    const value = values[i];
    if (!Array.isArray(value)) {
      word = (word ?? '') + String(value);
      return;
    }
    if (word !== undefined || /^\S/.test(strings[i + 1]!)) {
      throw new Error(
        'An array in a command must stand alone as its own words.',
      );
    }
    args.push(...value.map(String));
  });
  end();
  return args;
}

type Template = (
  strings: TemplateStringsArray,
  ...values: unknown[]
) => Promise<any>;

/**
 * An AWS CLI call that must work, written like the shell command:
 * `` aws(env)`s3api create-bucket --bucket ${name}` ``. Returns its JSON
 * output.
 */
export function aws(env: Record<string, string>): Template {
  return async (strings, ...values) => {
    const args = words(strings, values);
    const result = await exec('aws', [...args, '--output', 'json'], { env });
    if (result.code !== 0) {
      throw new Error(
        `aws ${args.join(' ')} exited ${result.code}:\n${result.stderr}`,
      );
    }
    return result.stdout.trim() ? JSON.parse(result.stdout) : {};
  };
}

/** An AWS CLI call that may fail, tried once; returns its outcome. */
export function awsOnce(env: Record<string, string>): Template {
  return (strings, ...values) =>
    exec('aws', [...words(strings, values), '--output', 'json'], {
      env: { ...env, AWS_MAX_ATTEMPTS: '1' },
    });
}

/** A project folder with package.json `homepage` and the given guides under docs/. */
export function fixtureProject(guides: Record<string, string>): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-project-'));
  mkdirSync(path.join(cwd, 'docs'));
  writeFileSync(
    path.join(cwd, 'package.json'),
    JSON.stringify({ homepage: 'https://handbook.example.com/' }),
  );
  for (const [name, text] of Object.entries(guides)) {
    writeFileSync(path.join(cwd, 'docs', name), text);
  }
  process.on('exit', () => rmSync(cwd, { recursive: true, force: true }));
  return cwd;
}

/** The catalog of the real guides, from `runbook export`. */
export async function exportCatalog(): Promise<Catalog> {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-export-'));
  try {
    const file = path.join(dir, 'catalog.json');
    const result = await runbook({ env: baseEnv() })`export --out ${file}`;
    if (result.code !== 0)
      throw new Error(`runbook export failed:\n${result.stderr}`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
