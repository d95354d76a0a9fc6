/**
 * Dates written without a year on schedules and appointment lines (layouts written for the test): a day board's title
 * ("CT Schedule for Dec 9", "Agenda — 9 dic"), an appointment's date ("Appointment: Dec 9 10:30", "Cita: 9 de
 * diciembre"). The year is the one that puts the day nearest today (within half a year); a weekday written with it
 * must fall on it. Only for the reference roles (scheduled, exam, order, visit) and a day's heading — never for a
 * birth date, nor for a day told in a note's history ("since Dec 9").
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { parseDate } from '../../../content/read/parse/dates';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

/** Monday 7 December 2026. */
const NOW = new Date('2026-12-07T15:00:00Z');
const TODAY = { y: 2026, m: 12, d: 7 };
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Scheduling</title></head><body>${body}</body></html>`), 'https://ris.example.org/schedule', { now: NOW });
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, basis: a.ageBasis, modality: a.modality });

const ROWS = `<table><thead><tr><th>Time</th><th>Patient</th><th>DOB</th><th>Procedure</th><th>Status</th></tr></thead><tbody>
  <tr><td>08:00</td><td>HALE, TOM</td><td>02/23/1971</td><td>CT CHEST W CONTRAST</td><td>Scheduled</td></tr>
  <tr class="row-selected" aria-selected="true"><td>09:30</td><td>DUBOIS, CHLOE</td><td>12/08/2008</td><td>CT HEAD WO CONTRAST</td><td>Scheduled</td></tr>
  <tr><td>11:00</td><td>NG, AMY</td><td>09/09/2015</td><td>CT ABD PELVIS W</td><td>Scheduled</td></tr></tbody></table>`;

describe('a date with no year', () => {
  test('a day board titled "CT Schedule for Dec 9": the selected row is booked that day', () => {
    // Born 2008-12-08: 17 today, 18 on the booked day.
    const a = read(`<h1>CT Schedule for Dec 9</h1>${ROWS}`);
    expect(got(a)).toEqual({ pediatric: false, days: days('2008-12-08', '2026-12-09'), basis: 'scheduled', modality: 'CT' });
  });
  test('an appointment line "Appointment: Dec 9 10:30 — CT head" under a banner', () => {
    const a = read(`<div class="banner"><span>PIKE, Oliver</span> <span>DOB 03/14/2019</span> <span>MRN 448812</span></div>
      <ul class="appts"><li>Appointment: Dec 9 10:30 — CT head without contrast</li></ul>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-03-14', '2026-12-09'), basis: 'scheduled', modality: 'CT' });
  });
  test('a label/value grid whose "Appt" value holds the day and the exam', () => {
    const a = read(`<div class="hdr"><div class="f"><span class="k">Patient</span><span>NG, Amaka</span></div><div class="f"><span class="k">DOB</span><span>05/30/2017</span></div></div>
      <div class="f"><span class="k">Appt</span><span>Dec 9 10:30 — XR left wrist 3 views</span></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2017-05-30', '2026-12-09'), basis: 'scheduled', modality: 'DX' });
  });
  test('Spanish: "Cita: 9 de diciembre, 10:30" in a label/value card', () => {
    const a = read(`<div class="pac"><b>RAMOS LÓPEZ, Sofía</b> · F. nac. 14/05/2019 · NHC 448812</div>
      <div class="cita"><div><b>Cita:</b> 9 de diciembre, 10:30</div><div><b>Prueba:</b> Radiografía de tórax</div></div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-05-14', '2026-12-09'), basis: 'scheduled', modality: 'DX' });
  });
  test('a Spanish day board "Agenda — 9 dic" of div items with the active one', () => {
    const a = read(`<div class="top"><h2>Agenda Telemando 1 — 9 dic</h2></div><div class="list">
       <div class="item"><span>08:00</span><span>PÉREZ SOTO, Luis</span><span>F. nac. 02/05/1980</span><span>Enema opaco</span><span>Citado</span></div>
       <div class="item activo" aria-current="true"><span>09:30</span><span>RUIZ GIL, Ana</span><span>F. nac. 10/12/2008</span><span>Esofagograma</span><span>Citado</span></div>
       <div class="item"><span>10:30</span><span>GARCÍA LÓPEZ, Marta</span><span>F. nac. 30/11/1975</span><span>Cistografía</span><span>Citado</span></div></div>`, 'es');
    // 17 years and 364 days on 9 December 2026.
    expect(got(a)).toEqual({ pediatric: true, days: days('2008-12-10', '2026-12-09'), basis: 'scheduled', modality: 'RF' });
  });
  test('the parser: the year nearest today, within half a year; a weekday must agree', () => {
    expect(parseDate('Dec 9', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2026-12-09' });
    expect(parseDate('9 dic', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2026-12-09' });
    expect(parseDate('Jan 4', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2027-01-04' });
    expect(parseDate('4th of January', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2027-01-04' });
    expect(parseDate('Jun 30', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2026-06-30' });
    expect(parseDate('Wednesday 9 December', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2026-12-09' });
    expect(parseDate('Tue Dec 9', null, TODAY, 'reference').ok).toBe(false);
    expect(parseDate('Dec 9', null, TODAY).ok).toBe(false);
    // Never a birth date.
    expect(parseDate('Dec 9', null, TODAY, 'birth').ok).toBe(false);
    expect(parseDate('Wed Dec 9', null, TODAY, 'birth').ok).toBe(false);
    for (const t of ['Dec 9-10', 'Mar 3.5', '2 decubitus views', '3 augmentin', 'may 3/4']) expect(parseDate(t, null, TODAY, 'reference').ok, t).toBe(false);
  });
});

describe('not read', () => {
  test('a weekday that does not fall on the day: "CT Schedule — Tue Dec 9" dates nothing', () => {
    const a = read(`<h1>CT Schedule — Tue Dec 9</h1>${ROWS}`);
    expect(a.ageBasis).not.toBe('scheduled');
  });
  test('"since Nov 20" in a note\'s history is no visit or exam of the page', () => {
    // Born 2008-11-28: 18 today, 17 on 20 November (were that read as the visit).
    const a = read(`<div class="banner"><span>OKAFOR, Ada</span> <span>DOB 11/28/2008</span> <span>MRN 5510023</span></div>
      <div class="note"><h3>History</h3><p>Cough since Nov 20, worse at night. Seen in urgent care; no imaging then.</p>
      <h3>Plan</h3><p>XR chest 2 views today.</p></div>`);
    // (The plan's "today" may date the order; the history's day dates nothing.)
    expect([a.pediatric, a.ageDays]).toEqual([false, days('2008-11-28', '2026-12-07')]);
  });
  test('"DOB Dec 9" without a year is no birth date', () => {
    const a = read(`<div class="banner"><span>PIKE, Oliver</span> <span>DOB Dec 9</span> <span>MRN 448812</span></div><div>Appointment: Dec 9 10:30 — CT head</div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
});
