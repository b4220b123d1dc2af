/**
 * AWS's published API models, as botocore ships them: one folder per
 * service, one folder per API version, `service-2.json.gz` inside. Only the
 * services a run uses are read, each once.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A shape of the model, as the JSON has it. */
export interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  required?: string[];
  enum?: string[];
  payload?: string;
  streaming?: boolean;
  document?: boolean;
}

export interface MemberRef {
  shape: string;
  idempotencyToken?: boolean;
  streaming?: boolean;
}

export interface OperationModel {
  name: string;
  input?: { shape: string };
  output?: { shape: string };
}

export interface ServiceModel {
  /** The folder name, which is also the name the AWS CLI uses. */
  name: string;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  /** Pagination settings by operation name, where the service has any. */
  paginators: Record<string, Paginator>;
}

export interface Paginator {
  input_token?: string | string[];
  limit_key?: string;
}

/** Where models were found, or why none were. */
export type ModelLocation =
  | { dir: string; from: 'option' | 'environment' | 'botocore' }
  | { dir?: undefined; problem: string };

export interface LocateOptions {
  /** `--models DIR`: wins over everything else. */
  models?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The environment variable that names the models folder. */
export const modelsVariable = 'RUNBOOK_AWS_MODELS';

let botocoreLookup: Promise<string | undefined> | undefined;

/**
 * Finds the models: `--models`, else `RUNBOOK_AWS_MODELS`, else the data
 * folder of the botocore that `python3` imports.
 */
export async function locateModels(options: LocateOptions = {}): Promise<ModelLocation> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const given = options.models ?? env[modelsVariable];
  if (given) {
    const from = options.models ? 'option' : 'environment';
    const dir = modelsFolder(path.resolve(cwd, given));
    if (dir) return { dir, from };
    const source = from === 'option' ? '`--models`' : '`' + modelsVariable + '`';
    return {
      problem:
        `\`${given}\` (from ${source}) holds no AWS API models (botocore's ` +
        '`data` folder, with `iam/2010-05-08/service-2.json.gz` and the like)',
    };
  }
  botocoreLookup ??= askPython();
  const found = await botocoreLookup;
  const dir = found ? modelsFolder(found) : undefined;
  if (dir) return { dir, from: 'botocore' };
  return {
    problem:
      'no `--models DIR` was given, `' + modelsVariable + '` is not set, and ' +
      '`python3` could not import botocore',
  };
}

/** Accepts botocore's package folder or its `data` folder. */
function modelsFolder(dir: string): string | undefined {
  for (const candidate of [dir, path.join(dir, 'data')]) {
    if (existsSync(path.join(candidate, 'sts')) || existsSync(path.join(candidate, 'iam'))) {
      return candidate;
    }
  }
  return undefined;
}

function askPython(): Promise<string | undefined> {
  const script =
    'import botocore, os; ' +
    'print(os.path.join(os.path.dirname(botocore.__file__), "data"))';
  return new Promise((resolve) => {
    execFile('python3', ['-c', script], { timeout: 15000 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

/** Reads service models on first use and keeps them for the run. */
export class ModelStore {
  private names?: Set<string>;
  private readonly loaded = new Map<string, ServiceModel | undefined>();

  constructor(readonly dir: string) {}

  /** Every service folder, for "did you mean" hints. */
  serviceNames(): string[] {
    this.names ??= new Set(
      readdirSync(this.dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    );
    return [...this.names];
  }

  hasService(name: string): boolean {
    this.serviceNames();
    return this.names!.has(name);
  }

  /** The newest API version of a service, or undefined if there is none. */
  service(name: string): ServiceModel | undefined {
    if (this.loaded.has(name)) return this.loaded.get(name);
    const model = this.hasService(name) ? this.read(name) : undefined;
    this.loaded.set(name, model);
    return model;
  }

  private read(name: string): ServiceModel | undefined {
    const folder = path.join(this.dir, name);
    const versions = readdirSync(folder).sort().reverse();
    for (const version of versions) {
      const base = path.join(folder, version);
      const json = readJson(path.join(base, 'service-2.json'));
      if (!json) continue;
      const paginators = readJson(path.join(base, 'paginators-1.json')) as
        | { pagination?: Record<string, Paginator> }
        | undefined;
      const service = json as Omit<ServiceModel, 'name' | 'paginators'>;
      return {
        name,
        operations: service.operations ?? {},
        shapes: service.shapes ?? {},
        paginators: paginators?.pagination ?? {},
      };
    }
    return undefined;
  }
}

/**
 * Reads `file` or `file.gz`; undefined when neither is there or it cannot
 * be read, in which case the rules that need it stay silent.
 */
function readJson(file: string): unknown {
  try {
    if (existsSync(file + '.gz')) {
      return JSON.parse(gunzipSync(readFileSync(file + '.gz')).toString('utf8'));
    }
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A damaged model is treated as an absent one.
  }
  return undefined;
}
