/**
 * Shared by the page benches: the generated 5,000-row worklist (birth years 1940–2019, studies
 * 2026-11-20…29, so about one row in eight is a child's), and small statistics.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
/**
 * content/analyze.ts bundled as it ships (esbuild, minified), as a script that puts `analyzePage` on
 * `globalThis[name]` (default `__analyzePage`) when added to a page. `root`: the checkout to bundle (default this one).
 */
export async function analyzePageScript(root = join(import.meta.dirname, '..'), name = '__analyzePage'): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: `import { analyzePage } from './content/analyze'; (globalThis as any)[${JSON.stringify(name)}] = analyzePage;`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    alias: { '@': root },
  });
  return bundle.outputFiles[0]!.text;
}

export function worklistHtml(rows = 5000): string {
  let body = '';
  for (let i = 0; i < rows; i++) {
    const y = 1940 + ((i * 7) % 80);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const mod = ['CT', 'MR', 'CR', 'US', 'NM'][i % 5]!;
    body +=
      `<tr><td>PATIENT^${i}</td><td>MRN${100000 + i}</td><td>${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}</td>` +
      `<td>2026112${i % 10}</td><td>${mod}</td><td>${mod} STUDY ${i}</td><td>ACC${i}</td></tr>`;
  }
  return (
    '<!doctype html><html><head><title>Worklist</title></head><body><h1>Study list</h1><table id="worklist">' +
    '<thead><tr><th>Patient</th><th>MRN</th><th>Birth date</th><th>Study date</th><th>Modality</th><th>Description</th><th>Accession</th></tr></thead>' +
    `<tbody>${body}</tbody></table></body></html>`
  );
}

export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (v: readonly number[]) => quantile(v, 0.5);

/** "12.3 (IQR 10.1–14.0)" */
export function summary(values: readonly number[], digits = 1): string {
  return `${median(values).toFixed(digits)} (IQR ${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)}, n=${values.length})`;
}

export function verdict(name: string, ok: boolean, line: string): boolean {
  console.log(`${ok ? 'OK  ' : 'OVER'} ${name}: ${line}`);
  return ok;
}

/** Chrome trace events (the fields the page benches read; each checked where it is used). */
export interface TraceEvent {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

export interface CpuProfile {
  /** `pid/tid` of the profiled thread. */
  thread: string;
  start: number;
  nodes: Map<number, ProfileNode>;
  samples: number[];
  deltas: number[];
}

/** The V8 sampling profiles of a trace: nodes (with parents) and samples with time deltas, per profile id. */
export function cpuProfiles(events: TraceEvent[]): Map<string, CpuProfile> {
  const profiles = new Map<string, CpuProfile>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(e.id, { thread: `${e.pid}/${e.tid}`, start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(e.id);
    const cpu = e.args?.data?.cpuProfile;
    if (!p || !cpu) continue;
    for (const n of cpu.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(cpu.samples ?? []));
    p.deltas.push(...(e.args?.data?.timeDeltas ?? []));
  }
  return profiles;
}

/**
 * Long main-thread tasks of one traced run, each with the time its samples spent in the extension's scripts and
 * the extension functions with the most self time in it ("name@line:col 12.3", most first).
 */
export function longTasks(events: TraceEvent[], longTaskMs = 50): { durMs: number; extMs: number; top: string[] }[] {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
  const profiles = cpuProfiles(events);
  // Sample intervals on each main thread: [time, duration, in the extension?].
  const samples = new Map<string, [number, number, boolean, string | null][]>();
  for (const p of profiles.values()) {
    const inExt = new Map<number, boolean>();
    const isExt = (id: number): boolean => {
      const known = inExt.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v = !!n && ((n.callFrame?.url ?? '').startsWith('chrome-extension://') || (n.parent !== undefined && isExt(n.parent)));
      inExt.set(id, v);
      return v;
    };
    const list = samples.get(p.thread) ?? [];
    let t = p.start;
    const label = (id: number): string | null => {
      const f = p.nodes.get(id)?.callFrame;
      if (!f?.url?.startsWith('chrome-extension://')) return null;
      return `${f.functionName || '(anon)'}@${f.url.replace(/^.*\//, '')}:${f.lineNumber ?? 0}:${f.columnNumber ?? 0}`;
    };
    p.samples.forEach((id, i) => {
      const d = p.deltas[i] ?? 0;
      t += d;
      list.push([t, d, isExt(id), label(id)]);
    });
    samples.set(p.thread, list);
  }
  const out: { durMs: number; extMs: number; top: string[] }[] = [];
  for (const e of events) {
    const thread = `${e.pid}/${e.tid}`;
    if (e.name !== 'RunTask' || !main.has(thread) || (e.dur ?? 0) <= longTaskMs * 1000) continue;
    const end = e.ts + e.dur!;
    let ext = 0;
    const self = new Map<string, number>();
    for (const [t, d, x, name] of samples.get(thread) ?? []) {
      if (!x || t < e.ts || t > end) continue;
      ext += d;
      if (name) self.set(name, (self.get(name) ?? 0) + d);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`);
    out.push({ durMs: e.dur! / 1000, extMs: ext / 1000, top });
  }
  return out;
}

/**
 * In-page stamps on `window.__igcBench` (`b`) for the PACS benches, as page-script text: the Orthanc
 * Explorer series page ready, the panel first shown, the SSDE shown.
 */
export const PACS_MILESTONES = `new MutationObserver(() => {
    if (b.ready === null && document.querySelector('#series.ui-page-active #series-info li h3')) b.ready = performance.now();
    if (b.panel === null && document.querySelector('image-gently-panel')) b.panel = performance.now();
    if (b.shown === null && document.querySelector('image-gently-panel[data-ssde-mgy]')) b.shown = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });`;

/** A loopback server answering every request with `html`: its origin, and how to close it. */
export async function serveHtml(html: string): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
