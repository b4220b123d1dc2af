/**
 * Says what an `aws ...` command calls: an API operation the models know,
 * a command the CLI implements itself, or something that does not exist.
 */
import { findOperation, serviceFolder, type CliOperation } from './api.ts';
import type { AwsCall } from './aws-calls.ts';
import { localCommands, localOperations } from './cli-names.ts';
import type { ModelStore, ServiceModel } from './models.ts';

export type Resolution =
  /** Nothing to check: written with variables, or a command of the CLI itself. */
  | { status: 'skip' }
  | { status: 'no-service'; service: string }
  | { status: 'no-operation'; service: string; model: ServiceModel; operation?: string }
  | { status: 'misspelt'; service: string; spelled: string }
  | { status: 'found'; operation: CliOperation };

/** Resolves a call against the models. */
export function resolveCall(call: AwsCall, store: ModelStore): Resolution {
  const service = call.service?.value;
  if (service === undefined || localCommands.has(service)) return { status: 'skip' };
  if (service.startsWith('-')) return { status: 'skip' };
  const folder = serviceFolder(service);
  if (!store.hasService(folder)) return { status: 'no-service', service };
  const model = store.service(folder);
  if (!model) return { status: 'skip' };

  if (!call.operation) return { status: 'no-operation', service, model };
  const operation = call.operation.value;
  if (operation === undefined) return { status: 'skip' };
  const local = [...(localOperations['*'] ?? []), ...(localOperations[service] ?? [])];
  if (local.includes(operation)) return { status: 'skip' };

  const lookup = findOperation(service, model, operation);
  if (lookup.found) return { status: 'found', operation: lookup.found };
  if (lookup.misspelt) return { status: 'misspelt', service, spelled: lookup.misspelt };
  return { status: 'no-operation', service, model, operation };
}
