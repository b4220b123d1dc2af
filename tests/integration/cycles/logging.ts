/**
 * The logging guide on the emulator. The account is the management account
 * of an organization and plays the log archive account too. It has, in
 * us-east-1, a load balancer of each generation, a bucket, a security log
 * group, a CloudFront distribution, a regional web ACL, a REST API stage
 * without access logs and an HTTP API stage that already has them; in
 * eu-west-1 a bucket; and the default VPC of each region. Nothing logs. The
 * manual step creates the regional log buckets, and the guide's changes
 * turn on every kind of logging in both test regions.
 */
import assert from 'node:assert/strict';
import { createLoadBalancer, createOrganization, defaultVpc } from '../account.ts';
import type { Cycle, Env } from '../cycle.ts';
import { account, aws, regions } from '../harness.ts';

const prefix = `log-archive-${account}`;

/** The regional Elastic Load Balancing accounts the ELB guide lists. */
const elbAccounts: Record<string, string> = {
  'us-east-1': '127311923021',
  'eu-west-1': '156460612806',
};

/** `env` pointed at `region`, as the runner does for each region. */
function inRegion(env: Env, region: string): Env {
  return { ...env, AWS_REGION: region, AWS_DEFAULT_REGION: region };
}

/** The bucket policy of logging-prepare-log-archive for `bucket`. */
function logBucketPolicy(bucket: string, orgId: string, elbAccount: string) {
  const fromOrg = { 'aws:SourceOrgID': orgId };
  const elbWrite = {
    Effect: 'Allow',
    Action: 's3:PutObject',
    Resource: `arn:aws:s3:::${bucket}/elb/AWSLogs/*`,
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'LogDeliveryCheck',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: { StringEquals: fromOrg },
      },
      {
        Sid: 'LogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: {
          StringEquals: {
            ...fromOrg,
            's3:x-amz-acl': 'bucket-owner-full-control',
          },
        },
      },
      {
        Sid: 'LoadBalancerWrite',
        Principal: {
          Service: 'logdelivery.elasticloadbalancing.amazonaws.com',
        },
        ...elbWrite,
      },
      {
        Sid: 'LoadBalancerWriteOlderRegions',
        Principal: { AWS: `arn:aws:iam::${elbAccount}:root` },
        ...elbWrite,
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
  };
}

/** A CloudFront distribution in front of a custom origin, without logging. */
const distributionConfig = {
  CallerReference: 'logging-cycle',
  Comment: '',
  Enabled: true,
  Origins: {
    Quantity: 1,
    Items: [
      {
        Id: 'web',
        DomainName: 'www.example.com',
        CustomOriginConfig: {
          HTTPPort: 80,
          HTTPSPort: 443,
          OriginProtocolPolicy: 'https-only',
        },
      },
    ],
  },
  DefaultCacheBehavior: {
    TargetOriginId: 'web',
    ViewerProtocolPolicy: 'redirect-to-https',
    // The AWS managed policy CachingOptimized.
    CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  },
};

/** A REST API with a deployed stage `prod`, without access logs. */
async function createRestApi(env: Env): Promise<void> {
  const awsCli = aws(env);
  const api = await awsCli`apigateway create-rest-api --name orders`;
  const resources = await awsCli`apigateway get-resources
    --rest-api-id ${api.id}`;
  const root = resources.items[0].id;
  await awsCli`apigateway put-method --rest-api-id ${api.id}
    --resource-id ${root} --http-method GET --authorization-type NONE`;
  await awsCli`apigateway put-integration --rest-api-id ${api.id}
    --resource-id ${root} --http-method GET --type MOCK`;
  await awsCli`apigateway create-deployment --rest-api-id ${api.id}
    --stage-name prod`;
}

/**
 * An HTTP API whose `$default` stage already writes access logs: moto 5.2
 * has no apigatewayv2 UpdateStage, so the change could not add them.
 */
async function createHttpApi(env: Env): Promise<void> {
  const awsCli = aws(env);
  const group = '/aws/apigateway/web-access';
  await awsCli`logs create-log-group --log-group-name ${group}`;
  await awsCli`logs put-retention-policy --log-group-name ${group}
    --retention-in-days 90`;
  const api = await awsCli`apigatewayv2 create-api --name web
    --protocol-type HTTP`;
  const settings = JSON.stringify({
    DestinationArn: `arn:aws:logs:us-east-1:${account}:log-group:${group}`,
    Format: '{"requestId":"$context.requestId"}',
  });
  await awsCli`apigatewayv2 create-stage --api-id ${api.ApiId}
    --stage-name $default --access-log-settings ${settings}`;
}

