/**
 * The IAM guide on the emulator. The account is the management account of
 * an organization and starts with the legacy an IAM audit usually finds: a
 * break-glass user with a password, no MFA and a key nobody uses; a CI user
 * with two keys and its own inline policy; a customer policy granting full
 * administrator rights; an EC2 instance without a role; an expired server
 * certificate. The manual steps then do what the guide tells a person to do.
 *
 * Every credential on the emulator is minutes old, so the 45- and 90-day
 * limits are set to 0 days: each password and active key counts as unused
 * and overdue, and the checks' date arithmetic is exercised both ways.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOrganization } from '../account.ts';
import type { Cycle, Env, Params } from '../cycle.ts';
import { account, aws } from '../harness.ts';

const breakGlass = 'break-glass';
const legacyCi = 'legacy-ci';

const trustEc2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
});

const trustAccount = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'sts:AssumeRole',
    },
  ],
});

const fullAdmin = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

const deployPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::app-artifacts/*',
    },
  ],
});

/**
 * A stand-in certificate: moto stores the body without reading it, and
 * reports every server certificate as expired in 2012.
 */
const certificate = [
  '-----BEGIN CERTIFICATE-----',
  'TGVnYWN5IGNlcnRpZmljYXRlIGZvciB0aGUgZW11bGF0b3I=',
  '-----END CERTIFICATE-----',
].join('\n');
const privateKey = [
  '-----BEGIN PRIVATE KEY-----',
  'TGVnYWN5IGtleSBmb3IgdGhlIGVtdWxhdG9y',
  '-----END PRIVATE KEY-----',
].join('\n');

/** The access key ids of `user`, oldest first, with their status. */
async function keysOf(
  env: Env,
  user: string,
): Promise<Array<{ AccessKeyId: string; Status: string; CreateDate: string }>> {
  const out = await aws(env)`iam list-access-keys --user-name ${user}`;
  return [...out.AccessKeyMetadata].sort((a, b) =>
    a.CreateDate.localeCompare(b.CreateDate),
  );
}

/** The state an IAM audit of an older account finds, in an organization. */
async function given(env: Env): Promise<void> {
  await createOrganization(env);
  const awsCli = aws(env);

  await awsCli`iam create-user --user-name ${breakGlass}`;
  await awsCli`iam create-login-profile --user-name ${breakGlass}
    --password ${'Correct-Horse-Battery-9'}`;
  await awsCli`iam create-access-key --user-name ${breakGlass}`;

  await awsCli`iam create-user --user-name ${legacyCi}`;
  await awsCli`iam create-access-key --user-name ${legacyCi}`;
  await awsCli`iam create-access-key --user-name ${legacyCi}`;
  await awsCli`iam put-user-policy --user-name ${legacyCi}
    --policy-name deploy --policy-document ${deployPolicy}`;

  await awsCli`iam create-role --role-name legacy-admin
    --assume-role-policy-document ${trustAccount}`;
  const policy = await awsCli`iam create-policy --policy-name legacy-admin
    --policy-document ${fullAdmin}`;
  await awsCli`iam attach-role-policy --role-name legacy-admin
    --policy-arn ${policy.Policy.Arn}`;

  const images = await awsCli`ec2 describe-images --owners amazon`;
  await awsCli`ec2 run-instances --image-id ${images.Images[0].ImageId}
    --instance-type t3.micro`;

  await awsCli`iam upload-server-certificate
    --server-certificate-name legacy-www
    --certificate-body ${certificate} --private-key ${privateKey}`;

}

/** iam-enable-user-mfa: the break-glass user registers a (virtual) device. */
async function enableMfa(env: Env): Promise<void> {
  const awsCli = aws(env);
  const seed = path.join(tmpdir(), `iam-cycle-mfa-${process.pid}.png`);
  try {
    const device = await awsCli`iam create-virtual-mfa-device
      --virtual-mfa-device-name ${breakGlass}
      --outfile ${seed} --bootstrap-method QRCodePNG`;
    await awsCli`iam enable-mfa-device --user-name ${breakGlass}
      --serial-number ${device.VirtualMFADevice.SerialNumber}
      --authentication-code1 ${'123456'} --authentication-code2 ${'654321'}`;
  } finally {
    rmSync(seed, { force: true });
  }
}

