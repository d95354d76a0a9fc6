/**
 * Hostile pages: whatever the DOM holds, every profile reads it without failing, and no fact's text grows with
 * the page (the word patterns run over each fact, so a bounded fact keeps every reading of the page linear).
 * Time budgets for the worst pages are in `npm run bench` (bench/hostile).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePage, readPage } from '../../content/analyze';
import { classifyProcedure } from '../../content/read/parse/procedure';
import { MAX_FACT_CHARS, MAX_FACTS_PER_RECORD } from '../../content/read/profiles/profile';
import { headerCellsOf, readListGrid, readListTable } from '../../content/read/profiles/table';
import type { PageFindings } from '../../content/read/types';
import { parseHtml } from '../helpers/pages';

const URL_ = 'https://ehr.example.org/chart';

/** Every text a profile read: facts of the record and rows, and every table cell. */
function factTexts(f: PageFindings): string[] {
  return [
    ...(f.primary ?? []).map((x) => x.text),
    ...f.rows.flat().map((x) => x.text),
    // Cells read on demand are read here, as decide would.
    ...(f.tables ?? []).flatMap((t) => [...t.values.flatMap((col, c) => col.map((v, r) => v ?? t.cell!(c, r))), ...t.base.map((x) => x.text)]),
  ];
}

describe('fact text is capped where facts are read', () => {
  const huge = 'CT '.repeat(40_000); // 120 KB of the words the chest-abdomen-pelvis pattern looks for
  const shapes: Record<string, string> = {
    'inline text': `<p>DOB: 01/02/2020</p><p>Procedure: ${huge}</p>`,
    'label then text': `<p>DOB: 01/02/2020</p><p><b>Procedure:</b> ${huge}</p>`,
    'definition list': `<dl><dt>DOB</dt><dd>01/02/2020</dd><dt>Procedure</dt><dd>${huge}</dd></dl>`,
    'key/value row': `<table><tr><td>DOB:</td><td>01/02/2020</td><td>Procedure</td><td>${huge}</td></tr></table>`,
    'form label': `<label>DOB <input value="01/02/2020"></label><label for="p">Procedure</label><input id="p" value="${huge}">`,
    'list table': `<table><thead><tr><th>DOB</th><th>Procedure</th><th>Modality</th></tr></thead><tbody><tr><td>01/02/2020</td><td>${huge}</td><td>CT</td></tr></tbody></table>`,
  };
  it.each(Object.keys(shapes))('%s: every fact is at most MAX_FACT_CHARS', (shape) => {
    const findings = readPage(parseHtml(`<html><body>${shapes[shape]}</body></html>`), URL_);
    const texts = factTexts(findings);
    expect(texts.some((t) => t.startsWith('CT CT'))).toBe(true);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_FACT_CHARS);
  });
});

describe('a record keeps a bounded number of facts', () => {
  it.each([
    ['definition list', `<dl>${'<dt>DOB</dt><dd>08/15/2020</dd><dt>Procedure</dt><dd>CT CAP</dd>'.repeat(1000)}</dl>`],
    ['pairs in one text node', `<p>${'DOB: 08/15/2020 Procedure: CT CAP '.repeat(1000)}</p>`],
    ['pairs in many text nodes', '<p>DOB: 08/15/2020</p><p>Procedure: CT CAP</p>'.repeat(1000)],
  ])('%s: at most MAX_FACTS_PER_RECORD facts, and evidence to match', (_, body) => {
    const doc = parseHtml(`<html><body>${body}</body></html>`);
    const findings = readPage(doc, URL_);
    expect(findings.primary!.length).toBeGreaterThan(0);
    expect(findings.primary!.length).toBeLessThanOrEqual(MAX_FACTS_PER_RECORD);
    const a = analyzePage(doc, URL_, { now: new Date('2026-01-01T00:00:00Z') });
    expect(a.pediatric).toBe(true);
    expect(a.evidence.length).toBeLessThanOrEqual(MAX_FACTS_PER_RECORD + 20);
  });
});

