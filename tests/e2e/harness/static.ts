/**
 * A tiny HTTP server on 127.0.0.1 (random port) for fixture pages: a directory, a route table, or both.
 * Every request is logged in `requests` (method + path), so tests can assert what a page fetched.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Route =
  | string
  | { body: string | Uint8Array; type?: string; status?: number; headers?: Record<string, string> }
  | RouteHandler;

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Full URL of a path on this server. */
  url(path?: string): string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.dcm': 'application/dicom',
  '.wasm': 'application/wasm',
};

export interface ServeStaticOptions {
  /** Serve a directory (index.html for folders). */
  dir?: string;
  /** Exact-path routes, checked before the directory. Strings are served as HTML. */
  routes?: Record<string, Route>;
  /** Fixed port (default: any free one). */
  port?: number;
}

export async function serveStatic(dirOrOptions: string | ServeStaticOptions | Record<string, Route>): Promise<StaticServer> {
  const opts: ServeStaticOptions =
    typeof dirOrOptions === 'string'
      ? { dir: dirOrOptions }
      : 'dir' in dirOrOptions || 'routes' in dirOrOptions || 'port' in dirOrOptions
        ? (dirOrOptions as ServeStaticOptions)
        : { routes: dirOrOptions as Record<string, Route> };
  const root = opts.dir ? resolve(opts.dir) : null;
  const requests: { method: string; path: string }[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search });
    try {
      const route = opts.routes?.[url.pathname];
      if (route !== undefined) {
        if (typeof route === 'function') return void (await route(req, res));
        const r = typeof route === 'string' ? { body: route, type: TYPES['.html'] } : route;
        res.writeHead(r.status ?? 200, { 'content-type': r.type ?? TYPES['.html']!, ...(r.headers ?? {}) });
        return void res.end(r.body);
      }
      if (root) {
        let file = normalize(join(root, decodeURIComponent(url.pathname)));
        if (file !== root && !file.startsWith(root + sep)) {
          res.writeHead(403).end('forbidden');
          return;
        }
        let st = await stat(file).catch(() => null);
        if (st?.isDirectory()) {
          file = join(file, 'index.html');
          st = await stat(file).catch(() => null);
        }
        if (st?.isFile()) {
          res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
          return void res.end(await readFile(file));
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise<void>((r, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => r());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path = '/') => origin + (path.startsWith('/') ? path : `/${path}`),
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
