/**
 * The OHIF e2e server (after shared/ohif.md §3): OHIF's prebuilt dist/ (tests/e2e/ohif/node_modules/@ohif/app,
 * installed by `npm ci --prefix tests/e2e/ohif`) with our app-config.js, and a same-origin proxy of
 * `/dicom-web/*` and `/wado*` to Orthanc. Loopback only. Runs in the test process; `stop()` closes it.
 *
 * - Orthanc's DICOMweb plugin 1.7 ignores comma-separated `includefield` lists, which OHIF sends: they are
 *   split into repeated parameters (otherwise the study list shows "No Description").
 * - The Host header is kept, so Orthanc writes BulkDataURIs / RetrieveURLs on this origin.
 * - `requireToken`: the proxy answers 401 to any DICOMweb request without `Authorization: Bearer <token>`,
 *   like a PACS behind OIDC. OHIF gets the token from `?token=` on the viewer URL (it strips it from the URL);
 *   the extension's same-origin GETs do not carry it.
 * - Every proxied request is logged (method, path, status, whether it carried the token).
 */
import { existsSync, readFileSync, statSync, createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';

export const OHIF_DIST = resolve(import.meta.dirname, 'node_modules/@ohif/app/dist');
export const OHIF_APP_CONFIG = resolve(import.meta.dirname, 'app-config.js');
export const OHIF_VERSION = (() => {
  try {
    return String(JSON.parse(readFileSync(resolve(OHIF_DIST, '../package.json'), 'utf8')).version);
  } catch {
    return null;
  }
})();

/** Null when the viewer is installed, else the command that installs it. */
export function ohifMissing(): string | null {
  return existsSync(join(OHIF_DIST, 'index.html')) ? null : 'npm ci --prefix tests/e2e/ohif';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain',
};

export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number;
  bearer: boolean;
}

export interface OhifServer {
  url: string;
  port: number;
  log: ProxyLogEntry[];
  stop(): Promise<void>;
}

export interface OhifServerOptions {
  orthancPort: number;
  requireToken?: string;
  /** Cross-origin isolation headers, as shared/ohif.md ran them (default on). */
  isolation?: boolean;
}

export async function startOhifServer(o: OhifServerOptions): Promise<OhifServer> {
  const missing = ohifMissing();
  if (missing) throw new Error(`OHIF viewer not installed: run \`${missing}\``);
  const isolation: Record<string, string> =
    o.isolation === false
      ? {}
      : {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Cross-Origin-Resource-Policy': 'same-origin',
        };
  const log: ProxyLogEntry[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/dicom-web/') || url.pathname.startsWith('/wado')) {
      const bearer = req.headers.authorization === `Bearer ${o.requireToken}`;
      if (o.requireToken && !bearer) {
        log.push({ method: req.method ?? '', path: url.pathname + url.search, status: 401, bearer });
        res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer', ...isolation });
        res.end('{"error":"unauthorized"}');
        return;
      }
      if (url.searchParams.has('includefield')) {
        const values = url.searchParams.getAll('includefield').flatMap((v) => v.split(','));
        url.searchParams.delete('includefield');
        for (const v of values) url.searchParams.append('includefield', v);
      }
      const headers = { ...req.headers };
      delete headers.authorization;
      const upstream = http.request(
        { host: '127.0.0.1', port: o.orthancPort, method: req.method, path: url.pathname + url.search, headers },
        (ur) => {
          log.push({ method: req.method ?? '', path: url.pathname + url.search, status: ur.statusCode ?? 0, bearer });
          res.writeHead(ur.statusCode ?? 502, { ...ur.headers, ...isolation });
          ur.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502, isolation);
        res.end(String(e));
      });
      req.pipe(upstream);
      return;
    }
    let file = join(OHIF_DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(OHIF_DIST)) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (url.pathname === '/app-config.js') file = OHIF_APP_CONFIG;
    let target = file;
    try {
      if (statSync(file).isDirectory()) target = join(OHIF_DIST, 'index.html');
    } catch {
      target = join(OHIF_DIST, 'index.html'); // SPA routes (/viewer, /?…)
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...isolation });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
