/**
 * The "This child on this PACS" scene of `npm run demo`: a real Orthanc (Debian's, on loopback) with the e2e
 * child's four studies (tests/helpers/history-study.ts), Orthanc Explorer's series page of the latest CT in
 * Chromium with the e2e extension, the panel and the section opened; saves `<out>/child-history.png` and the
 * printed record's first page as `<out>/imaging-record.png`. Run by scripts/demo.mjs (`tsx`), or alone:
 * `npx tsx scripts/history-scene.ts <out-dir>`. Stops its Orthanc and browser before it exits.
 */
import { join } from 'node:path';
import { launchChromium, startOrthanc, waitForPanel, type ChromiumSession, type OrthancServer } from '../tests/e2e/harness';
import { uploadStudy } from '../tests/helpers/pacs-study';
import { childHistory } from '../tests/helpers/history-study';

const out = process.argv[2] ?? 'demo-output';
const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

let orthanc: OrthancServer | null = null;
let chrome: ChromiumSession | null = null;
let code = 0;
try {
  orthanc = await startOrthanc({ name: 'IGC-DEMO-HISTORY' });
  const h = childHistory(today);
  const up = (s: Parameters<typeof uploadStudy>[1]) => uploadStudy((b) => orthanc!.upload(b), s);
  const current = await up(h.current);
  for (const s of [h.earlierCt, h.fluoro, h.ultrasound]) await up(s);
  chrome = await launchChromium({ build: 'chrome-mv3-e2e', viewport: { width: 1280, height: 900 } });
  const page = await chrome.newPage();
  await page.goto(orthanc.explorerUrl(`series?uuid=${current.axialSeriesId}`));
  await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true' });
  await page.locator('image-gently-panel .igp-pill').click();
  await page.locator('image-gently-panel .igp-history summary').click();
  await page.locator('image-gently-panel .igp-history-print').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !/Reading dose reports/.test(document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-history')?.textContent ?? ''));
  await page.locator('image-gently-panel .igp-history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, 'child-history.png') });
  // The record as printed: its document in a page of its own, A4-sized.
  await page.locator('image-gently-panel .igp-history-print').click();
  const html = (await page.locator('image-gently-panel iframe.igp-history-record').getAttribute('srcdoc')) ?? '';
  const record = await chrome.newPage();
  await record.setViewportSize({ width: 794, height: 1123 });
  await record.setContent(html);
  await record.emulateMedia({ media: 'print' });
  await record.screenshot({ path: join(out, 'imaging-record.png') });
  console.log(`  ${join(out, 'child-history.png')}   (This child on this PACS, real Orthanc)`);
  console.log(`  ${join(out, 'imaging-record.png')}   (the printed imaging record)`);
} catch (e) {
  console.error(`history scene failed: ${e instanceof Error ? e.stack : String(e)}`);
  code = 1;
} finally {
  await chrome?.close().catch(() => undefined);
  await orthanc?.stop().catch(() => undefined);
}
process.exit(code);
