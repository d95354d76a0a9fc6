/**
 * "This child on this PACS" on a real Orthanc (Orthanc Explorer and its REST API) and on a real OHIF 3.13 over
 * Orthanc's DICOMweb, in Chromium:
 * - the child (born 2022-11-01) has four studies, dated back from today (tests/helpers/history-study.ts): the CT
 *   the page shows (10 days ago; dose report CTDIvol 5.0 mGy, Dw 16.0 cm → SSDE 10.3 mGy, DLP 7.5 mGy·cm), an
 *   earlier CT (25 days ago; 4.0 mGy, Dw 14.0 cm → 8.9 mGy, DLP 6.0 mGy·cm), a fluoroscopy study (100 days) and an
 *   ultrasound (400 days). The section lists them with their dates, counts CT 2 / 2 and fluoroscopy 1 / 1 (the
 *   ultrasound is not counted) and says an earlier CT of the abdomen and pelvis was done 15 days before;
 * - "Print an imaging record": the record's document (from the sandboxed iframe the panel made) printed to PDF in
 *   headless Chromium and read back (tests/e2e/harness/pdf-text.ts): one page, the dates, exams, facility and the
 *   numbers with units, the paragraph and the link to imagegently.org;
 * - privacy: every request the page makes goes to its own origin, nothing is written to the extension's storage
 *   or the page's;
 * - an adult: no panel, and the patient's studies are never asked for;
 * - a PACS answering 500, then 401, on the study list: a short note in the section; the rest of the panel (the
 *   PACS section's SSDE from the pixels) is unaffected;
 * - OHIF 3.13: the same list, counts and SSDE from QIDO-RS by PatientID and the dose reports' metadata.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, freePort, launchChromium, panelState, recordSkip, skipRequested, startOrthanc, waitForPanel, type ChromiumSession, type OrthancServer } from './harness';
import { pdfPages } from './harness/pdf-text';
import { adultStudyOptions, makeCtStudy, uploadStudy, type UploadedStudy } from '../helpers/pacs-study';
import { childHistory, type ChildHistory } from '../helpers/history-study';
import { OHIF_VERSION, ohifMissing, startOhifServer, type OhifServer } from './ohif/server';

/** Today on this machine's clock, local date: the day the extension counts the 12 months back from. */
const TODAY = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
})();
const GL_FLAGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

let orthanc: OrthancServer;
let chrome: ChromiumSession;
let history: ChildHistory;
let current: UploadedStudy;
let adult: UploadedStudy;
let proxy: { origin: string; fail: number | null; server: Server };

const fmt1 = (n: number) => n.toFixed(1);
/** The section's reads of a patient's studies (Orthanc Explorer itself asks for `/patients/{id}` only). */
const HISTORY_READ = /\/patients\/[0-9a-f-]+\/(studies|series)\b/;

