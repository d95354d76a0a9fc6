/**
 * A list table read column by column (`readListTable`) gives, for every row it keeps, the text of the row's own cells
 * (its `td`/`th` children, in order) under each mapped column — the columns read at once and the exam's, read on
 * demand — whatever the table's shape: the exam's columns before or after the dates, rows with fewer cells, an element
 * that is not a cell inside a row or a body, a row with no text in its mapped cells, a header row inside the body, rows right under the table, a table nested
 * in a cell.
 */
import { describe, expect, test } from 'vitest';
import { factText } from '../../../../content/read/profiles/profile';
import { headerCellsOf, readListTable } from '../../../../content/read/profiles/table';
import { parseHtml } from '../../../helpers/pages';

/** What each column should hold: the rows with text in a mapped cell, each cell's text (own cells only). */
function expected(table: HTMLTableElement, header: readonly string[], columns: readonly string[]): string[][] {
  const rows: Element[] = [];
  for (const section of Array.from(table.children)) {
    if (section.tagName === 'TR') rows.push(section);
    else if (section.tagName === 'TBODY') for (const r of Array.from(section.children)) if (r.tagName === 'TR') rows.push(r);
  }
  const out: string[][] = columns.map(() => []);
  for (const row of rows) {
    const cells = Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.every((c) => c.tagName === 'TH')) continue; // the header row
    const texts = columns.map((label) => factText(cells[header.indexOf(label)]?.textContent ?? ''));
    if (texts.some((t) => t)) texts.forEach((t, c) => out[c]!.push(t));
  }
  return out;
}

function readAll(table: HTMLTableElement): { labels: string[]; values: string[][] } {
  const t = readListTable(table, (c) => c.label)!;
  return {
    labels: t.columns.map((c) => c.where),
    values: t.columns.map((_, c) => t.values[c]!.map((v, r) => v ?? t.cell!(c, r))),
  };
}

const ROWS = [
  ['Ames, Lia', '2019-03-02', '2026-11-24', 'CT', 'CT head'],
  ['Boyd, Sam', '1961-07-14', '2026-11-24', 'MR', 'MR brain'],
  ['Cruz, Noa', '', '', 'US', 'US abdomen'],
  ['Diaz, Eve', '2021-06-10', '2026-11-23', '', ''],
];
const HEAD = ['Patient', 'DOB', 'Exam date', 'Mod', 'Procedure'];

function tableHtml(order: readonly number[], rowHtml: (cells: string[]) => string = (c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`): string {
  const pick = (r: readonly string[]) => order.map((i) => r[i]!);
  return `<table><thead><tr>${pick(HEAD).map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${ROWS.map((r) => rowHtml(pick(r))).join('')}</tbody></table>`;
}

function check(html: string, edit?: (table: HTMLTableElement) => void): void {
  const doc = parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  const table = doc.querySelector('table')!;
  edit?.(table);
  const header = Array.from(headerCellsOf(table)!, (c) => c.textContent!.trim());
  const got = readAll(table);
  expect(got.values).toEqual(expected(table, header, got.labels));
  expect(got.values[0]!.length).toBeGreaterThan(0);
}

describe('readListTable reads each row its own cells', () => {
  test('exam columns after the dates, and before them', () => {
    check(tableHtml([0, 1, 2, 3, 4]));
    check(tableHtml([4, 3, 0, 1, 2]));
    check(tableHtml([1, 4, 2, 0, 3]));
  });

  test('rows with fewer cells than the header (a details row of one wide cell)', () => {
    check(tableHtml([0, 1, 2, 3, 4], (c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr><tr><td colspan="5">Prior: CT chest 2024</td></tr><tr><td>Eng</td><td>2020-01-01</td></tr>`));
  });

  test('a row with an element that is not a cell among its cells, and a body with one among its rows', () => {
    check(tableHtml([0, 1, 2, 3, 4]), (table) => {
      const body = table.querySelector('tbody')!;
      const row = body.children[0]!;
      const odd = table.ownerDocument.createElement('div');
      odd.textContent = '1999-09-09';
      row.insertBefore(odd, row.children[1]!);
      const stray = table.ownerDocument.createElement('div');
      stray.textContent = 'CT orbit';
      body.insertBefore(stray, body.children[2]!);
    });
  });

  test('th cells in data rows, a header row inside the body, rows right under the table', () => {
    check(tableHtml([0, 1, 2, 3, 4], (c) => `<tr><th>${c[0]}</th>${c.slice(1).map((x) => `<td>${x}</td>`).join('')}</tr>`));
    check(`<table><tbody><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>${ROWS.map((r) => `<tr>${r.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    check(`<table>${`<tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>`}${ROWS.map((r) => `<tr>${r.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('')}</table>`, (table) => {
      // The parser puts rows under a tbody: move them right under the table.
      const body = table.querySelector('tbody')!;
      while (body.firstChild) table.insertBefore(body.firstChild, body);
      body.remove();
    });
  });

  test('a row with no text in any mapped cell is not kept, and the row after it reads its own exam', () => {
    check(tableHtml([0, 1, 2, 3, 4], (c) => `<tr><td>Blank</td><td></td><td></td><td></td><td></td></tr>${`<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`}`));
    check(tableHtml([0, 1, 2, 3, 4], (c) => `<tr><td>Blank</td><td> </td><td></td><td>&nbsp;</td><td></td></tr>${`<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`}`));
  });

  test('a table nested in a cell before the dates', () => {
    check(tableHtml([0, 1, 2, 3, 4], (c) => `<tr><td>${c[0]}<table><tr><td>alias</td><td>1900-01-01</td></tr></table></td>${c.slice(1).map((x) => `<td>${x}</td>`).join('')}</tr>`));
  });
});
