/**
 * Budget: "This child on this PACS" on a real Orthanc Explorer series page of a child with 50 studies (20 CTs with
 * dose reports, 30 radiography, fluoroscopy and ultrasound studies): the section on screen ≤ 500 ms median after it
 * is opened, and no main-thread task of 50 ms or more caused by the extension while it reads and renders.
 *
 * - Two ways of opening it, interleaved run by run (A B A B …), each in a new tab (a fresh pacs.js: nothing in
 *   memory) with the HTTP cache disabled: (A) "at once": opened as soon as the panel shows (the reading starts
 *   with the click, or a moment before when the page first idles); (B) "after idle": opened once the page has been idle (the reading
 *   started by itself). The budget is on A, the cold case; B is reported.
 * - "Opened": the summary is clicked (stamp); "on screen": the first study row is in the section and a frame has
 *   been rendered after it (MutationObserver on the panel's shadow root, then requestAnimationFrame). "Doses
 *   shown": no dose read pending any more (reported, not budgeted).
 * - Tasks caused by the extension: 5 more A runs under a Chrome trace with the V8 sampling profiler, from the click
 *   to "doses shown" + 200 ms; a main-thread task over 50 ms is the extension's when at least half of its samples
 *   are in a chrome-extension:// script (bench/support.ts `longTasks`).
 * Exits 1 when the A median is over budget, when any traced run has an extension task ≥ 50 ms, or when the section
 * does not show the 50 studies.
 */
import type { CDPSession, Page } from 'playwright-core';
import { ensureBuild, launchChromium, startOrthanc, waitForPanel } from '../tests/e2e/harness';
import { uploadStudy } from '../tests/helpers/pacs-study';
import { daBefore, historyCt, makeOtherStudy, type Patient } from '../tests/helpers/history-study';
import { longTasks, quantile, type TraceEvent } from './support';

const BUDGET_MS = 500;
const LONG_TASK_MS = 50;
const RUNS = Number(process.env.HISTORY_BENCH_RUNS ?? 9);
const WARMUP = 1;
const TRACED = 5;
const STUDIES = 50;

const CHILD: Patient = { patientName: 'TEST^HISTORY^FIFTY', patientId: 'PEDSH50', birthDate: '20180301', sex: 'M' };

interface Opened {
  /** Click → first row on screen. */
  shownMs: number;
  /** Click → no dose read pending. */
  dosesMs: number;
  rows: number;
}

/**
 * Clicks the section open and stamps when its rows are on screen and when the doses are in (in the page; a string:
 * tsx would add helpers to a function that the page does not have).
 */
const OPEN_AND_TIME = `new Promise((resolve, reject) => {
  const root = document.querySelector('image-gently-panel')?.shadowRoot;
  const summary = root?.querySelector('.igp-history summary');
  if (!root || !summary) return reject(new Error('no section'));
  const t0 = performance.now();
  let shown = null;
  let obs = null;
  const check = () => {
    const rows = root.querySelectorAll('.igp-history-study').length;
    if (shown === null && rows > 0) {
      requestAnimationFrame(() => {
        if (shown === null) shown = performance.now() - t0;
        check();
      });
      return;
    }
    const text = root.querySelector('.igp-history')?.textContent ?? '';
    if (shown !== null && rows > 0 && !/Reading dose reports/.test(text)) {
      obs.disconnect();
      resolve({ shownMs: shown, dosesMs: performance.now() - t0, rows });
    }
  };
  obs = new MutationObserver(check);
  obs.observe(root, { subtree: true, childList: true, characterData: true });
  summary.click();
  check();
  setTimeout(() => reject(new Error('section not shown in 30 s')), 30000);
})`;

const openAndTime = (page: Page): Promise<Opened> => page.evaluate(OPEN_AND_TIME) as Promise<Opened>;

