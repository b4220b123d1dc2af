/**
 * The optional run configuration, `runbook.config.json`: which account id
 * plays which role, and parameter values. Validated with zod; unknown keys
 * are errors.
 */
import * as z from 'zod';
import { idPattern, paramNamePattern } from '../schema.ts';

const AccountId = z.string().regex(/^\d{12}$/, 'a 12-digit account id');

export const accountRoles = ['management', 'security', 'log-archive', 'workload', 'sandbox'] as const;

export const RunConfig = z
  .strictObject({
    $schema: z.string().optional(),
    accounts: z
      .partialRecord(z.enum(accountRoles), z.union([AccountId, z.array(AccountId).min(1)]))
      .optional()
      .describe('Account ids by role; `workload` and `sandbox` may list several'),
    params: z
      .record(z.string().regex(paramNamePattern, 'an upper-case parameter name'), z.string())
      .optional()
      .describe('Parameter values by name, used when no --param gives one'),
    skip: z
      .array(z.string().regex(idPattern))
      .optional()
      .describe('Ids of blocks never to run, for example checks accepted as risks'),
  })
  .describe('Configuration of `runbook check` and `runbook run`');

export type RunConfig = z.infer<typeof RunConfig>;
export type AccountRole = (typeof accountRoles)[number];

/** The roles `account` plays in the configuration. */
export function rolesOf(config: RunConfig, account: string): AccountRole[] {
  return accountRoles.filter((role) => {
    const ids = config.accounts?.[role];
    return Array.isArray(ids) ? ids.includes(account) : ids === account;
  });
}

/** Every account id the configuration names. */
export function configuredAccounts(config: RunConfig): string[] {
  return Object.values(config.accounts ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v]));
}