/**
 * iam-remove-unneeded-access-keys: the never-used key of the console user
 * goes, and the CI user's older key is deactivated, then deleted.
 */
async function removeUnneededKeys(env: Env): Promise<void> {
  const awsCli = aws(env);
  for (const key of await keysOf(env, breakGlass)) {
    const used = await awsCli`iam get-access-key-last-used
      --access-key-id ${key.AccessKeyId}`;
    assert.equal(used.AccessKeyLastUsed.LastUsedDate, undefined);
    await awsCli`iam delete-access-key --user-name ${breakGlass}
      --access-key-id ${key.AccessKeyId}`;
  }
  const [older] = await keysOf(env, legacyCi);
  await awsCli`iam update-access-key --user-name ${legacyCi}
    --access-key-id ${older!.AccessKeyId} --status Inactive`;
  await awsCli`iam delete-access-key --user-name ${legacyCi}
    --access-key-id ${older!.AccessKeyId}`;
}

/**
 * iam-rotate-access-keys, the route the guide prefers: the CI job moves to
 * a role, so its overdue key is deactivated and deleted, not replaced.
 */
async function retireOverdueKeys(env: Env): Promise<void> {
  const awsCli = aws(env);
  for (const key of await keysOf(env, legacyCi)) {
    await awsCli`iam update-access-key --user-name ${legacyCi}
      --access-key-id ${key.AccessKeyId} --status Inactive`;
    await awsCli`iam delete-access-key --user-name ${legacyCi}
      --access-key-id ${key.AccessKeyId}`;
  }
}

/** iam-disable-unused-credentials: the unused password is removed. */
async function disableUnusedCredentials(env: Env): Promise<void> {
  await aws(env)`iam delete-login-profile --user-name ${breakGlass}`;
}

/** iam-move-user-policies-to-groups: the CI user's policy moves to a group. */
async function movePoliciesToGroups(env: Env): Promise<void> {
  const awsCli = aws(env);
  const inline = await awsCli`iam get-user-policy --user-name ${legacyCi}
    --policy-name deploy`;
  await awsCli`iam create-group --group-name deployers`;
  await awsCli`iam put-group-policy --group-name deployers
    --policy-name deploy
    --policy-document ${JSON.stringify(inline.PolicyDocument)}`;
  await awsCli`iam add-user-to-group --group-name deployers
    --user-name ${legacyCi}`;
  await awsCli`iam delete-user-policy --user-name ${legacyCi}
    --policy-name deploy`;
}

/** iam-replace-iam-users: the CI user, now without keys, is deleted. */
async function replaceUsers(env: Env, params: Params): Promise<void> {
  const awsCli = aws(env);
  assert.equal(params.BREAK_GLASS_USERS, breakGlass);
  assert.deepEqual(await keysOf(env, legacyCi), []);
  await awsCli`iam remove-user-from-group --group-name deployers
    --user-name ${legacyCi}`;
  await awsCli`iam delete-user --user-name ${legacyCi}`;
}

/** iam-replace-full-admin-policies: the policy is detached, then deleted. */
async function replaceFullAdmin(env: Env): Promise<void> {
  const awsCli = aws(env);
  const policies = await awsCli`iam list-policies --scope Local
    --only-attached`;
  const arn = policies.Policies.find(
    (p: { PolicyName: string }) => p.PolicyName === 'legacy-admin',
  ).Arn;
  const entities = await awsCli`iam list-entities-for-policy
    --policy-arn ${arn}`;
  for (const role of entities.PolicyRoles) {
    await awsCli`iam detach-role-policy --role-name ${role.RoleName}
      --policy-arn ${arn}`;
  }
  await awsCli`iam delete-policy --policy-arn ${arn}`;
}

