/**
 * A wrong account is refused before anything runs: a recording proxy
 * between the command line and moto shows that the one STS call is the
 * only request that reaches the emulator.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  account,
  awsEnv,
  awsOnce,
  regions,
  runbook,
  startMoto,
  type Moto,
} from './harness.ts';
import { reached, withProxy, type Proxy } from './proxy.ts';

let moto: Moto;

before(async () => {
  moto = await startMoto();
});
after(() => moto?.stop());

/** A recording proxy of its own for one test, and the environment that goes through it. */
function recorded(
  body: (env: Record<string, string>, proxy: Proxy) => Promise<void>,
) {
  return withProxy(moto.url, (proxy) => body(awsEnv(proxy.url), proxy));
}

const wrong = '999988887777';
const how =
  'Nothing was run. Switch with `--profile NAME` (and `aws sso login --profile NAME` ' +
  'if the session is SSO), or fix the expected account.';
const refusal =
  `runbook: Expected account ${wrong} (from --account), but STS says the credentials ` +
  'from the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables are ' +
  `arn:aws:sts::${account}:user/moto in account ${account}. ${how}\n`;

describe('a wrong account', { concurrency: true }, () => {
  test('check --account with another account exits 2 after the one STS call, naming both accounts and how to switch', () =>
    recorded(async (env, proxy) => {
      const runbookCli = runbook({ env });
      const result = await runbookCli`check --account ${wrong}
        --regions ${regions.join(',')} --format json`;
      assert.deepEqual(result, { code: 2, stdout: '', stderr: refusal });
      assert.deepEqual(reached(proxy), ['sts GetCallerIdentity']);
    }));

  test('run --apply --yes with another account exits 2 after the one STS call and changes nothing', () =>
    recorded(async (env, proxy) => {
      const runbookCli = runbook({ env });
      const result = await runbookCli`run iam-password-policy-strong
        --apply --yes --account ${wrong}`;
      assert.deepEqual(result, { code: 2, stdout: '', stderr: refusal });
      assert.deepEqual(reached(proxy), ['sts GetCallerIdentity']);

      const awsCli = awsOnce(awsEnv(moto.url));
      const policy = await awsCli`iam get-account-password-policy`;
      assert.match(policy.stderr, /An error occurred \(NoSuchEntity\)/);
    }));

  test('an account outside the configuration file exits 2 after the one STS call', () =>
    recorded(async (env, proxy) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'runbook-config-'));
      try {
        const config = path.join(dir, 'runbook.config.json');
        writeFileSync(
          config,
          JSON.stringify({
            accounts: { management: '444455556666', security: '777788889999' },
          }),
        );
        const runbookCli = runbook({ env });
        const result = await runbookCli`check --config ${config}
          --regions ${regions.join(',')}`;
        assert.deepEqual(result, {
          code: 2,
          stdout: '',
          stderr:
            `runbook: Expected one of the accounts in ${config} (444455556666, 777788889999), ` +
            'but STS says the credentials from the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
            `variables are arn:aws:sts::${account}:user/moto in account ${account}. ${how}\n`,
        });
        assert.deepEqual(reached(proxy), ['sts GetCallerIdentity']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));
});