/** A same-origin front for Orthanc that can make the patient's study list answer with an error status. */
async function startFailingProxy(target: OrthancServer): Promise<typeof proxy> {
  const port = await freePort();
  const state: typeof proxy = { origin: `http://127.0.0.1:${port}`, fail: null, server: null as unknown as Server };
  state.server = createServer((req, res) => {
    if (state.fail !== null && /^\/patients\/[0-9a-f-]+\/studies/.test(req.url ?? '')) {
      res.writeHead(state.fail, { 'content-type': 'text/plain' });
      res.end(state.fail === 401 ? 'Unauthorized' : 'Internal error');
      return;
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${target.port}` } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => (res.writeHead(502), res.end()));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => state.server.listen(port, '127.0.0.1', resolve));
  return state;
}

const shadow = (page: Page, selector: string) => page.locator(`image-gently-panel ${selector}`);

/** Opens the card (the pill) and the section; returns once the section shows `until` and no dose is pending. */
async function openHistory(page: Page, until: RegExp, timeoutMs = 60_000): Promise<string> {
  await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true' });
  const pill = shadow(page, '.igp-pill');
  if (!(await shadow(page, '.igp-card').count())) await pill.click();
  await shadow(page, '.igp-history summary').click();
  const section = shadow(page, '.igp-history');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await section.textContent().catch(() => '')) ?? '';
    if (until.test(text) && !/Reading dose reports|Reading this child/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the section never said ${until}: ${text}`);
    await page.waitForTimeout(200);
  }
}

/** The section's rows as [date, exam, numbers] text, and the counts table. */
async function readSection(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('image-gently-panel')?.shadowRoot;
    const rows = [...(root?.querySelectorAll('.igp-history-study') ?? [])].map((li) => ({
      date: li.querySelector('.igp-history-date')?.textContent ?? '',
      exam: li.querySelector('.igp-history-exam')?.textContent ?? '',
      current: li.classList.contains('igp-history-current'),
      numbers: Object.fromEntries([...li.querySelectorAll('.igp-number')].map((n) => [n.querySelector('dt')?.firstChild?.textContent ?? '', n.querySelector('.igp-value')?.textContent ?? ''])),
      sources: [...li.querySelectorAll('.igp-source')].map((s) => s.textContent ?? ''),
      facility: li.querySelector('.igp-history-facility')?.textContent ?? null,
    }));
    const counts = [...(root?.querySelectorAll('.igp-history-counts tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => c.textContent));
    const repeat = root?.querySelector('.igp-history-repeat')?.textContent ?? null;
    return { rows, counts, repeat };
  });
}

async function storageSnapshot(session: ChromiumSession, page: Page) {
  const popup = await session.openPopup();
  const ext = await popup.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> }; session: { get(k: null): Promise<object> } } } }).chrome;
    return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
  });
  await popup.close();
  const pageStorage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
  return { ext, page: pageStorage };
}

function expectRowsMatch(rows: Awaited<ReturnType<typeof readSection>>['rows']) {
  expect(rows.map((r) => r.date)).toEqual(history.expected.map((e) => e.date));
  expect(rows.map((r) => r.exam)).toEqual(history.expected.map((e) => `${e.modality} · ${e.description}`));
  expect(rows.map((r) => r.current)).toEqual([true, false, false, false]);
  for (const [i, e] of history.expected.entries()) {
    const n = rows[i]!.numbers;
    if (e.ctdi === null) {
      expect(n).toEqual({});
      continue;
    }
    expect(n['CTDIvol']).toBe(`${fmt1(e.ctdi)} mGy`);
    expect(n['DLP']).toBe(`${fmt1(e.dlp!)} mGy·cm`);
    expect(n['SSDE']).toBe(`${fmt1(e.ssde!)} mGy`);
    expect(rows[i]!.sources.join(' ')).toMatch(/dose report \(RDSR\)/);
    expect(rows[i]!.sources.join(' ')).toMatch(/AAPM 220/);
  }
}

const EXPECTED_COUNTS = [
  ['CT', '2', '2'],
  ['Fluoroscopy', '1', '1'],
];

