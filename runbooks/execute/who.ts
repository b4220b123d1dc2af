/**
 * Decides whether a block's `who` fits the account a run is in, from the
 * configuration's roles and what Organizations says about the account.
 */
import type { Who } from '../schema.ts';
import type { AccountRole } from './config.ts';
import type { OrganizationRole } from './identity.ts';

export type Fit = { ok: true } | { ok: false; reason: string };

export interface AccountFacts {
  account: string;
  /** Roles the configuration gives this account; empty when unknown. */
  roles: AccountRole[];
  organization: OrganizationRole;
}

/** Whether a block for `who` may run in the account `facts` describe. */
export function fits(who: Who, facts: AccountFacts): Fit {
  if (who === 'any' || who === 'root') return { ok: true };

  if (who === 'management') {
    const org = facts.organization;
    if (org.kind === 'management' || facts.roles.includes('management')) return { ok: true };
    if (org.kind === 'member') {
      return skip(`it is for the management account (${org.managementAccount}); ${facts.account} is a member of ${org.organizationId}`);
    }
    if (org.kind === 'standalone') {
      return skip(`it is for an organization's management account; ${facts.account} is in no organization`);
    }
    return skip(
      `it is for the management account, and Organizations could not say whether ${facts.account} is (${org.reason}); ` +
        'name it under `accounts.management` in runbook.config.json to run it',
    );
  }

  if (facts.roles.length === 0 || facts.roles.includes(who)) return { ok: true };
  return skip(`it is for the ${who} account; runbook.config.json names ${facts.account} as ${facts.roles.join(' and ')}`);
}

function skip(reason: string): Fit {
  return { ok: false, reason: `Skipped: ${reason}.` };
}