const cycle: Cycle = {
  guide: 'docs/logging.md',

  given: async (env) => {
    const awsCli = aws(env);
    const eu = aws(inRegion(env, 'eu-west-1'));
    const [org, vpcId] = await Promise.all([
      createOrganization(env),
      defaultVpc(env),
      awsCli`s3api create-bucket --bucket app-data-${account}`,
      eu`s3api create-bucket --bucket app-data-${account}-eu
        --create-bucket-configuration LocationConstraint=eu-west-1`,
      awsCli`logs create-log-group --log-group-name /org/cloudtrail`,
      awsCli`cloudfront create-distribution
        --distribution-config ${JSON.stringify(distributionConfig)}`,
      awsCli`wafv2 create-web-acl --name api --scope REGIONAL
        --default-action Allow={}
        --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=api`,
      createRestApi(env),
      createHttpApi(env),
    ]);
    const subnets = await awsCli`ec2 describe-subnets
      --filters Name=vpc-id,Values=${vpcId}`;
    await Promise.all([
      createLoadBalancer(env, vpcId),
      awsCli`elb create-load-balancer --load-balancer-name legacy
        --listeners Protocol=HTTP,LoadBalancerPort=80,InstanceProtocol=HTTP,InstancePort=80
        --subnets ${subnets.Subnets[0].SubnetId}`,
    ]);
    return { ORG_ID: org.id };
  },

  params: {
    LOG_ARCHIVE_BUCKET_PREFIX: prefix,
  },

  fresh: {
    'logging-vpc-flow-logs': 'FAIL',
    'logging-elb-access-logs': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'logging-s3-server-access-logs': 'FAIL',
    'logging-cloudfront-access-logs': 'FAIL',
    'logging-resolver-query-logs': 'FAIL',
    'logging-waf-logging': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'logging-api-gateway-access-logs': {
      'us-east-1': 'FAIL',
      'eu-west-1': 'PASS',
    },
    'logging-log-group-retention': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'logging-log-group-kms': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
  },

  fix: [
    {
      // Steps 1 to 3 in each region, as the log archive account would.
      manual: 'logging-prepare-log-archive',
      by: async (env, params) => {
        for (const region of regions) {
          const awsCli = aws(inRegion(env, region));
          const bucket = `${params.LOG_ARCHIVE_BUCKET_PREFIX}-${region}`;
          const location =
            region === 'us-east-1'
              ? []
              : [
                  '--create-bucket-configuration',
                  `LocationConstraint=${region}`,
                ];
          await awsCli`s3api create-bucket --bucket ${bucket} ${location}`;
          const policy = logBucketPolicy(
            bucket,
            params.ORG_ID!,
            elbAccounts[region]!,
          );
          await Promise.all([
            awsCli`s3api put-public-access-block --bucket ${bucket}
              --public-access-block-configuration
              BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
            awsCli`s3api put-bucket-versioning --bucket ${bucket}
              --versioning-configuration Status=Enabled`,
            awsCli`s3api put-bucket-encryption --bucket ${bucket}
              --server-side-encryption-configuration
              ${'{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}'}`,
            awsCli`s3api put-bucket-lifecycle-configuration --bucket ${bucket}
              --lifecycle-configuration ${JSON.stringify({
                Rules: [
                  {
                    ID: 'expire-logs',
                    Status: 'Enabled',
                    Filter: {},
                    Expiration: { Days: 400 },
                    NoncurrentVersionExpiration: { NoncurrentDays: 30 },
                  },
                ],
              })}`,
            awsCli`s3api put-bucket-policy --bucket ${bucket}
              --policy ${JSON.stringify(policy)}`,
          ]);
          const stored = await awsCli`s3api get-bucket-policy
            --bucket ${bucket}`;
          assert.deepEqual(JSON.parse(stored.Policy), policy);
        }
      },
    },
    { run: 'logging-enable-vpc-flow-logs' },
    { run: 'logging-enable-elb-access-logs' },
    { run: 'logging-set-log-group-retention' },
    // Creates the key in each region, then fails on /org/cloudtrail in
    // us-east-1: moto 5.2 has no logs AssociateKmsKey.
    { run: 'logging-encrypt-log-groups', code: 1 },
    { run: 'logging-enable-s3-server-access-logs' },
    { run: 'logging-enable-cloudfront-logging' },
    { run: 'logging-enable-resolver-query-logs' },
    { run: 'logging-enable-waf-logging' },
    { run: 'logging-enable-api-gateway-access-logs' },
  ],

  after: {
    'logging-log-group-kms': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
  },

  unsupported: {
    'logging-log-group-kms':
      'moto 5.2 has no logs AssociateKmsKey (it answers 500 NotImplemented), ' +
      'so an existing log group cannot be given a KMS key',
  },
};

export default cycle;
