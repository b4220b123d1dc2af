/**
 * Safe by default: `runbook run` without --apply prints the exact filled
 * commands and changes nothing, and an unattended apply must name the
 * account. A recording proxy shows which requests reached the emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createLoadBalancer,
  createOrganization,
  defaultVpc,
} from './account.ts';
import {
  account,
  aws,
  awsEnv,
  runbook,
  startMoto,
  type Moto,
} from './harness.ts';
import { reached, withProxy } from './proxy.ts';

let moto: Moto;
/** Straight to moto, to look at the state. */
let direct: Record<string, string>;
let awsCli: ReturnType<typeof aws>;
let loadBalancerArn: string;
let rootId: string;

before(async () => {
  moto = await startMoto();
  direct = awsEnv(moto.url);
  awsCli = aws(direct);
  const [org, vpcId] = await Promise.all([
    createOrganization(direct),
    defaultVpc(direct),
  ]);
  rootId = org.rootId;
  loadBalancerArn = await createLoadBalancer(direct, vpcId);
});
after(() => moto?.stop());

const identityLine = `Account ${account} as arn:aws:sts::${account}:user/moto, region us-east-1.\n`;

/**
 * `runbook ARGS` through a proxy of its own, written as a template;
 * returns the outcome and the operations that reached moto.
 */
function recorded(strings: TemplateStringsArray, ...values: unknown[]) {
  return withProxy(moto.url, async (proxy) => {
    const result = await runbook({ env: awsEnv(proxy.url) })(
      strings,
      ...values,
    );
    return { result, sent: reached(proxy) };
  });
}

describe('dry runs and refusals', { concurrency: true }, () => {
  test('run <change> without --apply prints the check and the exact filled commands, and changes nothing', async () => {
    const attributes = async () => {
      const out = await awsCli`elbv2 describe-load-balancer-attributes
        --load-balancer-arn ${loadBalancerArn}`;
      return out.Attributes;
    };
    const before = await attributes();

    const { result, sent } = await recorded`run logging-enable-elb-access-logs
      --account ${account} --param LOAD_BALANCER_ARN=${loadBalancerArn}
      --param ACCESS_LOG_BUCKET=elb-logs-${account}`;
    assert.equal(
      result.stdout,
      [
        'Checking first:',
        '  FAIL    logging-elb-access-logs [us-east-1]  The load balancer writes access logs',
        '          1 of 1 expectations do not hold.',
        `          not ok: Attributes[?Key == 'access_logs.s3.enabled'].Value | [0] equals "true"; found null`,
        `Would change account ${account} with logging-enable-elb-access-logs (dry run; add --apply to run it):`,
        '    aws elbv2 modify-load-balancer-attributes \\',
        `      --load-balancer-arn "${loadBalancerArn}" \\`,
        '      --attributes \\',
        '        Key=access_logs.s3.enabled,Value=true \\',
        `        "Key=access_logs.s3.bucket,Value=elb-logs-${account}" \\`,
        '        "Key=access_logs.s3.prefix,Value=elb" \\',
        '      --output json',
        '',
      ].join('\n'),
    );
    assert.equal(
      result.stderr,
      `${identityLine}logging-enable-elb-access-logs: dry-run. Printed; add --apply to run.\n`,
    );
    // The check still fails: nothing was applied.
    assert.equal(result.code, 1);
    assert.deepEqual(sent, [
      'sts GetCallerIdentity',
      'elasticloadbalancing DescribeLoadBalancerAttributes',
    ]);
    assert.deepEqual(await attributes(), before);
  });

  test('run <change> that fixes no check prints its filled script, heredoc included, and sends nothing but reads', async () => {
    const { result, sent } =
      await recorded`run tagging-attach-tag-policy --account ${account} --param ROOT_ID=${rootId}`;
    const lines = result.stdout.split('\n');
    assert.equal(
      lines[0],
      `Would change account ${account} with tagging-attach-tag-policy (dry run; add --apply to run it):`,
    );
    assert.equal(lines[1], "    cat > tag-policy.json <<'EOF'");
    assert.equal(lines[3], '      "tags": {');
    assert.deepEqual(lines.slice(-12), [
      '    EOF',
      '    POLICY_ID=$(aws organizations create-policy \\',
      '      --name "required-tags" \\',
      '      --description "Spelling and values of the required tag keys" \\',
      '      --type TAG_POLICY \\',
      '      --content file://tag-policy.json \\',
      "      --query 'Policy.PolicySummary.Id' \\",
      '      --output text)',
      '    aws organizations attach-policy \\',
      '      --policy-id "$POLICY_ID" \\',
      `      --target-id "${rootId}"`,
      '',
    ]);
    assert.equal(
      result.stderr,
      `${identityLine}tagging-attach-tag-policy: dry-run. Printed; add --apply to run.\n`,
    );
    assert.equal(result.code, 0);
    assert.deepEqual(sent, [
      'sts GetCallerIdentity',
      'organizations DescribeOrganization',
    ]);
    const policies =
      await awsCli`organizations list-policies --filter TAG_POLICY`;
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
