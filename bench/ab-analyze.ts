/**
 * A/B aid (not a bench): the analyze bench's measurement — `analyzePage` on the generated 5,000-row worklist in
 * Chromium — for two checkouts, interleaved in one page, so a change is judged against its baseline under the same
 * load. `npx tsx bench/ab-analyze.ts <rootA> <rootB> [blocks]` (e.g. `/work/main .`).
 *
 * Each checkout's content/analyze.ts is bundled as it ships; both must give the same analysis (JSON) or it exits 1.
 * Then `blocks` rounds (default 20) of 5 runs of each, alternately. Printed per checkout: the main thread's CPU time
 * per run (CDP Performance.getMetrics `ThreadTime`, before and after each block of runs: the figure that holds still
 * on a busy machine) and the page's own `performance.now()` time per run (what the bench gates, and what other
 * processes on the machine inflate).
 */
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/harness';
import { analyzePageScript, summary, worklistHtml, serveHtml } from './support';

const [a, b, blocksArg] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: npx tsx bench/ab-analyze.ts <rootA> <rootB> [blocks]');
  process.exit(2);
}
const roots = [resolve(a), resolve(b)];
const BLOCKS = Number(blocksArg ?? 20);
const RUNS_PER_BLOCK = 5;
const NOW = '2026-11-26T12:00:00Z';

const html = worklistHtml();
const server = await serveHtml(html);
const url = `${server.origin}/app/worklist`;

const session = await launchChromium({ build: null });
let same = true;
const cpu: number[][] = roots.map(() => []);
const wall: number[][] = roots.map(() => []);
try {
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'load' });
  for (let i = 0; i < roots.length; i++) await page.addScriptTag({ content: await analyzePageScript(roots[i], `__analyze${i}`) });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
  // Warm-up, and the two analyses compared.
  const results = await page.evaluate(
    ({ n, now }) =>
      Array.from({ length: n }, (_, i) => {
        const analyze = (globalThis as unknown as Record<string, (d: Document, u: string, o: object) => unknown>)[`__analyze${i}`]!;
        let last: unknown;
        for (let k = 0; k < 3; k++) last = analyze(document, location.href, { now: new Date(now) });
        return JSON.stringify(last);
      }),
    { n: roots.length, now: NOW },
  );
  same = results.every((r) => r === results[0]);
  for (let k = 0; k < BLOCKS; k++) {
    for (let i = 0; i < roots.length; i++) {
      const before = await threadMs();
      const times = await page.evaluate(
        ({ i, runs, now }) => {
          const analyze = (globalThis as unknown as Record<string, (d: Document, u: string, o: object) => unknown>)[`__analyze${i}`]!;
          const out: number[] = [];
          for (let r = 0; r < runs; r++) {
            const t0 = performance.now();
            analyze(document, location.href, { now: new Date(now) });
            out.push(performance.now() - t0);
          }
          return out;
        },
        { i, runs: RUNS_PER_BLOCK, now: NOW },
      );
      cpu[i]!.push(((await threadMs()) - before) / RUNS_PER_BLOCK);
      wall[i]!.push(...times);
    }
  }
} finally {
  await session.close();
  server.close();
}

console.log(`analyzePage on the 5,000-row worklist, ${BLOCKS} interleaved blocks of ${RUNS_PER_BLOCK} runs (ms per run):`);
roots.forEach((root, i) => console.log(`  ${root}\n    main-thread CPU ${summary(cpu[i]!, 2)}\n    page time       ${summary(wall[i]!, 2)}`));
console.log(same ? 'Same analysis from both.' : 'The analyses DIFFER.');
process.exit(same ? 0 : 1);
