/**
 * "Child?" in a real Chromium (e2e build): a page whose only age has no label and no patient header (a name or record
 * number beside it) gets the chip "Child? · <modality>", the campaign's reminders, one note saying why no number is
 * shown, and "Why am I seeing this?" says the age is unsure. The same page with a patient header gets the plain
 * "Child · <modality>". Two layouts: an order composer's strip (`6 y.o. M`) and a requisition's rows (`4 yrs F`).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeE2E, launchChromium, serveStatic, waitForPanel, type ChromiumSession, type StaticServer } from './harness';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
  <style>body{font:13px system-ui;margin:0}.bar{background:#234;color:#fff;padding:6px}.strip{background:#eef;padding:4px 8px}
  .row{display:flex;gap:12px;padding:3px 8px}.lbl{color:#666;font-size:11px;text-transform:uppercase}</style></head><body>${body}</body></html>`;

const ORDER_EXAM = `<h2>CT ABDOMEN PELVIS W CONTRAST</h2><div class="row"><span>Priority: Routine</span><span>Reason: abdominal pain, rule out appendicitis</span></div>`;
const REQ_EXAM = `<div class="row"><span class="lbl">Procedure</span><span>XR CHEST 2 VIEWS</span></div><div class="row"><span class="lbl">Indication</span><span>cough, fever</span></div>`;

const LAYOUTS = [
  {
    name: 'an order composer',
    modality: 'CT',
    unsure: page('Order composer', `<div class="bar">Orders · New order</div><div class="strip"><span>6 y.o. M</span></div>${ORDER_EXAM}`),
    sure: page('Order composer', `<div class="bar">Orders · New order</div><div class="strip"><span>DOE, KIM</span> <span>MRN 0012345</span> <span>6 y.o. M</span></div>${ORDER_EXAM}`),
  },
  {
    name: 'a requisition',
    modality: 'DX',
    unsure: page('Requisition', `<div class="bar">Radiology requisition</div><div class="req">${REQ_EXAM}<div class="row"><span>4 yrs F</span></div></div>`),
    sure: page('Requisition', `<div class="bar">Radiology requisition</div><div class="req"><div class="row"><span class="lbl">Patient</span><span>ROE, ANA</span><span class="lbl">Age</span><span>4 yrs</span><span>F</span></div>${REQ_EXAM}</div>`),
  },
] as const;

describeE2E('"Child?" when the age is unsure (Chromium, e2e build)', ['chromium'], () => {
  let chrome: ChromiumSession;
  let server: StaticServer;
  beforeAll(async () => {
    const routes: Record<string, string> = {};
    LAYOUTS.forEach((l, i) => {
      routes[`/app/${i}/unsure`] = l.unsure;
      routes[`/app/${i}/sure`] = l.sure;
    });
    server = await serveStatic({ routes });
    chrome = await launchChromium({ build: 'chrome-mv3-e2e' });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const p of chrome.context.pages()) if (!p.isClosed()) await p.close();
  });

  /** Opens the page, waits for the panel, expands it and returns what the user sees. */
  async function open(path: string) {
    const tab = await chrome.newPage();
    await tab.goto(server.url(path));
    await waitForPanel(tab, { until: (s) => s.dataset.pediatric === 'true', timeoutMs: 30_000 });
    await tab.locator('image-gently-panel .igp-pill').click();
    await tab.locator('image-gently-panel .igp-card').waitFor();
    return tab.evaluate(() => {
      const host = document.querySelector('image-gently-panel')!;
      const root = host.shadowRoot!;
      return {
        unsure: host.getAttribute('data-age-unsure'),
        modality: host.getAttribute('data-modality'),
        pill: root.querySelector('.igp-pill')!.textContent!.trim(),
        notes: [...root.querySelectorAll('.igp-notes li')].map((li) => li.textContent!.trim()),
        numbers: root.querySelectorAll('.igp-numbers').length,
        campaigns: [...root.querySelectorAll('.igp-campaign li')].length,
        firstEvidence: root.querySelector('.igp-evidence li')?.getAttribute('data-kind') ?? null,
        evidenceText: root.querySelector('.igp-evidence')?.textContent ?? '',
      };
    });
  }

  it.each(LAYOUTS.map((l, i) => [l.name, i, l.modality] as const))('%s: an unlabelled age with no header asks "Child?"; with a header it does not', async (_name, i, modality) => {
    const unsure = await open(`/app/${i}/unsure`);
    expect(unsure).toMatchObject({ unsure: 'true', modality, pill: `Child? · ${modality}`, numbers: 0, firstEvidence: 'age-unsure' });
    expect(unsure.notes).toContain("Unsure this age is the patient's, so no dose numbers are shown: check the patient's age.");
    expect(unsure.campaigns).toBeGreaterThan(0);
    expect(unsure.evidenceText).toMatch(/no label and no patient header/);

    const sure = await open(`/app/${i}/sure`);
    expect(sure).toMatchObject({ unsure: null, modality, pill: `Child · ${modality}` });
    expect(sure.notes.join(' ')).not.toMatch(/Unsure/);
    expect(sure.firstEvidence).not.toBe('age-unsure');
    expect(sure.evidenceText).not.toMatch(/no patient header/);
    expect(sure.campaigns).toBeGreaterThan(0);
  });
});
