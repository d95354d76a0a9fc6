/**
 * A list of people has lines of its own that name nobody: a blocked slot, a QC run, a break, a totals line, often
 * one cell spanning the Patient column. Such a line is the list's, not a patient named outside it: with no row
 * selected the page still has no patient and no exam (no page modality from a "Modality: CT" title either), and each
 * person's row is a record. A patient named outside the list (a chart's banner) or a selected row still reads.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T14:00:00Z');
const URL_ = 'https://ris.example.org/schedule/day';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, dateOrder: 'MDY', ...options });
}

const pediatricRecords = (a: PageAnalysis) => a.records.filter((r) => r.pediatric && r.campaigns.length > 0).length;

const rowsOf = (blocked: string, selected = '') => `
  <tr><td>08:00</td><td>WREN, OTTO</td><td>5501234</td><td>04/02/2019</td><td>CT HEAD WO</td></tr>
  <tr${selected}><td>08:30</td><td>PAIK, HANA</td><td>5502345</td><td>10/11/1961</td><td>CT CHEST W</td></tr>
  ${blocked}
  <tr><td>10:00</td><td>MOSS, ELLA</td><td>5503456</td><td>01/30/2015</td><td>CT SINUS WO</td></tr>
  <tr><td>10:30</td><td>ZUBER, KARL</td><td>5504567</td><td>07/07/1950</td><td>CT ABD PELVIS W</td></tr>`;

/** A printed day list: title names the modality, one slot blocked across the patient columns. */
const PRINTED = (blocked: string, selected = '') => `<div class="hd"><b>RADIOLOGY — DAY LIST — MODALITY: CT — ROOM CT2</b><br>List date: TUE 12/08/2026</div>
  <table><tr><th>Time</th><th>Patient</th><th>MRN</th><th>DOB</th><th>Procedure</th></tr>${rowsOf(blocked, selected)}</table>`;

/** A div grid (ARIA rows and cells) ending in a totals row under the Patient column. */
const GRID = (last: string) => `<div class="hd"><b>Nuclear Medicine &amp; PET — weekly list</b> · Modality: NM · Week of 12/07/2026</div>
  <div role="table"><div role="row"><span role="columnheader">Day</span><span role="columnheader">Patient</span><span role="columnheader">Age</span><span role="columnheader">Study</span></div>
  <div role="row"><span role="cell">Mon</span><span role="cell">ORTIZ, LUNA</span><span role="cell">4Y</span><span role="cell">Renal scan DMSA</span></div>
  <div role="row"><span role="cell">Mon</span><span role="cell">BRANDT, HELGA</span><span role="cell">71Y</span><span role="cell">Bone scan whole body</span></div>
  <div role="row"><span role="cell">Tue</span><span role="cell">NAKATA, SORA</span><span role="cell">12Y</span><span role="cell">Gastric emptying study</span></div>
  <div role="row"><span role="cell">Wed</span><span role="cell">FOLEY, DAN</span><span role="cell">58Y</span><span role="cell">Thyroid uptake scan</span></div>
  ${last}</div>`;

describe("a list's own lines under its Patient column", () => {
  test('printed day list with a blocked slot across the patient columns: no patient, no exam, rows are records', () => {
    const a = read(PRINTED('<tr><td>09:00</td><td colspan="4">— BLOCKED 09:00–09:45 — service engineer / phantom QA —</td></tr>'));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
    // WREN 7 y and MOSS 11 y have CTs; PAIK and ZUBER are adults.
    expect(pediatricRecords(a)).toBe(2);
  });

  test('ARIA grid ending in a totals line under the Patient column: no patient, no exam, rows are records', () => {
    const a = read(GRID('<div role="row"><span role="cell"></span><span role="cell">Week totals (4 patients, 4 studies)</span><span role="cell"></span><span role="cell"></span></div>'));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
    expect(pediatricRecords(a)).toBe(2);
  });

  test('negative: the same lists without such a line read the same', () => {
    for (const a of [read(PRINTED('')), read(GRID(''))]) {
      expect(a.ageDays).toBeNull();
      expect(a.modality).toBeNull();
      expect(pediatricRecords(a)).toBe(2);
    }
  });

  test('negative: a selected row is still the open record beside a blocked slot', () => {
    const a = read(PRINTED('<tr><td>09:00</td><td colspan="4">— BLOCKED 09:00–09:45 — service engineer / phantom QA —</td></tr>', ' class="selected" aria-selected="true"'));
    expect(a.modality).toBe('CT');
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThan(18 * 365);
  });

  test("negative: a chart's banner naming its patient above a list still names the patient", () => {
    const a = read(`<div class="banner">Patient: WREN, OTTO · MRN 5501234 · DOB 04/02/2019 · 7 y</div>
      <h3>Exam</h3><p>Exam: CT HEAD WO · scheduled 12/08/2026</p>${PRINTED('<tr><td>09:00</td><td colspan="4">— BLOCKED —</td></tr>')}`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).not.toBeNull();
  });
});

