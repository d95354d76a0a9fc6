/**
 * Every site profile on its saved fixture pages, in a real Chromium with the extension: the panel
 * appears for children (with the host attributes the page supports), says "N pediatric exams" on
 * list pages, and stays away from adults, login pages and pages without a patient. Expected values
 * are worked out by hand from the fixtures (see tests/content/read/profiles/systems.test.ts for the date
 * arithmetic); ages counted from "today" are not asserted (they depend on the clock).
 *
 * One profile also runs on the e2e-runtime build: the shipping path, where the background registers
 * content.js at runtime and injects panel.js.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, launchChromium, panelState, waitForPanel, type ChromiumSession } from './harness';
import { waitForFacts } from './pages/extension-state';
import { FIXTURES, serveFixture } from './pages/fixture-site';

type Expected =
  | { panel: 'exam'; ageDays?: string; campaign: string }
  | { panel: 'list'; exams: number }
  | { panel: 'none' };

/** By fixture (profile/file). Hand-derived; every fixture page with an http(s) URL must be listed. */
const EXPECTED: Record<string, Expected> = {
  '_bad/login.html': { panel: 'none' },
  '_bad/news-children.html': { panel: 'none' }, // an article about children, no patient
  'dcm4chee/study-list.html': { panel: 'list', exams: 2 }, // 2288 d CT, 900 d RF; the adult PET/CT is not counted
  // One child's chart: DOB 03/04/2019 read month first, as the page writes its order dates (11/20/2026), so
  // 2019-03-04 → the scheduled CT head's order on 2026-11-20 = 2818 d ("Age: 7 yrs" on the banner agrees).
  'generic/ehr-banner.html': { panel: 'exam', ageDays: '2818', campaign: 'ct' },
  'generic/malformed.html': { panel: 'none' },
  'generic/order-entry.html': { panel: 'exam', ageDays: '2731', campaign: 'ct' }, // 2019-05-30 → order 2026-11-20
  'generic/worklist.html': { panel: 'list', exams: 2 }, // CT 2288 d, RF 256 d (MR child and the 18-year-old not counted)
  'ohif/v3111-studylist.html': { panel: 'list', exams: 1 }, // only the PEDS-worded row
  'ohif/v3111-viewer-adult.html': { panel: 'none' },
  'ohif/v3132-studylist.html': { panel: 'list', exams: 1 },
  'ohif/v3132-viewer-infant.html': { panel: 'exam', ageDays: '256', campaign: 'ct' }, // 2026-03-10 → 2026-11-21
  'openemr/login.html': { panel: 'none' },
  'openemr/main-adult.html': { panel: 'none' },
  'openemr/main-child.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' }, // banner DOB + order in the tab frame
  'openemr/order-frame.html': { panel: 'none' }, // the order alone: no age
  'openmrs-o3/chart-imaging-adult.html': { panel: 'none' },
  // The active CT order of a 4-year-old is the exam (the generic reader names it for the profile), its order date the reference.
  'openmrs-o3/chart-orders-child.html': { panel: 'exam', ageDays: '1558', campaign: 'ct' },
  'orthanc-explorer-2/study-list-expanded.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' },
  'orthanc-explorer-2/study-list.html': { panel: 'list', exams: 2 },
  'orthanc-explorer/adult-instance.html': { panel: 'none' },
  'orthanc-explorer/adult-patient.html': { panel: 'none' },
  'orthanc-explorer/adult-series.html': { panel: 'none' },
  'orthanc-explorer/adult-study.html': { panel: 'none' },
  'orthanc-explorer/child-instance.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' },
  'orthanc-explorer/child-patient.html': { panel: 'list', exams: 1 }, // the patient's studies, each with its own age
  'orthanc-explorer/child-series.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' },
  'orthanc-explorer/child-study.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' },
  'orthanc-explorer/find-patients.html': { panel: 'none' },
  'orthanc-explorer/nav-1-adult-study.html': { panel: 'none' },
  'orthanc-explorer/nav-2-child-study.html': { panel: 'exam', ageDays: '2288', campaign: 'ct' },
  'orthanc-explorer/nav-3-adult-series.html': { panel: 'none' },
  'orthanc-explorer/nav-4-child-patient.html': { panel: 'list', exams: 1 },
  'stone/viewer-adult.html': { panel: 'none' },
  'stone/viewer-child.html': { panel: 'exam', campaign: 'ct' }, // PEDS protocol, no date of birth on screen
};

async function check(session: ChromiumSession, page: Page, name: string, want: Expected) {
  if (want.panel === 'none') {
    await waitForFacts(session.serviceWorker!, page.url(), () => true, 30_000);
    await page.waitForTimeout(500);
    expect((await panelState(page)).count, name).toBe(0);
    return;
  }
  const s = await waitForPanel(page, { until: (x) => x.dataset.pediatric === 'true', timeoutMs: 30_000 });
  expect(s.count, name).toBe(1);
  const attrs = await page.evaluate(() => {
    const h = document.querySelector('image-gently-panel')!;
    return { mode: h.getAttribute('data-mode'), exams: h.getAttribute('data-pediatric-exams'), ageDays: h.getAttribute('data-age-days') };
  });
  if (want.panel === 'exam') {
    expect({ name, mode: attrs.mode, campaign: s.dataset.campaign }).toEqual({ name, mode: 'exam', campaign: want.campaign });
    if (want.ageDays) expect({ name, ageDays: attrs.ageDays }).toEqual({ name, ageDays: want.ageDays });
  } else {
    expect({ name, mode: attrs.mode, exams: attrs.exams, ageDays: attrs.ageDays }).toEqual({ name, mode: 'list', exams: String(want.exams), ageDays: null });
  }
}

it('every fixture page has an expectation here', () => {
  expect(FIXTURES.map((f) => `${f.profile}/${f.file}`).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describeE2E('site profiles on their saved pages (Chromium, e2e build)', ['chromium'], () => {
  let chrome: ChromiumSession;
  beforeAll(async () => {
    chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  });
  afterAll(async () => {
    await chrome?.close();
  });
  afterEach(async () => {
    for (const p of chrome.context.pages()) if (!p.isClosed()) await p.close();
  });

  it.each(FIXTURES.map((f) => [`${f.profile}/${f.file}`, f] as const))('%s', async (name, fixture) => {
    const site = await serveFixture(fixture);
    try {
      const page = await chrome.newPage();
      await page.goto(site.url);
      await check(chrome, page, name, EXPECTED[name]!);
    } finally {
      await site.close();
    }
  });
});

describeE2E('a profile on the e2e-runtime build (content script registered at runtime)', ['chromium'], () => {
  let chrome: ChromiumSession;
  beforeAll(async () => {
    chrome = await launchChromium({ build: 'chrome-mv3-e2e-runtime' });
  });
  afterAll(async () => {
    await chrome?.close();
  });

  it.each(['generic/order-entry.html', 'ohif/v3132-viewer-infant.html', 'ohif/v3111-viewer-adult.html'])('%s', async (name) => {
    const fixture = FIXTURES.find((f) => `${f.profile}/${f.file}` === name)!;
    const site = await serveFixture(fixture);
    try {
      // The background registers content.js after install (reconcile); wait for it like a user would not notice.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const ids = await chrome.serviceWorker!.evaluate(async () =>
          (await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
        );
        if (ids.length > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const page = await chrome.newPage();
      await page.goto(site.url);
      await check(chrome, page, name, EXPECTED[name]!);
      await page.close();
    } finally {
      await site.close();
    }
  });
});
