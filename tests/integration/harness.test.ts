/**
 * The guard rails of the emulator tests themselves: nothing but loopback,
 * and nothing from the machine's AWS setup in the environment.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertLoopback, awsEnv } from './harness.ts';
import { startProxy } from './proxy.ts';

test('an endpoint other than 127.0.0.1 is refused loudly', async () => {
  for (const url of [
    'https://sts.amazonaws.com',
    'http://10.0.0.5:5000',
    'http://localhost.example.com:80',
  ]) {
    assert.throws(
      () => assertLoopback(url),
      /Refusing endpoint .*only talk to servers they started on 127\.0\.0\.1/,
    );
    assert.throws(() => awsEnv(url), /Refusing endpoint/);
    await assert.rejects(startProxy(url), /Refusing endpoint/);
  }
  assert.throws(
    () =>
      awsEnv('http://127.0.0.1:5000', {
        AWS_ENDPOINT_URL_STS: 'https://sts.us-east-1.amazonaws.com',
      }),
    /Refusing endpoint https:\/\/sts\.us-east-1\.amazonaws\.com/,
  );
});

test('the environment names the emulator, dummy keys and empty AWS files, and no profile, proxy or metadata', () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_PROFILE: 'production',
    AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci',
    HTTPS_PROXY: 'http://proxy.example.com:3128',
  });
  try {
    const env = awsEnv('http://127.0.0.1:5000');
    assert.equal(env.AWS_PROFILE, undefined);
    assert.equal(env.AWS_ROLE_ARN, undefined);
    assert.equal(env.HTTPS_PROXY, undefined);
    assert.equal(env.AWS_ENDPOINT_URL, 'http://127.0.0.1:5000');
    assert.equal(env.AWS_ACCESS_KEY_ID, 'testing');
    assert.equal(env.AWS_EC2_METADATA_DISABLED, 'true');
    assert.equal(readFileSync(env.AWS_CONFIG_FILE!, 'utf8'), '');
    assert.equal(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE!, 'utf8'), '');
  } finally {
    for (const key of Object.keys(process.env))
      if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});