describeE2E('This child on this PACS', ['chromium', 'orthanc'], () => {
  beforeAll(async () => {
    orthanc = await startOrthanc({
      name: 'IGC-HISTORY',
      config: { DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' } },
    });
    history = childHistory(TODAY);
    const up = (s: Parameters<typeof uploadStudy>[1]) => uploadStudy((b) => orthanc.upload(b), s);
    current = await up(history.current);
    await up(history.earlierCt);
    await up(history.fluoro);
    await up(history.ultrasound);
    adult = await up(makeCtStudy(adultStudyOptions({ slices: 3, extras: false })));
    proxy = await startFailingProxy(orthanc);
    chrome = await launchChromium({ build: 'chrome-mv3-e2e', args: GL_FLAGS, viewport: { width: 1400, height: 1000 } });
  }, 240_000);
  afterAll(async () => {
    await chrome?.close();
    await new Promise((r) => proxy?.server.close(r));
    await orthanc?.stop();
  });

  describe('Orthanc Explorer', () => {
    it('lists the child’s four studies with dates, counts and per-study doses; prints the record; nothing leaves the origin or is stored', async () => {
      const page = await chrome.newPage();
      const seen: string[] = [];
      page.on('request', (r) => seen.push(r.url()));
      await page.goto(orthanc.explorerUrl(`series?uuid=${current.axialSeriesId}`));
      await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true' });
      const before = await storageSnapshot(chrome, page);

      await openHistory(page, /Print an imaging record/);
      const s = await readSection(page);
      expectRowsMatch(s.rows);
      expect(s.rows[0]!.facility).toBe('Synthetic Childrens Hospital');
      expect(s.counts).toEqual(EXPECTED_COUNTS);
      expect(s.repeat).toBe(`An earlier CT of the abdomen and pelvis was done on ${history.expected[1]!.date}, 15 days before this exam.`);

      // Print: a real click; the record is the sandboxed iframe's document.
      await shadow(page, '.igp-history-print').click();
      const frame = shadow(page, 'iframe.igp-history-record');
      await frame.waitFor({ state: 'attached', timeout: 30_000 });
      expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
      const html = (await frame.getAttribute('srcdoc')) ?? '';
      const text = await printedText(html);
      expect(text.pages).toBe(1);
      for (const e of history.expected) {
        expect(text.all).toContain(e.date);
        expect(text.all).toContain(e.description);
      }
      expect(text.all).toContain('Imaging record');
      expect(text.all).toContain('Synthetic Childrens Hospital');
      expect(text.all).toContain(`CTDIvol 5.0 mGy · DLP 7.5 mGy·cm · SSDE ${fmt1(history.expected[0]!.ssde!)} mGy`);
      expect(text.all).toContain(`CTDIvol 4.0 mGy · DLP 6.0 mGy·cm · SSDE ${fmt1(history.expected[1]!.ssde!)} mGy`);
      expect(text.all).toContain('Why keep this record');
      expect(text.all.replace(/\s+/g, '')).toContain('https://www.imagegentlyparents.org/'); // a URL may wrap at a hyphen
      expect(text.all).not.toMatch(/effective dose|mSv|risk of cancer/i);
      console.log(`[pacs-history] printed record (${text.pages} page):\n${text.all}`);

      // Privacy: every request the page made went to its own origin; nothing was written anywhere.
      expect(seen.filter((u) => !u.startsWith(orthanc.baseUrl) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && u !== 'about:srcdoc')).toEqual([]);
      expect(seen.some((u) => HISTORY_READ.test(u))).toBe(true);
      const after = await storageSnapshot(chrome, page);
      expect(after.page).toEqual(before.page);
      // The extension's storage: what changed meanwhile is the background's own start-up housekeeping (the
      // statements cache, the site list, the policy cache), and no value anywhere holds a datum of the child's.
      const changed = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      const written = [...changed(after.ext.local as Record<string, unknown>, before.ext.local as Record<string, unknown>), ...changed(after.ext.session as Record<string, unknown>, before.ext.session as Record<string, unknown>)];
      expect(written.filter((k) => !['news.cache', 'siteAccess.turnedOn', 'policyCache'].includes(k))).toEqual([]);
      const stored = JSON.stringify(after.ext);
      for (const datum of ['PEDSHIST4', 'HISTORY', 'Synthetic Childrens', 'CYSTOURETHROGRAM', 'ABDOMEN', ...history.expected.map((e) => e.date), history.current.studyUid, current.studyId]) {
        expect(stored).not.toContain(datum);
      }
      await page.close();
    }, 180_000);

    it('the same section in Spanish, and its record', async () => {
      const es = await launchChromium({ build: 'chrome-mv3-e2e', lang: 'es' });
      try {
        const page = await es.newPage();
        await page.goto(orthanc.explorerUrl(`series?uuid=${current.axialSeriesId}`));
        await waitForPanel(page, { until: (st) => st.dataset.pediatric === 'true' });
        await openHistory(page, /Imprimir un registro de imágenes/);
        const s = await readSection(page);
        expect(s.rows[0]!.numbers['SSDE']).toBe(`${fmt1(history.expected[0]!.ssde!).replace('.', ',')} mGy`);
        expect(s.counts).toEqual([['TC', '2', '2'], ['Fluoroscopia', '1', '1']]);
        await shadow(page, '.igp-history-print').click();
        const frame = shadow(page, 'iframe.igp-history-record');
        await frame.waitFor({ state: 'attached', timeout: 30_000 });
        const text = await printedText((await frame.getAttribute('srcdoc')) ?? '');
        expect(text.all).toContain('Registro de imágenes');
        expect(text.all).toContain('Por qué guardar este registro');
        expect(text.all).toContain(`SSDE ${fmt1(history.expected[0]!.ssde!).replace('.', ',')} mGy`);
        await page.close();
      } finally {
        await es.close();
      }
    }, 120_000);

    it('an adult: no panel, and the patient’s studies are never asked for', async () => {
      const page = await chrome.newPage();
      const seen: string[] = [];
      page.on('request', (r) => seen.push(r.url()));
      await page.goto(orthanc.explorerUrl(`series?uuid=${adult.axialSeriesId}`));
      await page.waitForSelector('#series.ui-page-active #series-info li h3', { timeout: 15_000 });
      // The route has read the study's tags (and decided: an adult) once it asked for them and the network is idle.
      await expect.poll(() => seen.some((u) => u.includes('/tags?short')), { timeout: 30_000 }).toBe(true);
      await page.waitForLoadState('networkidle');
      expect((await panelState(page)).count).toBe(0);
      expect(seen.filter((u) => HISTORY_READ.test(u))).toEqual([]);
      await page.close();
    }, 60_000);

    it.each([500, 401])('a study list answering %i: a short note; the rest of the panel is unaffected', async (status) => {
      proxy.fail = status;
      try {
        const page = await chrome.newPage();
        await page.goto(`${proxy.origin}/app/explorer.html#series?uuid=${current.axialSeriesId}`);
        const text = await openHistory(page, /could not be read/);
        expect(text).toMatch(status === 401 ? /HTTP 401/ : /could not be reached/);
        expect(await shadow(page, '.igp-history-study').count()).toBe(0);
        // The PACS section still shows SSDE from the pixels (method CID 10023 113988).
        await expect.poll(async () => (await shadow(page, '.igp-pacs').textContent()) ?? '', { timeout: 30_000 }).toContain('113988');
        await page.close();
      } finally {
        proxy.fail = null;
      }
    }, 90_000);
  });

  describe(`OHIF ${OHIF_VERSION} over DICOMweb`, () => {
    const missing = ohifMissing();
    let ohif: OhifServer | null = null;
    beforeAll(async () => {
      if (missing) {
        if (skipRequested()) recordSkip('This child on this PACS (OHIF)', `OHIF viewer not installed (run \`${missing}\`)`);
        else throw new Error(`OHIF viewer not installed: run \`${missing}\` (or SKIP_E2E=1 to skip loudly)`);
        return;
      }
      ohif = await startOhifServer({ orthancPort: orthanc.port });
      await chrome.context.addInitScript(() => {
        try {
          localStorage.setItem('shownTours', '["basicViewerTour"]');
        } catch {
          /* storage blocked: the tour only overlays the viewer */
        }
      });
    }, 60_000);
    afterAll(async () => {
      await ohif?.stop();
    });

    it('the viewer of the child’s CT: the same studies, counts and SSDE from QIDO-RS and the dose reports', async () => {
      if (!ohif) return;
      const page = await chrome.newPage();
      const seen: string[] = [];
      page.on('request', (r) => seen.push(r.url()));
      await page.goto(`${ohif.url}/viewer?StudyInstanceUIDs=${history.current.studyUid}`);
      await openHistory(page, /Print an imaging record/, 120_000);
      const s = await readSection(page);
      expectRowsMatch(s.rows);
      expect(s.counts).toEqual(EXPECTED_COUNTS);
      expect(s.repeat).toContain('15 days before this exam');
      expect(seen.some((u) => /\/dicom-web\/studies\?PatientID=PEDSHIST4&includefield=00080061/.test(u))).toBe(true);
      expect(seen.filter((u) => !u.startsWith(ohif!.url) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
      await page.close();
    }, 180_000);
  });
});

/** Prints a record's HTML to PDF in a page of its own (no network: the document's CSP allows none) and reads the text back. */
async function printedText(html: string): Promise<{ pages: number; all: string }> {
  expect(html).toMatch(/^<!doctype html>/);
  const page = await chrome.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = pdfPages(pdf);
    expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    // Text wraps inside the table's cells (each cell's lines come one after the other): lines joined with spaces.
    return { pages: pages.length, all: pages.join('\n').replace(/\s+/g, ' ') };
  } finally {
    await page.close();
  }
}
