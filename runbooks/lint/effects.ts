/**
 * Which operations only read, and which hand out credentials. An operation
 * reads when its name starts with Get, List, Describe or BatchGet, or when
 * it is one of the exceptions below, each with the reason it is safe in a
 * block that must only read.
 */

/** Read-only operations whose names do not say so, with the reason. */
export const readOnlyExceptions: Record<string, string> = {
  'iam generate-credential-report':
    'builds the credential report from data IAM already holds; changes no configuration',
  'iam generate-service-last-accessed-details':
    'starts a report job over existing access data; changes no configuration',
  'iam generate-organizations-access-report':
    'starts a report job over existing access data; changes no configuration',
  'iam simulate-principal-policy': 'evaluates policies without performing any action',
  'iam simulate-custom-policy': 'evaluates policies without performing any action',
  'cloudtrail lookup-events': 'reads recorded management events',
  'cloudtrail validate-logs': 'reads log and digest files to verify them',
  'logs filter-log-events': 'reads log events',
  'logs start-query': 'runs a Logs Insights query, which only reads log events',
  'logs tail': 'reads log events',
  'logs test-metric-filter': 'matches a filter pattern against sample messages given with the call',
  'events test-event-pattern': 'matches an event pattern against a sample event given with the call',
  's3api head-bucket': 'reads whether a bucket exists and may be reached',
  's3api head-object': "reads an object's metadata",
  's3 ls': 'lists buckets or objects',
  'accessanalyzer validate-policy': 'checks a policy document; stores nothing',
  'configure get': 'reads the local CLI configuration',
  'configure list': 'reads the local CLI configuration',
};

/** Operations that issue credentials or reveal secrets, with what they give. */
export const credentialOperations: Record<string, string> = {
  'sts assume-role': 'temporary credentials for a role',
  'sts assume-role-with-saml': 'temporary credentials for a role',
  'sts assume-role-with-web-identity': 'temporary credentials for a role',
  'sts assume-root': 'a root session in a member account',
  'sts get-session-token': 'temporary credentials',
  'sts get-federation-token': 'temporary credentials for a federated user',
  'iam create-access-key': 'a long-lived access key',
  'iam create-service-specific-credential': 'a service password',
  'iam reset-service-specific-credential': 'a new service password',
  'sso get-role-credentials': 'temporary credentials for a role',
  'cognito-identity get-credentials-for-identity': 'temporary credentials',
  'cognito-identity get-open-id-token': 'an OpenID token',
  'ecr get-authorization-token': 'a registry password',
  'ecr get-login-password': 'a registry password',
  'ecr-public get-authorization-token': 'a registry password',
  'ecr-public get-login-password': 'a registry password',
  'codeartifact get-authorization-token': 'a repository token',
  'codeartifact login': 'a repository token',
  'redshift get-cluster-credentials': 'a database password',
  'redshift get-cluster-credentials-with-iam': 'a database password',
  'redshift-serverless get-credentials': 'a database password',
  'rds generate-db-auth-token': 'a database token',
  'eks get-token': 'a cluster token',
  'ec2 get-password-data': "an instance's administrator password",
  'secretsmanager get-secret-value': "a secret's value",
  's3 presign': 'a URL that carries credentials',
};

/** How an operation (`service operation`, as the CLI spells both) acts. */
export function effectOf(service: string, operation: string): 'read' | 'credentials' | 'change' {
  const key = `${service} ${operation}`;
  if (credentialOperations[key]) return 'credentials';
  if (readOnlyExceptions[key] || operation === 'wait' || operation === 'help') return 'read';
  return /^(get|list|describe|batch-get)-/.test(operation) ? 'read' : 'change';
}
