/**
 * The PACS data route on a real Orthanc Explorer, Chromium and Firefox:
 * - the 4-year-old's series page (born 2022-11-01, CT 2026-11-20 → 1480 days; a 16 cm water cylinder over a
 *   couch, 512×512; CTDIvol 5.0 mGy, 32 cm phantom, with a dose SR): `data-dw-cm` 16.0 ± 0.3 and
 *   `data-ssde-mgy` 10.29 ± 0.2, computed in the page from the slice's pixels;
 * - the card shows SSDE with Dw, CTDIvol (dose report), the phantom, the method (CID 10023 113988), the slice;
 * - with a Spanish browser UI, the card's numbers in Spanish (10,3 mGy; the symbols read by the background);
 * - the adult's series page: no panel, and no pixel is requested;
 * - the same child stored RLE-compressed: the panel says "Cannot decode RLE Lossless" and shows no Dw/SSDE,
 *   and no frame is requested;
 * - every request the page makes for the extension goes to the page's own origin.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page as PwPage, Request } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describeE2E, launchChromium, launchFirefox, panelState, startOrthanc, waitForPanel, type ChromiumSession, type FirefoxSession, type OrthancServer } from './harness';
import { adultStudyOptions, childStudyOptions, makeCtStudy, RLE_LOSSLESS, uploadStudy, type UploadedStudy } from '../helpers/pacs-study';

/** Age at the exam from the study's dates (born 2022-11-01, CT on 2026-11-20). */
const CHILD_AGE_DAYS = (Date.UTC(2026, 10, 20) - Date.UTC(2022, 10, 1)) / 86_400_000;
/** AAPM 204 32 cm fit (docs/reference/ssde.md §1.1) at the cylinder's analytic Dw 16 cm, × 5.0 mGy. */
const EXPECTED_SSDE = 3.704369 * Math.exp(-0.03671937 * 16) * 5.0;

let orthanc: OrthancServer;
let child: UploadedStudy;
let adult: UploadedStudy;
let rle: UploadedStudy;

/** Playwright and puppeteer pages, through `evaluate` only (as the harness's panel.ts does). */
interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}
const hostAttr = (page: unknown) =>
  (page as Evaluator).evaluate((names: string[]) => {
    const host = document.querySelector('image-gently-panel');
    return Object.fromEntries(names.map((n) => [n, host?.getAttribute(n) ?? null]));
  }, ['data-ssde-mgy', 'data-dw-cm', 'data-age-days', 'data-pediatric']);

