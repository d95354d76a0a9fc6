/**
 * Profiling aid (not a bench): the timeline of one Orthanc Explorer child series page load with the
 * e2e build, from a Chrome trace: user-timing marks, main-thread tasks ≥ 3 ms with what they ran,
 * network requests. `npx tsx bench/profile-pacs.ts [runs]`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { childStudyOptions, makeCtStudy, uploadStudy } from '../tests/helpers/pacs-study';
import { ensureBuild, launchChromium, startOrthanc } from '../tests/e2e/harness';
import { cpuProfiles, type TraceEvent } from './support';

const INSTRUMENT = `(() => {
  const b = (window.__igcBench = { ready: null, panel: null, shown: null });
  new MutationObserver(() => {
    if (b.ready === null && document.querySelector('#series.ui-page-active #series-info li h3')) { b.ready = performance.now(); performance.mark('igc:ready'); }
    if (b.panel === null && document.querySelector('image-gently-panel')) { b.panel = performance.now(); performance.mark('igc:panel'); }
    if (b.shown === null && document.querySelector('image-gently-panel[data-ssde-mgy]')) { b.shown = performance.now(); performance.mark('igc:shown'); }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', () => performance.mark('igc:dcl'));
  addEventListener('load', () => performance.mark('igc:load'));
})();`;

interface Ev {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: any;
}

function describe(events: Ev[], task: Ev): string {
  const end = task.ts + (task.dur ?? 0);
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end && e !== task && (e.dur ?? 0) > 500);
  const parts: string[] = [];
  for (const e of inside) {
    const d = e.args?.data ?? {};
    let what = e.name;
    if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule') what += ` ${String(d.url ?? e.args?.fileName ?? '').replace(/^.*\//, '')}`;
    else if (e.name === 'FunctionCall') what += ` ${String(d.url ?? '').replace(/^.*\//, '')}:${d.functionName ?? ''}`;
    else if (e.name === 'EventDispatch') what += ` ${d.type}`;
    else if (e.name === 'TimerFire' || e.name === 'FireIdleCallback' || e.name === 'FireAnimationFrame') what += '';
    else if (!['ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC', 'v8.run', 'V8.Execute', 'RunMicrotasks', 'v8.callFunction', 'ScheduleStyleRecalculation', 'XHRReadyStateChange', 'XHRLoad', 'ParseAuthorStyleSheet', 'V8.CompileCode', 'v8.parseOnBackground', 'CompileScript', 'HitTest', 'PrePaint', 'Layerize', 'Commit'].includes(e.name)) continue;
    parts.push(`${what} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
  }
  return [...new Set(parts)].slice(0, 8).join(' | ');
}

async function traced(page: Page, cdp: CDPSession, url: string) {
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Ev[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,loading,disabled-by-default-v8.compile,extensions,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  for (let i = 0; i < 1500; i++) {
    const b = await page.evaluate(() => (window as any).__igcBench);
    if (b?.shown != null) break;
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

async function main() {
  ensureBuild('chrome-mv3-e2e');
  const orthanc = await startOrthanc({ name: 'IGC-PROFILE' });
  const chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  try {
    const child = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(childStudyOptions()));
    const url = orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`);
    await chrome.context.addInitScript(INSTRUMENT);
    for (let i = 0; i < 2; i++) {
      const p = await chrome.newPage();
      await traced(p, await p.context().newCDPSession(p), url);
      await p.close();
    }
    const runs = Number(process.argv[2] ?? 2);
    for (let r = 0; r < runs; r++) {
      const p = await chrome.newPage();
      const events = await traced(p, await p.context().newCDPSession(p), url);
      await p.close();
      const marks = events.filter((e) => e.cat.includes('blink.user_timing') && (e.name.startsWith('igc') || e.name === 'navigationStart'));
      const nav = marks.find((e) => e.name === 'navigationStart')?.ts ?? events.find((e) => e.name === 'TracingStartedInBrowser')?.ts ?? 0;
      const shownMark = marks.find((e) => e.name === 'igc:shown');
      const end = (shownMark?.ts ?? Infinity) + 5000;
      const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
      const page = marks.find((e) => e.name === 'igc:ready');
      const pagePid = page?.pid;
      const rows: [number, string][] = [];
      for (const m of marks) rows.push([m.ts, `MARK ${m.name}`]);
      for (const e of events) {
        if (e.ts < nav || e.ts > end) continue;
        if (e.name === 'RunTask' && mainThreads.has(`${e.pid}/${e.tid}`) && e.pid === pagePid && (e.dur ?? 0) >= 3000) {
          rows.push([e.ts, `task ${((e.dur ?? 0) / 1000).toFixed(1)} ms: ${describe(events, e)}`]);
        }
        if (e.name === 'ResourceSendRequest' && e.pid === pagePid) rows.push([e.ts, `  net → ${String(e.args?.data?.url).replace(/^https?:\/\/[^/]+/, '')} ${e.args?.data?.requestId}`]);
        if (e.name === 'ResourceFinish' && e.pid === pagePid) rows.push([e.ts, `  net ✓ ${e.args?.data?.requestId}`]);
      }
      rows.sort((a, b) => a[0] - b[0]);
      // CPU profile: self time per function inside long tasks (>= 15 ms) of the page's main thread.
      const profiles = cpuProfiles(events as unknown as TraceEvent[]);
      const long = events.filter((e) => e.name === 'RunTask' && e.pid === pagePid && mainThreads.has(`${e.pid}/${e.tid}`) && (e.dur ?? 0) >= 15000 && e.ts > nav && e.ts < end);
      for (const task of long) {
        const self = new Map<string, number>();
        const incl = new Map<string, number>();
        for (const p of profiles.values()) {
          if (p.thread !== `${task.pid}/${task.tid}`) continue;
          let t = p.start;
          p.samples.forEach((id, i) => {
            t += p.deltas[i] ?? 0;
            if (t < task.ts || t > task.ts + task.dur!) return;
            const n = p.nodes.get(id);
            const f = n?.callFrame ?? {};
            const key = `${f.functionName || '(anon)'} ${String(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`;
            self.set(key, (self.get(key) ?? 0) + (p.deltas[i + 1] ?? 0) / 1000);
            const seen = new Set<string>();
            for (let m = n; m; m = m.parent !== undefined ? p.nodes.get(m.parent) : undefined) {
              const g = m.callFrame ?? {};
              const k = `${g.functionName || '(anon)'} ${String(g.url ?? '').replace(/^.*\//, '')}:${g.lineNumber}`;
              if (seen.has(k)) continue;
              seen.add(k);
              incl.set(k, (incl.get(k) ?? 0) + (p.deltas[i + 1] ?? 0) / 1000);
            }
          });
        }
        rows.push([task.ts + 1, `  PROFILE of task ${((task.dur ?? 0) / 1000).toFixed(1)} ms — self: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}=${v.toFixed(1)}`).join('; ')}`]);
        rows.push([task.ts + 2, `  incl: ${[...incl].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}=${v.toFixed(1)}`).join('; ')}`]);
      }
      rows.sort((a, b) => a[0] - b[0]);
      console.log(`\n=== run ${r}: ready→shown ${shownMark && page ? ((shownMark.ts - page.ts) / 1000).toFixed(0) : '?'} ms`);
      for (const [t, s] of rows) console.log(`${((t - nav) / 1000).toFixed(1).padStart(8)}  ${s}`);
    }
  } finally {
    await chrome.close();
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
