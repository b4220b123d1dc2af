/**
 * Safe by default: `runbook run` without --apply prints the exact filled
 * commands and changes nothing, and an unattended apply must name the
 * account. A recording proxy shows which requests reached the emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOrganization } from './account.ts';
import {
  account,
  aws,
  awsEnv,
  fixtureProject,
  runbook,
  startMoto,
  type Moto,
} from './harness.ts';
import { reached, withProxy } from './proxy.ts';

let moto: Moto;
/** Straight to moto, to look at the state. */
let direct: Record<string, string>;
let awsCli: ReturnType<typeof aws>;
let rootId: string;

before(async () => {
  moto = await startMoto();
  direct = awsEnv(moto.url);
  awsCli = aws(direct);
  rootId = (await createOrganization(direct)).rootId;
});
after(() => moto?.stop());

const identityLine = `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.\n`;

/**
 * `runbook ARGS` through a proxy of its own, written as a template;
 * returns the outcome and the operations that reached moto.
 */
function recorded(strings: TemplateStringsArray, ...values: unknown[]) {
  return recordedIn(undefined)(strings, ...values);
}

/** `recorded`, in the project at `cwd` (the handbook when undefined). */
function recordedIn(cwd: string | undefined) {
  return (strings: TemplateStringsArray, ...values: unknown[]) =>
    withProxy(moto.url, async (proxy) => {
      const result = await runbook({
        env: awsEnv(proxy.url),
        ...(cwd && { cwd }),
      })(strings, ...values);
      return { result, sent: reached(proxy) };
    });
}

/** A guide with one change that fixes no check, its script a heredoc. */
const policyGuide = [
  '---',
  'title: Fixture policy',
  '---',
  '',
  '# Fixture policy',
  '',
  ':::runbook[Attach a fixture policy]{#fixture-attach-policy kind=change who=management effect=change scope=account level=baseline}',
  '',
  'Creates a tag policy and attaches it to the root.',
  '',
  '::param[Id of the root]{name=ROOT_ID type=string pattern="^r-[0-9a-z]{4,32}$"}',
  '',
  '```bash',
  "cat > policy.json <<'EOF'",
  '{"tags": {"owner": {"tag_key": {"@@assign": "owner"}}}}',
  'EOF',
  'POLICY_ID=$(aws organizations create-policy \\',
  '  --name "required-tags" \\',
  '  --type TAG_POLICY \\',
  '  --content file://policy.json \\',
  "  --query 'Policy.PolicySummary.Id' \\",
  '  --output text)',
  'aws organizations attach-policy \\',
  '  --policy-id "$POLICY_ID" \\',
  '  --target-id "$ROOT_ID"',
  '```',
  '',
  ':::',
  '',
].join('\n');

describe('dry runs and refusals', { concurrency: true }, () => {
  test('run <change> without --apply prints the check and the exact filled commands, and changes nothing', async () => {
    const { result, sent } = await recorded`run iam-set-password-policy --account ${account}`;
    assert.equal(
      result.stdout,
      [
        'Checking first:',
        '  FAIL    iam-password-policy-strong  IAM password policy is strong',
        '          2 of 2 expectations do not hold.',
        '          not ok: PasswordPolicy.MinimumPasswordLength at-least 14; found null',
        '          not ok: PasswordPolicy.PasswordReusePrevention at-least 24; found null',
        `Would change account ${account} with iam-set-password-policy (dry run; add --apply to run it):`,
        '    aws iam update-account-password-policy \\',
        '      --minimum-password-length 14 \\',
        '      --password-reuse-prevention 24 \\',
        '      --require-uppercase-characters \\',
        '      --require-lowercase-characters \\',
        '      --require-numbers \\',
        '      --require-symbols \\',
        '      --allow-users-to-change-password',
        '',
      ].join('\n'),
    );
    assert.equal(
      result.stderr,
      `${identityLine}iam-set-password-policy: dry-run. Printed; add --apply to run.\n`,
    );
    // The check still fails: nothing was applied.
    assert.equal(result.code, 1);
    assert.deepEqual(sent, ['sts GetCallerIdentity', 'iam GetAccountPasswordPolicy']);
    await assert.rejects(
      awsCli`iam get-account-password-policy`,
      /NoSuchEntity/,
      'no password policy was set',
    );
  });

  test('run <change> that fixes no check prints its filled script, heredoc included, and sends nothing but reads', async () => {
    const { result, sent } = await recordedIn(
      fixtureProject({ 'policy.md': policyGuide }),
    )`run fixture-attach-policy --account ${account} --param ROOT_ID=${rootId}`;
    assert.equal(
      result.stdout,
      [
        `Would change account ${account} with fixture-attach-policy (dry run; add --apply to run it):`,
        "    cat > policy.json <<'EOF'",
        '    {"tags": {"owner": {"tag_key": {"@@assign": "owner"}}}}',
        '    EOF',
        '    POLICY_ID=$(aws organizations create-policy \\',
        '      --name "required-tags" \\',
        '      --type TAG_POLICY \\',
        '      --content file://policy.json \\',
        "      --query 'Policy.PolicySummary.Id' \\",
        '      --output text)',
        '    aws organizations attach-policy \\',
        '      --policy-id "$POLICY_ID" \\',
        `      --target-id "${rootId}"`,
        '',
      ].join('\n'),
    );
    assert.equal(
      result.stderr,
      `${identityLine}fixture-attach-policy: dry-run. Printed; add --apply to run.\n`,
    );
    assert.equal(result.code, 0);
    assert.deepEqual(sent, [
      'sts GetCallerIdentity',
      'organizations DescribeOrganization',
    ]);
    const policies = await awsCli`organizations list-policies --filter TAG_POLICY`;
    assert.deepEqual(policies.Policies, []);
  });

  test('--apply without a terminal and without --yes exits 2 before any request', async () => {
    const { result, sent } =
      await recorded`run iam-set-password-policy --apply --account ${account}`;
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr:
        'runbook: Found --apply without a terminal to confirm on; expected a person to type ' +
        'the account id, or `--yes --account ID` for CI.\n',
    });
    assert.deepEqual(sent, []);
  });

  test('--yes without --account exits 2 before any request', async () => {
    const { result, sent } =
      await recorded`run iam-set-password-policy --apply --yes`;
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr:
        'runbook: Found --yes without --account; expected both, so that an unattended run ' +
        'names the account it may change. Add `--account ID`.\n',
    });
    assert.deepEqual(sent, []);
  });
});
