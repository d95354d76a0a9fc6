/**
 * What crosses out of the page, checked in Chromium with ALL traffic through a
 * recording proxy on loopback (`--proxy-server`, loopback not bypassed, so the service worker's
 * requests are seen too):
 * - with and without the extension, each fixture page and the real Orthanc's pages: the extension
 *   adds nothing but same-origin GETs to the page's own server; the only other traffic is the
 *   statements source (imagegently.org), which the proxy refuses and which carries no page data
 *   (a CONNECT names only the host);
 * - storage (local, sync, session) after the run holds no patient data;
 * - every message the background received from a tab (logged as its shape in the e2e build) is one
 *   of the allow-listed shapes of content/page/messages.ts and passed its schema.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRecordingProxy, type ProxiedRequest, type RecordingProxy } from '../helpers/recording-proxy';
import {
  describeE2E,
  launchChromium,
  seedOrthanc,
  startOrthanc,
  watchExtensionRequests,
  type ChromiumSession,
  type OrthancServer,
  type SeededStudy,
} from './harness';
import { dumpStorage, waitForFacts } from './pages/extension-state';
import { FIXTURES, serveFixture } from './pages/fixture-site';
import { waitForRoute } from './pages/orthanc-explorer';

const SHAPE_PREFIX = '[image-gently:message-shape]';
/** The statements source (wxt.config.ts STATEMENT_HOSTS): background traffic, refused by the proxy. */
const STATEMENT_CONNECTS = new Set(['www.imagegently.org:443', 'imagegently.org:443']);
/** Message shapes allowed from a tab (content/page/messages.ts ContentMessageSchema). */
const FACTS_SHAPE = (campaigns: string[]) => ({
  facts: { campaigns, modality: expect.stringMatching(/^(string|null)$/), pediatric: 'boolean', siteEnabled: 'boolean' },
  type: 'string',
});

interface Visit {
  name: string;
  origin: string;
  requests: ProxiedRequest[];
}

let proxy: RecordingProxy;
let orthanc: OrthancServer;
let child: SeededStudy;
let adult: SeededStudy;

/** Requests recorded from `start` on, as "METHOD url" keys. */
const since = (start: number) => proxy.requests.filter((r) => r.at >= start);
const key = (r: ProxiedRequest) => `${r.method} ${r.url}`;
const isLoopback = (r: ProxiedRequest) => /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(r.url);
/** "METHOD host" of a request to the internet (CONNECT host:port, or an http URL's host). */
const hostKey = (r: ProxiedRequest) => `${r.method} ${r.method === 'CONNECT' ? r.url : new URL(r.url).host}`;

async function settle(session: ChromiumSession, page: Page, withExtension: boolean) {
  if (withExtension) await waitForFacts(session.serviceWorker!, page.url(), () => true, 30_000);
  // Let panel.js and any enricher finish what they would send.
  await page.waitForTimeout(1500);
}

/** Visit every page once; return what the proxy saw for each. */
async function visitAll(session: ChromiumSession, withExtension: boolean): Promise<Visit[]> {
  const visits: Visit[] = [];
  const visit = async (name: string, open: (page: Page) => Promise<void>) => {
    const page = await session.newPage();
    const ext = watchExtensionRequests(page);
    const start = Date.now();
    try {
      await open(page);
      await settle(session, page, withExtension);
      visits.push({ name, origin: new URL(page.url()).origin, requests: since(start) });
      expect(ext.urls, name).toEqual([]);
    } finally {
      await page.close();
    }
  };
  for (const f of FIXTURES) {
    const site = await serveFixture(f);
    try {
      await visit(`${f.profile}/${f.file}`, async (page) => {
        await page.goto(site.url);
      });
    } finally {
      await site.close();
    }
  }
  for (const [name, route, uuid] of [
    ['orthanc child study', 'study', child.study],
    ['orthanc child series', 'series', child.series],
    ['orthanc child patient', 'patient', child.patient],
    ['orthanc adult study', 'study', adult.study],
  ] as const) {
    await visit(name, async (page) => {
      await page.goto(orthanc.explorerUrl(`${route}?uuid=${uuid}`));
      await waitForRoute(page, route);
    });
  }
  return visits;
}

