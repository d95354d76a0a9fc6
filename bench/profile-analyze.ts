/**
 * Profiling aid (not a bench): a V8 CPU profile of `analyzePage` on the analyze bench's generated worklist in
 * Chromium, bundled unminified with names kept (esbuild's `__name` calls then show up too: ignore them). Prints the
 * functions with the most self time and the most total time, and the lines of the bundle with the most self time
 * (ms per run, with the profiler's own overhead in them: compare shares, not budgets).
 * `npx tsx bench/profile-analyze.ts [runs] [root]`; env `ROWS` (default 5000) sizes the worklist, `EXCLUDE`
 * (function names, comma-separated) leaves out the samples under them, `TOP`/`LINES` how many rows are printed.
 */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../tests/e2e/harness';
import { serveHtml, worklistHtml } from './support';

const RUNS = Number(process.argv[2] ?? 200);
const root = resolve(process.argv[3] ?? join(import.meta.dirname, '..'));
const TOP = Number(process.env.TOP ?? 40);
const LINES = Number(process.env.LINES ?? 40);
const EXCLUDE = (process.env.EXCLUDE ?? '').split(',').filter(Boolean);

const bundle = await build({
  stdin: { contents: `import { analyzePage } from './content/analyze'; (globalThis as any).__analyzePage = analyzePage;`, resolveDir: root, loader: 'ts' },
  bundle: true,
  minify: false,
  keepNames: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  alias: { '@': root },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
let profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const server = await serveHtml(worklistHtml(Number(process.env.ROWS ?? 5000)));
const session = await launchChromium({ build: null });
try {
  const page = await session.newPage();
  await page.goto(`${server.origin}/app/worklist`, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const run = (runs: number) =>
    page.evaluate((runs) => {
      const analyze = (globalThis as unknown as { __analyzePage: (d: Document, u: string, o: object) => unknown }).__analyzePage;
      for (let i = 0; i < runs; i++) analyze(document, location.href, { now: new Date('2026-11-26T12:00:00Z') });
    }, runs);
  await run(10);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await run(RUNS);
  ({ profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: typeof profile });
} finally {
  await session.close();
  server.close();
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const excluded = (id: number): boolean => {
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (EXCLUDE.includes(byId.get(cur)!.callFrame.functionName)) return true;
  return false;
};
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i + 1] ?? 0;
  all += us;
  if (EXCLUDE.length > 0 && excluded(id)) return;
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
});
const perRun = (us: number) => (us / 1000 / RUNS).toFixed(3).padStart(7);
const show = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([n, us]) => `  ${perRun(us)}  ${n}`)
    .join('\n');
console.log(`${RUNS} runs, ${(all / 1000 / RUNS).toFixed(2)} ms sampled per run${EXCLUDE.length ? ` (without ${EXCLUDE.join(', ')})` : ''}`);
console.log(`self time (ms/run):\n${show(self)}`);
console.log(`total time (ms/run):\n${show(total)}`);

// Self time by line of the bundle (the profile's position ticks), with the line's code.
const lines = bundle.outputFiles[0]!.text.split('\n');
const ticksByLine = new Map<number, number>();
for (const n of profile.nodes) {
  if (n.callFrame.url || (EXCLUDE.length > 0 && excluded(n.id))) continue;
  for (const t of n.positionTicks ?? []) ticksByLine.set(t.line, (ticksByLine.get(t.line) ?? 0) + t.ticks);
}
const usPerTick = all / Math.max(1, profile.samples.length);
console.log('self time by line (ms/run):');
for (const [line, ticks] of [...ticksByLine].sort((a, b) => b[1] - a[1]).slice(0, LINES)) {
  console.log(`  ${perRun(ticks * usPerTick)}  ${String(line).padStart(5)}  ${(lines[line - 1] ?? '').trim().slice(0, 110)}`);
}
