/**
 * The root user guide on the emulator. The account is the management
 * account of an organization with one member, so the management checks run
 * and the member contacts can be set from the management account.
 */
import assert from 'node:assert/strict';
import { createOrganization } from '../account.ts';
import type { Cycle, Env, Params } from '../cycle.ts';
import { aws } from '../harness.ts';

const contacts: Params = {
  SECURITY_CONTACT_EMAIL: 'aws-security@example.com',
  SECURITY_CONTACT_PHONE: '+44 20 7946 0001',
  BILLING_CONTACT_EMAIL: 'aws-billing@example.com',
  BILLING_CONTACT_PHONE: '+44 20 7946 0002',
  OPERATIONS_CONTACT_EMAIL: 'aws-platform@example.com',
  OPERATIONS_CONTACT_PHONE: '+44 20 7946 0003',
};

const contactTypes = [
  ['SECURITY', 'Security team', 'Security contact'],
  ['BILLING', 'Finance team', 'Billing contact'],
  ['OPERATIONS', 'Platform team', 'Operations contact'],
] as const;

/** The account's organization, with one member account besides it. */
async function given(env: Env): Promise<void> {
  await createOrganization(env);
  const awsCli = aws(env);
  await awsCli`organizations create-account --account-name workload
    --email ${'aws-workload@example.com'}`;
}

/**
 * root-set-member-alternate-contacts as its script does it: every active
 * account but the management account gets the three contacts.
 */
async function setMemberContacts(env: Env, params: Params): Promise<void> {
  const awsCli = aws(env);
  const org = await awsCli`organizations describe-organization`;
  const accounts = await awsCli`organizations list-accounts`;
  const members: string[] = accounts.Accounts.filter(
    (a: { State: string; Id: string }) =>
      a.State === 'ACTIVE' && a.Id !== org.Organization.MasterAccountId,
  ).map((a: { Id: string }) => a.Id);
  assert.equal(members.length, 1, 'the organization has one member');
  for (const member of members) {
    for (const [type, name, title] of contactTypes) {
      await awsCli`account put-alternate-contact --account-id ${member}
        --alternate-contact-type ${type} --name ${name} --title ${title}
        --email-address ${params[`${type}_CONTACT_EMAIL`]}
        --phone-number ${params[`${type}_CONTACT_PHONE`]}`;
    }
    const security = await awsCli`account get-alternate-contact
      --account-id ${member} --alternate-contact-type SECURITY`;
    assert.equal(
      security.AlternateContact.EmailAddress,
      params.SECURITY_CONTACT_EMAIL,
    );
  }
}

const cycle: Cycle = {
  guide: 'docs/root-user.md',
  given,
  params: contacts,
  fresh: {
    // moto reports AccountMFAEnabled 0 and no AccountPasswordPresent.
    'iam-root-mfa-enabled': 'FAIL',
    'iam-root-no-access-keys': 'PASS',
    'root-mfa-not-virtual': 'PASS',
    'root-security-contact': 'FAIL',
    'root-billing-contact': 'FAIL',
    'root-operations-contact': 'FAIL',
    'root-account-trusted-access': 'FAIL',
    'iam-centralized-root-access': 'ERROR',
    'root-iam-trusted-access': 'FAIL',
    'root-not-used-recently': 'ERROR',
  },
  fix: [
    { run: 'root-set-alternate-contacts' },
    { run: 'root-enable-account-trusted-access' },
    { manual: 'root-set-member-alternate-contacts', by: setMemberContacts },
  ],
  after: {
    'iam-root-mfa-enabled': 'FAIL',
    'root-iam-trusted-access': 'FAIL',
  },
  unsupported: {
    'iam-root-mfa-enabled':
      'only the root user can register an MFA device, and moto 5.2 always ' +
      'answers GetAccountSummary with AccountMFAEnabled 0 and without ' +
      'AccountPasswordPresent',
    'iam-centralized-root-access':
      'moto 5.2 has no iam ListOrganizationsFeatures (nor the ' +
      'EnableOrganizationsRootCredentialsManagement and ' +
      'EnableOrganizationsRootSessions calls that fix it)',
    'root-iam-trusted-access':
      'moto 5.2 refuses iam.amazonaws.com in organizations ' +
      'EnableAWSServiceAccess (InvalidInputException: unrecognized service ' +
      'principal), so trusted access for IAM cannot be turned on',
    'root-not-used-recently':
      "moto 5.2's iam GetCredentialReport has no <root_account> row, which " +
      'the check refuses to read as "not used"',
  },
};

export default cycle;
