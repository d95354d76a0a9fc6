/**
 * Budget: on a real Orthanc Explorer series page of the 4-year-old's CT (512×512 slices,
 * dose SR), from "series page ready" to "SSDE shown" ≤ 300 ms median, and no main-thread task over 50 ms
 * caused by the extension.
 *
 * - "ready": Orthanc Explorer's series page is rendered (`#series.ui-page-active #series-info li h3`);
 *   "shown": `<image-gently-panel>` carries `data-ssde-mgy`. Both stamped in the page by a MutationObserver
 *   (performance.now()) installed before the page's own scripts. 15 runs after 2 warm-up runs, each in a new
 *   tab (a fresh content script: nothing cached) with the HTTP cache disabled.
 * - Tasks caused by the extension: 7 more runs under a Chrome trace with the V8 sampling profiler
 *   (`toplevel`, `disabled-by-default-devtools.timeline`, `disabled-by-default-v8.cpu_profiler`), from
 *   navigation to SSDE shown + 200 ms. Every main-thread task (RunTask) over 50 ms is split by the profile's
 *   samples into time in the extension's scripts (a `chrome-extension://` frame on the stack) and the rest; a task
 *   is the extension's when at least half of it is. Orthanc Explorer's own long tasks (jQuery Mobile rendering)
 *   are reported but not counted. Traced runs are separate so tracing does not slow the timed runs.
 * Exits 1 when the median is over budget, when the median traced run has an extension task over 50 ms, or when
 * SSDE is not shown.
 */
import type { CDPSession, Page } from 'playwright-core';
import { adultStudyOptions, childStudyOptions, makeCtStudy, uploadStudy } from '../tests/helpers/pacs-study';
import { ensureBuild, launchChromium, startOrthanc } from '../tests/e2e/harness';
import { longTasks, PACS_MILESTONES, type TraceEvent } from './support';

const BUDGET_MS = 300;
const LONG_TASK_MS = 50;
const RUNS = Number(process.env.PACS_BENCH_RUNS ?? 15);
const WARMUP = 2;
const TRACED = 7;

declare global {
  interface Window {
    __igcBench?: { ready: number | null; panel: number | null; shown: number | null; long: { start: number; duration: number }[] };
  }
}

/** In-page stamps (a string: tsx would add helpers to a function that the page does not have). */
const INSTRUMENT = `(() => {
  const b = (window.__igcBench = { ready: null, panel: null, shown: null, long: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  ${PACS_MILESTONES}
})();`;

async function run(page: Page, cdp: CDPSession, url: string) {
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const b = await page.evaluate(() => window.__igcBench ?? null);
    if (b?.ready != null && b.shown != null) {
      await page.waitForTimeout(250);
      return {
        durationMs: b.shown - b.ready,
        /** Until the panel (page text) first shows: panel.js injection, settings, first render. */
        panelMs: (b.panel ?? b.shown) - b.ready,
        ssde: await page.evaluate(() => document.querySelector('image-gently-panel')?.getAttribute('data-ssde-mgy') ?? null),
      };
    }
    if (Date.now() > deadline) throw new Error(`SSDE not shown within 30 s: ${JSON.stringify(b)}`);
    await page.waitForTimeout(20);
  }
}

async function tracedRun(page: Page, cdp: CDPSession, url: string) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    // Chrome's trace event format (the fields read are checked where they are used).
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  });
  await run(page, cdp, url);
  await cdp.send('Tracing.end');
  await complete;
  const tasks = longTasks(events, LONG_TASK_MS);
  const extension = tasks.filter((t) => t.extMs >= t.durMs / 2);
  return {
    longestExtensionTaskMs: extension.reduce((m, t) => Math.max(m, t.durMs), 0),
    mostExtensionTimeInOneTaskMs: tasks.reduce((m, t) => Math.max(m, t.extMs), 0),
    pageLongTasks: tasks.length - extension.length,
    /** What the extension ran in its long tasks (self time, ms). */
    extensionTasks: extension.map((t) => `${t.durMs.toFixed(0)} ms: ${t.top.join(', ')}`),
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
};

async function main(): Promise<number> {
  ensureBuild('chrome-mv3-e2e');
  const orthanc = await startOrthanc({ name: 'IGC-PACS-BENCH' });
  const chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  try {
    const child = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(childStudyOptions()));
    await uploadStudy((b) => orthanc.upload(b), makeCtStudy(adultStudyOptions()));
    const url = orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`);
    await chrome.context.addInitScript(INSTRUMENT);

    const durations: number[] = [];
    const panels: number[] = [];
    let ssde: string | null = null;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const page = await chrome.newPage();
      const r = await run(page, await page.context().newCDPSession(page), url);
      await page.close();
      if (i >= WARMUP) {
        durations.push(r.durationMs);
        panels.push(r.panelMs);
      }
      ssde = r.ssde;
    }
    const traced: Awaited<ReturnType<typeof tracedRun>>[] = [];
    for (let i = 0; i < TRACED; i++) {
      const page = await chrome.newPage();
      traced.push(await tracedRun(page, await page.context().newCDPSession(page), url));
      await page.close();
    }

    const median = quantile(durations, 0.5);
    const iqr = [quantile(durations, 0.25), quantile(durations, 0.75)];
    const extTask = traced.map((t) => t.longestExtensionTaskMs);
    const extTaskMedian = quantile(extTask, 0.5);
    console.log(`series page ready → SSDE shown (Orthanc Explorer, 512×512, ${RUNS} runs): median ${median.toFixed(0)} ms, IQR ${iqr.map((x) => x.toFixed(0)).join('–')} ms, budget ${BUDGET_MS} ms`);
    console.log(`  runs: ${durations.map((d) => d.toFixed(0)).join(' ')} ms; data-ssde-mgy ${ssde}`);
    console.log(`  of which ready → panel first shown (content.js → background → panel.js, settings, first render): median ${quantile(panels, 0.5).toFixed(0)} ms; panel shown → SSDE shown: median ${quantile(durations.map((d, i) => d - panels[i]!), 0.5).toFixed(0)} ms`);
    console.log(`longest main-thread task caused by the extension (${TRACED} traced runs, navigation → SSDE shown): median ${extTaskMedian.toFixed(0)} ms, budget ${LONG_TASK_MS} ms`);
    console.log(`  runs: ${extTask.map((d) => d.toFixed(0)).join(' ')} ms (0 = none over ${LONG_TASK_MS} ms); most extension time inside any long task: ${traced.map((t) => t.mostExtensionTimeInOneTaskMs.toFixed(0)).join(' ')} ms; the page's own long tasks per run: ${traced.map((t) => t.pageLongTasks).join(' ')}`);
    for (const [i, t] of traced.entries()) for (const line of t.extensionTasks) console.log(`  traced run ${i + 1}, extension task ${line}`);
    let ok = ssde !== null;
    if (!(median <= BUDGET_MS)) {
      console.log(`OVER BUDGET: median ${median.toFixed(0)} ms > ${BUDGET_MS} ms`);
      ok = false;
    }
    if (extTaskMedian > LONG_TASK_MS) {
      console.log(`OVER BUDGET: the median traced run has a ${extTaskMedian.toFixed(0)} ms task caused by the extension (> ${LONG_TASK_MS} ms)`);
      ok = false;
    }
    return ok ? 0 : 1;
  } finally {
    await chrome.close();
    await orthanc.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
