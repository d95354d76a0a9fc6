/**
 * One patient at a time on boards: a day grid of appointment blocks (rooms or scanners as columns, time slots as
 * rows, each block `NAME AGE+SEX · EXAM`) with nothing selected shows no patient and no exam — the rooms over the
 * columns (`CT-2`, `DX-1`, `RF-1`) are where exams are done, not exams, and one age among many is nobody's. Each
 * block is someone's record. With an appointment's dialog open, that appointment is the record. A day book's entry may
 * name its person with the birth date or the age in brackets (`Quinn, Tessa (01/08/2015)`, `Ruiz, Camila (9)`): each
 * entry a record, its slot's room (`07:20 · CT 2`) no exam, and never the page's patient.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { namesOnlyPlaces } from '../../../content/read/generic/exam';
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

describe("a day book's entries name each person with a birth date or an age in brackets ('Quinn, Tessa (01/08/2015)', 'Ruiz, Camila (9)')", () => {
  test('slot cards of lines (time and room, name with its birth date, exam), nothing selected: no one; the children\'s ionizing slots are records', () => {
    const a = read(`<div class="hdr">Imaging Scheduler · Mon 12/07/2026</div><h3>All scanners — 12/07/2026</h3>
      <ul class="book">
        <li class="bk"><span class="tm">07:00 · MR 1</span><span class="who">Adler, Ben (05/19/2016)</span><span class="ex">MR BRAIN WO</span></li>
        <li class="bk"><span class="tm">07:20 · CT 2</span><span class="who">Bello, Tara (02/11/2019)</span><span class="ex">CT ABDOMEN PELVIS W</span></li>
        <li class="bk"><span class="tm">07:40 · XR 1</span><span class="who">Crane, Oscar (10/30/1949)</span><span class="ex">XR KNEE 3V</span></li>
        <li class="bk"><span class="tm">08:00 · FL 1</span><span class="who">Dunn, Ivy (06/06/2025)</span><span class="ex">UPPER GI</span></li>
        <li class="bk"><span class="tm">08:20 · CT 2</span><span class="who">Eze, Ada (01/25/1990)</span><span class="ex">CT CHEST W</span></li>
      </ul><p>No appointment selected.</p>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([false, null, null, []]);
    expect(a.records).toHaveLength(5);
    expect(pediatricRecords(a)).toBe(2); // the MR brain is a child's but no campaign
    // Each record's exam is its exam line, not its slot's room ("07:20 · CT 2")
    expect(a.records.filter((r) => r.pediatric).map((r) => r.description)).toEqual(['MR BRAIN WO', 'CT ABDOMEN PELVIS W', 'UPPER GI']);
  });
  test("a dental appointment book of one-line entries with the age in brackets ('Ruiz, Camila (9)'), no chart open", () => {
    const a = read(`<div class="menu">Appointments · Family · Chart · Imaging</div>
      <div class="book"><h3>Tuesday, Dec 8, 2026</h3><div class="chair">Chair 2 — Dr. Amari</div>
        <div class="ap"><b>8:30</b> Ferro, Luca (8) — 2BWX, prophy</div>
        <div class="ap"><b>9:30</b> Holt, Grace (54) — Crown prep #3</div>
        <div class="ap"><b>10:30</b> Ibarra, Sol (11) — Pano</div>
        <div class="ap"><b>11:30</b> Jensen, Mads (6) — Sealants</div>
        <div class="ap"><b>1:00</b> Kaur, Priya (41) — FMX</div></div>`);
    expect([a.pediatric, a.ageDays, a.modality, a.campaigns]).toEqual([false, null, null, []]);
    expect(a.records.map((r) => [r.pediatric, r.modality])).toEqual([[true, 'IO'], [true, 'PX'], [false, null]]); // a crown or sealants: no imaging
    expect(pediatricRecords(a)).toBe(2);
  });
  test("one slot open among others' slots written 'HH:MM Name (DOB) EXAM': the open slot's exam, not a neighbour's", () => {
    const a = read(`<div class="top">Scheduling · Mon 12/07/2026</div><h2>Board · 12/10/2026 · XR 1</h2>
      <div class="sl">09:00 Orr, Dana (04/02/1958) XR HIP 2V</div>
      <div class="sl open"><b>09:30 XR 1 – BOOKED</b><br>Patient: Pike, Nora · DOB 03/03/2013 · F<br>Exam: XR SCOLIOSIS SERIES PA + LAT<br>Scheduled: 12/10/2026 09:30</div>
      <div class="sl">10:00 Quist, Al (09/09/1966) XR FOOT 3V</div>`);
    expect([a.pediatric, a.modality, a.region, a.ageBasis]).toEqual([true, 'DX', 'spine', 'scheduled']);
  });
  test('negatives: a signature or a sent date in brackets after a name is no birth date; a message count is no age', () => {
    const a = read(`<div class="ban">Patient: Lowe, Sam · DOB 02/02/1980</div><p>Exam: CT HEAD WO</p>
      <p>Signed: Ortiz, Carmen (12/01/2026)</p>`);
    expect([a.pediatric, a.ageDays !== null && a.ageDays > 365 * 40]).toEqual([false, true]);
    const b = read(`<div class="inbox"><div class="m">Ames, Lia (3)</div><div class="m">Boyd, Sam (12)</div></div>
      <div class="ban">Patient: Lowe, Sam · DOB 02/02/1980</div><p>Exam: CT HEAD WO</p>`);
    expect([b.pediatric, b.records.filter((r) => r.pediatric)]).toEqual([false, []]);
  });
});

describe("a room or scanner named by its modality code and number is a place, not an exam", () => {
  test.each([
    ['07:30 CT 1', true],
    ['XR 2', true],
    ['09:15 XR 2 – OPEN', true],
    ['US-2', true],
    ['MRI Scanner 2', true],
    ['XR 2 views', false],
    ['XR 2V chest', false],
    ['CT 3 phase liver', false],
    ['MR 1.5T knee', false],
    ['CT 64-slice', false],
    ['CT 1 CHEST W', false],
  ])('%j: %s', (text, place) => {
    expect(namesOnlyPlaces(text)).toBe(place);
  });
});
