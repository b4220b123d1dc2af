/**
 * What `runbook run <id> --apply --yes` prints and does on the emulator:
 * the checks before and after, every fix of a check applied in order, a
 * manual step printed for a person and left pending, a pasted step, and a
 * run stopped before its change when a check could not run. Each guide's
 * full fresh account, apply, pass cycle is in guide-<name>.test.ts. The
 * main account and the two smaller ones are separate emulators, so they
 * run at once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CheckReport } from '../../runbooks/execute/report.ts';
import {
  createLoadBalancer,
  createOrganization,
  defaultVpc,
  trailArn,
} from './account.ts';
import {
  account,
  aws,
  awsEnv,
  awsOnce,
  exec,
  regions,
  runbook,
  startMoto,
  type Moto,
  type Outcome,
} from './harness.ts';

type Env = Record<string, string>;
type Params = Record<string, string>;

const identityLine =
  `Account ${account} as arn:aws:sts::${account}:user/moto, ` +
  'region us-east-1.\n';
const trailBucket = `org-cloudtrail-${account}`;
const cloudtrailChecks = [
  'cloudtrail-multi-region-trail',
  'cloudtrail-log-file-validation',
  'cloudtrail-kms-encryption',
  'cloudtrail-trail-logging',
];
const cloudtrailTitles = [
  'A multi-region trail records this account',
  'Multi-region trails validate their log files',
  'Multi-region trails are encrypted with a KMS key',
  'The organization trail is logging without delivery errors',
];

/** `runbook run ID --apply --yes --account …` with `params` as NAME=value. */
function apply(env: Env, id: string, params: Params = {}) {
  const runbookCli = runbook({ env });
  return runbookCli`run ${id} --apply --yes --account ${account}
    --regions ${regions.join(',')} ${paramArgs(params)}`;
}

/** `runbook check --only IDS --format json --account …`: exit code and report. */
async function checkOnly(env: Env, ids: string[], params: Params = {}) {
  const runbookCli = runbook({ env });
  const result = await runbookCli`check --only ${ids.join(',')} --format json
    --account ${account} --regions ${regions.join(',')} ${paramArgs(params)}`;
  assert.equal(
    result.stderr.split('\n')[0] + '\n',
    identityLine,
    result.stderr,
  );
  return {
    code: result.code,
    report: JSON.parse(result.stdout) as CheckReport,
  };
}

function paramArgs(params: Params): string[] {
  return Object.entries(params).flatMap(([name, value]) => [
    '--param',
    `${name}=${value}`,
  ]);
}

/** Check id (and region) to status. */
function statuses(report: CheckReport): Record<string, string> {
  return Object.fromEntries(
    report.checks.flatMap((c) =>
      c.regions.map((r) => [
        r.region ? `${c.id} [${r.region}]` : c.id,
        r.status,
      ]),
    ),
  );
}

function allPass(ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, 'PASS']));
}

/** The result lines `runbook run` prints in one phase, without evidence. */
function phase(stdout: string, which: 'before' | 'after'): string[] {
  const heading =
    which === 'before'
      ? 'Checking first:\n'
      : 'Checking again after the changes:\n';
  const [, text = ''] = stdout.split(heading);
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('  ')) break;
    if (/^ {2}[A-Z]/.test(line)) lines.push(line.trim().replace(/\s+/g, ' '));
  }
  return lines;
}

const lifecycle = {
  Rules: [
    {
      ID: 'archive',
      Status: 'Enabled',
      Filter: { Prefix: '' },
      Transitions: [{ Days: 90, StorageClass: 'GLACIER_IR' }],
      Expiration: { Days: 400 },
    },
  ],
};

const trailKeyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Admin',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudTrailEncrypt',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
    },
  ],
};

