/**
 * Reads why a command failed from what the AWS CLI and bash print, so a
 * check that could not run is reported as an error with its cause, never
 * as a pass or a fail.
 */

export type FailureKind =
  | 'expired'
  | 'invalid-token'
  | 'access-denied'
  | 'throttled'
  | 'region-disabled'
  | 'endpoint'
  | 'server'
  | 'syntax'
  | 'missing-program'
  | 'command';

const patterns: Array<[FailureKind, RegExp]> = [
  ['expired', /ExpiredToken|RequestExpired|token (?:has|is) expired|session (?:has )?expired|Error loading SSO Token|refresh failed/i],
  ['invalid-token', /InvalidClientTokenId|UnrecognizedClientException|security token included in the request is invalid|SignatureDoesNotMatch/i],
  ['access-denied', /AccessDenied|UnauthorizedOperation|is not authorized to perform|AuthorizationError|not authorized/i],
  ['throttled', /Throttl|TooManyRequests|RequestLimitExceeded|Rate exceeded|SlowDown/i],
  ['region-disabled', /OptInRequired|AuthFailure|not subscribed|region .* (?:is )?not (?:enabled|available)/i],
  ['endpoint', /Could not connect to the endpoint URL|Connection was closed|EndpointConnectionError|Name or service not known/i],
  ['server', /Unable to parse response|Internal Server Error|\((?:InternalError|InternalFailure|ServiceUnavailable|InternalServerError)\)|\(50\d\)/i],
];

/** Classifies a failed command from its exit code and stderr. */
export function classifyFailure(exitCode: number | null, stderr: string): FailureKind {
  for (const [kind, pattern] of patterns) if (pattern.test(stderr)) return kind;
  if (exitCode === 127) return 'missing-program';
  if (/^bash: .*(?:syntax error|unexpected EOF)/m.test(stderr)) return 'syntax';
  return 'command';
}

/** What to tell the person, by kind. */
export const failureAdvice: Record<FailureKind, string> = {
  expired:
    'The session has expired. Log in again (`aws sso login`, or refresh the ' +
    'keys) and run again.',
  'invalid-token':
    'The credentials were refused. Check the profile or keys, log in again ' +
    '(`aws sso login`), and run again.',
  'access-denied':
    'Access was denied. Run with a role that may call this API (the ' +
    'read-only audit role for checks).',
  throttled: 'AWS throttled the calls even after retries with backoff. Run again with a lower --concurrency.',
  'region-disabled': 'The region is not enabled for this account. Enable it, or leave it out with --regions.',
  endpoint: 'The AWS endpoint could not be reached. Check the network or AWS_ENDPOINT_URL.',
  server: 'AWS answered with a server error, or with a page the AWS CLI could not read. Try again later.',
  syntax: 'The command is not valid shell. Fix the block in the guide.',
  'missing-program': 'A program the command needs is not installed (see the message).',
  command: 'The command failed; see the message.',
};

/** The error code the AWS CLI prints, like `NoSuchEntity`. */
export function awsErrorCode(stderr: string): string | undefined {
  return /An error occurred \(([\w.]+)\)/.exec(stderr)?.[1];
}
