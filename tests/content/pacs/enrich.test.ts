import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../../content/read/decide';
import { createPacsSession, enrichFromPacs, studyRefFromUrl, withApiFacts, type PacsEnrichDeps } from '../../../content/pacs/enrich';
import { PacsCaches } from '../../../content/pacs/pacs-client';
import type { PacsNoteCode } from '../../../content/pacs/measure';
import type { PageAnalysis, PageFindings } from '../../../content/read/types';
import { axialFrames, dicomWebRoutes, fakePacs, fixture, fixtureIndex, orthancRoutes, type FakeAnswer } from '../../helpers/fake-pacs';
import { childStudyOptions, makeCtStudy } from '../../helpers/pacs-study';

const ORTHANC = 'http://127.0.0.1:8042';
const VIEWER = 'http://127.0.0.1:3000';
const NOW = new Date('2026-11-26T12:00:00Z');
/** AAPM 204 32 cm fit (docs/reference/ssde.md §1.1) at the cylinder's analytic Dw, × CTDIvol 5.0 mGy. */
const EXPECTED_SSDE = 3.704369 * Math.exp(-0.03671937 * 16) * 5.0;

let frames: Record<string, Uint8Array>;
beforeAll(() => {
  frames = axialFrames(makeCtStudy(childStudyOptions({ extras: false })).files);
}, 60_000);

const emptyFindings = (profileId: string | null): PageFindings => ({ profileId, primary: [], rows: [], dateOrder: null, notes: [] });
const pageAnalysis = (profileId: string | null): PageAnalysis => decide(emptyFindings(profileId), { now: NOW });

function run(url: string, routes: Record<string, FakeAnswer>, origin: string, extra: Partial<PacsEnrichDeps> = {}, signal = new AbortController().signal) {
  const pacs = fakePacs(origin, routes);
  const deps: PacsEnrichDeps = {
    fetch: pacs.fetch,
    caches: new PacsCaches(),
    resources: () => [],
    decide,
    timeoutMs: 200,
    rootWaitMs: 0,
    yieldToMain: () => Promise.resolve(),
    ...extra,
  };
  const ctx = { url, analysis: pageAnalysis(null), findings: emptyFindings(url.startsWith(ORTHANC) ? 'orthanc-explorer' : 'ohif'), signal, options: { now: NOW } };
  return { pacs, result: enrichFromPacs(ctx, deps), deps, ctx };
}

const child = () => fixtureIndex().child;
const seriesPage = (name: 'child' | 'adult' | 'rle' | 'scanner' = 'child') =>
  `${ORTHANC}/app/explorer.html#series?uuid=${fixtureIndex()[name].axialSeriesId}`;
const viewerPage = (studyUid = child().studyUid) => `${VIEWER}/viewer?StudyInstanceUIDs=${studyUid}`;
const ohifResources = (studyUid = child().studyUid) => () => [
  { name: `${VIEWER}/dicom-web/studies?limit=101&offset=0&includefield=00081030`, initiatorType: 'xmlhttprequest' },
  { name: `${VIEWER}/dicom-web/studies/${studyUid}/series`, initiatorType: 'xmlhttprequest' },
];
const codes = (notes: readonly { code: PacsNoteCode }[]) => notes.map((n) => n.code);

describe('which pages are read', () => {
  it('Orthanc Explorer study/series/instance routes and viewers with one study in the URL', () => {
    expect(studyRefFromUrl(seriesPage())).toMatchObject({ system: 'orthanc', ref: { level: 'series' } });
    expect(studyRefFromUrl(`${ORTHANC}/app/explorer.html#patient?uuid=${child().studyId}`)).toBeNull();
    expect(studyRefFromUrl(viewerPage())).toMatchObject({ system: 'dicomweb', studyUid: child().studyUid, seriesUid: null });
    expect(studyRefFromUrl(`${VIEWER}/stone-webviewer/index.html?study=1.2.3&series=4.5`)).toMatchObject({ studyUid: '1.2.3', seriesUid: '4.5' });
    expect(studyRefFromUrl(`${VIEWER}/ui/app/#/viewer?StudyInstanceUIDs=1.2.3`)).toMatchObject({ studyUid: '1.2.3' });
    expect(studyRefFromUrl(`${VIEWER}/viewer?StudyInstanceUIDs=1.2.3,4.5.6`)).toBeNull(); // two studies: no single primary
    expect(studyRefFromUrl(`${VIEWER}/viewer?StudyInstanceUIDs=<script>`)).toBeNull();
    expect(studyRefFromUrl(`${VIEWER}/`)).toBeNull();
  });
});

