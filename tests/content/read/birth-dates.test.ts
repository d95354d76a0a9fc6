/**
 * Birth dates in more forms and places (layouts written for the test): a DOB followed by the age in brackets with no
 * label, "Born" in another block than the age, a letter's "Re:" lines. When a birth date is there, the age at the
 * reference date comes from it (exact days), not from the whole years shown.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://portal.example.org/doc', { now: NOW });

describe('the birth date gives the exact age', () => {
  test('DOB then the age in brackets, no label for the age; a scheduled date', () => {
    const a = read(`<div class="ban"><span>Tran, Vy</span><span>DOB 04/15/2016 (10y)</span><span>F</span></div>
      <p>Exam: CT chest without contrast</p><p>Scheduled: 11/27/2026</p>`);
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3878, 'scheduled']);
  });
  test('"Born" in another block than the age shown in years', () => {
    const a = read(`<div class="top"><span>Okoye, Ben</span> · <span>8 yrs</span> · <span>M</span></div>
      <div class="side"><div>Born 2018-02-03</div><div>Language: English</div></div><h2>XR chest 2 views</h2>`);
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3212, 'today']);
  });
  test('a letter: "Re:" lines with the date of birth', () => {
    const a = read(`<div class="letter"><p>Dear Dr Patel,</p><p>Re: Hana Sato<br>Date of birth: 12 March 2014<br>Hospital no: 55120</p>
      <p>Thank you for seeing this 12-year-old girl. I have requested a CT of the sinuses.</p></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 4636]);
  });
});

describe('birth dates in more shapes (patient born 2016-03-14, 3903 days old today)', () => {
  test('VistA/CPRS banner: "Mar 14,2016 (10)" with no label', () => {
    const a = read(`<div class="cprs"><span>MOSS,ADA</span><span>000-00-1234</span><span>Mar 14,2016 (10)</span></div>
      <table><tr><td>Procedure:</td><td>XR CHEST 2 VIEWS</td></tr></table>`);
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3903, 'today']);
  });
  test('"03/14/2016 (10y)" and "2016-03-14 (010Y)" beside a name, no label, not in a row', () => {
    const a = read(`<div class="hdr"><b>Moss, Ada</b> 03/14/2016 (10y) F</div><p>Exam: XR chest 2 views</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 3903]);
    const b = read(`<div class="ov"><div>MOSS^ADA</div><div>2016-03-14 (010Y)</div><div>F</div></div><div class="s">2026-11-10 CT HEAD WO</div>`);
    expect(b.ageDays! >= 3893 && b.ageDays! <= 3903).toBe(true);
    expect(b.ageDetail?.source).toBe('calendar');
  });
  test.each(['Born', 'Birthdate', 'Birth Date', 'D.O.B.', 'Fecha de nacimiento', 'F. nac.', 'Nacimiento'])('label "%s" in a div pair and a dl', (label) => {
    const a = read(`<div class="ban"><span>Moss, Ada</span> <span class="k">${label}</span> <span>2016-03-14</span></div><p>Exam: XR chest 2 views</p>`);
    expect([a.ageDays, a.ageBasis]).toEqual([3903, 'today']);
    const b = read(`<dl><dt>Name</dt><dd>Moss, Ada</dd><dt>${label}</dt><dd>14/03/2016</dd></dl><p>Exam: XR chest 2 views</p>`);
    expect([b.ageDays, b.ageBasis]).toEqual([3903, 'today']);
  });
  test('"DOB:" inside a letter\'s "Re:" block, a scheduled date in the text', () => {
    const a = read(`<div class="letter"><p>Dear Parent,</p><p>Re: Ada Moss<br>DOB: 03/14/2016</p>
      <p>Your child's appointment for an X-ray of the chest is on November 27, 2026 at 9:00. Please arrive 15 minutes early.</p><p>Examination: XR chest 2 views</p></div>`);
    expect([a.ageDays, a.pediatric]).toEqual([3910, true]);
  });
  test('a Swedish personal identity number encodes the birth date (header and a selected row)', () => {
    const a = read(`<div class="dh"><span class="nm">Moss, Ada</span><span>20160314-4410</span><span>F 10Y</span></div>
      <div class="g"><span class="k">Requested examination</span><span>CT head</span><span class="k">Request date</span><span>2026-11-02</span></div>`);
    expect([a.ageDays, a.ageBasis]).toEqual([3885, 'order']);
  });
});

describe('numbers that begin with a date are not birth dates unless they are a person\'s', () => {
  const adult = (rows: string) => read(`<div class="hdr"><span>SMITH, JOHN</span> <span>MRN 1234567</span></div>${rows}`);
  test.each([
    ['an accession column', '<table><tr><th>Accession</th><th>Exam</th><th>Status</th></tr><tr><td>20261101-0042</td><td>CT HEAD WO CONTRAST</td><td>Scheduled</td></tr></table>'],
    ['an "Acc#" before it', '<div>Acc# 20261101-0042 · CT HEAD WO CONTRAST</div>'],
    ['an order number in a sentence', '<p>Order 20261030-7781: XR chest 2 views</p>'],
    ['a labelled request number', '<div><span class="k">Request no.</span> <span>20261101-7781</span></div><p>Exam: XR chest 2 views</p>'],
    ['a Spanish "N° de pedido"', '<div><span class="k">N° de pedido</span> <span>20261101-7781</span></div><p>Estudio: Rx de tórax</p>'],
    // An identifier whose letters run into the date is a document's, never a person's ("FX-", "RX", "ACC-").
    ['a fax id in a fax header', '<div class="fax">FAX · Dec 07 2026 · ID FX-20261119-0113 · p. 1/2</div><p>Exam: XR chest 2 views</p>'],
    ['a referral reference glued to letters', '<p>Our ref: RX20261101-4410</p><p>Exam: XR chest 2 views</p>'],
    ['an accession with a letter prefix in a cell', '<table><tr><td>ACC-20261101-0042</td><td>CT HEAD WO CONTRAST</td></tr></table>'],
  ])('%s: no birth date, not pediatric', (_what, rows) => {
    const a = adult(rows);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('the same shape beside the name with no such label is a personal number: the birth date', () => {
    const a = read(`<div class="dh"><span class="nm">Moss, Ada</span><span>20160314-4410</span></div><p>Exam: XR chest 2 views</p>`);
    expect(a.pediatric).toBe(true);
  });
});

describe('a DOB in another block than the printed age: the same patient, not a relative', () => {
  test('banner "10 yrs", DOB in a details card', () => {
    const a = read(`<div class="banner"><span>Moss, Ada</span> <span>10 yrs</span> <span>F</span></div>
      <div class="card"><h4>Demographics</h4><div><span class="k">Birth Date</span> <span>03/14/2016</span></div><div><span class="k">Language</span> <span>English</span></div></div>
      <p>Exam: XR chest 2 views</p>`);
    expect([a.ageDays, a.ageBasis]).toEqual([3903, 'today']);
  });
  test('the mother\'s DOB in a guardian block is not the child\'s', () => {
    const a = read(`<div class="banner"><span>Moss, Ada</span> <span>3 yrs</span> <span>F</span></div>
      <div class="card"><h4>Mother</h4><div><span class="k">Name</span> <span>Moss, Eve</span></div><div><span class="k">DOB</span> <span>04/02/1990</span></div></div>
      <p>Exam: XR chest 2 views</p>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays! < 4 * 366).toBe(true);
    const b = read(`<div class="banner"><span>Moss, Ada</span> <span>3 yrs</span></div>
      <table><caption>Guardians</caption><tr><th>Name</th><th>Relationship</th><th>DOB</th></tr><tr><td>Moss, Eve</td><td>Mother</td><td>04/02/1990</td></tr>
      <tr><td>Moss, Tom</td><td>Father</td><td>07/19/1988</td></tr></table><p>Exam: XR chest 2 views</p>`);
    expect(b.pediatric).toBe(true);
    expect(b.ageDays! < 4 * 366).toBe(true);
  });
  test('a sibling\'s DOB in a family section is not the patient\'s', () => {
    const a = read(`<div class="banner"><span>Moss, Ada</span> <span>10 yrs</span></div>
      <div><div class="h">Siblings</div><div>Moss, Leo — DOB 01/02/2019</div></div><p>Exam: XR chest 2 views</p>`);
    expect(a.ageDays! > 10 * 365 && a.ageDays! < 11 * 366).toBe(true);
  });
});

describe('the 18th birthday, and an age at a future date', () => {
  const page = (dob: string, extra = '') => read(`<div class="ban"><span>Ng, Kai</span><span>DOB: ${dob}</span></div><p>Exam: CT head without contrast</p>${extra}`);
  test('the day before the 18th birthday is 17: pediatric', () => {
    expect([page('2008-11-21').pediatric, page('2008-11-21').ageDays]).toEqual([true, 6573]);
  });
  test('the 18th birthday itself is adult', () => {
    expect([page('2008-11-20').pediatric, page('2008-11-20').ageDays]).toEqual([false, 6574]);
  });
  test('17 today, 18 at the scheduled date: adult at the exam', () => {
    const a = page('2008-11-23', '<p>Scheduled: 2026-11-25</p>');
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([false, 6576, 'scheduled']);
  });
  test('18 today, 17 at the exam date: pediatric at the exam', () => {
    const a = page('2008-11-15', '<p>Exam date: 2026-11-10</p>');
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 6569, 'exam']);
  });
});