/** Steps 1, 3 and 4 of the log-archive manual step, with the AWS CLI. */
async function prepareTrailBucketAndKey(env: Env): Promise<string> {
  const awsCli = aws(env);
  // Step 1: the bucket, with public access blocked and versioning on.
  await awsCli`s3api create-bucket --bucket ${trailBucket}`;
  const [key] = await Promise.all([
    awsCli`kms create-key --description ${'Organization trail'}`,
    awsCli`s3api put-public-access-block --bucket ${trailBucket}
      --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
    awsCli`s3api put-bucket-versioning --bucket ${trailBucket}
      --versioning-configuration Status=Enabled`,
    // Step 3: Glacier Instant Retrieval after 90 days, expiry after retention.
    awsCli`s3api put-bucket-lifecycle-configuration --bucket ${trailBucket}
      --lifecycle-configuration ${JSON.stringify(lifecycle)}`,
  ]);
  // Step 4: a symmetric customer managed key with rotation, for CloudTrail.
  const keyArn: string = key.KeyMetadata.Arn;
  await Promise.all([
    awsCli`kms enable-key-rotation --key-id ${keyArn}`,
    awsCli`kms put-key-policy --key-id ${keyArn} --policy-name default
      --policy ${JSON.stringify(trailKeyPolicy)}`,
  ]);
  return keyArn;
}

/** Runs a command printed by a manual step, as a person pasting it would. */
async function paste(env: Env, command: string) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-paste-'));
  try {
    const result = await exec('bash', ['-euo', 'pipefail', '-c', command], {
      env,
      cwd,
    });
    assert.equal(result.code, 0, result.stderr);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Runs `body` against a fresh emulated account of its own. */
async function onFreshAccount(body: (env: Env, moto: Moto) => Promise<void>) {
  const moto = await startMoto();
  try {
    await body(awsEnv(moto.url), moto);
  } finally {
    await moto.stop();
  }
}

const fullAdmin = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const deployArtifacts = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::artifacts/*',
    },
  ],
};
const codebuildTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'codebuild.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
};

describe('apply cycle', { concurrency: 2 }, () => {
  describe(
    'one account, every change of the guides',
    { concurrency: false },
    () => {
      let moto: Moto;
      let env: Env;
      let awsCli: ReturnType<typeof aws>;
      let runbookCli: ReturnType<typeof runbook>;
      let org: { id: string; rootId: string };
      let vpcId: string;
      let loadBalancerArn: string;
      let adminArn: string;
      let keyArn: string;
      let rootStep = '';

      before(async () => {
        moto = await startMoto();
        env = awsEnv(moto.url);
        awsCli = aws(env);
        runbookCli = runbook({ env });
        let policy: { Policy: { Arn: string } };
        [org, vpcId, policy] = await Promise.all([
          createOrganization(env),
          defaultVpc(env),
          awsCli`iam create-policy --policy-name FullAdmin
          --policy-document ${JSON.stringify(fullAdmin)}`,
          awsCli`iam create-role --role-name deployer
          --assume-role-policy-document ${JSON.stringify(codebuildTrust)}`,
          awsCli`logs create-log-group --log-group-name /app/orders/production`,
          awsCli`logs create-log-group --log-group-name /app/payments/production`,
        ]);
        adminArn = policy.Policy.Arn;
        [loadBalancerArn] = await Promise.all([
          createLoadBalancer(env, vpcId),
          awsCli`iam attach-role-policy --role-name deployer
          --policy-arn ${adminArn}`,
        ]);
      });
      after(() => moto?.stop());

      test('the log-archive manual step: steps 1 to 4 with the AWS CLI, step 5 pasted from what run prints', async () => {
        let manual: Outcome;
        [keyArn, manual] = await Promise.all([
          prepareTrailBucketAndKey(env),
          runbookCli`run cloudtrail-prepare-log-archive
          --param TRAIL_BUCKET=${trailBucket}
          --param MANAGEMENT_ACCOUNT_ID=${account} --param ORG_ID=${org.id}`,
        ]);
        assert.equal(
          manual.stderr,
          `${identityLine}cloudtrail-prepare-log-archive: pending. Not confirmed yet.\n`,
        );
        assert.equal(manual.code, 0);
        const printed = new RegExp(
          '^ {4}(cat > trail-bucket-policy\\.json[\\s\\S]*?' +
            '--policy file://trail-bucket-policy\\.json)$',
          'm',
        ).exec(manual.stdout);
        assert.ok(printed, manual.stdout);
        const command = printed[1]!.replace(/^ {4}/gm, '');
        assert.ok(
          command.includes(`"arn:aws:s3:::${trailBucket}/AWSLogs/${org.id}/*"`),
          command,
        );
        await paste(env, command);
        const policy =
          await awsCli`s3api get-bucket-policy --bucket ${trailBucket}`;
        assert.deepEqual(
          JSON.parse(policy.Policy).Statement.map(
            (s: { Sid: string }) => s.Sid,
          ),
          ['CloudTrailAclCheck', 'CloudTrailWrite', 'DenyInsecureTransport'],
        );
      });

      test('run <check> --apply --yes exits 0 with the check passing, for each check whose fix moto emulates', async () => {
        const params = {
          TRAIL_BUCKET: trailBucket,
          KMS_KEY_ARN: keyArn,
          ROOT_ID: org.rootId,
        };
        const runs = {
          'cloudtrail-multi-region-trail': {
            // Both of the check's fixes run, in order: creating the trail, then
            // hardening it (which changes nothing here).
            applied:
              'cloudtrail-create-org-trail: applied. Ran 3 command block(s).\n' +
              'cloudtrail-harden-trail: applied. Ran 2 command block(s).\n',
            line: `cloudtrail-multi-region-trail ${cloudtrailTitles[0]}`,
          },
          'iam-password-policy-strong': {
            applied: 'iam-set-password-policy: applied. Ran 1 command block(s).\n',
            line: 'iam-password-policy-strong IAM password policy is strong',
          },
          'tagging-tag-policy-type-enabled': {
            applied:
              'tagging-enable-tag-policies: applied. Ran 1 command block(s).\n',
            line:
              'tagging-tag-policy-type-enabled ' +
              'Tag policies are enabled in the organization',
          },
          'logging-log-group-retention': {
            applied:
              'logging-set-log-group-retention: applied. Ran 1 command block(s) in each of 2 regions.\n',
            line:
              'logging-log-group-retention [us-east-1] ' +
              'Every log group has a retention period',
            // An every-region check runs in each region; only us-east-1 has
            // a log group without retention.
            other:
              'logging-log-group-retention [eu-west-1] ' +
              'Every log group has a retention period',
          },
        } as Record<string, { applied: string; line: string; other?: string }>;
        const outcomes = await Promise.all(
          Object.keys(runs).map((id) => apply(env, id, params)),
        );
        Object.entries(runs).forEach(([id, want], i) => {
          const run = outcomes[i]!;
          assert.equal(run.stderr, identityLine + want.applied, id);
          const other = want.other ? [`PASS ${want.other}`] : [];
          assert.deepEqual(
            phase(run.stdout, 'before'),
            [`FAIL ${want.line}`, ...other],
            id,
          );
          assert.deepEqual(
            phase(run.stdout, 'after'),
            [`PASS ${want.line}`, ...other],
            id,
          );
          assert.equal(run.code, 0, id);
        });
        assert.match(
          outcomes[3]!.stdout,
          /^ {4}Setting 90 days on \/app\/orders\/production\n {4}Setting 90 days on \/app\/payments\/production$/m,
        );
        const trails = await awsCli`cloudtrail describe-trails`;
        assert.equal(trails.trailList[0].IsOrganizationTrail, true);
        assert.equal(trails.trailList[0].KmsKeyId, keyArn);
      });

      test('manual fixes done with the AWS CLI: the full-admin policy replaced, resources without owner tagged (moto TagResources supports neither ELB nor KMS)', async () => {
        const manual = await runbookCli`run iam-no-full-admin-policies
        --account ${account}`;
        // Without a terminal, the manual fix is printed and left pending.
        assert.equal(
          manual.stderr,
          `${identityLine}iam-replace-full-admin-policies: pending. Not confirmed yet.\n`,
        );
        assert.deepEqual(phase(manual.stdout, 'before'), [
          'FAIL iam-no-full-admin-policies No attached customer policy grants full administrator rights',
        ]);
        assert.ok(
          manual.stdout.includes(`found ["${adminArn}"]`),
          manual.stdout,
        );
        assert.match(
          manual.stdout,
          /^Manual step iam-replace-full-admin-policies: Replace full-administrator policies$/m,
        );
        assert.equal(manual.code, 1);

        // iam-replace-full-admin-policies, steps 2 to 5.
        const entities = await awsCli`iam list-entities-for-policy
        --policy-arn ${adminArn}`;
        assert.deepEqual(
          entities.PolicyRoles.map((r: { RoleName: string }) => r.RoleName),
          ['deployer'],
        );
        const narrow =
          await awsCli`iam create-policy --policy-name DeployArtifacts
        --policy-document ${JSON.stringify(deployArtifacts)}`;
        await awsCli`iam attach-role-policy --role-name deployer
        --policy-arn ${narrow.Policy.Arn}`;
        await awsCli`iam detach-role-policy --role-name deployer
        --policy-arn ${adminArn}`;

        // tagging-fix-missing-owner: the ARNs the check reports (its own query),
        // tagged with tag-resources (step 3). moto answers "Service not yet
        // supported" for ELB and KMS, so those get their services' own calls.
        const [unowned] = await Promise.all([
          awsCli`resourcegroupstaggingapi get-resources
          --query ${"ResourceTagMappingList[?!(Tags[?Key == 'owner'])].ResourceARN"}`,
          awsCli`iam delete-policy --policy-arn ${adminArn}`,
        ]);
        assert.deepEqual(unowned, [loadBalancerArn, keyArn]);
        const tagged = await awsCli`resourcegroupstaggingapi tag-resources
        --resource-arn-list ${unowned} --tags owner=platform`;
        assert.deepEqual(
          Object.entries(tagged.FailedResourcesMap).map(([arn, failure]) => [
            arn,
            (failure as { ErrorMessage: string }).ErrorMessage,
          ]),
          [
            [loadBalancerArn, 'Service not yet supported'],
            [keyArn, 'Service not yet supported'],
          ],
        );
        await Promise.all([
          awsCli`elbv2 add-tags --resource-arns ${loadBalancerArn}
          --tags Key=owner,Value=platform`,
          awsCli`kms tag-resource --key-id ${keyArn}
          --tags TagKey=owner,TagValue=platform`,
        ]);
      });

      test('after every change, check --only passes every check whose fix moto emulates', async () => {
        const fixed = [
          ...cloudtrailChecks,
          'iam-password-policy-strong',
          'iam-no-full-admin-policies',
          'logging-log-group-retention',
          'tagging-tag-policy-type-enabled',
          'tagging-resources-have-owner',
        ];
        const { code, report } = await checkOnly(env, fixed, {
          TRAIL_ARN: trailArn,
        });
        assert.deepEqual(statuses(report), {
          ...allPass(cloudtrailChecks),
          'iam-password-policy-strong': 'PASS',
          'iam-no-full-admin-policies': 'PASS',
          'logging-log-group-retention [us-east-1]': 'PASS',
          'logging-log-group-retention [eu-west-1]': 'PASS',
          'tagging-tag-policy-type-enabled': 'PASS',
          'tagging-resources-have-owner [us-east-1]': 'PASS',
          'tagging-resources-have-owner [eu-west-1]': 'PASS',
        });
        assert.equal(code, 0);
      });

      test('root user MFA: a manual step only the root user can do, which moto cannot emulate', async () => {
        const run =
          await runbookCli`run iam-root-mfa-enabled --account ${account}`;
        rootStep = run.stdout;
        assert.equal(
          run.stderr,
          `${identityLine}iam-secure-root-user: pending. Not confirmed yet.\n`,
        );
        assert.deepEqual(phase(run.stdout, 'before'), [
          'FAIL iam-root-mfa-enabled Root user has MFA or no password',
        ]);
        assert.match(
          run.stdout,
          /^Manual step iam-secure-root-user: Secure the root user with a security key and no access keys$/m,
        );
        assert.equal(run.code, 1);
      });

      test(
        'a manual step prints its numbered steps one per line',
        () => {
          assert.match(
            rootStep,
            /^ {4}1\. Take the root password from the vault/m,
          );
          assert.match(rootStep, /^ {4}2\. Open the account menu/m);
        },
      );
    },
  );

  test('an existing single-region trail: run cloudtrail-harden-trail --apply passes every CloudTrail check', () =>
    onFreshAccount(async (env) => {
      const awsCli = aws(env);
      const [, , key] = await Promise.all([
        createOrganization(env),
        awsCli`s3api create-bucket --bucket ${trailBucket}`,
        awsCli`kms create-key --description ${'Organization trail'}`,
      ]);
      await awsCli`cloudtrail create-trail --name org-trail
        --s3-bucket-name ${trailBucket}`;

      const run = await apply(env, 'cloudtrail-harden-trail', {
        KMS_KEY_ARN: key.KeyMetadata.Arn,
        TRAIL_ARN: trailArn,
      });
      assert.equal(
        run.stderr,
        `${identityLine}cloudtrail-harden-trail: applied. Ran 2 command block(s).\n`,
      );
      assert.deepEqual(
        phase(run.stdout, 'before'),
        cloudtrailChecks.map((id, i) => `FAIL ${id} ${cloudtrailTitles[i]}`),
      );
      assert.deepEqual(
        phase(run.stdout, 'after'),
        cloudtrailChecks.map((id, i) => `PASS ${id} ${cloudtrailTitles[i]}`),
      );
      assert.equal(run.code, 0);
    }));

  test('a check whose API moto lacks stops its run before the change, exit 3; the change APIs are missing too (ce UpdateCostAllocationTagsStatus, accessanalyzer CreateAnalyzer, iam EnableOrganizationsRootCredentialsManagement and EnableOrganizationsRootSessions)', () =>
    onFreshAccount(async (env, moto) => {
      await createOrganization(env);
      // One attempt: the CLI would retry moto's HTTP 500 four times, to no end.
      const run = await apply(
        { ...env, AWS_MAX_ATTEMPTS: '1' },
        'tagging-cost-allocation-tags-active',
      );
      assert.equal(run.stderr, identityLine);
      assert.match(
        run.stdout,
        /^Checking first:\n {2}ERROR {3}tagging-cost-allocation-tags-active {2}/,
      );
      assert.doesNotMatch(run.stdout, /Changing account/);
      assert.equal(run.code, 3);

      const awsCli = awsOnce(env);
      const direct = await Promise.all([
        awsCli`ce update-cost-allocation-tags-status
          --cost-allocation-tags-status TagKey=owner,Status=Active`,
        awsCli`accessanalyzer create-analyzer --analyzer-name org-external-access
          --type ORGANIZATION`,
        awsCli`iam enable-organizations-root-credentials-management`,
        awsCli`iam enable-organizations-root-sessions`,
      ]);
      for (const result of direct)
        assert.notEqual(result.code, 0, result.stdout);
      const log = moto.log();
      for (const missing of [
        /The update_cost_allocation_tags_status action has not been implemented/,
        /Unable to find appropriate backend for access-analyzer/,
        /The enable_organizations_root_credentials_management action has not been implemented/,
        /The enable_organizations_root_sessions action has not been implemented/,
      ]) {
        assert.match(log, missing);
      }
    }));
});