async function load(page: Page, cdp: CDPSession, url: string, idle: boolean) {
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true', timeoutMs: 30_000 });
  await page.evaluate(() => document.querySelector('image-gently-panel')?.shadowRoot?.querySelector<HTMLElement>('.igp-pill')?.click());
  await page.waitForFunction(() => !!document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-history summary'));
  if (idle) {
    // The page is idle and the reading has run by itself: the network is quiet.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 5000 })));
  }
}

async function traced(page: Page, cdp: CDPSession, url: string) {
  await load(page, cdp, url, false);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler', transferMode: 'ReportEvents' });
  const r = await openAndTime(page);
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  const tasks = longTasks(events, LONG_TASK_MS - 1);
  const ext = tasks.filter((t) => t.extMs >= t.durMs / 2);
  return { r, longest: ext.reduce((m, t) => Math.max(m, t.durMs), 0), lines: ext.map((t) => `${t.durMs.toFixed(0)} ms: ${t.top.join(', ')}`), page: tasks.length - ext.length };
}

async function main(): Promise<number> {
  ensureBuild('chrome-mv3-e2e');
  const orthanc = await startOrthanc({ name: 'IGC-HISTORY-BENCH' });
  const chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  try {
    const today = new Date().toISOString().slice(0, 10);
    let current = '';
    for (let i = 0; i < STUDIES; i++) {
      const date = daBefore(today, 5 + i * 23);
      const study =
        i % 5 < 2 || i < 4
          ? historyCt(CHILD, `h50-ct-${i}`, date, 2 + (i % 4), 12 + (i % 8), { slices: 1, size: 64, description: i % 2 ? 'CT CHEST PEDS' : 'CT ABDOMEN PELVIS PEDS' })
          : makeOtherStudy({ ...CHILD, seed: `h50-${i}`, modality: (['DX', 'RF', 'US'] as const)[i % 3]!, studyDate: date, description: 'EXAM', bodyPart: 'CHEST' });
      const up = await uploadStudy((b) => orthanc.upload(b), study);
      if (i === 0) current = up.axialSeriesId;
    }
    const url = orthanc.explorerUrl(`series?uuid=${current}`);
    const results: Record<'A' | 'B', Opened[]> = { A: [], B: [] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const mode of ['A', 'B'] as const) {
        const page = await chrome.newPage();
        await load(page, await page.context().newCDPSession(page), url, mode === 'B');
        const r = await openAndTime(page);
        await page.close();
        if (i >= WARMUP) results[mode].push(r);
      }
    }
    const tracedRuns: Awaited<ReturnType<typeof traced>>[] = [];
    for (let i = 0; i < TRACED; i++) {
      const page = await chrome.newPage();
      tracedRuns.push(await traced(page, await page.context().newCDPSession(page), url));
      await page.close();
    }

    const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(0)} ms, IQR ${quantile(xs, 0.25).toFixed(0)}–${quantile(xs, 0.75).toFixed(0)} ms`;
    const a = results.A.map((r) => r.shownMs);
    const rows = [...results.A, ...results.B].map((r) => r.rows);
    console.log(`section opened → on screen, child with ${STUDIES} studies (Orthanc Explorer, ${RUNS} interleaved runs each):`);
    console.log(`  A, opened at once (cold): ${fmt(a)}, budget ${BUDGET_MS} ms; runs ${a.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`  B, opened after idle (read already): ${fmt(results.B.map((r) => r.shownMs))}`);
    console.log(`  opened → all 20 dose reads shown: A ${fmt(results.A.map((r) => r.dosesMs))}; B ${fmt(results.B.map((r) => r.dosesMs))}`);
    const longest = tracedRuns.map((t) => t.longest);
    console.log(`longest main-thread task caused by the extension (${TRACED} traced A runs, click → doses shown): ${longest.map((x) => x.toFixed(0)).join(' ')} ms (0 = none ≥ ${LONG_TASK_MS} ms); the page's own long tasks per run: ${tracedRuns.map((t) => t.page).join(' ')}`);
    for (const [i, t] of tracedRuns.entries()) for (const l of t.lines) console.log(`  traced run ${i + 1}, extension task ${l}`);
    let ok = true;
    if (!rows.every((n) => n === STUDIES)) {
      console.log(`FAIL: the section listed ${[...new Set(rows)].join('/')} studies, not ${STUDIES}`);
      ok = false;
    }
    if (!(quantile(a, 0.5) <= BUDGET_MS)) {
      console.log(`OVER BUDGET: median ${quantile(a, 0.5).toFixed(0)} ms > ${BUDGET_MS} ms`);
      ok = false;
    }
    if (longest.some((x) => x >= LONG_TASK_MS)) {
      console.log(`OVER BUDGET: an extension task of ${Math.max(...longest).toFixed(0)} ms (≥ ${LONG_TASK_MS} ms)`);
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
