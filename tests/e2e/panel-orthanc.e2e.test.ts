/**
 * The panel on a real Orthanc Explorer in Chromium (e2e build), as a technologist meets it: the
 * child's study, series and patient pages; nothing for the adult; Explorer's own hash navigation
 * between them; keyboard, focus, themes; dismiss and snooze; the diagnostic report.
 *
 * "No panel" is asserted only after the extension has read the page: its tab facts (kept by the
 * background for the popup) say `pediatric: false` for that tab — no fixed waits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  describeE2E,
  launchChromium,
  panelState,
  seedOrthanc,
  serveStatic,
  startOrthanc,
  waitForPanel,
  watchExtensionRequests,
  type ChromiumSession,
  type OrthancServer,
  type SeededStudy,
} from './harness';
import { dumpStorage, sendToTab, waitForFacts } from './pages/extension-state';
import { hashNavigate, waitForRoute } from './pages/orthanc-explorer';
import { cardText, clickButton, isExpanded, overlaps, pageControlRects, pillRect, togglePanel } from './pages/panel';

// The seeded child: born 2020-08-15, CT on 2026-11-20 → 2288 days; on the calendar 6 years 3 months (2026-11-15)
// and 5 days, printed as EHRs print ages from 2 years on: years and months.
const CHILD_AGE_DAYS = String((Date.UTC(2026, 10, 20) - Date.UTC(2020, 7, 15)) / 86_400_000);
const CHILD_AGE_TEXT = '6 y 3 mo at the exam';
const PATIENT_DATA = ['TEST^PEDS^SIX', 'PEDS0006', 'TEST^ADULT', 'ADULT'];
const FIXTURES = join(import.meta.dirname, '../fixtures/pages');

let orthanc: OrthancServer;
let child: SeededStudy;
let adult: SeededStudy;

const isChild = (s: { dataset: { pediatric: string | null } }) => s.dataset.pediatric === 'true';

async function open(session: ChromiumSession, route: 'patient' | 'study' | 'series', uuid: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(orthanc.explorerUrl(`${route}?uuid=${uuid}`));
  await waitForRoute(page, route);
  return page;
}

/** The page shows no panel, after the extension has read it and found no child. */
async function expectNoPanel(session: ChromiumSession, page: Page) {
  await waitForFacts(session.serviceWorker!, page.url(), (f) => !f.pediatric);
  expect((await panelState(page)).count).toBe(0);
}


beforeAll(async () => {
  orthanc = await startOrthanc({ name: 'IGC-PANEL' });
  ({ child, adult } = await seedOrthanc(orthanc));
});
afterAll(async () => {
  await orthanc?.stop();
});

