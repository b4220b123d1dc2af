/**
 * The CloudTrail guide on the emulator. The account plays the management,
 * log archive and security accounts at once: it is the management account
 * of an organization, and it already has the trail bucket, the access log
 * bucket and a KMS key, all created with default settings (as
 * infrastructure code often leaves them) and no trail. The guide's changes
 * harden the bucket and the key, its two manual steps are done by pasting
 * the commands they print, and the remaining changes create the trail,
 * choose its events and send it to CloudWatch Logs.
 *
 * Where moto differs from AWS: a new bucket has no Block Public Access
 * configuration (AWS turns all four settings on), so the public access
 * check fails on the fresh account where AWS would pass; and a new trail
 * has no event selectors (AWS gives it one that records all management
 * events), so the management events check needs its change here. The
 * basic-selector forms the cycle does not write are tested on recorded
 * output (recorded/cloudtrail-get-event-selectors-*.json).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalog } from '../../../runbooks/catalog.ts';
import { resolveParams } from '../../../runbooks/execute/params.ts';
import { fillCommand } from '../../../runbooks/fill.ts';
import { createOrganization, trailArn } from '../account.ts';
import type { Cycle, Env, Params } from '../cycle.ts';
import { account, aws, exec, exportCatalog } from '../harness.ts';

const trailBucket = `org-cloudtrail-${account}`;
/** The account's access-log target bucket for the region, as Logging names it. */
const accessLogBucket = `s3-access-logs-${account}-us-east-1`;

let catalog: Promise<Catalog> | undefined;

/**
 * Runs command fence `fence` of manual step `id`, filled with `params` the
 * way the site and `runbook run` fill it, as a person pasting it would.
 */
async function paste(env: Env, id: string, fence: number, params: Params) {
  const block = (await (catalog ??= exportCatalog())).runbooks.find(
    (r) => r.id === id,
  );
  assert.ok(block, `${id} is a block of the guides`);
  const values = resolveParams(block, params);
  assert.ok(values.ok, values.ok ? '' : values.message);
  const script = fillCommand(block.commands[fence]!.code, values.values);
  const cwd = mkdtempSync(path.join(tmpdir(), 'runbook-paste-'));
  try {
    const result = await exec('bash', ['-euo', 'pipefail', '-c', script], {
      env,
      cwd,
    });
    assert.equal(result.code, 0, result.stderr);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The `Sid`s of a policy document in JSON text. */
function sids(policy: string): string[] {
  return JSON.parse(policy).Statement.map((s: { Sid: string }) => s.Sid);
}

const cycle: Cycle = {
  guide: 'docs/cloudtrail.md',

  given: async (env) => {
    const awsCli = aws(env);
    const [org, key] = await Promise.all([
      createOrganization(env),
      awsCli`kms create-key --description ${'Organization trail log files'}`,
      awsCli`s3api create-bucket --bucket ${trailBucket}`,
      awsCli`s3api create-bucket --bucket ${accessLogBucket}`,
    ]);
    return {
      ORG_ID: org.id,
      KMS_KEY_ARN: key.KeyMetadata.Arn,
    };
  },

  params: {
    TRAIL_BUCKET: trailBucket,
    TRAIL_ACCESS_LOG_BUCKET: accessLogBucket,
    TRAIL_ARN: trailArn,
    ACCOUNT_ID: account,
    MANAGEMENT_ACCOUNT_ID: account,
    LOG_ARCHIVE_ACCOUNT_ID: account,
    SECURITY_ACCOUNT_ID: account,
  },

  fresh: {
    'cloudtrail-multi-region-trail': 'FAIL',
    'cloudtrail-log-file-validation': 'FAIL',
    'cloudtrail-kms-encryption': 'FAIL',
    'cloudtrail-trail-logging': 'FAIL',
    'cloudtrail-management-events': 'FAIL',
    'cloudtrail-cloudwatch-logs': 'FAIL',
    'cloudtrail-trail-bucket-public-access-blocked': 'FAIL',
    'cloudtrail-trail-bucket-versioning': 'FAIL',
    'cloudtrail-trail-bucket-lifecycle': 'FAIL',
    'cloudtrail-trail-bucket-access-logging': 'FAIL',
    'cloudtrail-trail-bucket-object-lock': 'FAIL',
    // The one key, in us-east-1, does not rotate; eu-west-1 has no key.
    'cloudtrail-kms-keys-rotate': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'cloudtrail-s3-data-events-write': 'FAIL',
    'cloudtrail-s3-data-events-read': 'FAIL',
  },

  fix: [
    { run: 'cloudtrail-protect-trail-bucket' },
    { run: 'cloudtrail-set-trail-bucket-lifecycle' },
    { run: 'cloudtrail-enable-trail-bucket-access-logging' },
    // Needs the versioning that cloudtrail-protect-trail-bucket turned on.
    { run: 'cloudtrail-lock-trail-bucket' },
    { run: 'cloudtrail-enable-kms-key-rotation' },
    {
      // Step 2 (the create-key command) is the key `given` made; step 3,
      // the second command, is pasted.
      manual: 'cloudtrail-prepare-trail-key',
      by: async (env, params) => {
        await paste(env, 'cloudtrail-prepare-trail-key', 1, params);
        const awsCli = aws(env);
        const [policy, rotation] = await Promise.all([
          awsCli`kms get-key-policy --key-id ${params.KMS_KEY_ARN}
            --policy-name default`,
          awsCli`kms get-key-rotation-status --key-id ${params.KMS_KEY_ARN}`,
        ]);
        assert.deepEqual(sids(policy.Policy), [
          'KeyAdministration',
          'CloudTrailEncrypt',
          'CloudTrailDescribeKey',
          'ReadersDecrypt',
        ]);
        assert.equal(rotation.KeyRotationEnabled, true);
      },
    },
    {
      // Steps 1 to 6 were done above; step 7 is the bucket policy, pasted.
      manual: 'cloudtrail-prepare-log-archive',
      by: async (env, params) => {
        await paste(env, 'cloudtrail-prepare-log-archive', 0, params);
        const policy = await aws(env)`s3api get-bucket-policy
          --bucket ${params.TRAIL_BUCKET}`;
        assert.deepEqual(sids(policy.Policy), [
          'CloudTrailAclCheck',
          'CloudTrailWrite',
          'DenyInsecureTransport',
        ]);
      },
    },
    { run: 'cloudtrail-create-org-trail' },
    { run: 'cloudtrail-select-management-events' },
    { run: 'cloudtrail-cloudwatch-logs-delivery' },
    { run: 'cloudtrail-select-s3-data-events' },
  ],
};

export default cycle;
