/**
 * A/B aid (not a bench): the pacs-ssde bench's measurement, interleaved between two unpacked builds, so a
 * change is judged against its baseline under the same load. `npx tsx bench/ab-pacs.ts <dirA> <dirB> [runs]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { childStudyOptions, makeCtStudy, uploadStudy, adultStudyOptions } from '../tests/helpers/pacs-study';
import { QUIET_CHROMIUM_FLAGS, startOrthanc } from '../tests/e2e/harness';
import { longTasks, PACS_MILESTONES, quantile, type TraceEvent } from './support';

const INSTRUMENT = `(() => {
  const b = (window.__igcBench = { ready: null, panel: null, shown: null });
  ${PACS_MILESTONES}
})();`;

async function launch(dir: string): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'igc-ab-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--headless=new', ...QUIET_CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 900 },
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  await context.addInitScript(INSTRUMENT);
  return { context, profile };
}

async function once(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const b = await page.evaluate(() => (window as any).__igcBench);
    if (b?.ready != null && b.shown != null) {
      await page.waitForTimeout(250);
      await page.close();
      return { ready: b.ready as number, panel: (b.panel ?? b.shown) as number, shown: b.shown as number };
    }
    if (Date.now() > deadline) throw new Error(`not shown: ${JSON.stringify(b)}`);
    await page.waitForTimeout(20);
  }
}

/** One traced run: the longest main-thread task in which the extension's scripts had at least half the samples. */
async function traced(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  for (let i = 0; i < 1500; i++) {
    if ((await page.evaluate(() => (window as any).__igcBench?.shown)) != null) break;
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return longTasks(events, 10)
    .filter((t) => t.extMs >= t.durMs / 2)
    .reduce((m, t) => Math.max(m, t.durMs), 0);
}

async function main() {
  const [dirA, dirB] = [process.argv[2]!, process.argv[3]!];
  const runs = Number(process.argv[4] ?? 15);
  const orthanc = await startOrthanc({ name: 'IGC-AB' });
  const a = await launch(dirA);
  const b = await launch(dirB);
  try {
    const child = await uploadStudy((x) => orthanc.upload(x), makeCtStudy(childStudyOptions()));
    await uploadStudy((x) => orthanc.upload(x), makeCtStudy(adultStudyOptions()));
    const url = orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`);
    const res: Record<'A' | 'B', { ready: number; panel: number; shown: number }[]> = { A: [], B: [] };
    for (let i = 0; i < runs + 2; i++) {
      for (const [name, s] of i % 2 ? ([['B', b], ['A', a]] as const) : ([['A', a], ['B', b]] as const)) {
        const r = await once(s.context, url);
        if (i >= 2) res[name].push(r);
      }
    }
    const tracedRuns = Number(process.env.AB_TRACED ?? 7);
    const longest: Record<'A' | 'B', number[]> = { A: [], B: [] };
    for (let i = 0; i < tracedRuns; i++) {
      for (const [name, s] of i % 2 ? ([['B', b], ['A', a]] as const) : ([['A', a], ['B', b]] as const)) longest[name].push(await traced(s.context, url));
    }
    const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
    for (const name of ['A', 'B'] as const) {
      const rs = res[name];
      const f = (xs: number[]) => `${quantile(xs, 0.5).toFixed(0)} (IQR ${quantile(xs, 0.25).toFixed(0)}–${quantile(xs, 0.75).toFixed(0)})`;
      console.log(
        `${name}: ready→shown ${f(rs.map((r) => r.shown - r.ready))} | ready→panel ${f(rs.map((r) => r.panel - r.ready))} | nav→ready ${f(rs.map((r) => r.ready))} | nav→shown ${f(rs.map((r) => r.shown))}`,
      );
      console.log(`   ready→shown runs: ${rs.map((r) => (r.shown - r.ready).toFixed(0)).join(' ')}`);
      console.log(`   longest extension task (traced, ≥ 10 ms): median ${quantile(longest[name], 0.5).toFixed(0)} ms; runs ${longest[name].map((x) => x.toFixed(0)).join(' ')}`);
    }
    console.log(`load average (1 min) at the end: ${load}`);
  } finally {
    for (const s of [a, b]) {
      await s.context.close().catch(() => undefined);
      rmSync(s.profile, { recursive: true, force: true });
    }
    await orthanc.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
