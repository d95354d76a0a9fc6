/**
 * A real Orthanc (Debian's orthanc + orthanc-dicomweb) started by the tests on loopback:
 * free port, temporary config and storage, DICOM listener off, RemoteAccessAllowed false,
 * DICOMweb plugin on; stopped by pid (SIGTERM, then wait for the process to exit).
 * Config notes (no bind-address option in 1.10.1; do not set DicomWeb.Host).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prerequisites } from './prerequisites';

export interface OrthancUploadResult {
  ID: string;
  ParentPatient: string;
  ParentStudy: string;
  ParentSeries: string;
  Status: string;
  Path?: string;
}

export interface OrthancServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
  pid: number;
  dir: string;
  /** Orthanc's stdout/stderr so far. */
  log(): string;
  /** POST /instances with one DICOM Part-10 file. */
  upload(buffer: Uint8Array): Promise<OrthancUploadResult>;
  /** GET a REST path and parse JSON. */
  get<T = unknown>(path: string): Promise<T>;
  /** `/app/explorer.html` URL, optionally with a hash route such as `study?uuid=…`. */
  explorerUrl(route?: string): string;
  stop(): Promise<void>;
}

export interface StartOrthancOptions {
  /** Shown in Orthanc Explorer's title bar. */
  name?: string;
  /** Extra configuration keys (merged over the defaults). */
  config?: Record<string, unknown>;
  /** Milliseconds to wait for /system (default 30 s). */
  readyTimeoutMs?: number;
}

/** A port that is free on 0.0.0.0 right now (Orthanc binds all interfaces). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '0.0.0.0', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const running = new Set<ChildProcess>();
// If the test process dies without calling stop(), do not leave Orthanc behind.
process.once('exit', () => {
  for (const p of running) if (p.exitCode === null) p.kill('SIGKILL');
});

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const t = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      res(true);
    });
  });
}

export async function startOrthanc(opts: StartOrthancOptions = {}): Promise<OrthancServer> {
  const pre = prerequisites();
  if (!pre.orthanc || !pre.dicomWebPlugin) {
    throw new Error(`Orthanc or its DICOMweb plugin not found. Install them with:\n  ${pre.aptLine}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'igc-orthanc-'));
  const logPath = join(dir, 'orthanc.log');
  const timeout = opts.readyTimeoutMs ?? 30_000;

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = {
      Name: opts.name ?? 'IGC-E2E-ORTHANC',
      StorageDirectory: join(dir, 'db'),
      IndexDirectory: join(dir, 'db'),
      Plugins: [pre.dicomWebPlugin],
      HttpServerEnabled: true,
      HttpPort: port,
      RemoteAccessAllowed: false,
      AuthenticationEnabled: false,
      DicomServerEnabled: false,
      ExecuteLuaEnabled: false,
      StableAge: 2,
      DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false },
      ...(opts.config ?? {}),
    };
    const configPath = join(dir, 'orthanc.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const fd = openSync(logPath, 'a');
    const child = spawn(pre.orthanc, [configPath], { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    running.add(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const log = () => {
      try {
        return readFileSync(logPath, 'utf8');
      } catch {
        return '';
      }
    };

    const deadline = Date.now() + timeout;
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const r = await fetch(`${baseUrl}/system`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) {
          ready = true;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!ready) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      running.delete(child);
      // Someone took the port between freePort() and Orthanc's bind: try another one.
      if (attempt < 3 && /address already in use|cannot bind|bind/i.test(log())) continue;
      const tail = log().split('\n').slice(-30).join('\n');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`Orthanc did not become ready on ${baseUrl} within ${timeout} ms. Log tail:\n${tail}`);
    }

    let stopped = false;
    const server: OrthancServer = {
      baseUrl,
      port,
      pid: child.pid!,
      dir,
      log,
      async upload(buffer) {
        const r = await fetch(`${baseUrl}/instances`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/dicom' },
          body: new Uint8Array(buffer) as Uint8Array<ArrayBuffer>,
        });
        if (!r.ok) throw new Error(`upload failed: HTTP ${r.status} ${await r.text()}`);
        return (await r.json()) as OrthancUploadResult;
      },
      async get<T>(path: string) {
        const r = await fetch(baseUrl + path);
        if (!r.ok) throw new Error(`GET ${path}: HTTP ${r.status}`);
        return (await r.json()) as T;
      },
      explorerUrl: (route) => `${baseUrl}/app/explorer.html${route ? `#${route}` : ''}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        child.kill('SIGTERM');
        // Orthanc takes over a second to exit; wait so the port and files are really released.
        if (!(await waitForExit(child, 15_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5000);
        }
        running.delete(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return server;
  }
}