describeE2E('privacy: what leaves the page (Chromium through a recording proxy)', ['chromium', 'orthanc'], () => {
  let without: Visit[];
  let withExt: Visit[];
  let stored: { local: string; sync: string; session: string };
  const shapes: { shape: unknown; valid: boolean; fromTab: boolean }[] = [];
  let allWithExtension: ProxiedRequest[] = [];
  /**
   * Chromium's own background traffic (update checks, autofill, accounts), seen in the run WITHOUT the
   * extension: its timing varies, so it is recognised by host rather than matched page by page.
   */
  let browserHosts: Set<string>;

  beforeAll(async () => {
    proxy = await startRecordingProxy();
    orthanc = await startOrthanc({ name: 'IGC-PRIVACY' });
    ({ child, adult } = await seedOrthanc(orthanc));
    const proxySettings = { server: proxy.server, bypass: '<-loopback>' };

    const plain = await launchChromium({ build: null, proxy: proxySettings });
    try {
      const start = Date.now();
      without = await visitAll(plain, false);
      browserHosts = new Set(since(start).filter((r) => !isLoopback(r)).map(hostKey));
    } finally {
      await plain.close();
    }

    const start = Date.now();
    const ext = await launchChromium({ build: 'chrome-mv3-e2e', proxy: proxySettings });
    ext.serviceWorker!.on('console', (m) => {
      const text = m.text();
      if (text.startsWith(SHAPE_PREFIX)) shapes.push(JSON.parse(text.slice(SHAPE_PREFIX.length)));
    });
    try {
      withExt = await visitAll(ext, true);
      stored = await dumpStorage(ext.serviceWorker!);
    } finally {
      await ext.close();
    }
    allWithExtension = since(start);
  }, 900_000);

  afterAll(async () => {
    await orthanc?.stop();
    await proxy?.close();
  });

  it('the proxy saw the pages at all (loopback is not bypassed)', () => {
    expect(without.length).toBe(withExt.length);
    for (const v of without) expect(v.requests.some((r) => r.url.startsWith(v.origin)), v.name).toBe(true);
  });

  it('on every page the extension adds nothing but same-origin GETs to the page’s own server', () => {
    // Requests the pages make by themselves at varying moments (a saved page's spinner image, say) may
    // fall outside one visit's window: anything the run without the extension made is the page's own.
    const seenWithout = new Set(without.flatMap((w) => w.requests.map(key)));
    for (const v of withExt) {
      const baseline = new Map<string, number>();
      for (const r of without.find((w) => w.name === v.name)!.requests) baseline.set(key(r), (baseline.get(key(r)) ?? 0) + 1);
      for (const r of v.requests) {
        const n = baseline.get(key(r)) ?? 0;
        if (n > 0) {
          baseline.set(key(r), n - 1);
          continue;
        }
        if (r.method === 'CONNECT' && STATEMENT_CONNECTS.has(r.url)) continue; // the service worker's statements fetch
        if (!isLoopback(r) && browserHosts.has(hostKey(r))) continue; // Chromium's own, seen without the extension too
        if (seenWithout.has(key(r))) continue;
        expect({ page: v.name, request: key(r) }).toEqual({ page: v.name, request: expect.stringMatching(new RegExp(`^GET ${v.origin.replace(/[.]/g, '\\.')}/`)) });
      }
    }
  });

  it('the extension’s only other traffic in the whole run is the statements source', () => {
    const others = allWithExtension.filter(
      (r) => !isLoopback(r) && !browserHosts.has(hostKey(r)) && !(r.method === 'CONNECT' && STATEMENT_CONNECTS.has(r.url)),
    );
    expect(others.map(key)).toEqual([]);
  });

  it('storage holds no patient data after the run', () => {
    const identifiers = [
      'TEST^PEDS', 'TEST^ADULT', 'PEDS0006', child.studyInstanceUid, adult.studyInstanceUid, '2.25.91822040815',
      'Demo, Child', 'Child, Demo', '20200815', '2020-08-15', 'August 15, 2020', 'ageDays', 'examKey', 'birthDate',
    ];
    for (const [area, text] of Object.entries(stored)) {
      for (const id of identifiers) expect(text.includes(id), `${area} holds ${id}`).toBe(false);
      expect(/\^/.test(text), `${area} holds a DICOM person name`).toBe(false);
    }
  });

  it('every message from a tab had an allow-listed shape and passed the schema', () => {
    const fromTabs = shapes.filter((s) => s.fromTab);
    expect(fromTabs.length).toBeGreaterThan(0);
    for (const s of fromTabs) {
      expect(s.valid, JSON.stringify(s.shape)).toBe(true);
      expect([
        FACTS_SHAPE([]),
        FACTS_SHAPE(['string']),
        { type: 'string' },
        // `load-panel` on a PACS viewer: pacs.js goes with panel.js (a flag, no page data).
        { pacs: 'boolean', type: 'string' },
        // "Dismiss for this exam": the exam key goes to the background only to be hashed (PRIVACY.md), and the
        // keyed hash comes back to be stored by the background.
        { examKey: 'string', type: 'string' },
        { hash: 'string', type: 'string' },
      ]).toContainEqual(s.shape);
    }
    // The facts of the child's pages did reach the background (the check above is not vacuous).
    expect(fromTabs.some((s) => JSON.stringify(s.shape).includes('"campaigns":["string"]'))).toBe(true);
  });
});
