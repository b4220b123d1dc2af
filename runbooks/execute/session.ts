/**
 * Opens a run: proves the identity with STS, refuses a wrong account
 * before any other request, and works out the regions to use.
 */
import { classifyFailure, failureAdvice } from './classify.ts';
import { configuredAccounts, rolesOf, type AccountRole, type RunConfig } from './config.ts';
import { credentialSource, regionOf, type Env, type EnvOptions } from './env.ts';
import { callerIdentity, type Identity } from './identity.ts';
import { runShell } from './shell.ts';

export interface SessionOptions {
  env: Env;
  envOptions: EnvOptions;
  /** `--account`: the account the person means. */
  account?: string;
  config?: RunConfig;
  /** Where the configuration came from, for messages. */
  configFile?: string;
}

export type Session =
  | { ok: true; identity: Identity; roles: AccountRole[]; homeRegion: string }
  | { ok: false; message: string };

/** Proves who the credentials belong to and that it is the account meant. */
export async function openSession(options: SessionOptions): Promise<Session> {
  const source = credentialSource(options.env, options.envOptions);
  const homeRegion = regionOf(options.env) ?? (await configuredRegion(options.env));
  if (!homeRegion) {
    return refuse(
      'Found no region for the run; expected --region, AWS_REGION or a ' +
        'region in the profile. Pass `--region eu-west-1` (for example).',
    );
  }

  let identity: Identity;
  try {
    identity = await callerIdentity({ ...options.env, AWS_REGION: homeRegion });
  } catch (error) {
    const text = `${(error as Error).name}: ${(error as Error).message}`;
    const kind = classifyFailure(1, text);
    return refuse(
      `Could not prove the identity with STS using ${source} (${text}). ` +
        (kind === 'command' ? 'Check the credentials and the network.' : failureAdvice[kind]),
    );
  }

  const mismatch = accountMismatch(identity, options, source);
  if (mismatch) return refuse(mismatch);
  const roles = options.config ? rolesOf(options.config, identity.account) : [];
  return { ok: true, identity, roles, homeRegion };
}

function accountMismatch(identity: Identity, options: SessionOptions, source: string): string | undefined {
  const how =
    'Switch with `--profile NAME` (and `aws sso login --profile NAME` if ' +
    'the session is SSO), or fix the expected account.';
  if (options.account && options.account !== identity.account) {
    return (
      `Expected account ${options.account} (from --account), but STS says ` +
      `the credentials from ${source} are ${identity.arn} in account ` +
      `${identity.account}. Nothing was run. ${how}`
    );
  }
  const known = options.config ? configuredAccounts(options.config) : [];
  if (known.length > 0 && !known.includes(identity.account)) {
    return (
      `Expected one of the accounts in ${options.configFile ?? 'the configuration'} ` +
      `(${known.join(', ')}), but STS says the credentials from ${source} are ` +
      `${identity.arn} in account ${identity.account}. Nothing was run. ${how}`
    );
  }
  return undefined;
}

/** The region the AWS CLI would use from the profile, if any. */
async function configuredRegion(env: Env): Promise<string | undefined> {
  const result = await runShell('aws configure get region || true', { env, timeoutMs: 20000 });
  return result.stdout.trim() || undefined;
}

/** The account's enabled regions, as the AWS CLI lists them. */
export async function enabledRegions(env: Env, timeoutMs: number): Promise<string[]> {
  const result = await runShell(
    'aws ec2 describe-regions --output json --filters ' +
      'Name=opt-in-status,Values=opt-in-not-required,opted-in',
    { env, timeoutMs },
  );
  if (result.exitCode !== 0) {
    throw new Error(result.stderr.trim() || 'aws ec2 describe-regions failed');
  }
  const parsed = JSON.parse(result.stdout) as { Regions?: Array<{ RegionName?: string }> };
  return (parsed.Regions ?? [])
    .map((r) => r.RegionName ?? '')
    .filter(Boolean)
    .sort();
}

function refuse(message: string): Session {
  return { ok: false, message };
}
