/**
 * Serves a built site on 127.0.0.1 the way a static host does with
 * `trailingSlash: false`: `/docs/iam` is `docs/iam.html`, a folder is its
 * `index.html`, anything else is the site's 404 page with status 404.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  /** Origin of the server, like `http://127.0.0.1:41234`, without a slash. */
  url: string;
  close: () => Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Starts a server for the folder `root` on a free port of 127.0.0.1. */
export async function serve(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    resolveFile(base, pathname).then(
      async (file) => {
        if (file) return send(response, file, 200, request.method);
        const notFound = path.join(base, '404.html');
        if (await isFile(notFound)) {
          return send(response, notFound, 404, request.method);
        }
        response.writeHead(404, { 'content-type': contentTypes['.txt']! });
        response.end('Not found');
      },
      () => response.writeHead(500).end(),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Finds the file a clean URL stands for, or undefined. */
async function resolveFile(
  base: string,
  pathname: string,
): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;

  const target = path.join(base, decoded);
  if (target !== base && !target.startsWith(base + path.sep)) return undefined;

  const candidates = decoded.endsWith('/')
    ? [path.join(target, 'index.html')]
    : [target, target + '.html', path.join(target, 'index.html')];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function send(
  response: ServerResponse,
  file: string,
  status: number,
  method: string | undefined,
): void {
  const type = contentTypes[path.extname(file).toLowerCase()];
  response.writeHead(status, {
    'content-type': type ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  if (method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
