/**
 * The reader is bounded on any page: on pages far bigger than any screen, in Chromium's real DOM (happy-dom takes
 * minutes over them), `analyzePage` as it ships still reads the page — the open patient, the first MAX_LIST_ROWS
 * rows of a list and nothing after them. What is read is asserted, never how long it took (budgets are in
 * `npm run bench`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyzePageScript } from '../../bench/support';
import { MAX_LIST_ROWS } from '@/content/read/profiles/table';
import type { PageAnalysis } from '@/content/read/types';
import { describeE2E, launchChromium, serveStatic, type ChromiumSession, type StaticServer } from './harness';

const HUGE = 30_000;
const NOW = '2026-11-24T12:00:00Z';

const rows = (n: number, row: (i: number) => string) => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(row(i));
  return out.join('');
};
const page = (body: string) => `<!doctype html><html><head><title>Chart</title></head><body>${body}</body></html>`;

/** A child's chart: its banner, then a list of the child's own exams. */
const chartWithLongList = page(`<div class="banner"><span>ROE, ANA</span> <span>DOB: 2020-05-02</span> <span>MRN 0042</span></div>
  <table><thead><tr><th>Exam date</th><th>Modality</th><th>Procedure</th></tr></thead>
  <tbody>${rows(HUGE, (i) => `<tr><td>2026-11-${String(1 + (i % 24)).padStart(2, '0')}</td><td>CT</td><td>CT HEAD ${i}</td></tr>`)}</tbody></table>`);

/** A worklist as a div grid (a header row of labels, then rows of as many cells). */
const longDivGrid = page(`<h1>Worklist</h1><div class="grid"><div><span>Patient</span><span>DOB</span><span>Exam date</span><span>Mod</span><span>Procedure</span></div>
  ${rows(HUGE, (i) => `<div><span>PT ${i}</span><span>${2000 + (i % 20)}-03-04</span><span>2026-11-20</span><span>CR</span><span>XR CHEST ${i}</span></div>`)}</div>`);

/** An order form at the top of a page with tens of thousands of paragraphs after it. */
const formThenText = page(`<div class="banner"><span>POE, ED</span> <span>Age: 4 years</span></div><h2>Order: CT ABDOMEN PELVIS WITH CONTRAST</h2>
  ${rows(HUGE, (i) => `<p>Note line ${i}: nothing of the patient here.</p>`)}`);

interface Read {
  pediatric: boolean;
  aged: boolean;
  modality: string | null;
  records: number;
  descriptions: (string | null)[];
  first20: boolean[];
  allPediatricCt: boolean;
}

describeE2E('the reader is bounded on huge pages (Chromium)', ['chromium'], () => {
  let chrome: ChromiumSession;
  let server: StaticServer;
  let tab: Page;
  let script: string;
  beforeAll(async () => {
    script = await analyzePageScript();
    server = await serveStatic({ routes: { '/chart': chartWithLongList, '/worklist': longDivGrid, '/order': formThenText } });
    chrome = await launchChromium({ build: null });
    tab = await chrome.newPage();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  /** What the analysis in the page read (a summary: 20,000 records are not worth sending back whole). */
  async function analyze(path: string): Promise<Read> {
    // Not waiting for the page's first layout (a huge table's is slow): the reader does not use layout.
    await tab.goto(server.url(path), { waitUntil: 'domcontentloaded' });
    await tab.addScriptTag({ content: script });
    return tab.evaluate((now) => {
      const analyzePage = (globalThis as unknown as { __analyzePage: (d: Document, u: string, o: object) => PageAnalysis }).__analyzePage;
      const a = analyzePage(document, location.href, { now: new Date(now) });
      return {
        pediatric: a.pediatric,
        aged: a.ageDays !== null,
        modality: a.modality,
        records: a.records.length,
        // The first and last children's rows (an adult's row keeps only its age).
        descriptions: [a.records.find((r) => r.pediatric)?.description ?? null, a.records.findLast((r) => r.pediatric)?.description ?? null],
        first20: a.records.slice(0, 20).map((r) => r.pediatric),
        allPediatricCt: a.records.every((r) => r.pediatric && r.modality === 'CT'),
      };
    }, NOW);
  }

  it(`a table of ${HUGE} rows: the patient, and records for the first ${MAX_LIST_ROWS} rows in order`, async () => {
    const a = await analyze('/chart');
    expect([a.pediatric, a.aged]).toEqual([true, true]);
    expect(a.records).toBe(MAX_LIST_ROWS);
    expect(a.descriptions).toEqual(['CT HEAD 0', `CT HEAD ${MAX_LIST_ROWS - 1}`]);
    expect(a.allPediatricCt).toBe(true);
  });

  it(`a div grid of ${HUGE} rows: records for the first ${MAX_LIST_ROWS} rows, each its own age`, async () => {
    const a = await analyze('/worklist');
    expect(a.records).toBe(MAX_LIST_ROWS);
    expect(a.descriptions).toEqual(['XR CHEST 9', `XR CHEST ${MAX_LIST_ROWS - 1}`]);
    // Born 2000–2019, examined 2026-11-20: the rows born 2009 or later are children.
    expect(a.first20).toEqual(Array.from({ length: 20 }, (_, i) => i >= 9));
  });

  it(`an order above ${HUGE} paragraphs: the patient and the exam`, async () => {
    const a = await analyze('/order');
    expect([a.pediatric, a.modality]).toEqual([true, 'CT']);
  });
});
