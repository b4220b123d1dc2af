/**
 * The tagging guide on the emulator. The account is the management account
 * of an organization with a member account and a Workloads OU directly
 * under the root, and no tags anywhere: the accounts carry none, and a log
 * group in us-east-1 has an `environment` tag but no `owner` (moto's
 * TagResources handles log groups, not EBS volumes). The guide's
 * changes enable and attach the tag policy; its manual steps tag the
 * accounts and the log group the way a person would with the AWS CLI.
 */
import assert from 'node:assert/strict';
import { createOrganization } from '../account.ts';
import type { Cycle, Env } from '../cycle.ts';
import { aws, regions } from '../harness.ts';

/** The ids of the organization's active accounts, as the checks list them. */
async function activeAccounts(env: Env): Promise<string[]> {
  const out = await aws(env)`organizations list-accounts`;
  return out.Accounts.filter((a: { State: string }) => a.State === 'ACTIVE').map(
    (a: { Id: string }) => a.Id,
  );
}

const cycle: Cycle = {
  guide: 'docs/tagging.md',

  given: async (env) => {
    const awsCli = aws(env);
    const org = await createOrganization(env);
    await awsCli`organizations create-account --email payments-dev@example.com
      --account-name payments-dev`;
    await awsCli`organizations create-organizational-unit
      --parent-id ${org.rootId} --name Workloads`;
    await awsCli`logs create-log-group --log-group-name /app/payments
      --tags environment=development`;
    return { ROOT_ID: org.rootId };
  },

  fresh: {
    'tagging-tag-policy-type-enabled': 'FAIL',
    'tagging-tag-policy-attached': 'FAIL',
    'tagging-effective-policy-required-keys': 'ERROR',
    'tagging-accounts-have-owner-tags': 'FAIL',
    'tagging-cost-allocation-tags-active': 'ERROR',
    'tagging-resources-have-owner': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'tagging-policy-compliance-clean': 'ERROR',
  },

  fix: [
    { run: 'tagging-enable-tag-policies' },
    // Fixes tagging-tag-policy-attached; its other check,
    // tagging-effective-policy-required-keys, cannot run on moto.
    { run: 'tagging-attach-tag-policy' },
    {
      manual: 'tagging-tag-accounts',
      by: async (env) => {
        const awsCli = aws(env);
        for (const account of await activeAccounts(env)) {
          await awsCli`organizations tag-resource --resource-id ${account}
            --tags Key=owner,Value=platform Key=environment,Value=production
            Key=cost-center,Value=cc-1042`;
        }
      },
    },
    {
      manual: 'tagging-fix-missing-owner',
      by: async (env) => {
        for (const region of regions) {
          const awsCli = aws({ ...env, AWS_REGION: region, AWS_DEFAULT_REGION: region });
          const listed = await awsCli`resourcegroupstaggingapi get-resources`;
          const arns: string[] = listed.ResourceTagMappingList.filter(
            (r: { Tags: Array<{ Key: string }> }) =>
              !r.Tags.some((t) => t.Key === 'owner'),
          ).map((r: { ResourceARN: string }) => r.ResourceARN);
          if (arns.length === 0) continue;
          const tagged = await awsCli`resourcegroupstaggingapi tag-resources
            --resource-arn-list ${arns} --tags owner=platform`;
          assert.deepEqual(tagged.FailedResourcesMap ?? {}, {});
        }
      },
    },
  ],

  unsupported: {
    'tagging-effective-policy-required-keys':
      'moto 5.2 has no organizations DescribeEffectivePolicy',
    'tagging-cost-allocation-tags-active':
      'moto 5.2 has no ce ListCostAllocationTags',
    'tagging-policy-compliance-clean':
      'moto 5.2 has no resourcegroupstaggingapi GetComplianceSummary',
  },
};

export default cycle;
