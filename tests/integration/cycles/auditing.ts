/**
 * The auditing guide on the emulator. The account is the management account
 * of an organization whose log archive bucket for AWS Config already exists;
 * nothing records configuration yet, and an instance in us-east-1 still
 * answers IMDSv1. The guide's manual steps apply the bucket policy and move
 * the instance to IMDSv2; its changes turn on Config in both test regions,
 * create the organization aggregator, deploy an organization conformance
 * pack and turn on EBS encryption by default.
 */
import assert from 'node:assert/strict';
import { createOrganization } from '../account.ts';
import type { Cycle } from '../cycle.ts';
import { account, aws } from '../harness.ts';

const configBucket = `org-config-${account}`;

/** The bucket policy of audit-prepare-config-bucket, for `bucket` in `orgId`. */
function configBucketPolicy(bucket: string, orgId: string): string {
  const fromOrg = { 'aws:SourceOrgID': orgId };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ConfigBucketCheck',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: { StringEquals: fromOrg },
      },
      {
        Sid: 'ConfigDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/*/Config/*`,
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            ...fromOrg,
          },
        },
      },
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

const cycle: Cycle = {
  guide: 'docs/auditing.md',

  given: async (env) => {
    const awsCli = aws(env);
    const org = await createOrganization(env);
    await awsCli`s3api create-bucket --bucket ${configBucket}`;
    const images = await awsCli`ec2 describe-images --owners amazon`;
    await awsCli`ec2 run-instances --image-id ${images.Images[0].ImageId}
      --instance-type t3.micro`;
    return { CONFIG_BUCKET: configBucket, ORG_ID: org.id };
  },

  params: {
    TEMPLATE_S3_URI: `s3://conformance-templates-${account}/cis-level-1.yaml`,
  },

  fresh: {
    'audit-config-recorder-all-resources': 'FAIL',
    'audit-config-recorder-recording': 'FAIL',
    'audit-config-delivery-channel': 'FAIL',
    'audit-config-org-aggregator': 'FAIL',
    'audit-conformance-pack-deployed': 'FAIL',
    'audit-conformance-packs-compliant': 'ERROR',
    'audit-s3-account-public-access-block': 'ERROR',
    'audit-ebs-encryption-by-default': 'FAIL',
    'audit-imdsv2-required-by-default': 'ERROR',
    'audit-instances-require-imdsv2': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
  },

  fix: [
    {
      manual: 'audit-prepare-config-bucket',
      by: async (env, params) => {
        const awsCli = aws(env);
        const policy = configBucketPolicy(params.CONFIG_BUCKET!, params.ORG_ID!);
        await awsCli`s3api put-bucket-policy --bucket ${params.CONFIG_BUCKET}
          --policy ${policy}`;
        const stored = await awsCli`s3api get-bucket-policy
          --bucket ${params.CONFIG_BUCKET}`;
        assert.deepEqual(JSON.parse(stored.Policy), JSON.parse(policy));
      },
    },
    { run: 'audit-enable-config-recording' },
    { run: 'audit-create-org-aggregator' },
    { run: 'audit-deploy-conformance-pack' },
    { run: 'audit-enable-ebs-encryption-by-default' },
    {
      manual: 'audit-require-imdsv2-on-instances',
      by: async (env) => {
        // moto has no MetadataNoToken data: every instance counts as unused
        // by IMDSv1, so each one is switched, as step 3 says.
        const awsCli = aws(env);
        const out = await awsCli`ec2 describe-instances
          --filters Name=instance-state-name,Values=pending,running,stopping,stopped`;
        for (const reservation of out.Reservations) {
          for (const instance of reservation.Instances) {
            await awsCli`ec2 modify-instance-metadata-options
              --instance-id ${instance.InstanceId} --http-tokens required
              --http-endpoint enabled`;
          }
        }
      },
    },
  ],

  unsupported: {
    'audit-conformance-packs-compliant':
      'moto 5.2 has no configservice DescribeAggregateComplianceByConformancePacks',
    'audit-s3-account-public-access-block':
      'the AWS CLI sends s3control calls to <account-id>.<endpoint host>, which ' +
      'does not resolve for a moto_server on 127.0.0.1',
    'audit-imdsv2-required-by-default':
      'moto 5.2 has no ec2 GetInstanceMetadataDefaults',
  },
};

export default cycle;