interface Instance {
  InstanceId: string;
  IamInstanceProfile?: unknown;
}

/** iam-attach-instance-profiles: the instance gets a role through a profile. */
async function attachInstanceProfiles(env: Env): Promise<void> {
  const awsCli = aws(env);
  await awsCli`iam create-role --role-name web-server
    --assume-role-policy-document ${trustEc2}`;
  await awsCli`iam create-instance-profile --instance-profile-name web-server`;
  await awsCli`iam add-role-to-instance-profile
    --instance-profile-name web-server --role-name web-server`;
  const reservations = await awsCli`ec2 describe-instances
    --filters Name=instance-state-name,Values=pending,running,stopping,stopped`;
  const ids: string[] = reservations.Reservations.flatMap(
    (r: { Instances: Instance[] }) =>
      r.Instances.filter((i) => !i.IamInstanceProfile).map((i) => i.InstanceId),
  );
  assert.equal(ids.length, 1, 'one instance has no profile');
  for (const id of ids) {
    await awsCli`ec2 associate-iam-instance-profile --instance-id ${id}
      --iam-instance-profile Name=web-server`;
  }
}

/** iam-delete-expired-server-certificates: the expired certificate goes. */
async function deleteExpiredCertificates(env: Env): Promise<void> {
  await aws(env)`iam delete-server-certificate
    --server-certificate-name legacy-www`;
}

const cycle: Cycle = {
  guide: 'docs/iam.md',
  given,
  params: {
    MAX_KEY_AGE_DAYS: '0',
    MAX_UNUSED_DAYS: '0',
    BREAK_GLASS_USERS: breakGlass,
  },
  fresh: {
    // moto creates an Identity Center instance in every region by itself.
    'iam-identity-center-enabled': 'PASS',
    'iam-no-unexpected-users': 'FAIL',
    'iam-ec2-instance-profiles': { 'us-east-1': 'FAIL', 'eu-west-1': 'PASS' },
    'iam-access-keys-rotated': 'FAIL',
    'iam-one-active-access-key': 'FAIL',
    'iam-no-setup-access-keys': 'FAIL',
    'iam-password-policy-strong': 'FAIL',
    'iam-console-users-mfa': 'FAIL',
    'iam-unused-credentials-disabled': 'FAIL',
    'iam-user-policies-through-groups': 'FAIL',
    'iam-no-full-admin-policies': 'FAIL',
    'iam-access-analyzer-active': 'ERROR',
    'iam-unused-access-analyzer-active': 'ERROR',
    'iam-support-role-exists': 'FAIL',
    // Nobody in the account holds AWSCloudShellFullAccess.
    'iam-cloudshell-full-access-restricted': 'PASS',
    'iam-no-expired-server-certificates': 'FAIL',
  },
  fix: [
    { run: 'iam-set-password-policy' },
    { manual: 'iam-enable-user-mfa', by: enableMfa },
    { manual: 'iam-remove-unneeded-access-keys', by: removeUnneededKeys },
    { manual: 'iam-rotate-access-keys', by: retireOverdueKeys },
    { manual: 'iam-disable-unused-credentials', by: disableUnusedCredentials },
    { manual: 'iam-move-user-policies-to-groups', by: movePoliciesToGroups },
    { manual: 'iam-replace-iam-users', by: replaceUsers },
    { manual: 'iam-replace-full-admin-policies', by: replaceFullAdmin },
    { manual: 'iam-attach-instance-profiles', by: attachInstanceProfiles },
    { run: 'iam-create-support-role' },
    {
      manual: 'iam-delete-expired-server-certificates',
      by: deleteExpiredCertificates,
    },
  ],
  unsupported: {
    'iam-access-analyzer-active':
      'moto 5.2 has no accessanalyzer ListAnalyzers',
    'iam-unused-access-analyzer-active':
      'moto 5.2 has no accessanalyzer ListAnalyzers (nor CreateAnalyzer)',
  },
};

export default cycle;
