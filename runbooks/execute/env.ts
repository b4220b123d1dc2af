/**
 * The one environment a run uses: the STS call that proves the identity
 * and every command after it read the same profile, keys, region and
 * endpoint from it. Each command gets a fresh copy, so nothing one block
 * exports reaches the next.
 */

export type Env = Readonly<Record<string, string>>;

export interface EnvOptions {
  /** `--profile`: replaces any AWS_PROFILE and key variables. */
  profile?: string;
  /** `--region`: the region for account-wide and one-region blocks. */
  region?: string;
}

/** Variables that hold credentials; `--profile` clears them. */
export const keyVariables = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
] as const;

/** Builds the run environment from the caller's, with options applied. */
export function runEnvironment(base: NodeJS.ProcessEnv, options: EnvOptions): Env {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined) env[key] = value;
  }
  if (options.profile) {
    for (const key of keyVariables) delete env[key];
    env.AWS_PROFILE = options.profile;
  }
  if (options.region) {
    env.AWS_REGION = options.region;
    env.AWS_DEFAULT_REGION = options.region;
  }
  env.AWS_PAGER = '';
  env.AWS_RETRY_MODE ??= 'standard';
  env.AWS_MAX_ATTEMPTS ??= '5';
  return env;
}

/** The environment for one command in `region`. */
export function commandEnvironment(env: Env, region: string): Env {
  return { ...env, AWS_REGION: region, AWS_DEFAULT_REGION: region };
}

/** Says where credentials come from, for messages; never shows a key. */
export function credentialSource(env: Env, options: EnvOptions): string {
  if (options.profile) return `profile \`${options.profile}\` (from --profile)`;
  if (env.AWS_ACCESS_KEY_ID) return 'the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables';
  if (env.AWS_PROFILE) return `profile \`${env.AWS_PROFILE}\` (from AWS_PROFILE)`;
  return 'the default credential chain (default profile, SSO cache, container or instance role)';
}

/** A warning when keys and a profile are both set; the keys win. */
export function mixedCredentialsWarning(env: Env, options: EnvOptions): string | undefined {
  if (options.profile || !env.AWS_PROFILE || !env.AWS_ACCESS_KEY_ID) return undefined;
  return (
    `Both AWS_ACCESS_KEY_ID and AWS_PROFILE=${env.AWS_PROFILE} are set; the ` +
    'key variables win, for this tool and for the AWS CLI. Unset them, or ' +
    'pass --profile, to use the profile.'
  );
}

/** The region commands use: the run's, else none. */
export function regionOf(env: Env): string | undefined {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
