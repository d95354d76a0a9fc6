/**
 * One patient at a time on boards: a day grid of appointment blocks (rooms or scanners as columns, time slots as
 * rows, each block `NAME AGE+SEX · EXAM`) with nothing selected shows no patient and no exam — the rooms over the
 * columns (`CT-2`, `DX-1`, `RF-1`) are where exams are done, not exams, and one age among many is nobody's. Each
 * block is someone's record. With an appointment's dialog open, that appointment is the record.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { findAgeMentions } from '../../../content/read/parse/age-mentions';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T14:00:00Z');
const URL_ = 'https://sched.example.org/board/day';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

const pediatricRecords = (a: PageAnalysis) => a.records.filter((r) => r.pediatric && r.campaigns.length > 0).length;

/** A CSS grid of loose cells: a Time column, then one column per room; each booked cell one block. */
const DIV_GRID = `<div class="top"><b>RadBook</b> <span>Day</span> <span>Week</span></div>
  <div class="nav">‹ Wednesday, Dec 9, 2026 › · Rooms: CT-2, DX-1, RF-1</div>
  <div class="g" style="display:grid;grid-template-columns:50px repeat(3,1fr)">
    <div class="c hd">Time</div><div class="c hd">CT-2</div><div class="c hd">DX-1</div><div class="c hd">RF-1</div>
    <div class="c">07:30</div><div class="c bk">MARLOW, JUDE 7M · CT HEAD WO</div><div class="c bk">TANAKA, R 63F · XR SHOULDER</div><div class="c"></div>
    <div class="c">08:00</div><div class="c"></div><div class="c bk">BAPTISTE, L 14F · XR SCOLIOSIS</div><div class="c bk">NOOR, A 5mo F · FL UGI</div>
    <div class="c">08:30</div><div class="c bk">GRUBER, W 77M · CT CHEST WO</div><div class="c"></div><div class="c bk">FELL, O 81M · FL ESOPHAGRAM</div>
    <div class="c">09:00</div><div class="c bk">ODUYA, K 2F · US ABDOMEN</div><div class="c bk">LAINE, P 48F · XR FOOT</div><div class="c"></div>
  </div>`;

describe('a day grid of appointment blocks with nothing selected', () => {
  test('div grid of loose cells: no patient, no exam; the children\'s ionizing blocks are the pediatric records', () => {
    const a = read(DIV_GRID);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
    // MARLOW 7 (CT), BAPTISTE 14 (XR), NOOR 5 mo (fluoro); ODUYA 2 has an ultrasound; the rest are adults.
    expect(pediatricRecords(a)).toBe(3);
  });

  test('table board (rooms as header cells), one block per cell: no patient, no exam', () => {
    const a = read(`<h2>Imaging day board</h2><table><thead><tr><th>Time</th><th>CT 1</th><th>XR 2</th><th>Fluoro</th></tr></thead><tbody>
      <tr><td>08:00</td><td>ABARA, Chidi 9M · CT SINUS WO</td><td>WEST, Ann 70F · XR HIP 2V</td><td></td></tr>
      <tr><td>08:30</td><td>KLEIN, Uwe 55M · CT ABD/PELVIS W</td><td></td><td>PARDO, Lia 3F · FL VCUG</td></tr>
      <tr><td>09:00</td><td></td><td>ROY, Max 11M · XR CHEST 2V</td><td>HUNT, Eve 67F · FL UGI</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
    expect(a.modality).toBeNull();
  });

  test('the same div grid with an appointment dialog open: that appointment is the record', () => {
    const a = read(`${DIV_GRID}<div class="dlg" role="dialog"><h3>Appointment — FL UPPER GI SERIES</h3>
      <table><tr><td>Patient</td><td>NOOR, AMIRA (F)</td></tr><tr><td>DOB</td><td>06/18/2026</td></tr><tr><td>MRN</td><td>RB-7733410</td></tr>
      <tr><td>Room</td><td>RF-1</td></tr><tr><td>Status</td><td>Booked</td></tr></table></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays! > 150 && a.ageDays! < 200).toBe(true); // born 06/18/2026, not the 7-year-old's block
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
  });
});

describe('an age glued to the sex after a person\'s name', () => {
  test('"NAME, I 48F", "Name, Given 77M ·": years and sex', () => {
    expect(findAgeMentions('LAINE, P 48F · XR FOOT').map((m) => [m.reading.years, m.sex])).toEqual([[48, 'F']]);
    expect(findAgeMentions('Gruber, Walter 77M · CT CHEST').map((m) => [m.reading.years, m.sex])).toEqual([[77, 'M']]);
    expect(findAgeMentions('ABARA, C 9M').map((m) => [m.reading.years, m.sex])).toEqual([[9, 'M']]);
  });

  test('negatives: French sizes, floors, a months unit, no name before', () => {
    expect(findAgeMentions('Sheath: 5F · catheter 4F')).toEqual([]);
    expect(findAgeMentions('Ward 3F · Bed 12')).toEqual([]);
    expect(findAgeMentions('NOOR, A 5mo F')[0]!.reading.years).toBeCloseTo(5 / 12);
  });
});
