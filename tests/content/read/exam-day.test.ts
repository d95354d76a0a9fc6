/**
 * The day of the exam, by what the page says of it (layouts written for the test): an order's start or scheduled date
 * beats the day it was ordered (its stop, discontinue or last-done dates are not the exam's); an exam under way on a
 * worklist or status screen is today's; a day board's rows that show only a time are on the board's day; a nuclear
 * medicine dose given dates the exam. Patient born 2016-03-14 unless said otherwise; today is 2026-12-07.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/app/view', { now: NOW });
const got = (a: PageAnalysis) => [a.ageBasis, a.ageDays, a.modality];

/** Days from 2016-03-14 to each date. */
const AT = { '2026-11-25': 3908, '2026-12-02': 3915, '2026-12-04': 3917, '2026-12-07': 3920, '2026-12-10': 3923 } as const;
const banner = '<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span><span>F</span></div>';
const bannerDmy = '<div class="ban"><span>MOSS GIL, Ada</span><span>NHC 4410982</span><span>F. nac.: 14/03/2016</span><span>Mujer</span></div>';

describe("an order's start or scheduled date is the reference; its stop and last-done dates are not", () => {
  test('order profile table: Start Date/Time ahead of the Order Date/Time', () => {
    const a = read(`${banner}<h2>Orders</h2><table><tr><th>Order Name</th><th>Status</th><th>Start Date/Time</th><th>Stop Date/Time</th><th>Ordering Physician</th><th>Order Date/Time</th></tr>
      <tr><td>CT Abdomen Pelvis w/ Contrast</td><td>Ordered</td><td>12/10/2026 08:00</td><td>12/10/2026 09:00</td><td>Lee, Ann MD</td><td>12/07/2026 10:12</td></tr></table>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test('"Schedule Date" in a definition list and in a form beside "Order Date" (today)', () => {
    const a = read(`${banner}<dl><dt>Exam</dt><dd>CT Head without contrast</dd><dt>Order Date</dt><dd>12/07/2026</dd><dt>Schedule Date</dt><dd>12/10/2026</dd></dl>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
    const b = read(`${banner}<form><label for="p">Procedure</label><input id="p" value="CT Head without contrast"><label for="o">Order Date</label><input id="o" value="12/07/2026">
      <label for="s">Schedule Date</label><input id="s" value="12/10/2026"></form>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test('17 today, 18 on the scheduled day: an adult exam', () => {
    // Born 2008-12-09: 18 from 12/09/2026.
    const a = read(`<div class="ban"><span>Reyes, Tomas</span><span>MRN 7720014</span><span>DOB: 12/09/2008</span><span>17 yrs</span></div>
      <form><label>Procedure</label><input value="XR Chest 2 Views"><label>Order Date</label><input value="12/07/2026"><label>Schedule Date</label><input value="12/10/2026"></form>`);
    expect([a.ageBasis, a.pediatric]).toEqual(['scheduled', false]);
  });
  test('labels of four words or with a filler word, in label/value pairs: "Appointment Date & Time", "Date to be performed", "Target date"', () => {
    for (const label of ['Appointment Date &amp; Time', 'Date to be performed', 'Target date', 'Procedure Date/Time']) {
      const a = read(`${banner}<div class="kv"><span class="k">Procedure</span><span>CT Head without contrast</span></div><div class="kv"><span class="k">Order Date</span><span>12/02/2026</span></div>
        <div class="kv"><span class="k">${label}</span><span>12/10/2026 08:00</span></div>`);
      expect(got(a), label).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
    }
  });
  test('a Stop Date/Time or Discontinue column ahead of today is not when the order is done', () => {
    const a = read(`${banner}<table><tr><th>Order Name</th><th>Status</th><th>Order Date</th><th>Stop Date/Time</th></tr>
      <tr><td>XR Chest 2 Views</td><td>Ordered</td><td>12/02/2026</td><td>12/10/2026 23:59</td></tr></table>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
    const b = read(`${banner}<table><tr><th>Orderable</th><th>Status</th><th>Ordered</th><th>Discontinue</th></tr>
      <tr><td>XR Chest 2 Views</td><td>Ordered</td><td>12/02/2026</td><td>12/10/2026</td></tr></table>`);
    expect(got(b)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test('a column naming both ends ("Start / Stop", "Start/Stop Date") whose cells say which: the start is the order\'s day', () => {
    // A CPRS-like orders tab: each cell labels its own date.
    const a = read(`${banner}<table><tr><th>Service</th><th>Order</th><th>Start / Stop</th><th>Status</th></tr>
      <tr><td>IMAGING</td><td>CT ABDOMEN &amp; PELVIS W/CONT</td><td>Start: Dec 10,2026</td><td>PENDING</td></tr>
      <tr><td>IMAGING</td><td>CHEST 2 VIEWS PA&amp;LAT</td><td>Start: Nov 2,2026 Stop: Nov 2,2026</td><td>COMPLETE</td></tr></table>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
    // Div rows of an order list under a "Start/Stop Date" header, the start first in each cell.
    const b = read(`${banner}<div role="table"><div role="row"><span role="columnheader">Order</span><span role="columnheader">Start/Stop Date</span><span role="columnheader">Status</span></div>
      <div role="row"><span role="cell">CT Abdomen Pelvis w/ Contrast</span><span role="cell">Start 12/10/2026</span><span role="cell">Pending</span></div></div>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test('label pairs: "End date", "Expires" and "Last done" are not the reference', () => {
    const a = read(`${banner}<div class="kv"><span class="k">Order</span><span>XR Chest 2 Views</span></div><div class="kv"><span class="k">Ordered</span><span>12/02/2026</span></div>
      <div class="kv"><span class="k">End date</span><span>12/10/2026</span></div><div class="kv"><span class="k">Expires</span><span>12/31/2026</span></div><div class="kv"><span class="k">Last done</span><span>11/25/2026</span></div>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test('Spanish: "Fecha de cita" beats "Fecha de petición"; "Fecha fin" is not the reference', () => {
    const a = read(`${bannerDmy}<div><b>Prueba:</b> TC de cráneo sin contraste</div><div><b>Fecha de petición:</b> 07/12/2026</div><div><b>Fecha de cita:</b> 10/12/2026 09:30</div>`, 'es');
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
    const b = read(`${bannerDmy}<table><tr><th>Prueba</th><th>Estado</th><th>Fecha de solicitud</th><th>Fecha fin</th></tr><tr><td>Rx tórax PA</td><td>Pendiente</td><td>02/12/2026</td><td>10/12/2026</td></tr></table>`, 'es');
    expect(got(b)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
});

describe('an exam under way is today', () => {
  test('a worklist table: the selected row "In progress", requested 11/25/2026', () => {
    const a = read(`${banner}<table><tr><th>Time</th><th>Procedure</th><th>Status</th><th>Requested</th></tr>
      <tr class="selected"><td>10:30</td><td>CT Head w/o contrast</td><td>In progress</td><td>11/25/2026</td></tr></table>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'CT']);
  });
  test('a div row "En sala · solicitada 25/11/2026" (Spanish)', () => {
    const a = read(`${bannerDmy}<div class="wl"><div class="fila"><span>09:00</span><span>Eco abdominal</span><span>Realizada</span><span>solicitada 20/11/2026</span></div>
      <div class="fila sel"><span>10:30</span><span>Rx tórax PA</span><span>En sala</span><span>solicitada 25/11/2026</span></div></div>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'DX']);
  });
  test('a status screen: "Status: Being scanned" beside "Order date 11/25/2026"', () => {
    const a = read(`${banner}<div class="kv"><span class="k">Exam</span><span>XR Chest 2 Views</span></div><div class="kv"><span class="k">Status</span><span>Being scanned</span></div>
      <div class="kv"><span class="k">Order date</span><span>11/25/2026</span></div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'DX']);
    const b = read(`${bannerDmy}<dl><dt>Exploración</dt><dd>TC de abdomen con contraste</dd><dt>Estado</dt><dd>Realizándose</dd><dt>Fecha de solicitud</dt><dd>25/11/2026</dd></dl>`, 'es');
    expect(got(b)).toEqual(['exam', AT['2026-12-07'], 'CT']);
  });
  test("the row's own date with its status 'Started'", () => {
    const a = read(`${banner}<table><tr><th>Date/Time</th><th>Exam</th><th>Status</th></tr><tr class="active"><td>12/04/2026 10:30</td><td>XR Chest 2 Views</td><td>Started</td></tr></table>
      <p>Order date: 11/25/2026</p>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('not under way: another row in progress, the exam scheduled', () => {
    const a = read(`${banner}<table><tr><th>Time</th><th>Procedure</th><th>Status</th><th>Date</th></tr>
      <tr><td>09:00</td><td>MR Knee</td><td>In progress</td><td>12/07/2026</td></tr>
      <tr class="selected"><td>10:30</td><td>CT Head w/o contrast</td><td>Scheduled</td><td>12/10/2026</td></tr></table><p>Requested: 11/25/2026</p>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test('status words that are labels too ("Begun", "Performing", "Started") are the Status field\'s value; "Patient in room", "Paciente en sala"', () => {
    for (const status of ['Begun', 'Performing', 'Started', 'Exam Started', 'Patient in room', 'In Exam']) {
      const a = read(`${banner}<div class="kv"><span class="k">Exam</span><span>XR Chest 2 Views</span></div><div class="kv"><span class="k">Status</span><span>${status}</span></div>
        <div class="kv"><span class="k">Ordered</span><span>11/25/2026</span></div>`);
      expect(got(a), status).toEqual(['exam', AT['2026-12-07'], 'DX']);
    }
    const b = read(`${bannerDmy}<table><tr><th>Hora</th><th>Prueba</th><th>Estado</th><th>Solicitada</th></tr><tr class="sel"><td>10:30</td><td>TC de cráneo</td><td>Paciente en sala</td><td>25/11/2026</td></tr></table>`, 'es');
    expect(got(b)).toEqual(['exam', AT['2026-12-07'], 'CT']);
  });
  test('a banner that tells the exam under way: "Exam in progress", "Estudio en curso"', () => {
    const a = read(`${banner}<div class="alert">Exam in progress</div><p>Procedure: XR Chest 2 Views</p><p>Ordered: 11/25/2026</p>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'DX']);
    const b = read(`${bannerDmy}<p>Prueba: TC de abdomen con contraste</p><p>Fecha de solicitud: 25/11/2026</p><div class="aviso">Estudio en curso</div>`, 'es');
    expect(got(b)).toEqual(['exam', AT['2026-12-07'], 'CT']);
  });
  test("not under way: a visit's status, or a bare 'In progress' with no label", () => {
    const a = read(`${banner}<div class="kv"><span class="k">Visit status</span><span>In progress</span></div><p>Procedure: XR Chest 2 Views</p><p>Ordered: 11/25/2026</p>`);
    expect(got(a)).toEqual(['order', AT['2026-11-25'], 'DX']);
    const b = read(`${banner}<p>Procedure: XR Chest 2 Views</p><p>Ordered: 11/25/2026</p><div class="sync">In progress</div>`);
    expect(got(b)).toEqual(['order', AT['2026-11-25'], 'DX']);
  });
  test('not under way: a report in progress dates nothing', () => {
    const a = read(`${banner}<div class="kv"><span class="k">Exam</span><span>XR Chest 2 Views</span></div><div class="kv"><span class="k">Report</span><span>In progress</span></div>
      <div class="kv"><span class="k">Order date</span><span>11/25/2026</span></div>`);
    expect(got(a)).toEqual(['order', AT['2026-11-25'], 'DX']);
  });
});

describe("a day board's rows are on the board's day", () => {
  test('a heading names the day, the selected row shows a time only', () => {
    const a = read(`${banner}<h2>CT Scanner 1 — Thursday, 12/10/2026</h2><table><tr><th>Time</th><th>Procedure</th><th>Room</th><th>Status</th></tr>
      <tr><td>08:00</td><td>MR Brain</td><td>MR1</td><td>Scheduled</td></tr><tr class="selected"><td>09:30</td><td>CT Head w/o contrast</td><td>CT1</td><td>Scheduled</td></tr></table>
      <p>Order received: 12/02/2026</p>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test("a date picker's day over a div list (Spanish agenda)", () => {
    const a = read(`${bannerDmy}<div class="toolbar"><span>Agenda</span><input type="text" class="fecha" value="10/12/2026"></div>
      <div class="lista"><div class="cita"><span>09:00</span><span>Eco abdominal</span></div><div class="cita sel"><span>09:30</span><span>TC de cráneo</span><span>Citado</span></div></div>
      <p>Fecha de solicitud: 02/12/2026</p>`, 'es');
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'CT']);
  });
  test("a board's bar of buttons around its day picker; a date cell of another table above is not the day", () => {
    const a = read(`${banner}<div class="bar"><span>Room</span><select><option selected>XR 2</option></select><button>&lt;</button><input type="date" value="2026-12-10"><button>&gt;</button><span>Thursday</span><button>Today</button></div>
      <ul class="slots"><li><span>08:00</span><span>Park, Jin</span><span>XR Hand 3 Views</span></li><li class="selected"><span>08:20</span><span>Moss, Ada</span><span>XR Chest 2 Views</span><span>Booked</span></li></ul>
      <p>Order received: 12/02/2026</p>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-10'], 'DX']);
    const b = read(`${banner}<table><tr><th>Vitals</th><th>Taken</th></tr><tr><td>HR 92</td><td>12/04/2026</td></tr></table><div class="bar"><button>Refresh</button><button>Print</button></div>
      <ul class="slots"><li><span>08:00</span><span>XR Hand 3 Views</span></li><li class="selected"><span>08:20</span><span>XR Chest 2 Views</span></li></ul><p>Order received: 12/02/2026</p>`);
    expect(got(b)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test("today's board: the row under way is the exam today", () => {
    const a = read(`${bannerDmy}<h3>Sala TC 1 — lunes 07/12/2026</h3><div class="lista"><div class="cita"><span>09:00</span><span>Eco abdominal</span><span>Realizada</span></div>
      <div class="cita sel"><span>09:30</span><span>TC de cráneo</span><span>En curso</span></div></div><p>Fecha de solicitud: 25/11/2026</p>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'CT']);
  });
  test('a schedule of patients under "Schedule for Thursday, 12/10/2026": the selected row; 17 today and 18 that day is adult', () => {
    const board = (dob: string) => `<h2>Schedule for Thursday, 12/10/2026</h2><table><tr><th>Time</th><th>Patient</th><th>DOB</th><th>Procedure</th><th>Status</th></tr>
      <tr><td>08:00</td><td>Park, Jin</td><td>02/02/1980</td><td>MR Brain</td><td>Scheduled</td></tr>
      <tr class="selected"><td>09:30</td><td>Moss, Ada</td><td>${dob}</td><td>CT Head w/o contrast</td><td>Scheduled</td></tr></table>`;
    const a = read(board('03/14/2016'));
    expect([...got(a), a.pediatric]).toEqual(['scheduled', AT['2026-12-10'], 'CT', true]);
    const b = read(board('12/09/2008'));
    expect([b.ageBasis, b.pediatric]).toEqual(['scheduled', false]);
  });
  test('not a board: a day named over a note is not the exam row\'s day', () => {
    const a = read(`${banner}<h3>Thursday, 12/10/2026</h3><div class="note"><p>Discussed with mother. Plan: XR chest 2 views ordered today, results by phone.</p></div>
      <p>Order date: 12/02/2026</p>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
});

describe('a radiopharmaceutical dose given dates the exam', () => {
  test('a dose log table (Injection date/time) and a labelled "Injected" field', () => {
    const a = read(`${banner}<p>Exam: NM bone scan whole body</p><p>Order date: 11/25/2026</p><h3>Dose log</h3>
      <table><tr><th>Radiopharmaceutical</th><th>Activity</th><th>Injection date/time</th></tr><tr><td>Tc-99m MDP</td><td>8.5 mCi</td><td>12/04/2026 09:12</td></tr></table>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'NM']);
    const b = read(`${banner}<dl><dt>Procedure</dt><dd>NM renal scan (MAG3)</dd><dt>Ordered</dt><dd>11/25/2026</dd><dt>Injected</dt><dd>12/04/2026 09:12</dd><dt>Dose administered</dt><dd>2.1 mCi</dd></dl>`);
    expect(got(b)).toEqual(['exam', AT['2026-12-04'], 'NM']);
  });
  test('Spanish "Fecha de inyección"; an injection ahead of today is scheduled', () => {
    const a = read(`${bannerDmy}<p>Exploración: Gammagrafía ósea</p><p>Fecha de solicitud: 25/11/2026</p><p>Fecha de inyección: 04/12/2026 09:12</p>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'NM']);
    const b = read(`${banner}<div class="kv"><span class="k">Exam</span><span>NM gastric emptying</span></div><div class="kv"><span class="k">Ordered</span><span>11/25/2026</span></div>
      <div class="kv"><span class="k">Admin time</span><span>12/10/2026 08:00</span></div>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-10'], 'NM']);
  });
  test("a hot lab's log of several patients' doses does not date this exam", () => {
    const a = read(`${banner}<p>Exam: NM bone scan whole body</p><p>Order date: 11/25/2026</p><h3>Hot lab log</h3>
      <table><tr><th>Radiopharmaceutical</th><th>Activity</th><th>Injection time</th></tr><tr><td>Tc-99m MDP</td><td>20 mCi</td><td>12/04/2026 08:02</td></tr>
      <tr><td>F-18 FDG</td><td>10 mCi</td><td>12/04/2026 08:40</td></tr><tr><td>Tc-99m MAG3</td><td>5 mCi</td><td>12/04/2026 09:15</td></tr></table>`);
    expect(got(a)).toEqual(['order', AT['2026-11-25'], 'NM']);
  });
  test('an earlier injection is not the exam', () => {
    const a = read(`${banner}<p>Exam: NM bone scan whole body</p><p>Order date: 11/25/2026</p><p>Last injection: 06/02/2026 (Tc-99m MDP)</p>`);
    expect(got(a)).toEqual(['order', AT['2026-11-25'], 'NM']);
  });
});
