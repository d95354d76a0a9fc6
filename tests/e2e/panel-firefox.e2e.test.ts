/**
 * The panel in Firefox ESR (e2e build, over WebDriver BiDi) on a real Orthanc Explorer: the child's
 * study and series pages show it with the age at the exam; the adult's pages never do; Explorer's
 * own hash navigation from the child to the adult takes it away and back again brings it back.
 * (BiDi gives no access to the background here, so "no panel" is asserted after the adult's page
 * is rendered and the child's panel, present a moment before in the same document, has gone —
 * or, on a fresh load, after the same time a child's panel takes to appear.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  describeE2E,
  launchFirefox,
  panelState,
  seedOrthanc,
  startOrthanc,
  waitForPanel,
  watchExtensionRequestsFirefox,
  type FirefoxSession,
  type OrthancServer,
  type SeededStudy,
} from './harness';
import { hashNavigate, waitForRoute, type EvalPage } from './pages/orthanc-explorer';

const CHILD_AGE_DAYS = String((Date.UTC(2026, 10, 20) - Date.UTC(2020, 7, 15)) / 86_400_000);
const isChild = (s: { dataset: { pediatric: string | null } }) => s.dataset.pediatric === 'true';

let orthanc: OrthancServer;
let child: SeededStudy;
let adult: SeededStudy;

describeE2E('panel in Firefox ESR on Orthanc Explorer', ['firefox', 'orthanc'], () => {
  let firefox: FirefoxSession;
  /** How long the child's panel took to appear on a fresh load (the adult gets at least three times that). */
  let childPanelMs = 0;

  beforeAll(async () => {
    orthanc = await startOrthanc({ name: 'IGC-PANEL-FIREFOX' });
    ({ child, adult } = await seedOrthanc(orthanc));
    firefox = await launchFirefox({ build: 'firefox-mv3-e2e' });
  });
  afterAll(async () => {
    await firefox?.close();
    await orthanc?.stop();
  });

  const open = async (route: 'study' | 'series', uuid: string): Promise<Page> => {
    const page = await firefox.newPage();
    await page.goto(orthanc.explorerUrl(`${route}?uuid=${uuid}`));
    await waitForRoute(page as unknown as EvalPage, route);
    return page;
  };

  it("child's study and series pages: one panel with the age at the exam and the CT campaign", async () => {
    for (const [route, uuid] of [['study', child.study], ['series', child.series]] as const) {
      const start = Date.now();
      const page = await open(route, uuid);
      const ext = watchExtensionRequestsFirefox(page);
      const s = await waitForPanel(page, { until: isChild, timeoutMs: 30_000 });
      childPanelMs = Math.max(childPanelMs, Date.now() - start);
      expect(s).toMatchObject({ count: 1, shadowMode: 'open', links: [] });
      expect(s.dataset).toEqual({ pediatric: 'true', ageDays: CHILD_AGE_DAYS, campaign: 'ct' });
      expect(s.styleSheets).toBeGreaterThan(0);
      expect(ext.urls).toEqual([]);
      await page.close();
    }
  });

  it("the adult's study: no panel", async () => {
    const page = await open('study', adult.study);
    await new Promise((r) => setTimeout(r, Math.max(3000, 3 * childPanelMs)));
    expect((await panelState(page)).count).toBe(0);
    await page.close();
  });

  it('one SPA navigation child → adult removes the panel; back to the child brings it back', async () => {
    const page = await open('study', child.study);
    await waitForPanel(page, { until: isChild, timeoutMs: 30_000 });
    await hashNavigate(page as unknown as EvalPage, 'study', adult.study);
    const deadline = Date.now() + 10_000;
    while ((await panelState(page)).count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await panelState(page)).count).toBe(0);
    await hashNavigate(page as unknown as EvalPage, 'series', child.series);
    const s = await waitForPanel(page, { until: isChild, timeoutMs: 10_000 });
    expect(s.dataset.ageDays).toBe(CHILD_AGE_DAYS);
    await page.close();
  });
});