/**
 * A block of a board may hold a second age-like value of its own (an obstetric scan's "20 WK" or "32 WK"):
 * that does not make the block a list of people, and the board's blocks are still its records.
 */
describe('a board block with a second age of its own', () => {
  const block = (name: string, age: string, exam: string) => `<div class="c"><div class="ap"><b>${name}</b> <span class="s">${age}</span><br>${exam}</div></div>`;
  const GRID = (odd: string) => `<div class="tools">Tuesday, December 8, 2026</div>
    <div class="cal" style="display:grid;grid-template-columns:60px repeat(3,1fr)"><div class="h">Time</div><div class="h">CT 1</div><div class="h">US 1</div><div class="h">X-RAY</div>
    <div class="t">08:00</div>${block('HALE, Nora', '66y F', 'CT CHEST WO')}${odd}${block('RIOS, Tomas', '12y M', 'XR SCOLIOSIS')}
    <div class="t">08:30</div>${block('ODOM, Pia', '6y F', 'CT SINUS WO')}<div class="c"></div>${block('LUND, Bo', '71y M', 'XR KNEE 2V')}</div>
    <p>No appointment selected.</p>`;

  test('day grid whose obstetric block says "20 WK": no patient, no exam, blocks are records', () => {
    const a = read(GRID(block('VEGA, Ana', '29y F', 'US OB 20 WK ANATOMY')));
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    // RIOS 12 (XR) and ODOM 6 (CT).
    expect(pediatricRecords(a)).toBe(2);
  });

  test('list of appointment cards, one an obstetric scan at 32 weeks: no patient, cards are records', () => {
    const card = (name: string, age: string, exam: string) => `<li class="appt"><span class="nm">${name}</span> <span class="ag">${age}</span><div class="ex">${exam}</div></li>`;
    const a = read(`<h2>Radiology appointments — Tue 12/08/2026</h2><ul class="appts">${card('HALE, Nora', '66 yrs', 'CT CHEST WO')}
      ${card('RIOS, Tomas', '12 yrs', 'XR SCOLIOSIS')}${card('VEGA, Ana', '29 yrs', 'US OB 32 WK GROWTH')}${card('ODOM, Pia', '6 yrs', 'CT SINUS WO')}${card('LUND, Bo', '71 yrs', 'XR KNEE 2V')}</ul>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    expect(pediatricRecords(a)).toBe(2);
  });

  test('negative: the same grid with an ordinary block reads the same', () => {
    const a = read(GRID(block('VEGA, Ana', '29y F', 'US PELVIS')));
    expect(a.ageDays).toBeNull();
    expect(pediatricRecords(a)).toBe(2);
  });

  test('negative: rooms holding several cards are still rooms, their cards the records', () => {
    const card = (name: string, age: string, exam: string) => `<div class="card"><b>${name}</b> <span>${age}</span> · ${exam}</div>`;
    const a = read(`<h2>Imaging board</h2><div class="rooms"><div class="room"><h4>CT 1</h4>${card('HALE, Nora', '66y F', 'CT CHEST WO')}${card('ODOM, Pia', '6y F', 'CT SINUS WO')}</div>
      <div class="room"><h4>X-RAY</h4>${card('RIOS, Tomas', '12y M', 'XR SCOLIOSIS')}${card('LUND, Bo', '71y M', 'XR KNEE 2V')}</div></div>`);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    expect(pediatricRecords(a)).toBe(2);
  });
});
