/**
 * Sorts the words of a resolved call: which option each belongs to, the
 * option's definition, and the words no option takes.
 */
import type { CliOperation } from '../api.ts';
import type { AwsCall, WrittenOption } from '../aws-calls.ts';
import { globalOptions, type Takes } from '../cli-names.ts';
import type { Shape } from '../models.ts';
import type { Word } from '../shell.ts';

export interface KnownOption {
  written: WrittenOption;
  takes: Takes;
  /** The words it takes as values. */
  values: Word[];
  /** Words after it that it does not take. */
  extra: Word[];
  shape?: Shape;
  /** For global options: the values the CLI allows, and whether it wants a number. */
  allowed?: readonly string[];
  integer?: boolean;
}

export interface SortedCall {
  known: KnownOption[];
  unknown: WrittenOption[];
  /** Words that belong to no option, in order. */
  stray: Word[];
}

/** Sorts the options of a call to `operation`. */
export function sortOptions(call: AwsCall, operation: CliOperation): SortedCall {
  const sorted: SortedCall = { known: [], unknown: [], stray: [...call.positionals] };
  for (const written of [...call.leading, ...call.options]) {
    const own = operation.options.get(written.name);
    const global = globalOptions[written.name];
    const takes = own?.takes ?? global?.takes;
    if (!takes) {
      sorted.unknown.push(written);
      continue;
    }
    const count = takes === 'flag' ? 0 : takes === 'values' ? written.values.length : 1;
    const option: KnownOption = {
      written,
      takes,
      values: written.values.slice(0, count),
      extra: written.values.slice(count),
      ...(own?.shape && { shape: own.shape }),
      ...(!own && global?.values && { allowed: global.values }),
      ...(!own && global?.integer && { integer: true }),
    };
    sorted.known.push(option);
    sorted.stray.push(...option.extra);
  }
  return sorted;
}
