/**
 * The PACS data route on a real OHIF Viewer v3: the prebuilt viewer of `@ohif/app`
 * (tests/e2e/ohif, `npm ci --prefix tests/e2e/ohif`) served on loopback with our app-config.js behind a
 * same-origin proxy to a real Orthanc's DICOMweb (tests/e2e/ohif/server.ts).
 * - study list: the viewer's own QIDO request is seen, and the list is read;
 * - viewer of the 4-year-old (born 2022-11-01, CT 2026-11-20 → 1480 days): the page shows no age (OHIF never
 *   shows PatientAge; the header's birth date is collapsed), so age comes from the API; `data-dw-cm` 16.0 ± 0.3
 *   and `data-ssde-mgy` 10.29 ± 0.2 from the pixels (frames/1 asked uncompressed, multipart parsed);
 * - viewer of the adult: no panel;
 * - a PACS behind a bearer token (OIDC-like; OHIF gets it from `?token=`): the extension's GETs get 401,
 *   nothing is measured, the viewer keeps working.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, launchChromium, panelState, recordSkip, skipRequested, startOrthanc, type ChromiumSession, type OrthancServer } from './harness';
import { adultStudyOptions, childStudyOptions, makeCtStudy, uploadStudy, type UploadedStudy } from '../helpers/pacs-study';
import { OHIF_VERSION, ohifMissing, startOhifServer, type OhifServer } from './ohif/server';

const CHILD_AGE_DAYS = (Date.UTC(2026, 10, 20) - Date.UTC(2022, 10, 1)) / 86_400_000;
/** AAPM 204 32 cm fit (docs/reference/ssde.md §1.1) at the cylinder's analytic Dw 16 cm, × 5.0 mGy. */
const EXPECTED_SSDE = 3.704369 * Math.exp(-0.03671937 * 16) * 5.0;
/** WebGL on SwiftShader, so OHIF renders without a GPU. */
const GL_FLAGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const TOKEN = 'igc-e2e-token';

let orthanc: OrthancServer;
let ohif: OhifServer;
let tokenOhif: OhifServer;
let chrome: ChromiumSession;
let child: UploadedStudy;
let adult: UploadedStudy;

const missing = ohifMissing();
if (missing) {
  if (skipRequested()) recordSkip('PACS data route on OHIF', `OHIF viewer not installed (run \`${missing}\`)`);
  else throw new Error(`OHIF viewer not installed: run \`${missing}\` (or SKIP_E2E=1 to skip loudly)`);
}

