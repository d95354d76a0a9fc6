/**
 * The reference date by role (exam > scheduled > order > visit > today) on layouts written for the test: div grids
 * with small labels above values, tables, definition lists, form controls (input value, date input, chosen option,
 * the chosen slot of a scheduler), letters and prose. The abbreviations and spellings are those real systems print
 * (VistA/CPRS `Exm Date`, `Date Desired`, `NOV 10, 2026@10:14`; `Perf. Date`, `DOS`; Spanish labels).
 * Prior exams, printed dates and dates told in a history are never the reference.
 * Patient born 2016-03-14 throughout (MDY pages) or 14/03/2016 (DMY pages); today is 2026-11-20.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/app/view', { now: NOW });

/** Days from 2016-03-14 to the reference date. */
const AT = { '2026-11-10': 3893, '2026-11-30': 3913, '2026-11-20': 3903, '2026-11-02': 3885, '2026-11-05': 3888, '2026-11-12': 3895 } as const;
const basisAndDays = (a: PageAnalysis) => [a.ageBasis, a.ageDays];

const banner = '<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span><span>F</span></div>';
const bannerDmy = '<div class="ban"><span>MOSS GIL, Ada</span><span>NHC 4410982</span><span>F. nac.: 14/03/2016</span><span>Mujer</span></div>';