describe('a list is read from its first rows only', () => {
  // MAX_LIST_ROWS (20,000) rows make a page happy-dom takes minutes over; the same code with a small limit here, the
  // real size in Chromium (tests/e2e/reader-bounds.e2e.test.ts).
  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('');
  const cells = (i: number) => [`ROE ${i}`, `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`, '2026-11-20', 'CT', `CT HEAD ${i}`];
  it('a table: the first rows, in order, up to the limit', () => {
    const doc = parseHtml(`<html><body><table><thead><tr><th>Patient</th><th>DOB</th><th>Exam date</th><th>Mod</th><th>Procedure</th></tr></thead>
      <tbody>${rows(50, (i) => `<tr>${cells(i).map((c) => `<td>${c}</td>`).join('')}</tr>`)}</tbody>
      <tbody>${rows(20, (i) => `<tr>${cells(100 + i).map((c) => `<td>${c}</td>`).join('')}</tr>`)}</tbody></table></body></html>`);
    const table = doc.querySelector('table')!;
    // The procedure column is read on demand (as decide does for a row that is not an adult's).
    const read = (max: number) => {
      const t = readListTable(table, () => 'list', [], headerCellsOf(table), max)!;
      const c = t.columns.length - 1;
      return t.values[c]!.map((_, r) => t.cell!(c, r));
    };
    expect(read(30)).toEqual(Array.from({ length: 30 }, (_, i) => `CT HEAD ${i}`));
    // The limit counts over the table's sections.
    expect(read(55).slice(-6)).toEqual(['CT HEAD 49', 'CT HEAD 100', 'CT HEAD 101', 'CT HEAD 102', 'CT HEAD 103', 'CT HEAD 104']);
    expect(read(1000)).toHaveLength(70);
  });
  it('a div grid: the first rows, in order, up to the limit', () => {
    const doc = parseHtml(`<html><body><div class="grid"><div><span>Patient</span><span>DOB</span><span>Exam date</span><span>Mod</span><span>Procedure</span></div>
      ${rows(50, (i) => `<div>${cells(i).map((c) => `<span>${c}</span>`).join('')}</div>`)}</div></body></html>`);
    const grid = doc.querySelector('.grid')!;
    const [header, ...body] = Array.from(grid.children);
    const t = readListGrid(header!.children, body, () => 'list', [], 30)!;
    expect(t.values.at(-1)).toHaveLength(30);
    expect(t.cell!(t.columns.length - 1, 29)).toBe('CT HEAD 29');
  });
});

describe('chest-abdomen-pelvis: "CT" and "CAP" are two words, in either order', () => {
  it.each([
    ['CT CAP W CONTRAST', 'chest-abdomen-pelvis'],
    ['CAP CT', 'chest-abdomen-pelvis'],
    ['CT OF THE CAP, PORTAL VENOUS', 'chest-abdomen-pelvis'],
    ['CT C/A/P', 'chest-abdomen-pelvis'],
    ['CT HEAD', 'head'],
    ['KNEE CAP X-RAY', 'extremity'],
    ['CTCAP', null],
  ] as const)('%s → %s', (text, region) => {
    expect(classifyProcedure(text).region).toBe(region);
  });
});

const tag = fc.constantFrom('div', 'p', 'span', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'dl', 'dt', 'dd', 'label', 'b', 'section', 'main', 'header', 'nav', 'input', 'select', 'option');
const word = fc.constantFrom('DOB:', 'Age:', 'Edad:', 'Weight:', 'Procedure:', 'Modality', 'Study date', 'CT', 'CAP', '4 yrs', '006Y', '01/02/2020', '20 kg', 'W/O & W', '&lt;', '&amp;', ' ', '\n', '\u00a0', '<!-- x -->', 'constructor', '__proto__', 'toString');
/** Random nested markup built from the pieces the profiles look for. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.tuple(tag, fc.array(tie('node'), { maxLength: 5 })).map(([t, kids]) => `<${t}>${kids.join('')}</${t}>`),
  ),
})).node;

describe('analyzePage on arbitrary pages', () => {
  it('no profile fails to read and the analysis never fails, on any site', () => {
    const urls = ['https://ehr.example.org/chart', 'http://127.0.0.1:8042/app/explorer.html#study?uuid=x', 'http://localhost:3000/viewer?StudyInstanceUIDs=1.2', 'https://pacs.example.org/dcm4chee-arc/ui2/'];
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 8 }), fc.constantFrom(...urls), (parts, url) => {
        const doc = parseHtml(`<html><body>${parts.join('')}</body></html>`);
        const findings = readPage(doc, url);
        expect(findings.notes.filter((n) => n.where === 'read failed')).toEqual([]);
        expect(factTexts(findings).every((t) => t.length <= MAX_FACT_CHARS)).toBe(true);
        const a = analyzePage(doc, url, { now: new Date('2026-01-01T00:00:00Z') });
        expect(a.evidence.filter((e) => e.text === 'analysis failed')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
