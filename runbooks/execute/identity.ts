/**
 * Proves which account and identity a run talks to, with STS, using
 * exactly the credentials, region and endpoint the commands will use.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Env } from './env.ts';

export interface Identity {
  account: string;
  arn: string;
  userId: string;
}

/** Whether this account manages the organization, as far as we may ask. */
export type OrganizationRole =
  | { kind: 'management'; organizationId: string }
  | { kind: 'member'; organizationId: string; managementAccount: string }
  | { kind: 'standalone' }
  | { kind: 'unknown'; reason: string };

/** Credentials from the run environment, resolved the way the CLI does. */
export function credentialsFrom(env: Env): AwsCredentialIdentityProvider {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const identity = {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }),
    };
    return async () => identity;
  }
  const files = {
    ...(env.AWS_SHARED_CREDENTIALS_FILE && { filepath: env.AWS_SHARED_CREDENTIALS_FILE }),
    ...(env.AWS_CONFIG_FILE && { configFilepath: env.AWS_CONFIG_FILE }),
  };
  if (env.AWS_PROFILE) return fromIni({ profile: env.AWS_PROFILE, ...files });
  return fromNodeProviderChain(files);
}

function clientConfig(env: Env, service: string) {
  const endpoint =
    env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL || undefined;
  return {
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    credentials: credentialsFrom(env),
    maxAttempts: 3,
    ...(endpoint && { endpoint }),
  };
}

/** Calls STS GetCallerIdentity. */
export async function callerIdentity(env: Env): Promise<Identity> {
  const client = new STSClient(clientConfig(env, 'sts'));
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } finally {
    client.destroy();
  }
}

/** Asks Organizations whether `account` manages the organization. */
export async function organizationRole(env: Env, account: string): Promise<OrganizationRole> {
  const client = new OrganizationsClient(clientConfig(env, 'organizations'));
  try {
    const out = await client.send(new DescribeOrganizationCommand({}));
    const org = out.Organization;
    if (!org?.Id || !org.MasterAccountId) return { kind: 'unknown', reason: 'no organization in the answer' };
    return org.MasterAccountId === account
      ? { kind: 'management', organizationId: org.Id }
      : { kind: 'member', organizationId: org.Id, managementAccount: org.MasterAccountId };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'AWSOrganizationsNotInUseException') return { kind: 'standalone' };
    return { kind: 'unknown', reason: `${name}: ${(error as Error).message}` };
  } finally {
    client.destroy();
  }
}
