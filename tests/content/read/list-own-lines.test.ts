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
