/**
 * The developer accounts guide on the emulator: an organization laid out
 * by the organization guide, with two sandbox accounts (one to retire) and
 * a VPC peering connection a developer left behind. The one emulated
 * account stands for both the management account and the sandbox.
 */
import { createOrganization } from '../account.ts';
import type { Cycle, Env, Params } from '../cycle.ts';
import { aws } from '../harness.ts';

/** Ids learnt while the cycle runs, for steps whose values are not known upfront. */
const learnt: Params = {};

/** Creates a member account in `ouId`, as the organization guide does. */
async function sandboxAccount(
  env: Env,
  name: string,
  rootId: string,
  ouId: string,
): Promise<string> {
  const awsCli = aws(env);
  const out = await awsCli`organizations create-account
    --account-name ${name} --email ${`aws+${name}@example.com`}`;
  const id = out.CreateAccountStatus.AccountId;
  await awsCli`organizations move-account --account-id ${id}
    --source-parent-id ${rootId} --destination-parent-id ${ouId}`;
  return id;
}

const cycle: Cycle = {
  guide: 'docs/developer-accounts.md',

  async given(env) {
    const awsCli = aws(env);
    const org = await createOrganization(env);
    const ou = async (name: string) =>
      (
        await awsCli`organizations create-organizational-unit
          --parent-id ${org.rootId} --name ${name}`
      ).OrganizationalUnit.Id as string;
    const sandboxOu = await ou('Sandbox');
    await ou('Suspended');
    const ana = await sandboxAccount(env, 'sandbox-ana', org.rootId, sandboxOu);
    learnt.retired = await sandboxAccount(
      env,
      'sandbox-old',
      org.rootId,
      sandboxOu,
    );
    // A developer peered two VPCs of the sandbox in us-east-1.
    const vpc = async (cidr: string) =>
      (await awsCli`ec2 create-vpc --cidr-block ${cidr}`).Vpc.VpcId as string;
    await awsCli`ec2 create-vpc-peering-connection
      --vpc-id ${await vpc('10.1.0.0/16')} --peer-vpc-id ${await vpc('10.2.0.0/16')}`;
    return {
      ROOT_ID: org.rootId,
      SANDBOX_OU_ID: sandboxOu,
      SANDBOX_ACCOUNT_ID: ana,
      NOTIFY_EMAIL: 'cloud-platform@example.com',
    };
  },

  fresh: {
    'dev-sandbox-guardrails-attached': 'FAIL',
    'dev-sandbox-region-limit': 'FAIL',
    'dev-permission-boundary-exists': 'FAIL',
    'dev-sandbox-budgets': 'FAIL',
    'dev-sandbox-budget-actions': 'ERROR',
    'dev-sandbox-no-network-links': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
  },

  fix: [
    { run: 'dev-attach-sandbox-guardrails' },
    { run: 'dev-attach-sandbox-regions' },
    { run: 'dev-create-permission-boundary' },
    // The retired sandbox leaves the OU first, so the budget check then
    // covers only the sandbox that gets a budget.
    {
      run: 'dev-suspend-account',
      get params() {
        return { ACCOUNT_ID: learnt.retired! };
      },
    },
    { run: 'dev-create-sandbox-budget' },
    {
      manual: 'dev-remove-network-links',
      async by(env) {
        const awsCli = aws(env);
        const out = await awsCli`ec2 describe-vpc-peering-connections`;
        const open = out.VpcPeeringConnections.filter(
          (p: { Status: { Code: string } }) =>
            ['pending-acceptance', 'provisioning', 'active'].includes(
              p.Status.Code,
            ),
        );
        for (const peering of open) {
          await awsCli`ec2 delete-vpc-peering-connection
            --vpc-peering-connection-id ${peering.VpcPeeringConnectionId}`;
        }
      },
    },
  ],

  unsupported: {
    'dev-sandbox-budget-actions':
      'moto 5.2.1 has no AWS Budgets DescribeBudgetActionsForAccount or ' +
      'CreateBudgetAction (it answers 500)',
  },
};

export default cycle;
