/**
 * `analyzePage` on the generated 5,000-row worklist (bench/support.ts) in Chromium's real DOM,
 * ≤ 10 ms median. content/analyze.ts is bundled as it ships (esbuild, minified)
 * and run in the page 30 times after 3 warm-up runs. Also reported: JSON.stringify of the result
 * (the content script compares page states by it) and the list rows found.
 */
import { launchChromium } from '../tests/e2e/harness';
import { analyzePageScript, summary, median, verdict, worklistHtml, serveHtml } from './support';

const RUNS = 30;

const script = await analyzePageScript();

const html = worklistHtml();
const server = await serveHtml(html);
const url = `${server.origin}/app/worklist`;

const session = await launchChromium({ build: null });
let result: { times: number[]; stringify: number[]; rows: number; pediatric: number };
try {
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  result = await page.evaluate(
    ({ runs }) => {
      const analyze = (globalThis as unknown as { __analyzePage: (d: Document, u: string, o: object) => { records: { pediatric: boolean }[] } }).__analyzePage;
      const now = new Date('2026-11-26T12:00:00Z');
      for (let i = 0; i < 3; i++) analyze(document, location.href, { now });
      const times: number[] = [];
      const stringify: number[] = [];
      let last: { records: { pediatric: boolean }[] } | null = null;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        last = analyze(document, location.href, { now });
        const t1 = performance.now();
        JSON.stringify(last);
        stringify.push(performance.now() - t1);
        times.push(t1 - t0);
      }
      return { times, stringify, rows: last!.records.length, pediatric: last!.records.filter((r) => r.pediatric).length };
    },
    { runs: RUNS },
  );
} finally {
  await session.close();
  server.close();
}

console.log(`analyzePage on the 5,000-row worklist in Chromium: ${result.rows} rows read, ${result.pediatric} pediatric`);
console.log(`  JSON.stringify of the result: ${summary(result.stringify, 2)} ms`);
const ok =
  verdict('analyzePage median', median(result.times) <= 10, `${summary(result.times, 2)} ms ≤ 10 ms`) &&
  verdict('rows read', result.rows === 5000, `${result.rows} of 5000`);
process.exit(ok ? 0 : 1);
