/**
 * A recording HTTP proxy between the AWS CLI or SDK and moto, on loopback:
 * it notes the service and operation of every request and can answer one
 * with an AWS error instead of passing it on, shaped the way each AWS
 * protocol sends errors, so the CLI prints `An error occurred (Code) ...`.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { assertLoopback } from './harness.ts';

export type Protocol = 'query' | 'ec2' | 'json' | 'rest-json' | 'rest-xml';

export interface Recorded {
  /** Signing name from the credential scope, like `sts` or `iam`. */
  service: string;
  region: string;
  /** `GetCallerIdentity`, or `GET /analyzer` for REST APIs. */
  operation: string;
  protocol: Protocol;
}

export interface Injection {
  status: number;
  code: string;
  message: string;
}

/** Decides, per request (numbered from 0), whether to answer with an error. */
export type Rule = (request: Recorded, index: number) => Injection | undefined;

export interface Proxy {
  url: string;
  requests: Recorded[];
  /** Replaces the rule and forgets the recorded requests. */
  reset(rule?: Rule): void;
  stop(): Promise<void>;
}

/** Starts a proxy in front of `upstream` (a loopback URL). */
export async function startProxy(
  upstream: string,
  rule?: Rule,
): Promise<Proxy> {
  assertLoopback(upstream);
  const target = new URL(upstream);
  const requests: Recorded[] = [];
  let current = rule;

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const recorded = describe(req, body);
    const index = requests.push(recorded) - 1;
    const injection = current?.(recorded, index);
    if (injection) {
      const reply = errorReply(recorded, injection);
      res.writeHead(injection.status, reply.headers).end(reply.body);
      return;
    }
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', (error) => res.writeHead(502).end(String(error)));
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address)
    throw new Error('proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    reset(rule) {
      current = rule;
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads the service, region and operation from a signed AWS request. */
function describe(req: IncomingMessage, body: Buffer): Recorded {
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
    String(req.headers.authorization ?? ''),
  );
  const region = scope?.[1] ?? '';
  const service = scope?.[2] ?? '';
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    return {
      service,
      region,
      operation: target.split('.').pop()!,
      protocol: 'json',
    };
  }
  const action = new URLSearchParams(body.toString('utf8')).get('Action');
  if (
    String(req.headers['content-type']).startsWith(
      'application/x-www-form-urlencoded',
    ) &&
    action
  ) {
    return {
      service,
      region,
      operation: action,
      protocol: service === 'ec2' ? 'ec2' : 'query',
    };
  }
  const path = (req.url ?? '/').split('?')[0];
  return {
    service,
    region,
    operation: `${req.method} ${path}`,
    protocol: service === 's3' ? 'rest-xml' : 'rest-json',
  };
}

/** The error as AWS sends it in the request's protocol. */
function errorReply(
  r: Recorded,
  e: Injection,
): { headers: Record<string, string>; body: string } {
  const requestId = '11111111-2222-3333-4444-555555555555';
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  switch (r.protocol) {
    case 'json':
    case 'rest-json':
      return {
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': e.code,
        },
        body: JSON.stringify({ __type: e.code, message: e.message }),
      };
    case 'query':
      return {
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          '<ErrorResponse><Error><Type>Sender</Type>' +
          `<Code>${e.code}</Code><Message>${text(e.message)}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 'ec2':
      return {
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body:
          '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>' +
          `<Code>${e.code}</Code><Message>${text(e.message)}</Message></Error></Errors>` +
          `<RequestID>${requestId}</RequestID></Response>`,
      };
    case 'rest-xml':
      return {
        headers: { 'content-type': 'application/xml' },
        body:
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
          `<Code>${e.code}</Code><Message>${text(e.message)}</Message>` +
          `<RequestId>${requestId}</RequestId></Error>`,
      };
  }
}

/**
 * An expired session, as AWS reports it: `ExpiredToken` in the query and
 * XML protocols, `ExpiredTokenException` in the JSON ones.
 */
export function expiredToken(r: Recorded): Injection {
  const json = r.protocol === 'json' || r.protocol === 'rest-json';
  return {
    status: json ? 400 : 403,
    code: json ? 'ExpiredTokenException' : 'ExpiredToken',
    message: 'The security token included in the request is expired',
  };
}

/** A refused call, as AWS reports it for a role without the permission. */
export function accessDenied(r: Recorded, caller: string): Injection {
  const json = r.protocol === 'json' || r.protocol === 'rest-json';
  const action = `${r.service}:${r.operation}`;
  return {
    status: json ? 400 : 403,
    code: json ? 'AccessDeniedException' : 'AccessDenied',
    message:
      `User: ${caller} is not authorized to perform: ${action} because no ` +
      `identity-based policy allows the ${action} action`,
  };
}

/** Runs `body` with a proxy of its own in front of `upstream`, stopped afterwards. */
export async function withProxy<T>(
  upstream: string,
  body: (proxy: Proxy) => Promise<T>,
  rule?: Rule,
): Promise<T> {
  const proxy = await startProxy(upstream, rule);
  try {
    return await body(proxy);
  } finally {
    await proxy.stop();
  }
}

/** The operations that reached the upstream, as `service Operation`. */
export function reached(proxy: Proxy): string[] {
  return proxy.requests.map((r) => `${r.service} ${r.operation}`);
}
