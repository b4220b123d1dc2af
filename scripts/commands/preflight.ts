/**
 * What `check` and `run` do before anything runs: read the guides and the
 * configuration, build the one environment, and prove the identity.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, type CatalogItem } from '../../runbooks/catalog.ts';
import { RunConfig } from '../../runbooks/execute/config.ts';
import {
  mixedCredentialsWarning,
  runEnvironment,
  type Env,
  type EnvOptions,
} from '../../runbooks/execute/env.ts';
import { organizationRole } from '../../runbooks/execute/identity.ts';
import { parseParamOptions } from '../../runbooks/execute/params.ts';
import { redactor } from '../../runbooks/execute/redact.ts';
import { enabledRegions, openSession } from '../../runbooks/execute/session.ts';
import { fits, type AccountFacts } from '../../runbooks/execute/who.ts';
import { formatMessage } from '../../runbooks/messages.ts';
import { err, UsageError, type Io } from '../io.ts';
import { defaultSiteUrl } from '../project.ts';
import { load } from './validate.ts';

export interface PreflightOptions extends EnvOptions {
  account?: string;
  config?: string;
  param: string[];
  siteUrl?: string;
  /** The process environment; tests pass their own. */
  environment?: NodeJS.ProcessEnv;
}

export interface Preflight {
  env: Env;
  catalog: CatalogItem[];
  identity: { account: string; arn: string };
  homeRegion: string;
  params: Record<string, string>;
  skip: Set<string>;
  redact: (text: string) => string;
  /** Whether a block fits this account; asks Organizations once, if needed. */
  fit: (runbooks: CatalogItem[]) => Promise<(r: CatalogItem) => ReturnType<typeof fits>>;
}

const defaultConfig = 'runbook.config.json';

/** Runs the steps every executing command shares; throws UsageError to refuse. */
export async function preflight(io: Io, options: PreflightOptions): Promise<Preflight> {
  const loaded = await load(io, []);
  const invalid = loaded.messages.filter((m) => m.severity === 'error');
  if (invalid.length > 0) {
    for (const m of invalid) err(io, formatMessage(m));
    throw new UsageError('The guides have invalid blocks (above); fix them before running any.');
  }
  const siteUrl = options.siteUrl ?? (await defaultSiteUrl(io.cwd));
  const catalog = buildCatalog(loaded.runbooks, siteUrl).runbooks;

  const { config, configFile } = await readConfig(io, options.config);
  let params: Record<string, string>;
  try {
    params = { ...config?.params, ...parseParamOptions(options.param) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const env = runEnvironment(options.environment ?? process.env, options);
  const warning = mixedCredentialsWarning(env, options);
  if (warning) err(io, `warning: ${warning}`);

  const session = await openSession({
    env,
    envOptions: options,
    ...(options.account && { account: options.account }),
    ...(config && { config }),
    ...(configFile && { configFile }),
  });
  if (!session.ok) throw new UsageError(session.message);
  const { identity, roles, homeRegion } = session;
  err(io, `Account ${identity.account} as ${identity.arn}, region ${homeRegion}.`);

  const fit = async (selected: CatalogItem[]) => {
    const needsOrg = selected.some((r) => r.who === 'management') && !roles.includes('management');
    const facts: AccountFacts = {
      account: identity.account,
      roles,
      organization: needsOrg
        ? await organizationRole({ ...env, AWS_REGION: homeRegion }, identity.account)
        : { kind: 'unknown', reason: 'not asked' },
    };
    return (r: CatalogItem) => fits(r.who, facts);
  };

  return {
    env: { ...env, AWS_REGION: homeRegion, AWS_DEFAULT_REGION: homeRegion },
    catalog,
    identity: { account: identity.account, arn: identity.arn },
    homeRegion,
    params,
    skip: new Set(config?.skip ?? []),
    redact: redactor(env),
    fit,
  };
}

async function readConfig(io: Io, file: string | undefined) {
  const chosen = file ?? (existsSync(path.join(io.cwd, defaultConfig)) ? defaultConfig : undefined);
  if (!chosen) return { config: undefined, configFile: undefined };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.resolve(io.cwd, chosen), 'utf8'));
  } catch (error) {
    throw new UsageError(
      `Could not read \`${chosen}\` (${(error as Error).message}); expected a JSON ` +
        'file like `{"accounts": {"management": "111122223333"}}`. Fix or remove it.',
    );
  }
  const parsed = RunConfig.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `\`${i.path.join('.') || '(top)'}\`: ${i.message}`)
      .join('; ');
    throw new UsageError(`Found problems in \`${chosen}\`: ${issues}. Fix them and run again.`);
  }
  return { config: parsed.data, configFile: chosen };
}

/** The regions for blocks of every enabled region: `all`, or a checked list. */
export async function chooseRegions(
  option: string,
  env: Record<string, string>,
  home: string,
  timeout: number,
  checks: CatalogItem[],
): Promise<string[]> {
  if (!checks.some((c) => c.scope === 'all-regions')) return [home];
  if (option !== 'all') {
    const list = option.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((r) => !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(r));
    if (bad.length > 0 || list.length === 0) {
      throw new UsageError(
        `Found --regions \`${option}\`; expected \`all\` or region codes separated ` +
          'by commas, like `eu-west-1,us-east-1`.',
      );
    }
    return list;
  }
  try {
    return await enabledRegions(env, timeout * 1000);
  } catch (error) {
    throw new UsageError(
      `Could not list the enabled regions (${(error as Error).message}); expected ` +
        '`ec2:DescribeRegions` to be allowed. Pass `--regions eu-west-1,...` instead.',
    );
  }
}
