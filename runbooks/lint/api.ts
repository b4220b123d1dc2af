/**
 * The AWS CLI's view of a model: which commands a service has and which
 * options each takes, named the way the CLI spells them.
 */
import {
  addedOptions,
  cliName,
  hasMixedCaseWord,
  looseKey,
  optionRenames,
  serviceFolders,
  type Takes,
} from './cli-names.ts';
import type { ModelStore, OperationModel, Paginator, ServiceModel, Shape } from './models.ts';

/** One option of an operation. */
export interface CliOption {
  name: string;
  takes: Takes;
  /** The API parameter behind it; absent for options the CLI adds. */
  member?: string;
  shape?: Shape;
}

export interface CliOperation {
  /** The service as written on the command line. */
  service: string;
  model: ServiceModel;
  operation: OperationModel;
  /** The operation as the CLI spells it. */
  name: string;
  options: Map<string, CliOption>;
  /** Required API parameters, by the options that can give them. */
  required: Array<{ member: string; options: string[] }>;
  /** Whether the CLI takes a file name for a streamed result. */
  outfile: boolean;
  paginator?: Paginator;
}

/** The model folder for a CLI service name. */
export function serviceFolder(service: string): string {
  return serviceFolders[service] ?? service;
}

/** CLI service names, for "did you mean" hints. */
export function cliServiceNames(store: ModelStore): string[] {
  const renamed = new Map(Object.entries(serviceFolders).map(([cli, folder]) => [folder, cli]));
  return store.serviceNames().map((folder) => renamed.get(folder) ?? folder);
}

/** Operation names of a service as the CLI spells them. */
export function operationNames(model: ServiceModel): string[] {
  return Object.keys(model.operations).map(cliName);
}

export type OperationLookup =
  | { found: CliOperation }
  | { found?: undefined; misspelt?: string };

const cache = new WeakMap<ServiceModel, Map<string, OperationModel>>();

/** Finds `written` among the operations of `model`. */
export function findOperation(
  service: string,
  model: ServiceModel,
  written: string,
): OperationLookup {
  let byKey = cache.get(model);
  if (!byKey) {
    // The key is the operation's name; the `name` inside can carry a
    // version suffix (CloudFront's `GetDistributionConfig2020_05_31`).
    byKey = new Map(
      Object.entries(model.operations).map(([key, op]) => [looseKey(key), { ...op, name: key }]),
    );
    cache.set(model, byKey);
  }
  const operation = byKey.get(looseKey(written));
  if (!operation) return {};
  const spelled = cliName(operation.name);
  if (spelled !== written && !hasMixedCaseWord(operation.name)) return { misspelt: spelled };
  return { found: describeOperation(service, model, operation, written) };
}

function describeOperation(
  service: string,
  model: ServiceModel,
  operation: OperationModel,
  name: string,
): CliOperation {
  const input = operation.input ? model.shapes[operation.input.shape] : undefined;
  const options = new Map<string, CliOption>();
  const renamed = (option: string) =>
    optionRenames[`${service}.${name}.${option}`] ??
    optionRenames[`${service}.*.${option}`] ??
    option;
  const add = (option: CliOption) =>
    options.set(option.name, { ...option, name: renamed(option.name) });

  for (const [member, ref] of Object.entries(input?.members ?? {})) {
    const shape = model.shapes[ref.shape];
    const option = cliName(member);
    if (shape?.type === 'boolean') {
      add({ name: option, takes: 'flag', member, shape });
      add({ name: 'no-' + option, takes: 'flag', member, shape });
    } else if (service === 'ec2' && isBooleanValue(model, shape)) {
      add({ name: option, takes: 'optional-value', member, ...(shape && { shape }) });
      add({ name: 'no-' + option, takes: 'flag', member, ...(shape && { shape }) });
    } else {
      const takes: Takes = shape?.type === 'list' ? 'values' : 'value';
      add({ name: option, takes, member, ...(shape && { shape }) });
    }
  }
  for (const [option, takes] of Object.entries(addedOptions[`${service}.${name}`] ?? {})) {
    options.set(option, { name: option, takes });
  }
  const byName = new Map([...options.values()].map((o) => [o.name, o]));

  const required = (input?.required ?? [])
    .filter((member) => !input?.members?.[member]?.idempotencyToken)
    .map((member) => ({
      member,
      options: [...byName.values()].filter((o) => o.member === member).map((o) => o.name),
    }));

  const output = operation.output ? model.shapes[operation.output.shape] : undefined;
  const payload = output?.payload ? output.members?.[output.payload] : undefined;
  const streamed = Boolean(
    payload && (payload.streaming || model.shapes[payload.shape]?.streaming),
  );
  const paginator = model.paginators[operation.name];

  return {
    service,
    model,
    operation,
    name,
    options: byName,
    required,
    outfile: streamed,
    ...(paginator && { paginator }),
  };
}

/** EC2's `{"Value": true}` structures, which the CLI turns into flags. */
function isBooleanValue(model: ServiceModel, shape: Shape | undefined): boolean {
  const members = Object.entries(shape?.members ?? {});
  return (
    shape?.type === 'structure' &&
    members.length === 1 &&
    members[0]![0] === 'Value' &&
    model.shapes[members[0]![1].shape]?.type === 'boolean'
  );
}

/** The options that page through results by hand, turning off the CLI's paging. */
export function manualPagingOptions(operation: CliOperation): string[] {
  const paginator = operation.paginator;
  if (!paginator) return [];
  const tokens = [paginator.input_token ?? []].flat();
  if (paginator.limit_key) tokens.push(paginator.limit_key);
  return tokens.map(cliName).filter((name) => operation.options.has(name));
}