describe('exam / study / performed date', () => {
  test('div grid, small labels above values: "Exam Dt"', () => {
    const a = read(`${banner}<div class="grid"><div class="r"><div class="l">Exam Dt</div><div class="l">Procedure</div><div class="l">Status</div></div>
      <div class="r"><div>11/10/2026</div><div>CT HEAD W/O CONTRAST</div><div>Complete</div></div></div>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
  });
  test('VistA-style table of label cells: "Exm Date" with "NOV 10, 2026@10:14"', () => {
    const a = read(`${banner}<table class="rpt"><tr><td>Procedure:</td><td>CT HEAD W/O CONT</td></tr>
      <tr><td>Exm Date:</td><td>NOV 10, 2026@10:14</td></tr><tr><td>Req Phys:</td><td>PROVIDER,ONE</td></tr></table>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
  });
  test('definition list: "Study Dt" and "Perf. Date"', () => {
    const a = read(`${banner}<dl><dt>Study</dt><dd>XR CHEST 2 VIEWS</dd><dt>Perf. Date</dt><dd>2026-11-10</dd><dt>Ordered</dt><dd>2026-11-02</dd></dl>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
    const b = read(`${banner}<dl><dt>Study</dt><dd>XR CHEST 2 VIEWS</dd><dt>Study Dt</dt><dd>2026-11-10</dd></dl>`);
    expect(basisAndDays(b)).toEqual(['exam', AT['2026-11-10']]);
  });
  test('"Date of Service" in a table header row, "DOS:" inline', () => {
    const a = read(`${banner}<table><tr><th>Date of Service</th><th>Procedure</th></tr><tr><td>11/10/2026</td><td>XR FOREARM 2 VIEWS LEFT</td></tr></table>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
    const b = read(`${banner}<p>DOS: 11/10/2026 &nbsp; Provider: Dr. Ames</p><p>Procedure: XR FOREARM 2 VIEWS LEFT</p>`);
    expect(basisAndDays(b)).toEqual(['exam', AT['2026-11-10']]);
  });
  test('Spanish: "Fecha de realización" and "Fecha del estudio" on a DMY page', () => {
    const a = read(`${bannerDmy}<div class="f"><span class="k">Prestación</span><span>TC craneal sin contraste</span></div>
      <div class="f"><span class="k">Fecha de realización</span><span>10/11/2026 10:14</span></div>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
    const b = read(`${bannerDmy}<table><tr><th>Estudio</th><td>Rx tórax PA</td></tr><tr><th>Fecha del estudio</th><td>10 de noviembre de 2026</td></tr></table>`);
    expect(basisAndDays(b)).toEqual(['exam', AT['2026-11-10']]);
  });
});

describe('scheduled / appointment / desired / preferred date, also as a form control', () => {
  test('VistA "Date Desired" in an input of an order dialog', () => {
    const a = read(`${banner}<div class="dlg"><div><label>Imaging Procedure</label> <select><option selected>CT HEAD W/O CONT</option></select></div>
      <div><label for="dd">Date Desired (Not guaranteed):</label> <input id="dd" value="NOV 30,2026"></div></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('"Preferred date" as <input type="date">', () => {
    const a = read(`${banner}<form><p><label>Exam</label> <input value="XR chest 2 views"></p>
      <p><label>Preferred date</label> <input type="date" value="2026-11-30"></p></form>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('"Date Time" of an Edit Appointment dialog (the appointment\'s own date)', () => {
    const a = read(`<div role="dialog" aria-modal="true"><div class="cap">Edit Appointment</div>
      <div class="fld"><span class="k">Status</span><select><option selected>Scheduled</option><option>Complete</option></select></div>
      <div class="fld"><span class="k">Date Time</span><input value="11/30/2026 10:00 AM"></div>
      <table><tr><td>Name</td><td>Moss, Ada</td></tr><tr><td>Birthdate</td><td>03/14/2016</td></tr></table>
      <p>Procedure: CBCT limited field of view</p></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('the chosen option of an appointment slot select', () => {
    const a = read(`${banner}<p>Exam: US abdomen complete</p><p><label>Appointment slot</label> <select>
      <option>Fri Nov 27, 2026 08:00</option><option selected>Mon Nov 30, 2026 09:00</option><option>Tue Dec 1, 2026 14:00</option></select></p>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('the pressed slot of a scheduler (buttons), and a checked radio slot', () => {
    const a = read(`${banner}<p>Exam: CT abdomen with contrast</p><h3>Choose a time</h3><div class="slots">
      <button aria-pressed="false">Nov 27, 2026 8:00 AM</button><button aria-pressed="true">Nov 30, 2026 9:00 AM</button><button aria-pressed="false">Dec 1, 2026 2:00 PM</button></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
    const b = read(`${banner}<p>Exam: CT abdomen with contrast</p><fieldset><legend>Available slots</legend>
      <label><input type="radio" name="s"> 11/27/2026 08:00</label><label><input type="radio" name="s" checked> 11/30/2026 09:00</label></fieldset>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('"Requested for" and "Expected date" are the date it is to be done, not the order date', () => {
    const a = read(`${banner}<p>Order: XR chest 2 views</p><p>Requested for: 11/30/2026</p><p>Order date: 11/02/2026</p>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
    const b = read(`${banner}<dl><dt>Order</dt><dd>XR chest 2 views</dd><dt>Expected Date</dt><dd>11/30/2026</dd><dt>Ordered</dt><dd>11/02/2026</dd></dl>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('Spanish "Fecha de la cita" and "Fecha deseada"', () => {
    const a = read(`${bannerDmy}<div><span class="k">Prueba</span> <span>Rx tórax PA</span></div><div><span class="k">Fecha de la cita</span> <span>30/11/2026</span></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
    const b = read(`${bannerDmy}<p><label>Exploración</label> <input value="TC abdomen con contraste"></p><p><label>Fecha deseada</label> <input value="30/11/2026"></p>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-11-30']]);
  });
});

describe('order / received / referral date; visit / encounter / admission date', () => {
  test('"Received" and "Referral date" are order dates', () => {
    const a = read(`${banner}<p>Exam: XR chest 2 views</p><p>Received: 11/02/2026</p>`);
    expect(basisAndDays(a)).toEqual(['order', AT['2026-11-02']]);
    const b = read(`${banner}<table><tr><th>Referral date</th><td>11/02/2026</td></tr><tr><th>Exam</th><td>CT sinus without contrast</td></tr></table>`);
    expect(basisAndDays(b)).toEqual(['order', AT['2026-11-02']]);
  });
  test('Spanish "Fecha de solicitud"; an order date beats a visit date', () => {
    const a = read(`${bannerDmy}<div><span class="k">Estudio</span> <span>Rx tórax PA</span></div>
      <div><span class="k">Fecha de consulta</span> <span>05/11/2026</span></div><div><span class="k">Fecha de solicitud</span> <span>02/11/2026</span></div>`);
    expect(basisAndDays(a)).toEqual(['order', AT['2026-11-02']]);
  });
  test('"Office Visit" date and "Fecha de ingreso" are visit dates', () => {
    const a = read(`${banner}<h2>Office Visit — 11/05/2026</h2><p>Plan: XR chest 2 views today.</p>`);
    expect(basisAndDays(a)).toEqual(['visit', AT['2026-11-05']]);
    const b = read(`${bannerDmy}<table><tr><th>Fecha de ingreso</th><td>05/11/2026</td></tr><tr><th>Estudio</th><td>TC abdomen con contraste</td></tr></table>`);
    expect(basisAndDays(b)).toEqual(['visit', AT['2026-11-05']]);
  });
});

describe('a letter\'s date line is the order date of the exam it asks for', () => {
  test('an unlabelled date at the top of a referral letter', () => {
    const a = read(`<div class="letter"><p>Riverside Pediatrics, 12 Elm St</p><p>November 12, 2026</p><p>Dear Dr. Hale,</p>
      <p>Re: Ada Moss, DOB 03/14/2016</p><p>Examination: CT head without contrast</p><p>Thank you for seeing this girl with headaches.</p><p>Sincerely,<br>Dr. L. Park</p></div>`);
    expect(basisAndDays(a)).toEqual(['order', AT['2026-11-12']]);
  });
  test('"Date:" at the top of a request letter (DMY page)', () => {
    const a = read(`<div class="letter"><table><tr><td>Date:</td><td>12/11/2026</td></tr><tr><td>To:</td><td>Radiology</td></tr></table>
      <p>Re: MOSS GIL, Ada — fecha de nacimiento 14/03/2016</p><p>Dear colleague,</p><p><b>Investigation requested:</b> XR wrist left 2 views</p><p>Seen with Mr Osei's team last week.</p></div>`);
    expect(basisAndDays(a)).toEqual(['order', AT['2026-11-12']]);
    expect(a.modality).toBe('DX');
  });
  test('"Exam requested" in a table of the letter names the exam; the letter is dated by its "Date" row', () => {
    const a = read(`<div class="letter"><table><tr><td>Date</td><td>November 12, 2026</td></tr><tr><td>Patient</td><td>Moss, Ada</td></tr>
      <tr><td>DOB</td><td>03/14/2016</td></tr><tr><td>Exam requested</td><td>US abdomen complete</td></tr></table><p>Dear Dr. Hale,</p><p>Thank you.</p></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['order', AT['2026-11-12'], 'US']);
  });
});

describe('the row that is the exam, not the rows of earlier exams', () => {
  test('a dental services list: the treatment-planned row dated today, completed rows before it', () => {
    const a = read(`${banner}<table><thead><tr><th>Date</th><th>Th</th><th>Code</th><th>Description</th><th>Stat</th></tr></thead><tbody>
      <tr><td>03/02/2026</td><td></td><td>D0274</td><td>Bitewings - four radiographic images</td><td>C</td></tr>
      <tr><td>06/15/2025</td><td></td><td>D0330</td><td>Panoramic radiographic image</td><td>C</td></tr>
      <tr class="selected"><td>11/20/2026</td><td></td><td>D0330</td><td>Panoramic radiographic image</td><td>TP</td></tr></tbody></table>`);
    expect(a.ageDays).toBe(AT['2026-11-20']);
    expect(a.modality).toBe('PX');
  });
  test('an imaging list (div rows): the selected row\'s date, not the prior rows\'', () => {
    const a = read(`${banner}<div class="list"><div class="item"><span>10/01/2026</span> <span>CT HEAD W/O CONTRAST</span> <span>Final</span></div>
      <div class="item is-selected" aria-selected="true"><span>11/05/2026</span> <span>CT HEAD W/O CONTRAST</span> <span>In progress</span></div>
      <div class="item"><span>02/11/2025</span> <span>XR SKULL</span> <span>Final</span></div></div>`);
    expect(a.ageDays).toBe(AT['2026-11-05']);
  });
});

describe('never the reference', () => {
  test('a prior exam\'s date and a printed date', () => {
    const a = read(`${banner}<p>Exam: CT head without contrast</p><p>Prior exam: 11/10/2026 CT head</p><p>Printed: 11/12/2026 14:02</p>`);
    expect(a.ageBasis).toBe('today');
    expect(a.ageDays).toBe(AT['2026-11-20']);
  });
  test('a history that dates another exam ("CT performed 10/02/2026 was normal")', () => {
    const a = read(`${banner}<p>Exam: CT head without contrast</p><div class="hx"><b>History:</b> headaches; CT head performed on 11/10/2026 at an outside hospital was normal.</div>`);
    expect(a.ageBasis).toBe('today');
    const b = read(`${bannerDmy}<p>Prueba: TC craneal</p><p>Antecedentes: estudio realizado el 10/11/2026 en otro centro, normal.</p>`);
    expect(b.ageBasis).toBe('today');
  });
  test('the exam date wins over scheduled, order and visit dates', () => {
    const a = read(`${banner}<dl><dt>Visit date</dt><dd>11/05/2026</dd><dt>Order date</dt><dd>11/02/2026</dd><dt>Scheduled</dt><dd>11/30/2026</dd>
      <dt>Exam date</dt><dd>11/10/2026</dd><dt>Procedure</dt><dd>XR chest 2 views</dd></dl>`);
    expect(basisAndDays(a)).toEqual(['exam', AT['2026-11-10']]);
  });
});

describe('labels that name no date role of this exam', () => {
  test('a free-text field ("Reason for exam", "History and Reason for Exam:") dates its events in its own words', () => {
    const a = read(`${banner}<div class="blk"><div class="cap">Procedure</div><div class="val">CT ABD PELVIS W IV CONTRAST</div></div>
      <div class="blk"><div class="cap">Reason for exam</div><div class="val">RLQ pain. Ultrasound 11/10/2026 nondiagnostic.</div></div>`);
    expect(a.ageBasis).toBe('today');
    const b = read(`${banner}<p>Exam: CT head without contrast</p><div>History and Reason for Exam:</div><textarea>Headaches; outside CT on Nov 10, 2026 normal.</textarea>`);
    expect(b.ageBasis).toBe('today');
  });
  test('a recall or follow-up date is not the exam\'s, whatever words its value holds', () => {
    const a = read(`${banner}<p>Exam: XR chest 2 views</p><div class="kv"><span class="k">Recall</span><span>Due 06/02/2027</span></div>`);
    expect(a.ageBasis).toBe('today');
    const b = read(`${banner}<table><tr><th>Procedure</th><td>XR chest 2 views</td></tr><tr><th>Follow-up</th><td>scheduled 12/10/2026</td></tr></table>`);
    expect(b.ageBasis).toBe('today');
  });
});

describe('a guarantor\'s or guardian\'s block is someone else\'s', () => {
  test('cards: the patient\'s Birthdate in one, the guarantor\'s in another; the banner shows whole years', () => {
    const a = read(`<div class="banner"><span class="pname">Moss, Ada</span> <span>10 yrs</span></div>
      <div class="card"><h4>Patient information</h4><div><span class="k">Birthdate</span> <span>03/14/2016</span></div></div>
      <div class="card"><h4>Guarantor</h4><div><span class="k">Name</span> <span>Moss, Eve</span></div><div><span class="k">Birthdate</span> <span>04/02/1990</span></div></div>
      <p>Exam: XR chest 2 views</p>`);
    expect([a.ageDays, a.ageBasis]).toEqual([AT['2026-11-20'], 'today']);
  });
  test('a table section "Responsible party" with its own date of birth', () => {
    const a = read(`<div class="banner"><span>Moss, Ada</span> <span>10 yrs</span></div>
      <table><tr><th>Date of birth</th><td>03/14/2016</td></tr></table>
      <h3>Responsible party</h3><table><tr><th>Name</th><td>Moss, Eve</td></tr><tr><th>Date of birth</th><td>04/02/1990</td></tr></table>
      <p>Exam: XR chest 2 views</p>`);
    expect(a.ageDays).toBe(AT['2026-11-20']);
  });
});

describe('the exam\'s details beside its list; a list titled "to schedule"', () => {
  test('a details card titled with the selected order\'s name gives its expected date; the same exam done earlier does not', () => {
    const a = read(`${banner}<div class="card"><div class="hdr">Orders</div><table>
      <tr><th>Order</th><th>Status</th><th>Ordered</th></tr>
      <tr class="selected"><td>XR CHEST PORTABLE 1 VIEW</td><td>Ordered</td><td>11/02/2026</td></tr>
      <tr><td>XR CHEST PORTABLE 1 VIEW</td><td>Completed</td><td>10/20/2026</td></tr></table></div>
      <div class="card"><div class="hdr">XR CHEST PORTABLE 1 VIEW — Order Details</div><div><span class="k">Expected Date</span> <span>11/30/2026</span></div></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-11-30']]);
    const b = read(`${banner}<ul class="orders"><li class="item is-selected">CT HEAD WITHOUT CONTRAST · Ordered 11/02/2026</li><li class="item">CT HEAD WITHOUT CONTRAST · Final 10/01/2026</li></ul>
      <div class="item"><h4>CT HEAD WITHOUT CONTRAST details</h4><p>Scheduled: 11/30/2026</p><p>Room: CT 2</p></div>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-11-30']]);
  });
  test('"Order to schedule" is an order, not a list of other people', () => {
    const a = read(`${banner}<h3>Order to schedule</h3><div class="kv"><span class="k">Procedure</span><span>CT ABDOMEN PELVIS W IV CONTRAST</span>
      <span class="k">Order received</span><span>11/02/2026</span></div><h3>Choose a slot — CT Scanner 2</h3><div><button aria-pressed="true">11/30/2026 10:20</button></div>`);
    expect([a.ageBasis, a.ageDays, a.region]).toEqual(['scheduled', AT['2026-11-30'], 'abdomen-pelvis']);
  });
});

describe('a label above a list box names its chosen option', () => {
  test('div options with aria-selected (the first is not chosen); li options', () => {
    const a = read(`${banner}<div><div>Imaging Procedure</div><div role="listbox"><div role="option" aria-selected="false">CT ABDOMEN W/CONT</div>
      <div role="option" aria-selected="true">CT HEAD W/O CONT</div></div></div>`);
    expect([a.modality, a.region]).toEqual(['CT', 'head']);
    const b = read(`${banner}<label>Procedure</label><ul role="listbox"><li role="option" aria-selected="false">XR CHEST 2 VIEWS</li>
      <li role="option" aria-selected="true">XR FOREARM 2 VIEWS LEFT</li></ul>`);
    expect([b.modality, b.region]).toEqual(['DX', 'extremity']);
  });
});
