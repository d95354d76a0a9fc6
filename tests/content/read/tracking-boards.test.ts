/**
 * Emergency department tracking boards: a board of rows (room, patient, age/sex, complaint, acuity, orders) where one
 * selected row is the open record and no selection opens nothing — whatever the other rows' ages. Each layout is
 * written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const YEAR = 365.25;

function read(body: string, lang = 'en'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>ED Tracking</title></head><body>${body}</body></html>`), 'https://ed.example.org/tracking', { now: NOW });
}

const HEAD = `<div class="bar">ED Tracking — Main ED · Census 5 · Sort: Room</div>`;
const row = (cls: string, room: string, name: string, ageSex: string, cc: string, img: string) =>
  `<tr${cls ? ` class="${cls}" aria-selected="true"` : ''}><td>${room}</td><td>${name}</td><td>${ageSex}</td><td>${cc}</td><td>3</td><td>${img}</td></tr>`;
const table = (rows: string) =>
  `${HEAD}<table class="board"><tr><th>Rm</th><th>Patient</th><th>Age/Sex</th><th>Complaint</th><th>ESI</th><th>Imaging</th></tr>${rows}</table>`;

describe('a table board', () => {
  const rows = (selected: number | null) =>
    [
      row(selected === 0 ? 'sel' : '', 'R1', 'MORALES, Ana', '25 F', 'RUQ pain, pregnant', 'US RUQ ordered'),
      row(selected === 1 ? 'sel' : '', 'R2', 'OSEI, Kwame', '7 M', 'Wrist injury', 'XR WRIST 3V done'),
      row(selected === 2 ? 'sel' : '', 'R3', 'BAKER, Joe', '63 M', 'Chest pain', 'CT CHEST ANGIO ordered'),
      row(selected === 3 ? 'sel' : '', 'R4', 'NGUYEN, Ella', '11 mo F', 'Fever', '—'),
      row(selected === 4 ? 'sel' : '', 'R5', 'KLEIN, Otto', '58 M', 'Back pain', '—'),
    ].join('');

  test('nothing selected: nothing is open, and adults\' rows are adults', () => {
    const a = read(table(rows(null)));
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
    const kids = a.records.filter((r) => r.pediatric);
    expect(kids.length).toBeLessThanOrEqual(2);
    expect(a.records.filter((r) => r.ageDays !== null && r.ageDays > 20 * YEAR).length).toBeGreaterThanOrEqual(2);
  });

  test('the adult\'s row selected: her age, not another row\'s', () => {
    const a = read(table(rows(0)));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(Math.floor(25 * YEAR));
    expect(a.ageDays).toBeLessThan(26 * YEAR);
  });

  test('the child\'s row selected: the child and the radiograph', () => {
    const a = read(table(rows(1)));
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(Math.floor(7 * YEAR));
    expect(a.modality).toBe('DX');
  });

  test('an older adult\'s row selected with a CT: an adult', () => {
    const a = read(table(rows(2)));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(Math.floor(63 * YEAR));
  });
});

describe('a div-grid board (ARIA rows)', () => {
  const cell = (t: string) => `<div role="gridcell" class="c">${t}</div>`;
  const gridRow = (sel: boolean, cells: string[]) => `<div role="row" class="r${sel ? ' is-selected' : ''}"${sel ? ' aria-selected="true"' : ''}>${cells.map(cell).join('')}</div>`;
  const grid = (selected: number | null) =>
    `${HEAD}<div role="grid" class="board">
      <div role="row" class="h">${['Bed', 'Name', 'Age/Sex', 'Chief complaint', 'Orders'].map((t) => `<div role="columnheader">${t}</div>`).join('')}</div>
      ${gridRow(selected === 0, ['B2', 'REYES, Lila', '2 F', 'Ear pain', '—'])}
      ${gridRow(selected === 1, ['B4', 'WOLFE, Dana', '31 F', 'Ankle injury', 'XR ANKLE 3V'])}
      ${gridRow(selected === 2, ['B7', 'PIKE, Sam', '9 M', 'Fall from bike', 'XR FOREARM 2V'])}
      ${gridRow(selected === 3, ['B9', 'HALL, Roy', '79 M', 'Confusion', 'CT HEAD WO'])}
    </div>`;

  test('nothing selected: nothing is open', () => {
    const a = read(grid(null));
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });

  test('the adult with the ankle radiograph selected: an adult', () => {
    const a = read(grid(1));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(Math.floor(31 * YEAR));
  });

  test('the 79-year-old with the CT head selected: an adult, not 79 months', () => {
    const a = read(grid(3));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(Math.floor(79 * YEAR));
  });

  test('the 9-year-old with the forearm radiograph selected: a child', () => {
    const a = read(grid(2));
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(Math.floor(9 * YEAR));
    expect(a.modality).toBe('DX');
  });
});
