/**
 * How the AWS CLI spells what the API models name: services, operations
 * and options, plus the few places where the CLI departs from the models.
 * The tables below are the CLI's own differences, kept short and limited to
 * what a handbook command can plausibly use; everything else comes from
 * the models.
 */

/** The CLI's spelling of an API name: `GetAccountSummary` -> `get-account-summary`. */
export function cliName(name: string): string {
  if (name.includes('-')) return name;
  let spelled = name;
  // A plural acronym at the end (`ARNs`, `ACLs`) is one word.
  const plural = /[A-Z]{2,}s$/.exec(spelled);
  if (plural) {
    spelled = spelled.slice(0, -plural[0].length) + '-' + plural[0].toLowerCase();
  }
  return spelled
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * A key that ignores hyphens and case, to find an operation or option
 * whatever its hyphens, and then say how the CLI spells it.
 */
export function looseKey(name: string): string {
  return name.replace(/-/g, '').toLowerCase();
}

/**
 * botocore spells a few names by hand because the rule above splits a
 * mixed-case word in them (`iSCSI`, `PartiQL`, `WhatsApp`); for names with
 * such a word, any spelling with the right letters is accepted.
 */
export function hasMixedCaseWord(name: string): boolean {
  return /iSCSI|HITs|PartiQL|WhatsApp|OTel/.test(name);
}

/** CLI commands whose model folder has another name. */
export const serviceFolders: Record<string, string> = {
  s3api: 's3',
  configservice: 'config',
  deploy: 'codedeploy',
};

/** CLI commands that are not API services at all. */
export const localCommands = new Set(['s3', 'configure', 'ddb', 'history', 'help']);

/**
 * Subcommands the CLI implements itself rather than by calling one API
 * operation of the same name. `wait` and `help` exist for every service.
 */
export const localOperations: Record<string, readonly string[]> = {
  '*': ['wait', 'help'],
  sso: ['login', 'logout'],
  ecr: ['get-login-password', 'get-login'],
  'ecr-public': ['get-login-password'],
  eks: ['update-kubeconfig', 'get-token'],
  cloudformation: ['deploy', 'package'],
  cloudtrail: ['validate-logs', 'create-subscription', 'update-subscription'],
  codeartifact: ['login'],
  codecommit: ['credential-helper'],
  configservice: ['subscribe', 'get-status'],
  deploy: ['push', 'register', 'deregister', 'install', 'uninstall'],
  emr: [
    'create-cluster', 'create-default-roles', 'add-steps', 'ssh', 'socks',
    'get', 'put', 'modify-cluster-attributes', 'install-applications',
    'terminate-clusters', 'add-instance-groups',
  ],
  rds: ['generate-db-auth-token'],
  logs: ['tail'],
};

/** What an option does with the words after it. */
export type Takes = 'flag' | 'value' | 'values' | 'optional-value';

export interface GlobalOption {
  takes: Takes;
  /** The allowed values, where the CLI fixes them. */
  values?: readonly string[];
  integer?: boolean;
}

/** Options every CLI command accepts. */
export const globalOptions: Record<string, GlobalOption> = {
  output: { takes: 'value', values: ['json', 'text', 'table', 'yaml', 'yaml-stream'] },
  query: { takes: 'value' },
  region: { takes: 'value' },
  profile: { takes: 'value' },
  'endpoint-url': { takes: 'value' },
  'no-paginate': { takes: 'flag' },
  'max-items': { takes: 'value', integer: true },
  'starting-token': { takes: 'value' },
  'page-size': { takes: 'value', integer: true },
  'cli-input-json': { takes: 'value' },
  'cli-input-yaml': { takes: 'value' },
  'generate-cli-skeleton': {
    takes: 'optional-value',
    values: ['input', 'output', 'yaml-input'],
  },
  debug: { takes: 'flag' },
  'no-cli-pager': { takes: 'flag' },
  'cli-auto-prompt': { takes: 'flag' },
  'no-cli-auto-prompt': { takes: 'flag' },
  color: { takes: 'value', values: ['on', 'off', 'auto'] },
  'no-verify-ssl': { takes: 'flag' },
  'cli-read-timeout': { takes: 'value', integer: true },
  'cli-connect-timeout': { takes: 'value', integer: true },
  'cli-binary-format': { takes: 'value', values: ['base64', 'raw-in-base64-out'] },
  'no-sign-request': { takes: 'flag' },
  'ca-bundle': { takes: 'value' },
};

/** Options that stand in for every required parameter. */
export const replacesParameters = ['cli-input-json', 'cli-input-yaml', 'generate-cli-skeleton'];

/**
 * Options the CLI renames: `service.operation.option` (`*` for every
 * operation) to the name it accepts instead.
 */
export const optionRenames: Record<string, string> = {
  'ec2.create-image.no-no-reboot': 'reboot',
  'ec2.*.no-egress': 'ingress',
  'ec2.*.no-disable-api-termination': 'enable-api-termination',
  'sns.subscribe.endpoint': 'notification-endpoint',
  'eks.create-cluster.version': 'kubernetes-version',
  'eks.update-cluster-version.version': 'kubernetes-version',
  'eks.create-nodegroup.version': 'kubernetes-version',
  'eks.update-nodegroup-version.version': 'kubernetes-version',
  'ecs.*.no-enable-execute-command': 'disable-execute-command',
};

/** Options the CLI adds to an operation, beyond its API parameters. */
export const addedOptions: Record<string, Record<string, Takes>> = {
  'iam.create-virtual-mfa-device': { outfile: 'value', 'bootstrap-method': 'value' },
  'ec2.run-instances': {
    'secondary-private-ip-addresses': 'values',
    'secondary-private-ip-address-count': 'value',
    'associate-public-ip-address': 'flag',
    'no-associate-public-ip-address': 'flag',
  },
  'ec2.get-password-data': { 'priv-launch-key': 'value' },
  'cloudwatch.put-metric-data': {
    'metric-name': 'value',
    value: 'value',
    unit: 'value',
    timestamp: 'value',
    dimensions: 'values',
    'statistic-values': 'values',
    'storage-resolution': 'value',
  },
};