describe('the child on Orthanc Explorer (real Orthanc JSON, pixels of the synthetic study)', () => {
  it('an unknown body region refuses the SSDE and says why (no body factors on what may be a head); Dw is still measured', async () => {
    const unknownRegion: PacsEnrichDeps['decide'] = (f, o) => ({ ...decide(f, o), region: null });
    const { result } = run(seriesPage(), orthancRoutes('child', frames), ORTHANC, { decide: unknownRegion });
    const r = (await result)!;
    expect(r.dose!.dw!.dwCm).toBeCloseTo(16.0, 0);
    expect(r.dose!.ssde).toBeNull();
    expect(codes(r.dose!.notes)).toContain('region-unknown');
    expect(r.attributes['data-ssde-mgy']).toBeNull();
  });

  it('adds the API facts, measures Dw on the mid slice and gives SSDE from the dose report', async () => {
    const { pacs, result } = run(seriesPage(), orthancRoutes('child', frames), ORTHANC);
    const r = (await result)!;
    expect(r.analysis).toMatchObject({ pediatric: true, ageDays: 1480, ageBasis: 'exam', modality: 'CT' });
    expect(r.notes).toEqual([]);
    const dose = r.dose!;
    expect(dose.dw!.dwCm).toBeCloseTo(16.0, 0);
    expect(Math.abs(dose.dw!.dwCm - 16.0)).toBeLessThanOrEqual(0.3);
    expect(dose.ctdi).toMatchObject({ mGy: 5, from: 'rdsr', phantom: { kind: 'known', cm: 32 } });
    expect(dose.slice).toMatchObject({ instanceNumber: 3, index: 3, count: 5, zMm: -10, seriesDescription: 'AXIAL 5MM' });
    expect(dose.ssde?.status).toBe('ok');
    const estimate = dose.ssde?.status === 'ok' ? dose.ssde.estimate : null;
    expect(Math.abs(estimate!.ssdeMGy - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    expect(estimate!.methodCode).toBe('113988');
    expect(dose.notes).toEqual([]);
    expect(Number(r.attributes['data-ssde-mgy'])).toBeCloseTo(estimate!.ssdeMGy, 2);
    expect(Number(r.attributes['data-dw-cm'])).toBeCloseTo(dose.dw!.dwCm, 2);
    // One GET per resource, all on the page's origin, never the localizer's or other slices' pixels.
    const paths = pacs.requests.map((q) => new URL(q.url).pathname + new URL(q.url).search);
    expect(new Set(paths).size).toBe(paths.length);
    expect(pacs.requests.every((q) => new URL(q.url).origin === ORTHANC && q.init.method === 'GET')).toBe(true);
    expect(paths.filter((p) => p.includes('/frames/'))).toEqual([`/instances/${child().instances['3']}/frames/0/raw`]);
  });

  it('answers a second read of the same study from the tab cache', async () => {
    const routes = orthancRoutes('child', frames);
    const pacs = fakePacs(ORTHANC, routes);
    const caches = new PacsCaches();
    const deps = { fetch: pacs.fetch, caches, resources: () => [], decide, yieldToMain: () => Promise.resolve() };
    const ctx = { url: seriesPage(), analysis: pageAnalysis(null), findings: emptyFindings('orthanc-explorer'), signal: new AbortController().signal, options: { now: NOW } };
    await enrichFromPacs(ctx, deps);
    const first = pacs.requests.length;
    await enrichFromPacs(ctx, deps);
    expect(pacs.requests.length).toBe(first);
  });

  it('a re-render of the same study (a new activation) reuses the work under way instead of starting over', async () => {
    const pacs = fakePacs(ORTHANC, orthancRoutes('child', frames));
    const deps = { fetch: pacs.fetch, caches: new PacsCaches(), resources: () => [], decide, yieldToMain: () => Promise.resolve() };
    const session = createPacsSession(deps);
    const first = new AbortController();
    const ctx = (signal: AbortSignal) => ({ url: seriesPage(), analysis: pageAnalysis(null), findings: emptyFindings('orthanc-explorer'), signal, options: { now: NOW } });
    const pending = session.enrich(ctx(first.signal));
    first.abort(); // the page re-rendered: the controller aborts the activation
    expect(await pending).toBeNull();
    const r = (await session.enrich(ctx(new AbortController().signal)))!;
    expect(Math.abs(r.dose!.dw!.dwCm - 16)).toBeLessThanOrEqual(0.3);
    const urls = pacs.requests.map((q) => q.url);
    expect(new Set(urls).size).toBe(urls.length);
    // Another study aborts this one's work; the session's own lifetime ends it too.
    session.close();
  });

  it('warm(): reading starts at once; the middle image only when the page text already shows a child’s CT', async () => {
    const childPage = decide(
      {
        ...emptyFindings('orthanc-explorer'),
        primary: [
          { kind: 'birthDate', text: '20221101', where: 'page' },
          { kind: 'examDate', text: '20261120', where: 'page' },
          { kind: 'modality', text: 'CT', where: 'page' },
        ],
      },
      { now: NOW },
    );
    expect(childPage.pediatric).toBe(true);
    const settle = () => new Promise((r) => setTimeout(r, 50));
    for (const [seen, framesExpected] of [[null, 0], [childPage, 1]] as const) {
      const pacs = fakePacs(ORTHANC, orthancRoutes('child', frames));
      const session = createPacsSession({ fetch: pacs.fetch, caches: new PacsCaches(), resources: () => [], decide });
      session.warm(seriesPage(), seen);
      await settle();
      expect(pacs.requests.some((q) => q.url.includes('/tags?short'))).toBe(true);
      expect(pacs.requests.filter((q) => q.url.includes('/frames/'))).toHaveLength(framesExpected);
      session.close();
    }
  });

  it('warm() with the analysis options: the image’s own tags decide, before the page shows the patient', async () => {
    const settle = () => new Promise((r) => setTimeout(r, 50));
    const cases = [
      ['child', 18, 1], // a 4-year-old's CT: its mid image is fetched at once
      ['child', 4, 0], // … not under a cutoff of 4 years (the settings decide, as in enrich)
      ['adult', 18, 0], // an adult's pixels are never asked for
    ] as const;
    for (const [name, cutoff, framesExpected] of cases) {
      const pacs = fakePacs(ORTHANC, orthancRoutes(name, name === 'child' ? frames : undefined));
      const session = createPacsSession({ fetch: pacs.fetch, caches: new PacsCaches(), resources: () => [], decide });
      session.warm(seriesPage(name), null, async () => ({ now: NOW, pediatricCutoffYears: cutoff }));
      await settle();
      expect(pacs.requests.some((q) => q.url.includes('/tags?short')), `${name} ${cutoff}`).toBe(true);
      expect(pacs.requests.filter((q) => q.url.includes('/frames/')), `${name} ${cutoff}`).toHaveLength(framesExpected);
      session.close();
    }
  });

  it('SSDE along the scan (113989) only on request: five slices, their mean', async () => {
    const { pacs, result } = run(seriesPage(), orthancRoutes('child', frames), ORTHANC);
    const r = (await result)!;
    const before = pacs.requests.length;
    const along = await r.alongScan!();
    expect('methodCode' in along && along.methodCode).toBe('113989');
    if (!('methodCode' in along)) throw new Error('no along-scan result');
    expect(along.slices.map((s) => s.zMm)).toEqual([-20, -15, -10, -5, 0]);
    for (const s of along.slices) expect(Math.abs(s.dwCm - 16)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(along.meanSsdeMGy - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    // Per new slice (the mid slice's are cached): its transfer syntax, its frame and its tags.
    expect(pacs.requests.length - before).toBe(12);
  });
});

describe('the adult', () => {
  it('is decided from the API as an adult and no pixels or dose report are read', async () => {
    const { pacs, result } = run(seriesPage('adult'), orthancRoutes('adult'), ORTHANC);
    const r = (await result)!;
    expect(r.analysis.pediatric).toBe(false);
    expect(r.dose).toBeNull();
    expect(r.attributes).toEqual({ 'data-ssde-mgy': null, 'data-dw-cm': null });
    expect(pacs.requests.some((q) => q.url.includes('/frames/'))).toBe(false);
    const sr = (fixture('orthanc-adult-study-series') as { MainDicomTags: { Modality: string }; Instances: string[] }[]).find((x) => x.MainDicomTags.Modality === 'SR')!;
    expect(pacs.requests.some((q) => q.url.includes(sr.Instances[0]!))).toBe(false);
  });
});

describe('the child on a DICOMweb viewer (OHIF)', () => {
  it('finds the root from the viewer’s requests and gives the same numbers', async () => {
    const { pacs, result } = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, { resources: ohifResources() });
    const r = (await result)!;
    expect(r.analysis).toMatchObject({ pediatric: true, ageDays: 1480 });
    expect(Math.abs(r.dose!.dw!.dwCm - 16.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(Number(r.attributes['data-ssde-mgy']) - EXPECTED_SSDE)).toBeLessThanOrEqual(0.2);
    expect(r.dose!.ctdi).toMatchObject({ from: 'rdsr', mGy: 5 });
    const frameRequests = pacs.requests.filter((q) => q.url.includes('/frames/'));
    expect(frameRequests).toHaveLength(1);
    expect(frameRequests[0]!.init.headers.Accept).toBe('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1');
  });

  it('uses the per-site root setting when the page made no request yet, and says so when there is neither', async () => {
    const withSetting = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, { dicomWebRoot: () => '/dicom-web' });
    expect(Math.abs((await withSetting.result)!.dose!.dw!.dwCm - 16)).toBeLessThanOrEqual(0.3);
    const none = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER);
    const r = (await none.result)!;
    expect(codes(r.notes)).toEqual(['no-dicomweb-root']);
    expect(none.pacs.requests).toHaveLength(0);
  });

  it('the per-site setting wins over the root seen in the viewer’s requests', async () => {
    const elsewhere = () => [{ name: `${VIEWER}/other-rs/studies/${child().studyUid}/series`, initiatorType: 'fetch' }];
    const { pacs, result } = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, {
      resources: elsewhere,
      dicomWebRoot: () => '/dicom-web/',
    });
    expect(Math.abs((await result)!.dose!.dw!.dwCm - 16)).toBeLessThanOrEqual(0.3);
    expect(pacs.requests.length).toBeGreaterThan(0);
    expect(pacs.requests.every((q) => q.url.startsWith(`${VIEWER}/dicom-web/`))).toBe(true);
  });

  it('a setting that arrives while the session waits for a root is used (settings load after panel.js starts)', async () => {
    let path: string | null = null;
    setTimeout(() => (path = '/dicom-web'), 300);
    const { result } = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, { dicomWebRoot: () => path, rootWaitMs: 5000 });
    expect(Math.abs((await result)!.dose!.dw!.dwCm - 16)).toBeLessThanOrEqual(0.3);
  });

  it('a setting that is not a path on this site is ignored (never another origin)', async () => {
    const { pacs, result } = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, { dicomWebRoot: () => 'https://evil.example/rs' });
    expect(codes((await result)!.notes)).toEqual(['no-dicomweb-root']);
    expect(pacs.requests).toHaveLength(0);
  });

  it('waits for the viewer’s first DICOMweb request when the page has made none yet', async () => {
    let entries: { name: string; initiatorType: string }[] = [];
    setTimeout(() => (entries = ohifResources()()), 300);
    const { result } = run(viewerPage(), dicomWebRoutes('child', frames), VIEWER, { resources: () => entries, rootWaitMs: 5000 });
    expect(Math.abs((await result)!.dose!.dw!.dwCm - 16)).toBeLessThanOrEqual(0.3);
  });
});