describeE2E('panel on Orthanc Explorer (Chromium)', ['chromium', 'orthanc'], () => {
  let chrome: ChromiumSession;
  beforeAll(async () => {
    chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  });
  afterAll(async () => {
    await chrome?.close();
  });
  afterEach(async () => {
    // A test that failed half-way leaves its tab open; a later test must not find it instead of its own.
    for (const p of chrome.context.pages()) if (!p.isClosed()) await p.close();
  });

  describe("the child's pages", () => {
    it('study page: one collapsed pill with the age in days and the CT campaign; expanding shows age, exam, reminders, no name or id', async () => {
      const page = await open(chrome, 'study', child.study);
      const ext = watchExtensionRequests(page);
      const s = await waitForPanel(page, { until: isChild, timeoutMs: 30_000 });
      expect(s).toMatchObject({ count: 1, shadowMode: 'open', links: [] });
      expect(s.dataset).toEqual({ pediatric: 'true', ageDays: CHILD_AGE_DAYS, campaign: 'ct' });
      expect(await isExpanded(page)).toBe(false);

      await togglePanel(page);
      const text = await cardText(page);
      expect(text).toContain(CHILD_AGE_TEXT);
      expect(text).toContain('CT ABDOMEN PELVIS W CONTRAST');
      expect(text).toMatch(/Child-size the scan/);
      expect(text).toMatch(/Decision support for trained staff, not a prescription/);
      expect(text).toContain('Why am I seeing this?');
      for (const secret of [...PATIENT_DATA, child.studyInstanceUid]) expect(text).not.toContain(secret);
      expect(ext.urls).toEqual([]);
      await page.close();
    });

    it('series page: the same child, the same numbers', async () => {
      const page = await open(chrome, 'series', child.series);
      const s = await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      expect(s.dataset).toEqual({ pediatric: 'true', ageDays: CHILD_AGE_DAYS, campaign: 'ct' });
      await page.close();
    });

    it('patient page: lists the study with its age at the exam', async () => {
      const page = await open(chrome, 'patient', child.patient);
      await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      await togglePanel(page);
      const text = await cardText(page);
      expect(text).toMatch(/1 pediatric exam in this list/);
      expect(text).toContain('CT ABDOMEN PELVIS W CONTRAST');
      expect(text).toContain(CHILD_AGE_TEXT);
      for (const secret of PATIENT_DATA) expect(text).not.toContain(secret);
      await page.close();
    });
  });

  describe("the adult's pages", () => {
    it.each(['study', 'series', 'patient'] as const)('%s page: no panel', async (route) => {
      const page = await open(chrome, route, adult[route === 'study' ? 'study' : route === 'series' ? 'series' : 'patient']);
      await expectNoPanel(chrome, page);
      await page.close();
    });
  });

  it("follows Explorer's hash navigation: child → adult → child, one panel at most, gone for the adult", async () => {
    const page = await open(chrome, 'study', child.study);
    await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
    const counts: number[] = [];
    const sample = setInterval(() => void panelState(page).then((s) => counts.push(s.count), () => undefined), 100);
    try {
      await hashNavigate(page, 'study', adult.study);
      await expectNoPanel(chrome, page);
      await hashNavigate(page, 'series', child.series);
      const s = await waitForPanel(page, { until: isChild, timeoutMs: 10_000 });
      expect(s.dataset.ageDays).toBe(CHILD_AGE_DAYS);
    } finally {
      clearInterval(sample);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
    await page.close();
  });

  describe('keyboard and focus', () => {
    it('never takes focus when it appears (an order form with the cursor in a field)', async () => {
      const html = readFileSync(join(FIXTURES, 'generic/order-entry.html'), 'utf8');
      const site = await serveStatic({ '/orders/new': html });
      const page = await chrome.newPage();
      try {
        await page.addInitScript(() =>
          document.addEventListener('DOMContentLoaded', () => document.querySelector<HTMLElement>('#indication')?.focus()),
        );
        await page.goto(site.url('/orders/new?patient=demo'));
        await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('indication');
      } finally {
        await page.close();
        await site.close();
      }
    });

    it('the focus-panel command expands the card and focuses it; keys typed in the panel do not reach the page', async () => {
      const page = await open(chrome, 'series', child.series);
      await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      await page.evaluate(() => {
        (window as unknown as { igcKeys: string[] }).igcKeys = [];
        for (const type of ['keydown', 'keyup', 'keypress']) {
          document.addEventListener(type, (e) => (window as unknown as { igcKeys: string[] }).igcKeys.push(`${e.type}:${(e as KeyboardEvent).key}`));
        }
      });
      await sendToTab(chrome.serviceWorker!, page.url(), { type: 'focus-panel' });
      await page.waitForFunction(() => {
        const root = document.querySelector('image-gently-panel')?.shadowRoot;
        return !!root?.querySelector('.igp-card') && root.activeElement === root.querySelector('.igp-card');
      }, null, { timeout: 30_000 });
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.querySelector('image-gently-panel')?.shadowRoot?.activeElement?.tagName);
      expect(focused).toBe('BUTTON');
      await page.keyboard.press('j');
      expect(await page.evaluate(() => (window as unknown as { igcKeys: string[] }).igcKeys)).toEqual([]);
      // Escape collapses and leaves focus on the pill (still inside the panel).
      await page.keyboard.press('Escape');
      expect(await isExpanded(page)).toBe(false);
      expect(await page.evaluate(() => document.querySelector('image-gently-panel')?.shadowRoot?.activeElement?.className)).toBe('igp-pill');
      await page.close();
    });

    it('shows a visible focus ring on its controls', async () => {
      const page = await open(chrome, 'series', child.series);
      await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      await sendToTab(chrome.serviceWorker!, page.url(), { type: 'focus-panel' });
      await page.waitForFunction(() => !!document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card'), null, { timeout: 30_000 });
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.querySelector('image-gently-panel')!.shadowRoot!.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      expect(outline.style).toBe('solid');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      await page.close();
    });
  });

  describe('looks', () => {
    it('sits in a corner without covering any of the page’s controls', async () => {
      const page = await open(chrome, 'study', child.study);
      await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      const pill = (await pillRect(page))!;
      const viewport = page.viewportSize()!;
      const inCorner = (pill.x < viewport.width / 3 || pill.x + pill.width > (2 * viewport.width) / 3) &&
        (pill.y < viewport.height / 3 || pill.y + pill.height > (2 * viewport.height) / 3);
      expect(inCorner).toBe(true);
      for (const r of await pageControlRects(page)) expect(overlaps(pill, r), JSON.stringify(r)).toBe(false);
      await page.close();
    });

    it('follows the dark and light colour schemes and drops its animation for reduced motion', async () => {
      const page = await open(chrome, 'study', child.study);
      await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
      await togglePanel(page);
      const look = () =>
        page.evaluate(() => {
          const root = document.querySelector('image-gently-panel')!.shadowRoot!;
          const card = getComputedStyle(root.querySelector('.igp-card')!);
          return { card: card.backgroundColor, animation: card.animationName };
        });
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      const light = await look();
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      const dark = await look();
      expect(light.card).toBe('rgb(255, 255, 255)');
      expect(dark.card).not.toBe(light.card);
      expect(light.animation).not.toBe('none');
      expect(dark.animation).toBe('none');
      await page.close();
    });
  });

  it('copies a diagnostic report that holds no patient data', async () => {
    await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: orthanc.baseUrl });
    const page = await open(chrome, 'study', child.study);
    await waitForPanel(page, { until: isChild, timeoutMs: 20_000 });
    await togglePanel(page);
    // The clipboard takes a write only from the focused page (other tests' pages share this browser), and on a
    // busy machine the write's answer may take a while: wait for either outcome, then require the right one.
    await page.bringToFront();
    expect(await clickButton(page, 'Copy diagnostic report')).toBe(true);
    const status = () => document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-status')?.textContent ?? '';
    await page.waitForFunction(() => /copied|Could not copy/.test(document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-status')?.textContent ?? ''), null, { timeout: 30_000 });
    expect(await page.evaluate(status)).toMatch(/copied/);
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('profile: orthanc-explorer');
    expect(report).toContain('panel: exam');
    for (const secret of [...PATIENT_DATA, child.studyInstanceUid, CHILD_AGE_DAYS, '2020', 'August', orthanc.baseUrl]) {
      expect(report).not.toContain(secret);
    }
    await page.close();
  });
});

describeE2E('panel on Orthanc Explorer (Chromium): dismiss and snooze', ['chromium', 'orthanc'], () => {
  it('dismiss for this exam: gone, and still gone after a reload; storage holds a keyed hash only', async () => {
    const chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
    try {
      const page = await open(chrome, 'study', child.study);
      await waitForPanel(page, { until: isChild, timeoutMs: 30_000 });
      await togglePanel(page);
      expect(await clickButton(page, 'Dismiss for this exam')).toBe(true);
      await page.waitForFunction(() => !document.querySelector('image-gently-panel'), null, { timeout: 30_000 });

      await page.reload();
      await waitForRoute(page, 'study');
      await waitForFacts(chrome.serviceWorker!, page.url(), (f) => f.pediatric);
      await new Promise((r) => setTimeout(r, 1000)); // panel.js decides after the facts
      expect((await panelState(page)).count).toBe(0);

      // Another page of the same exam: still dismissed (the study is the exam).
      await hashNavigate(page, 'series', child.series);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await panelState(page)).count).toBe(0);

      const { local, sync, session } = await dumpStorage(chrome.serviceWorker!);
      expect(local).toMatch(/"hash":"[0-9a-f]{64}"/);
      for (const area of [local, sync, session]) {
        for (const secret of [child.studyInstanceUid, ...PATIENT_DATA, '20200815', '2020-08-15', 'August 15, 2020', 'ageDays']) {
          expect(area).not.toContain(secret);
        }
      }
    } finally {
      await chrome.close();
    }
  });

  it('snooze on this site: gone, and no panel for another child page of the site', async () => {
    const chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
    try {
      const page = await open(chrome, 'series', child.series);
      await waitForPanel(page, { until: isChild, timeoutMs: 30_000 });
      await togglePanel(page);
      expect(await clickButton(page, 'Snooze on this site for 8 hours')).toBe(true);
      await page.waitForFunction(() => !document.querySelector('image-gently-panel'), null, { timeout: 30_000 });
      const other = await open(chrome, 'patient', child.patient);
      await waitForFacts(chrome.serviceWorker!, other.url(), (f) => f.pediatric);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await panelState(other)).count).toBe(0);
      const { local } = await dumpStorage(chrome.serviceWorker!);
      expect(local).toContain(orthanc.baseUrl);
    } finally {
      await chrome.close();
    }
  });
});
