/**
 * What the extension costs a large page, Chromium, one process per side:
 * a generated 5,000-row worklist (bench/support.ts) loaded ≥ 15 times alternately in a browser with
 * the e2e build (content.js on loopback; it finds the children in the list and has panel.js
 * injected) and one without any extension.
 *
 * Budgets:
 * - load event with / without ≤ 1.03 (median of the interleaved pairs' ratios);
 * - the extension's main-thread time per page load ≤ 20 ms: the renderer's script time with minus
 *   without (CDP Performance.getMetrics ScriptDuration, median of the pairs' differences), measured
 *   from navigation until 2 s after the load event so the idle work and panel.js are included;
 * - no long task attributed to it: in 5 more loads traced with CDP (devtools.timeline), no main-
 *   thread task over 50 ms is long because of chrome-extension:// scripts (task − their time < 50 ms)
 *   and no extension script event lasts 50 ms; the traces also give the extension's own script
 *   time (compile, evaluate, calls) as a cross-check of the ScriptDuration difference.
 * Method and harness as in ../shared/performance.md (tools/perf-worklist.mjs).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../tests/e2e/harness';
import { median, summary, verdict, worklistHtml } from './support';

const RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 21));
const SETTLE_MS = 2000;

interface Sample {
  loadMs: number;
  scriptMs: number;
  panel: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string }; fileName?: string };
}

const html = worklistHtml();
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/worklist`;

interface Side {
  session: ChromiumSession;
  page: Page;
  cdp: CDPSession;
}

async function open(withExtension: boolean): Promise<Side> {
  const session = await launchChromium({ build: withExtension ? 'chrome-mv3-e2e' : null });
  const page = await session.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { session, page, cdp };
}

async function scriptDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function once(side: Side): Promise<Sample> {
  await side.page.goto('about:blank');
  const before = await scriptDuration(side.cdp);
  await side.page.goto(url, { waitUntil: 'load' });
  await side.page.waitForTimeout(SETTLE_MS);
  const after = await scriptDuration(side.cdp);
  const { loadMs, panel } = await side.page.evaluate(() => ({
    loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    panel: !!document.querySelector('image-gently-panel'),
  }));
  return { loadMs, scriptMs: after - before, panel };
}

const isExtension = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith('chrome-extension://');
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'V8.CompileCode']);

/** One load traced: the extension's script time, and the long tasks it caused. */
async function traced(side: Side): Promise<{ extensionMs: number; longTasks: number; longestExtensionEvent: number }> {
  await side.page.goto('about:blank');
  const events: TraceEvent[] = [];
  const onData = (d: { value: unknown[] }) => events.push(...(d.value as TraceEvent[]));
  side.cdp.on('Tracing.dataCollected', onData);
  const done = new Promise((r) => side.cdp.once('Tracing.tracingComplete', r));
  await side.cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] },
    transferMode: 'ReportEvents',
  });
  await side.page.goto(url, { waitUntil: 'load' });
  await side.page.waitForTimeout(SETTLE_MS);
  await side.cdp.send('Tracing.end');
  await done;
  side.cdp.off('Tracing.dataCollected', onData);
  // The page's renderer main thread: the CrRendererMain thread of the process that parsed the page.
  const parser = events.find((e) => e.name === 'ParseHTML');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === parser?.pid);
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid);
  const ext = onMain.filter((e) => SCRIPT_EVENTS.has(e.name) && isExtension(e)).sort((a, b) => a.ts - b.ts);
  // Top-level extension events only (a call inside an evaluation is not counted twice).
  let extensionUs = 0;
  let coveredUntil = -Infinity;
  for (const e of ext) {
    if (e.ts >= coveredUntil) {
      extensionUs += e.dur ?? 0;
      coveredUntil = e.ts + (e.dur ?? 0);
    }
  }
  let longTasks = 0;
  for (const task of onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)) {
    const end = task.ts + task.dur!;
    let inside = 0;
    let until = -Infinity;
    for (const e of ext) {
      if (e.ts < task.ts || e.ts >= end || e.ts < until) continue;
      inside += e.dur ?? 0;
      until = e.ts + (e.dur ?? 0);
    }
    if (inside > 0 && task.dur! - inside < 50_000) longTasks++;
  }
  return { extensionMs: extensionUs / 1000, longTasks, longestExtensionEvent: Math.max(0, ...ext.map((e) => (e.dur ?? 0) / 1000)) };
}

const withExt = await open(true);
const without = await open(false);
const A: Sample[] = [];
const B: Sample[] = [];
const T: Awaited<ReturnType<typeof traced>>[] = [];
try {
  await once(withExt);
  await once(without); // warm-up
  for (let i = 0; i < RUNS; i++) {
    A.push(await once(withExt));
    B.push(await once(without));
  }
  for (let i = 0; i < 5; i++) T.push(await traced(withExt));
} finally {
  await withExt.session.close();
  await without.session.close();
  server.close();
}

const ratios = A.map((a, i) => a.loadMs / B[i]!.loadMs);
const extraScript = A.map((a, i) => a.scriptMs - B[i]!.scriptMs);
const attributed = T.reduce((n, t) => n + t.longTasks, 0);
const longestEvent = Math.max(...T.map((t) => t.longestExtensionEvent));

console.log(`5,000-row worklist, ${RUNS} interleaved runs per side (Chromium, e2e build vs no extension)`);
console.log(`  load event with    ${summary(A.map((a) => a.loadMs))} ms`);
console.log(`  load event without ${summary(B.map((b) => b.loadMs))} ms`);
console.log(`  ratio of the medians ${(median(A.map((a) => a.loadMs)) / median(B.map((b) => b.loadMs))).toFixed(3)}`);
console.log(`  script time with ${summary(A.map((a) => a.scriptMs))} ms, without ${summary(B.map((b) => b.scriptMs))} ms`);
console.log(`  panel shown in ${A.filter((a) => a.panel).length}/${A.length} runs with the extension`);
console.log(`  traced (5 loads): extension script time ${summary(T.map((t) => t.extensionMs))} ms; longest single extension event ${longestEvent.toFixed(1)} ms`);

let ok = true;
ok = verdict('load ratio (median of pairs)', median(ratios) <= 1.03, `${summary(ratios, 3)} ≤ 1.03`) && ok;
ok = verdict('extension main-thread time per load', median(extraScript) <= 20, `${summary(extraScript)} ms ≤ 20 ms`) && ok;
ok = verdict('long tasks attributed to the extension', attributed === 0 && longestEvent < 50, `${attributed} (none allowed; longest extension event ${longestEvent.toFixed(1)} ms < 50)`) && ok;
ok = verdict('extension script time in the traces', median(T.map((t) => t.extensionMs)) <= 20, `${summary(T.map((t) => t.extensionMs))} ms ≤ 20 ms`) && ok;
ok = verdict('the extension did its work (panel shown)', A.every((a) => a.panel), `${A.filter((a) => a.panel).length}/${A.length}`) && ok;
process.exit(ok ? 0 : 1);
