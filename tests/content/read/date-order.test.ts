/**
 * The day/month order of a page whose numeric dates all read both ways (layouts written for the test). A date
 * that reads only one way decides; else the per-site setting; else the language the page declares (`<html lang>`,
 * with the platform's locale data); else a date of these days (a week back, two weeks ahead) in one order only (a
 * visit's, a service's, a report's exam, a schedule's day). Otherwise the order stays unknown and the birth date is not used.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { languageDateOrder, todaysDateOrder } from '../../../content/read/parse/dates';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const read = (body: string, now: string, options: Partial<AnalyzeOptions> = {}, lang = ''): PageAnalysis =>
  analyzePage(
    parseHtml(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>t</title></head><body>${body}</body></html>`),
    'https://chart.example.org/patient/1',
    { now: new Date(now), ...options },
  );
const orderNote = (a: PageAnalysis): string | undefined => a.evidence.find((e) => e.kind === 'dateOrder')?.note;

describe('todaysDateOrder and languageDateOrder', () => {
  const dec1 = { y: 2026, m: 12, d: 1 };
  test.each([
    ['M/D: 12/01 on 1 December', [[12, 1, 2026]], 'MDY'],
    ['D/M: 01/12 on 1 December', [[1, 12, 2026]], 'DMY'],
    ['a date of another year is not today', [[12, 1, 2025]], null],
    ['no date is near today', [[4, 2, 2018], [6, 2, 2025]], null],
    ['today both ways: nothing shown', [[12, 1, 2026], [1, 12, 2026]], null],
    ['M/D: 12/05, four days ahead (a booking)', [[12, 5, 2026]], 'MDY'],
    ['D/M: 10/12, nine days ahead', [[10, 12, 2026]], 'DMY'],
    ['not near either way: 11/05 (5 November or 11 May)', [[11, 5, 2026]], null],
    ['near both ways: 12/03 and 03/12 each near in its own order', [[12, 3, 2026], [3, 12, 2026]], null],
    ['a date near today in the new year', [[1, 4, 2027]], null], // 4 January reads D/M as 1 April: neither near 1 December
    ['no dates', [], null],
  ] as const)('%s', (_name, dates, expected) => {
    expect(todaysDateOrder(dates, dec1)).toBe(expected);
  });
  test.each([
    ['en-US', 'MDY'],
    ['en-us', 'MDY'],
    ['es', 'DMY'],
    ['es-MX', 'DMY'],
    ['en-GB', 'DMY'],
    ['fr-CA', null], // writes the year first
    ['en', null], // US and UK sites alike
    ['', null],
    ['not a language tag!', null],
  ] as const)('lang="%s" → %s', (lang, expected) => {
    expect(languageDateOrder(lang)).toBe(expected);
  });
});

describe('the birth date is used once the page shows its day/month order', () => {
  // A dental chart (table): every date reads both ways; today's completed services are dated today.
  const dental = `<div class="pt"><span class="nm">Larkin, Mia</span> <span>Age: 8</span> <span>Birthdate: 04/02/2018</span></div>
    <table><thead><tr><th>Date</th><th>Tooth</th><th>Code</th><th>Description</th><th>Status</th></tr></thead><tbody>
      <tr><td>12/01/2026</td><td></td><td>D0120</td><td>periodic oral evaluation</td><td>Completed</td></tr>
      <tr><td>12/01/2026</td><td></td><td>D0272</td><td>bitewings - two radiographic images</td><td>Completed</td></tr>
      <tr><td>06/02/2025</td><td></td><td>D0272</td><td>bitewings - two radiographic images</td><td>Completed</td></tr>
    </tbody></table>`;
  test('a dental chart whose services are dated today (M/D): the age from the birth date, April 2', () => {
    const a = read(dental, '2026-12-01T19:00:00Z');
    expect([a.pediatric, a.ageDays]).toEqual([true, 3165]);
    expect(orderNote(a)).toMatch(/these days/);
  });
  test('the same chart seen a day later: its services are of yesterday, still M/D', () => {
    const a = read(dental, '2026-12-02T19:00:00Z');
    expect([a.pediatric, a.ageDays]).toEqual([true, 3165]);
    expect(orderNote(a)).toMatch(/these days/);
  });
  test('the same chart weeks later: no date is near today, the order stays unknown and the shown age is used', () => {
    const a = read(dental, '2026-12-20T19:00:00Z');
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(8 * 365 + 2); // 8 whole years, the lower bound
    expect(orderNote(a)).toBeUndefined();
  });
  test('the per-site setting wins over today\'s date', () => {
    const a = read(dental, '2026-12-01T19:00:00Z', { dateOrder: 'DMY' });
    // Born 4 February 2018; today's completed services are then dated 12 January 2026, the exam's date.
    expect([a.ageDays, a.ageBasis]).toEqual([2899, 'exam']);
    expect(orderNote(a)).toBeUndefined();
  });

  // A clinic visit in a div grid with small labels above values, D/M: the visit is today, 7 December (07/12).
  const visit = `<div class="banner"><div class="cell"><div class="lbl">PATIENT</div><div>Ortega, Luis</div></div>
    <div class="cell"><div class="lbl">DOB</div><div>05/03/2015</div></div><div class="cell"><div class="lbl">AGE</div><div>11 yrs</div></div></div>
    <div class="enc"><div class="lbl">VISIT</div><div>07/12/2026 09:40 — Paediatric clinic</div></div>
    <p>Plan: XR left wrist 2 views.</p>`;
  test('a visit dated today in D/M order: born 5 March 2015', () => {
    const a = read(visit, '2026-12-07T11:00:00Z');
    expect([a.pediatric, a.ageDays]).toEqual([true, 4295]);
    expect(orderNote(a)).toMatch(/these days/);
  });
  test('a date that reads only one way wins over today\'s date', () => {
    const a = read(visit.replace('Paediatric clinic', 'Paediatric clinic (referred 11/25/2026)'), '2026-12-07T11:00:00Z');
    // 11/25 is M/D: the birth date is 3 May 2015 and the referral (an order) 25 November.
    expect([a.ageDays, a.ageBasis]).toEqual([4224, 'order']);
    expect(orderNote(a)).toMatch(/reads only one way/);
  });

  // A printed requisition (prose and a definition list) in a page that declares its language.
  const requisition = `<h1>Solicitud de estudio</h1><dl><dt>Paciente</dt><dd>Vega, Ana</dd><dt>F. nacimiento</dt><dd>04/02/2018</dd>
    <dt>Estudio</dt><dd>Radiografía de tórax PA y lateral</dd><dt>Fecha de la cita</dt><dd>09/12/2026</dd></dl>`;
  test('lang="es": D/M — born 4 February 2018, the appointment on 9 December', () => {
    const a = read(requisition, '2026-12-03T10:00:00Z', {}, 'es');
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3230, 'scheduled']);
    expect(orderNote(a)).toMatch(/language/);
  });
  test('lang="en-US": M/D — born 2 April 2018, the appointment on 12 September (a past date: still the appointment)', () => {
    const a = read(requisition, '2026-12-03T10:00:00Z', {}, 'en-US');
    expect(a.ageDays).toBe(3085);
    expect(orderNote(a)).toMatch(/language/);
  });
  test('lang="en" says nothing, but the appointment is of these days only as D/M (9 December, not 12 September)', () => {
    const a = read(requisition, '2026-12-03T10:00:00Z', {}, 'en');
    expect([a.ageDays, a.ageBasis]).toEqual([3230, 'scheduled']);
    expect(orderNote(a)).toMatch(/these days/);
  });
  test('lang="en" seen in October: neither reading is near, the order stays unknown, no birth date, no age', () => {
    const a = read(requisition, '2026-10-01T10:00:00Z', {}, 'en');
    expect(a.ageDays).toBeNull();
    expect(orderNote(a)).toBeUndefined();
  });
  // A dictation window's header (label spans), every date both ways: the exam was yesterday as M/D, 12 June as D/M.
  const dictation = `<div class="hd"><div><span class="k">Patient:</span> MENSAH, KOJO</div><div><span class="k">DOB:</span> 07/09/2014 (12Y)</div>
    <div><span class="k">Exam:</span> CT HEAD WO CONTRAST</div><div><span class="k">Exam Date:</span> 12/06/2026 22:41</div></div>
    <div class="ed"><p>FINDINGS: No acute intracranial abnormality.</p></div>`;
  test('a dictation header whose exam was yesterday as M/D: born 9 July 2014, aged at the exam', () => {
    const a = read(dictation, '2026-12-07T08:00:00Z', {}, 'en');
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 4533, 'exam']);
    expect(orderNote(a)).toMatch(/these days/);
  });
  test('the same header with an old exam (a prior reopened): the order stays unknown and the shown age is used', () => {
    const a = read(dictation.replace('12/06/2026', '02/06/2025'), '2026-12-07T08:00:00Z', {}, 'en');
    expect(a.pediatric).toBe(true);
    expect(orderNote(a)).toBeUndefined();
  });
});