async function hostAttrs(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('image-gently-panel');
    const get = (n: string) => host?.getAttribute(n) ?? null;
    return { ssde: get('data-ssde-mgy'), dw: get('data-dw-cm'), ageDays: get('data-age-days'), pediatric: get('data-pediatric') };
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describeE2E('PACS data route on OHIF', ['chromium', 'orthanc'], () => {
  beforeAll(async () => {
    if (missing) return;
    orthanc = await startOrthanc({
      name: 'IGC-OHIF',
      config: { DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' } },
    });
    child = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(childStudyOptions()));
    adult = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(adultStudyOptions()));
    ohif = await startOhifServer({ orthancPort: orthanc.port });
    tokenOhif = await startOhifServer({ orthancPort: orthanc.port, requireToken: TOKEN });
    chrome = await launchChromium({ build: 'chrome-mv3-e2e', args: GL_FLAGS, viewport: { width: 1600, height: 1000 } });
    // OHIF 3.12+ shows an onboarding tour on the first viewer visit.
    await chrome.context.addInitScript(() => {
      try {
        localStorage.setItem('shownTours', '["basicViewerTour"]');
      } catch {
        /* storage blocked: the tour only overlays the viewer */
      }
    });
  }, 240_000);
  afterAll(async () => {
    await chrome?.close();
    await ohif?.stop();
    await tokenOhif?.stop();
    await orthanc?.stop();
  });

  it(`study list (OHIF ${OHIF_VERSION}) lists the studies from its own QIDO request`, async () => {
    if (missing) return;
    const page = await chrome.newPage();
    await page.goto(`${ohif.url}/`);
    await page.getByText('TEST, CHILD FOUR').first().waitFor({ timeout: 60_000 });
    // The page's own DICOMweb request is what the extension learns the root from.
    const qido = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/dicom-web\/studies\?/.test(n)));
    expect(qido.length).toBeGreaterThan(0);
    // No row shows an age, but the child's study description says PEDS ("CT ABDOMEN PELVIS W CONTRAST PEDS"):
    // with no age anywhere, an explicitly pediatric exam counts, so the list panel names one
    // pediatric exam — the same as on the saved 3.13 study list (tests/e2e/profiles.e2e.test.ts) — and no age.
    const list = await waitFor('the list panel', async () => {
      const host = page.locator('image-gently-panel');
      return (await host.count()) ? { mode: await host.getAttribute('data-mode'), exams: await host.getAttribute('data-pediatric-exams'), ageDays: await host.getAttribute('data-age-days') } : null;
    }, 30_000);
    expect(list).toEqual({ mode: 'list', exams: '1', ageDays: null });
    expect((await panelState(page)).count).toBe(1);
    await page.close();
  }, 120_000);

  it('viewer: the child’s Dw and SSDE from the pixels, age from the API', async () => {
    if (missing) return;
    const page = await chrome.newPage();
    const frames: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/frames/')) frames.push(`${r.headers()['accept'] ?? ''}`);
    });
    await page.goto(`${ohif.url}/viewer?StudyInstanceUIDs=${child.studyUid}`);
    // One read of the host per probe: the attributes checked are the ones that carried the SSDE (a second read
    // could see a later page state).
    const attrs = await waitFor('data-ssde-mgy', async () => {
      const a = await hostAttrs(page);
      return a.ssde ? a : null;
    }, 90_000);
    expect(attrs.pediatric).toBe('true');
    expect(Number(attrs.ageDays)).toBe(CHILD_AGE_DAYS);
    expect(Math.abs(Number(attrs.dw) - 16.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(Number(attrs.ssde) - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    console.log(`[pacs-ohif] OHIF ${OHIF_VERSION} child: data-dw-cm=${attrs.dw} data-ssde-mgy=${attrs.ssde}`);
    // Our frame request asked for the pixels uncompressed (OHIF's own frame requests ask differently).
    expect(frames).toContain('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1');
    // The viewer itself is unharmed: it rendered its viewport.
    expect(await page.locator('[data-cy="viewport-grid"]').count()).toBeGreaterThan(0);
    await page.close();
  }, 150_000);

  it('viewer: no panel on the adult’s study', async () => {
    if (missing) return;
    const page = await chrome.newPage();
    await page.goto(`${ohif.url}/viewer?StudyInstanceUIDs=${adult.studyUid}`);
    await page.locator('[data-cy="viewport-overlay-top-left"]').first().waitFor({ timeout: 60_000 });
    // Time for the route to read the API and decide (the child's took a few seconds at most).
    await new Promise((r) => setTimeout(r, 6000));
    expect((await panelState(page)).count).toBe(0);
    expect(ohif.log.some((l) => l.path.includes(`/studies/${adult.studyUid}/series`))).toBe(true);
    await page.close();
  }, 120_000);

  it('the per-site DICOMweb path from the options wins over the root seen in the viewer’s requests', async () => {
    if (missing) return;
    // A path the proxy forwards to Orthanc (which has nothing there): the extension's reads go to it, not to
    // the /dicom-web/ root OHIF uses, so they fail and nothing is measured — the setting is what was used.
    const path = '/wado-igc-setting';
    const setPath = (value: Record<string, string>) =>
      chrome.serviceWorker!.evaluate((v) => {
        type Local = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
        return (self as unknown as Local).chrome.storage.local.set({ 'settings.dicomWebPathBySite': v });
      }, value);
    await setPath({ [new URL(ohif.url).origin]: path });
    try {
      const page = await chrome.newPage();
      await page.goto(`${ohif.url}/viewer?StudyInstanceUIDs=${child.studyUid}`);
      await page.locator('[data-cy="viewport-overlay-top-left"]').first().waitFor({ timeout: 60_000 });
      await waitFor('a GET to the configured path', async () => (ohif.log.some((l) => l.path.startsWith(`${path}/studies/${child.studyUid}`)) ? true : null), 30_000);
      expect(ohif.log.filter((l) => l.path.startsWith(path)).every((l) => l.method === 'GET' && l.status === 404)).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await hostAttrs(page)).ssde).toBeNull();
      await page.close();
    } finally {
      await setPath({});
    }
  }, 120_000);

  it('a PACS that wants the page’s bearer token: 401 for the extension, the viewer keeps working', async () => {
    if (missing) return;
    const page = await chrome.newPage();
    await page.goto(`${tokenOhif.url}/viewer?StudyInstanceUIDs=${child.studyUid}&token=${TOKEN}`);
    await page.locator('[data-cy="viewport-overlay-top-left"]').first().waitFor({ timeout: 60_000 });
    // OHIF's own requests carry the token and succeed; the extension's same-origin GETs do not, and get 401.
    await waitFor('a 401 to a request without the token', async () => (tokenOhif.log.some((l) => l.status === 401 && !l.bearer) ? true : null), 30_000);
    expect(tokenOhif.log.some((l) => l.status === 200 && l.bearer && l.path.includes('/metadata'))).toBe(true);
    await new Promise((r) => setTimeout(r, 2000));
    const attrs = await hostAttrs(page);
    expect(attrs.ssde).toBeNull();
    expect(attrs.dw).toBeNull();
    // Without an age on the page there is nothing to show: no panel, no guessed number.
    const s = await panelState(page);
    if (s.count > 0) expect(s.text).not.toMatch(/mGy/);
    await page.close();
  }, 120_000);
});