describe('failures degrade to the page text plus a short note', () => {
  const child401 = (status: number) => {
    const routes = orthancRoutes('child', frames);
    for (const k of Object.keys(routes)) routes[k] = { status, text: '' };
    return routes;
  };

  it.each([
    [401, 'api-unauthorized'],
    [403, 'api-forbidden'],
    [404, 'api-not-found'],
  ] as const)('HTTP %i → %s, analysis unchanged', async (status, code) => {
    const { result, ctx } = run(seriesPage(), child401(status), ORTHANC);
    const r = (await result)!;
    expect(codes(r.notes)).toEqual([code]);
    expect(r.analysis).toBe(ctx.analysis);
    expect(r.dose).toBeNull();
  });

  it('a DICOMweb viewer whose API wants the page’s bearer token (401)', async () => {
    const routes = dicomWebRoutes('child', frames);
    for (const k of Object.keys(routes)) routes[k] = { status: 401, text: '{"error":"unauthorized"}' };
    const { result } = run(viewerPage(), routes, VIEWER, { resources: ohifResources() });
    expect(codes((await result)!.notes)).toEqual(['api-unauthorized']);
  });

  it('timeout', async () => {
    const routes = orthancRoutes('child', frames);
    routes[`/studies/${child().studyId}/series`] = { hang: true };
    const { result } = run(seriesPage(), routes, ORTHANC);
    expect(codes((await result)!.notes)).toEqual(['api-timeout']);
  });

  it('malformed JSON', async () => {
    const routes = orthancRoutes('child', frames);
    routes[`/series/${child().axialSeriesId}/instances`] = { text: '[{"ID": "x", "MainDicomTags": ' };
    const { result } = run(seriesPage(), routes, ORTHANC);
    expect(codes((await result)!.notes)).toEqual(['api-malformed']);
  });

  it('compressed storage (RLE): the transfer syntax is checked first and no pixels are fetched', async () => {
    const { pacs, result } = run(seriesPage('rle'), orthancRoutes('rle'), ORTHANC);
    const r = (await result)!;
    expect(r.analysis.pediatric).toBe(true);
    expect(r.dose!.dw).toBeNull();
    expect(r.dose!.notes).toContainEqual({ code: 'cannot-decode', detail: 'RLE Lossless' });
    expect(r.attributes['data-ssde-mgy']).toBeNull();
    expect(r.dose!.ctdi).toMatchObject({ mGy: 5, from: 'rdsr' }); // what could be read is still shown
    expect(pacs.requests.some((q) => q.url.includes('/frames/'))).toBe(false);
  });

  it('a DICOMweb server that will not transcode (406) → pixels refused', async () => {
    const routes = dicomWebRoutes('child', frames);
    for (const k of Object.keys(routes)) if (k.endsWith('/frames/1')) routes[k] = { status: 406, text: '' };
    const { result } = run(viewerPage(), routes, VIEWER, { resources: ohifResources() });
    expect(codes((await result)!.dose!.notes)).toContain('pixels-refused');
  });

  it('no dose report → the image header’s CTDIvol, said so', async () => {
    const routes = orthancRoutes('child', frames);
    const series = (fixture('orthanc-child-study-series') as { MainDicomTags: { Modality: string } }[]).filter((s) => s.MainDicomTags.Modality !== 'SR');
    routes[`/studies/${child().studyId}/series`] = { json: series };
    const { result } = run(seriesPage(), routes, ORTHANC);
    const dose = (await result)!.dose!;
    expect(codes(dose.notes)).toEqual(['no-rdsr', 'ctdi-from-header']);
    expect(dose.ctdi).toMatchObject({ from: 'image-header', mGy: 5, phantom: { kind: 'known', cm: 32 } });
    expect(dose.ssde?.status).toBe('ok');
  });

  it('no phantom anywhere → both SSDE candidates, labelled, and no single number on the host', async () => {
    const routes = orthancRoutes('child', frames);
    const strip = (tags: Record<string, unknown>) => Object.fromEntries(Object.entries(tags).filter(([k]) => k !== '0018,9346'));
    routes[`/instances/${child().instances['3']}/tags?short`] = { json: strip(fixture('orthanc-child-tags-3') as Record<string, unknown>) };
    const series = (fixture('orthanc-child-study-series') as { MainDicomTags: { Modality: string } }[]).filter((s) => s.MainDicomTags.Modality !== 'SR');
    routes[`/studies/${child().studyId}/series`] = { json: series };
    const { result } = run(seriesPage(), routes, ORTHANC);
    const r = (await result)!;
    expect(r.dose!.ssde?.status).toBe('phantom-unknown');
    if (r.dose!.ssde?.status !== 'phantom-unknown') throw new Error('expected candidates');
    const [c16, c32] = r.dose!.ssde.candidates;
    expect(c16.phantomCm).toBe(16);
    expect(c32.estimate!.ssdeMGy).toBeCloseTo(EXPECTED_SSDE, 1);
    expect(c16.estimate!.ssdeMGy).toBeCloseTo(1.874799 * Math.exp(-0.03871313 * 16) * 5.0, 1);
    expect(r.attributes['data-ssde-mgy']).toBeNull();
    expect(r.attributes['data-dw-cm']).not.toBeNull();
    expect(codes(r.dose!.notes)).toContain('no-phantom');
  });

  it("shows the scanner's own Dw/SSDE from the dose report", async () => {
    const scannerFrames: Record<string, Uint8Array> = {};
    const ix = fixtureIndex().scanner;
    // The scanner study has two slices of the same phantom; serve the child's pixels for both.
    for (const n of Object.keys(ix.instances)) scannerFrames[n] = frames['1']!;
    const { result } = run(seriesPage('scanner'), orthancRoutes('scanner', scannerFrames), ORTHANC);
    const dose = (await result)!.dose!;
    expect(dose.scanner).toMatchObject({ ssdeMGy: 11.2, dwCm: 14, method: { value: '113988' } });
  });

  it('navigating away aborts the reading and returns nothing', async () => {
    const routes = orthancRoutes('child', frames);
    routes[`/studies/${child().studyId}/series`] = { hang: true };
    const controller = new AbortController();
    const { result } = run(seriesPage(), routes, ORTHANC, { timeoutMs: 10_000 }, controller.signal);
    controller.abort();
    expect(await result).toBeNull();
  });
});

describe('facts merge', () => {
  it('puts the API facts before the page’s, so DICOM wins and disagreement is flagged', () => {
    const page: PageFindings = { ...emptyFindings('ohif'), primary: [{ kind: 'birthDate', text: '20100101', where: 'page' }] };
    const merged = withApiFacts(page, [{ kind: 'birthDate', text: '20221101', where: 'api' }]);
    expect(merged.primary!.map((f) => f.where)).toEqual(['api', 'page']);
    const a = decide({ ...merged, primary: [...merged.primary!, { kind: 'examDate', text: '20261120', where: 'api' }] }, { now: NOW });
    expect(a.ageDays).toBe(1480);
    expect(a.evidence.some((e) => e.conflict)).toBe(true);
  });
});
