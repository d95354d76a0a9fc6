/**
 * Slashed or dashed dates with a two-digit year under a date label (layouts written for the test), as Meditech-,
 * VistA/CPRS- and legacy-RIS-like screens write them: `DOB: 06/01/25`, `D.O.B. 3/14/19`, `Birth Date 14/03/19`,
 * `Fecha nac.: 14/03/19`, `Exam Date: 12/07/26`. The century puts a birth date in the past (and within 120 years);
 * day and month come from the page's other dates or the site setting, as for four-digit years. Unlabelled, such a
 * text may be a fraction or a dose and is not read; a birth date whose century would put it after the exam is not
 * read either.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { parseDate } from '../../../content/read/parse/dates';
import type { DateOrder, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const TODAY = { y: 2026, m: 12, d: 7 };
const read = (body: string, opts: { lang?: string; dateOrder?: DateOrder } = {}): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${opts.lang ?? 'en'}"><head><title>Chart</title></head><body>${body}</body></html>`), 'https://his.example.org/chart', {
    now: NOW,
    ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
  });
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, basis: a.ageBasis, modality: a.modality });

describe('a two-digit year under a date label', () => {
  test('a one-line banner "DOB: 06/01/25" and an "Exam Date: 12/07/26" line (the order shown by today\'s date)', () => {
    const a = read(`<div class="bar">SMITH,JOHN &nbsp; DOB: 06/01/25 &nbsp; Acct: V00012345 &nbsp; Unit: M000123</div>
      <div class="exam">Exam Date: 12/07/26 &nbsp; Procedure: CT HEAD WO CONTRAST</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2025-06-01', '2026-12-07'), basis: 'exam', modality: 'CT' });
  });
  test('a VistA-like patient bar "D.O.B. 3/14/19" (M/D by the 14) and an exam date in a table cell', () => {
    const a = read(`<div class="pbar"><span>PIKE,OLIVER</span> <span>D.O.B. 3/14/19</span> <span>SSN 000-00-4410</span></div>
      <table class="rpt"><tr><th>Procedure</th><th>Exm Date</th><th>Status</th></tr>
      <tr class="sel" aria-selected="true"><td>CT ABDOMEN W/CONT</td><td>12/01/26</td><td>COMPLETE</td></tr></table>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-03-14', '2026-12-01'), basis: 'exam', modality: 'CT' });
  });
  test('a label/value table "Birth Date | 14/03/19" (D/M by the 14) with its study date', () => {
    const a = read(`<table class="demo"><tr><td>Name</td><td>WEBER, Lena</td></tr><tr><td>Birth Date</td><td>14/03/19</td></tr>
      <tr><td>Study Date</td><td>02/12/26</td></tr><tr><td>Study</td><td>XR CHEST PA</td></tr></table>`, { lang: 'en-GB' });
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-03-14', '2026-12-02'), basis: 'exam', modality: 'DX' });
  });
  test('Spanish: "Fecha nac.: 14/03/19" and "Fecha del estudio: 03/12/26"', () => {
    const a = read(`<div class="cab"><b>RAMOS LÓPEZ, Sofía</b> · Fecha nac.: 14/03/19 · NHC 448812</div>
      <div>Fecha del estudio: 03/12/26</div><div>Estudio: TC de cráneo sin contraste</div>`, { lang: 'es' });
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-03-14', '2026-12-03'), basis: 'exam', modality: 'CT' });
  });
  test('dashes and the site setting: "DOB 04-05-18" read D/M only when the site says so', () => {
    const body = `<div class="hdr">NG, Amaka &nbsp; DOB 04-05-18 &nbsp; MRN 330112</div><div>Procedure: XR LEFT WRIST 3 VIEWS</div>`;
    expect(read(body).ageDays).toBeNull();
    expect(got(read(body, { dateOrder: 'DMY' }))).toEqual({ pediatric: true, days: days('2018-05-04', '2026-12-07'), basis: 'today', modality: 'DX' });
  });
  test("an adult's two-digit years: the last century, never a future birth", () => {
    const a = read(`<div class="bar">KRAUSE,DIETER &nbsp; DOB: 11/23/58 &nbsp; Acct: V00077812</div><div>Exam Date: 12/07/26 &nbsp; CT CHEST W CONTRAST</div>`);
    expect(got(a)).toEqual({ pediatric: false, days: days('1958-11-23', '2026-12-07'), basis: 'exam', modality: 'CT' });
    // 12/20/26 would be ahead of today in this century: born in 1926.
    const b = read(`<div class="bar">HALE,EDNA &nbsp; DOB: 12/20/26 &nbsp; Acct: V00077813</div><div>Exam Date: 12/07/26 &nbsp; CT HEAD WO CONTRAST</div>`);
    expect([b.pediatric, b.ageDays]).toEqual([false, days('1926-12-20', '2026-12-07')]);
  });
  test('a worklist whose DOB and exam date columns write two-digit years', () => {
    const a = read(`<table class="wl"><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Exam Date</th></tr></thead><tbody>
      <tr><td>PIKE, OLIVER</td><td>03/14/19</td><td>CT HEAD WO</td><td>12/07/26</td></tr>
      <tr><td>KRAUSE, DIETER</td><td>11/23/58</td><td>CT CHEST W</td><td>12/07/26</td></tr>
      <tr><td>NG, AMAKA</td><td>05/30/17</td><td>XR WRIST LT</td><td>12/07/26</td></tr>
      <tr><td>DIAZ, ANA</td><td>06/01/26</td><td>CT HEAD WO</td><td>03/10/26</td></tr></tbody></table>`);
    expect(a.records.map((r) => [r.pediatric, r.ageDays])).toEqual([
      [true, days('2019-03-14', '2026-12-07')],
      [false, days('1958-11-23', '2026-12-07')],
      [true, days('2017-05-30', '2026-12-07')],
      // Born after the exam in this century: no birth date, no age.
      [false, null],
    ]);
  });
});

describe('not read', () => {
  test('an unlabelled slashed two-digit year in a banner (a fraction, a dose, a code) gives no age', () => {
    const a = read(`<div class="bar"><span>PIKE, OLIVER</span> <span>3/4/20</span> <span>MRN 448812</span></div><div>Procedure: CT HEAD WO CONTRAST</div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('fractions, doses, pressures and views beside the labels stay unread', () => {
    const a = read(`<div class="bar">OKAFOR,ADA &nbsp; MRN 5510023</div><div>BP 120/80 &nbsp; Dose 1/2/25 mg &nbsp; XR hand 3/4 views &nbsp; Ratio 3/4/20</div>
      <div>Procedure: XR LEFT HAND 3 VIEWS</div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a birth date whose two-digit year would put it after the exam is not read', () => {
    const a = read(`<div class="bar">DIAZ,ANA &nbsp; DOB: 06/01/26 &nbsp; Acct: V00012399</div><div>Exam Date: 03/10/26 &nbsp; CT HEAD WO CONTRAST</div>`, { dateOrder: 'MDY' });
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
    expect(a.evidence.some((e) => e.kind === 'birthDate' && /century unsure/.test(e.note ?? ''))).toBe(true);
  });
  test('the parser: only when the caller says a date label stands before it', () => {
    expect(parseDate('3/14/19', null, TODAY).ok).toBe(false);
    expect(parseDate('3/14/19', null, TODAY, 'birth')).toMatchObject({ ok: true, iso: '2019-03-14' });
    expect(parseDate('3/14/19', null, TODAY, 'reference')).toMatchObject({ ok: true, iso: '2019-03-14' });
    // A birth date is never ahead of today; a booking may be (up to a year).
    expect(parseDate('12/20/26', 'MDY', TODAY, 'birth')).toMatchObject({ ok: true, iso: '1926-12-20' });
    expect(parseDate('12/20/26', 'MDY', TODAY, 'reference')).toMatchObject({ ok: true, iso: '2026-12-20' });
    expect(parseDate('3/4/20', null, TODAY, 'birth')).toMatchObject({ ok: false, reason: 'ambiguous' });
    for (const t of ['120/80', '3/4', '1/2/250', '3/4/2', '12/07/26/01', '2.5/3/20']) expect(parseDate(t, 'MDY', TODAY, 'birth').ok, t).toBe(false);
  });
});
