/**
 * Chooses each parameter's value for a run: `--param` first, then the
 * configuration, then the block's default; checks each against its type.
 */
import { checkValue } from '../param-types.ts';
import type { Runbook } from '../schema.ts';

export type ParamResolution =
  | { ok: true; values: Record<string, string> }
  | { ok: false; message: string };

/** Resolves the values of `runbook`'s parameters from `given`. */
export function resolveParams(
  runbook: Pick<Runbook, 'params'>,
  given: Readonly<Record<string, string>>,
): ParamResolution {
  const values: Record<string, string> = {};
  const missing: string[] = [];

  for (const param of runbook.params) {
    const value = given[param.name] ?? param.default;
    if (value === undefined) {
      missing.push(param.name);
      continue;
    }
    const problem = checkValue(param, value);
    if (problem) {
      return {
        ok: false,
        message:
          `[params] Found ${param.name}=\`${value}\`; expected ${problem}. ` +
          `Pass \`--param ${param.name}=...\` with a valid value.`,
      };
    }
    values[param.name] = value;
  }
  if (missing.length > 0) {
    return {
      ok: false,
      message:
        `[params] Found no value for ${missing.join(', ')}; expected one for ` +
        'each parameter without a default. Pass ' +
        missing.map((m) => `\`--param ${m}=...\``).join(' ') +
        ', or set them under `params` in runbook.config.json.',
    };
  }
  return { ok: true, values };
}

/** Parses `NAME=value` options into a record; throws on a malformed one. */
export function parseParamOptions(options: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const option of options) {
    const match = /^([A-Z][A-Z0-9_]*)=([\s\S]*)$/.exec(option);
    if (!match) {
      throw new Error(
        `Found --param \`${option}\`; expected \`NAME=value\` with an ` +
          'upper-case name, like `--param TRAIL_NAME=org-trail`.',
      );
    }
    values[match[1]!] = match[2]!;
  }
  return values;
}
