/**
 * Accessibility gate: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, in a real Chromium with the e2e build, on
 * - the toolbar popup (the statements from the bundled snapshot, the calculator, the links);
 * - the options page;
 * - the panel, open, on an order page (the generic profile's order-entry fixture) and on a real Orthanc Explorer
 *   series page of a child's CT (the card with its PACS dose section: SSDE, Dw, CTDIvol);
 * - the "Teach this page" picker while it is active (its card and layer over the page, a field pointed at).
 * Any violation fails the test, with the rule, its impact and the elements it found.
 *
 * axe-core's own source is evaluated in the page under test by the test (never shipped in the extension). On the
 * extension's pages it runs through the DevTools protocol, which their content security policy does not stop.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { childStudyOptions, makeCtStudy, uploadStudy, type UploadedStudy } from '../helpers/pacs-study';
import { describeE2E, launchChromium, serveStatic, startOrthanc, waitForPanel, type ChromiumSession, type OrthancServer, type StaticServer } from './harness';
import { FIXTURES, serveFixture, type FixtureSite } from './pages/fixture-site';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; summary: string }[];
}

/** axe's violations on the page, or inside the element `include` (its shadow tree included). */
async function audit(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      interface AxeViolation {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown; failureSummary?: string }[];
      }
      const result = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })),
      }));
    },
    { include: include ?? null, tags: WCAG_22_AA },
  );
}

/** Opens the panel's card (a click on the pill) and waits for it. */
async function openCard(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('image-gently-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('.igp-pill')?.click());
  await page.waitForFunction(() => !!document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card'));
}

describeE2E('accessibility (axe-core, WCAG 2.2 AA)', ['chromium', 'orthanc'], () => {
  let chrome: ChromiumSession;
  let orthanc: OrthancServer;
  let child: UploadedStudy;
  let site: FixtureSite | undefined;
  let recipeSite: StaticServer | undefined;

  beforeAll(async () => {
    chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
    orthanc = await startOrthanc({
      name: 'IGC-A11Y',
      config: { DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: true, WadoRoot: '/wado', Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' } },
    });
    child = await uploadStudy((b) => orthanc.upload(b), makeCtStudy(childStudyOptions()));
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    await recipeSite?.close();
    await chrome?.close();
    await orthanc?.stop();
  });

  it('the popup', async () => {
    const page = await chrome.openPopup();
    await page.locator('.igc-statement a').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the options page', async () => {
    const page = await chrome.newPage();
    await page.goto(`${chrome.extensionOrigin}/options.html`);
    await page.locator('#igo-cutoff').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the panel, open, on an order page', async () => {
    const fixture = FIXTURES.find((f) => f.profile === 'generic' && f.file === 'order-entry.html');
    expect(fixture).toBeDefined();
    site = await serveFixture(fixture!);
    const page = await chrome.newPage();
    await page.goto(site.url);
    await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true', timeoutMs: 30_000 });
    await openCard(page);
    expect(await audit(page, 'image-gently-panel')).toEqual([]);
    await page.close();
  });

  it('the panel, open, on a PACS page (with its dose section)', async () => {
    const page = await chrome.newPage();
    await page.goto(orthanc.explorerUrl(`series?uuid=${child.axialSeriesId}`));
    await waitForPanel(page, { until: (s) => s.dataset.pediatric === 'true', timeoutMs: 30_000 });
    await page.waitForFunction(() => document.querySelector('image-gently-panel')?.hasAttribute('data-ssde-mgy'), null, { timeout: 30_000 });
    await openCard(page);
    await page.waitForFunction(() => /SSDE/.test(document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card')?.textContent ?? ''));
    expect(await audit(page, 'image-gently-panel')).toEqual([]);
    await page.close();
  });

  it('the picker, active, over a page (its card, and a field pointed at)', async () => {
    const path = '/acme/orders/4711';
    recipeSite = await serveStatic({ [path]: readFileSync(join(import.meta.dirname, '..', 'fixtures', 'recipe', 'acme-ris', 'page-1.html'), 'utf8') });
    const page = await chrome.newPage();
    await page.goto(recipeSite.url(path));
    // Started as the popup's "Teach this page" starts it: a message from an extension page to the background.
    const ext = await chrome.openPopup();
    await ext.waitForFunction(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime === 'object');
    const started = await ext.evaluate(async (want) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === want);
      return (await api.runtime.sendMessage({ type: 'start-picker-in-tab', tabId: tab!.id })) === true;
    }, page.url());
    expect(started).toBe(true);
    await ext.close();
    await page.bringToFront();
    const card = page.locator('image-gently-picker .igk-card');
    await card.waitFor();
    expect(await audit(page, 'image-gently-picker')).toEqual([]);
    // A field pointed at: the highlight and what the reader makes of it.
    const box = (await page.locator('[data-testid="pt-born"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await card.locator('.igk-reads').waitFor();
    expect(await audit(page, 'image-gently-picker')).toEqual([]);
    await page.close();
  });
});
