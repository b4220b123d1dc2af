/**
 * Removes credentials from anything the tool prints or writes: access key
 * ids, secret keys and session tokens, by shape and by the run's values.
 */
import type { Env } from './env.ts';

const marker = '[REDACTED]';
const shapes = [
  /\b(?:AKIA|ASIA|AROA|AIDA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  /("?(?:SecretAccessKey|SessionToken|aws_secret_access_key|aws_session_token|Password)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
];

/**
 * A secret access key: 40 characters of base64 standing alone. Only
 * mixed-case tokens count, so hex digests such as commit ids stay.
 */
const secretShape = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** Returns a redactor that knows this run's secret values. */
export function redactor(env: Env): (text: string) => string {
  const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_SECURITY_TOKEN, env.AWS_ACCESS_KEY_ID]
    .filter((s): s is string => Boolean(s && s.length >= 8))
    .sort((a, b) => b.length - a.length);

  return (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(marker);
    out = out.replace(shapes[0]!, marker);
    out = out.replace(shapes[1]!, (_, prefix: string) => prefix + marker);
    out = out.replace(secretShape, (token) =>
      /[A-Z]/.test(token) && /[a-z]/.test(token) ? marker : token,
    );
    return out;
  };
}