async function waitForAttr(page: unknown, name: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attrs = await hostAttr(page).catch(() => null);
    if (attrs?.[name]) return attrs;
    if (Date.now() > deadline) throw new Error(`${name} not set within ${timeoutMs} ms: ${JSON.stringify(attrs)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the collapsed pill so the card (and the PACS section in it) renders. */
async function expand(page: unknown) {
  await (page as Evaluator).evaluate((_: null) => {
    const root = document.querySelector('image-gently-panel')?.shadowRoot;
    const pill = root?.querySelector<HTMLButtonElement>('.igp-pill');
    if (pill && !root?.querySelector('.igp-card')) pill.click();
  }, null);
}

async function cardText(page: unknown, includes: string, timeoutMs = 10_000): Promise<string> {
  await expand(page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await (page as Evaluator)
      .evaluate((_: null) => document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card')?.textContent ?? '', null)
      .catch(() => '');
    if (text.includes(includes)) return text;
    if (Date.now() > deadline) throw new Error(`card never said "${includes}": ${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeE2E('PACS data route on Orthanc Explorer', ['chromium', 'firefox', 'orthanc'], () => {
  beforeAll(async () => {
    orthanc = await startOrthanc({
      name: 'IGC-PACS',
      config: { DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' } },
    });
    child = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(childStudyOptions()));
    adult = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(adultStudyOptions()));
    rle = await uploadStudy(
      (b) => orthanc.upload(b),
      makeCtStudy(childStudyOptions({ seed: 'child-rle', patientId: 'PEDSRLE', transferSyntax: RLE_LOSSLESS, slices: 3, extras: false })),
    );
  }, 180_000);
  afterAll(async () => {
    await orthanc?.stop();
  });

  describeChromium();
  describeFirefox();
});

function describeChromium() {
  let chrome: ChromiumSession;
  const requests = (page: PwPage) => {
    const seen: string[] = [];
    page.on('request', (r: Request) => seen.push(r.url()));
    return seen;
  };

  beforeAll(async () => {
    chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  }, 120_000);
  afterAll(async () => {
    await chrome?.close();
  });

  it('Chromium: the child’s series page shows Dw and SSDE from the pixels', async () => {
    const page = await chrome.newPage();
    const seen = requests(page);
    await page.goto(orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`));
    const attrs = await waitForAttr(page, 'data-ssde-mgy');
    expect(attrs['data-pediatric']).toBe('true');
    expect(Number(attrs['data-age-days'])).toBe(CHILD_AGE_DAYS);
    expect(Math.abs(Number(attrs['data-dw-cm']) - 16.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(Number(attrs['data-ssde-mgy']) - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    console.log(`[pacs-orthanc] Chromium child: data-dw-cm=${attrs['data-dw-cm']} data-ssde-mgy=${attrs['data-ssde-mgy']}`);
    const text = await cardText(page, '113988');
    expect(text).toContain('5.0 mGy'); // CTDIvol
    expect(text).toMatch(/32 cm phantom/);
    expect(text).toMatch(/dose report/);
    expect(text).toMatch(/Slice used: 3 of 5/);
    expect(text).toContain('Orthanc REST API');
    // Only the middle slice's pixels, only from the page's own origin.
    expect(seen.filter((u) => u.includes('/frames/'))).toEqual([`${orthanc.baseUrl}/instances/${child.axialInstanceIds[2]}/frames/0/raw`]);
    expect(seen.every((u) => u.startsWith(orthanc.baseUrl) || u.startsWith('chrome-extension://') || u.startsWith('data:'))).toBe(true);
    await page.close();
  });

  it('Chromium in Spanish: the card’s numbers in the UI locale’s symbols (read by the background), the attributes machine-readable', async () => {
    const es = await launchChromium({ build: 'chrome-mv3-e2e', lang: 'es' });
    try {
      const page = await es.newPage();
      await page.goto(orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`));
      const attrs = await waitForAttr(page, 'data-ssde-mgy');
      expect(attrs['data-ssde-mgy']).toMatch(/^\d+\.\d+$/);
      const text = await cardText(page, '113988');
      expect(text).toContain('5,0 mGy'); // CTDIvol
      const ssde = Number(attrs['data-ssde-mgy']).toFixed(1);
      expect(text).toContain(`${ssde.replace('.', ',')} mGy`); // SSDE
      expect(text).not.toContain(`${ssde} mGy`);
      expect(text).toContain(`${Number(attrs['data-dw-cm']).toFixed(1).replace('.', ',')} cm`); // Dw
      expect(text).toMatch(/Área \d+,\d cm²/); // the ROI's area, to one decimal
      await page.close();
    } finally {
      await es.close();
    }
  });

  it('Chromium: no panel and no pixels on the adult’s series page', async () => {
    const page = await chrome.newPage();
    const seen = requests(page);
    await page.goto(orthanc.explorerUrl(`series?uuid=${adult.axialSeriesId}`));
    await page.waitForSelector('#series.ui-page-active #series-info li h3', { timeout: 15_000 });
    // Give the route time to read the API and decide.
    await new Promise((r) => setTimeout(r, 4000));
    expect((await panelState(page)).count).toBe(0);
    expect(seen.some((u) => u.includes('/tags?short'))).toBe(true); // the API was read …
    expect(seen.some((u) => u.includes('/frames/'))).toBe(false); // … but no pixels for an adult
    await page.close();
  });

  it('Chromium: compressed storage degrades to a note, without pixel requests', async () => {
    const page = await chrome.newPage();
    const seen = requests(page);
    await page.goto(orthanc.explorerUrl(`series?uuid=${rle.axialSeriesId}`));
    await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true' });
    const text = await cardText(page, 'Cannot decode RLE Lossless');
    expect(text).toContain('5.0 mGy'); // the dose report's CTDIvol is still shown
    const attrs = await hostAttr(page);
    expect(attrs['data-dw-cm']).toBeNull();
    expect(attrs['data-ssde-mgy']).toBeNull();
    expect(seen.some((u) => u.includes('/frames/'))).toBe(false);
    await page.close();
  });
}

function describeFirefox() {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox({ build: 'firefox-mv3-e2e' });
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it('Firefox: the same numbers on the child’s series page (requests through content.fetch)', async () => {
    const page: PpPage = await firefox.newPage();
    await page.goto(orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`));
    const attrs = await waitForAttr(page, 'data-ssde-mgy', 45_000);
    expect(Number(attrs['data-age-days'])).toBe(CHILD_AGE_DAYS);
    expect(Math.abs(Number(attrs['data-dw-cm']) - 16.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(Number(attrs['data-ssde-mgy']) - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    console.log(`[pacs-orthanc] Firefox child: data-dw-cm=${attrs['data-dw-cm']} data-ssde-mgy=${attrs['data-ssde-mgy']}`);
    await page.close();
  });
}
