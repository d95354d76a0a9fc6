/**
 * The day an exam was done beats the day it was asked for (layouts written for the test): a row whose status says the
 * exam is complete in a compound status ("Arrived – exam complete", "Study completed", "Estudio realizado") dates the
 * exam by a date its label gives no role ("Event date"); the one row of a details table under the exam ("Exam date |
 * Accession | Scanner") dates the exam, not today. A bare "Date" of another card (vitals) does not date an exam that
 * has a date of its own; a dental chart's procedure done today is the visit's exam, not one planned for a later visit;
 * a chart's results tab with no exam open takes its newest result naming an exam as the exam, on its date; "today" in
 * the sentence that orders the exam dates the order today, not a date of another sentence.
 * Patient born 2016-03-14 unless said otherwise; today is 2026-12-07.
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
const AT = { '2026-12-02': 3915, '2026-12-03': 3916, '2026-12-04': 3917, '2026-12-07': 3920 } as const;
const banner = '<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span><span>F</span></div>';
const bannerDmy = '<div class="ph"><span>Name</span> <b>MOSS, Ada</b> <span>Hosp No</span> <b>RX4410982</b> <span>DOB</span> <b>14/03/2016</b> <span>Sex</span> <b>F</b></div>';

describe('a compound status that says the exam is complete dates the exam by its row', () => {
  test('event table: request date, an event date, and "Arrived – exam complete"', () => {
    const a = read(`${bannerDmy}<div class="tabs"><span>Requests</span><span class="on">Events</span></div>
      <table><tr><th>Requested</th><th>Event date</th><th>Code</th><th>Examination</th><th>Room</th><th>Status</th></tr>
      <tr><td>02/12/2026</td><td>03/12/2026 14:20</td><td>FBSW</td><td>Fluoroscopy barium swallow</td><td>FL2</td><td>Arrived – exam complete</td></tr></table>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-03'], 'RF']);
  });
  test('ARIA grid rows: "Study completed" beside an order date', () => {
    const a = read(`${banner}<div role="table"><div role="row"><span role="columnheader">Ordered</span><span role="columnheader">Event</span><span role="columnheader">Procedure</span><span role="columnheader">Status</span></div>
      <div role="row"><span role="cell">12/02/2026</span><span role="cell">12/04/2026 09:40</span><span role="cell">XR Chest PA and lateral</span><span role="cell">Study completed</span></div></div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('Spanish table: "Estudio realizado" beside the request date', () => {
    const a = read(`<div><span>Paciente</span> <b>MOSS, Ada</b> <span>F. nac.</span> <b>14/03/2016</b></div>
      <table><tr><th>Fecha de solicitud</th><th>Fecha del evento</th><th>Prueba</th><th>Estado</th></tr>
      <tr><td>02/12/2026</td><td>04/12/2026</td><td>Rx de tórax PA</td><td>Estudio realizado</td></tr></table>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test("the row done today beats reported rows of a patient's other events, whatever day it was asked for", () => {
    const a = read(`${bannerDmy}<table><tr><th>Requested</th><th>Event date</th><th>Examination</th><th>Status</th></tr>
      <tr><td>30/11/2026</td><td>07/12/2026 10:22</td><td>XR Pelvis AP</td><td>Exam complete</td></tr></table>
      <div class="bx"><b>Other events</b><table><tr><th>Event date</th><th>Examination</th><th>Report</th></tr>
      <tr><td>03/05/2025</td><td>XR Knee Left 2 views</td><td>Verified</td></tr><tr><td>12/09/2024</td><td>XR Chest PA</td><td>Verified</td></tr></table></div>`);
    expect([a.ageBasis, a.ageDays, a.modality, a.region]).toEqual(['exam', AT['2026-12-07'], 'DX', 'pelvis']);
  });
  test('negatives: an exam not complete keeps the order date; an adult stays an adult', () => {
    for (const status of ['Exam not complete', 'Arrived – exam incomplete']) {
      const a = read(`${banner}<table><tr><th>Ordered</th><th>Event date</th><th>Procedure</th><th>Status</th></tr>
        <tr><td>12/02/2026</td><td>12/04/2026</td><td>XR Chest PA and lateral</td><td>${status}</td></tr></table>`);
      expect(a.ageBasis, status).not.toBe('exam');
    }
    const b = read(`<div class="ph"><span>Name</span> <b>HALE, Ruth</b> <span>Hosp No</span> <b>RX0098713</b> <span>DOB</span> <b>08/02/1954</b></div>
      <table><tr><th>Requested</th><th>Event date</th><th>Examination</th><th>Status</th></tr>
      <tr><td>24/11/2026</td><td>03/12/2026 10:22</td><td>XR Hip Left + Pelvis AP</td><td>Attended – exam complete</td></tr></table>`);
    expect([b.ageBasis, b.pediatric, Math.floor((b.ageDays ?? 0) / 365.25)]).toEqual(['exam', false, 72]);
  });
});

describe("the one row of a details table under the exam dates it (a dose monitor's or QA page's exam date)", () => {
  const born = (d: string) => `<div class="ph"><span>Patient</span><b>ELLIS, Ava</b><span>Patient ID</span><b>CH0049</b><span>Birth date</span><b>${d}</b><span>Sex</span><b>F</b></div>`;
  test('heading, then a table of one row: "Exam date | Accession | Scanner"', () => {
    const a = read(`${born('2024-10-06')}<div class="box"><h4>CT CHEST W CONTRAST</h4><table><tr><th>Exam date</th><th>Accession</th><th>Scanner</th><th>Technologist</th></tr>
      <tr><td>2026-12-02 11:02</td><td>ACC8841</td><td>CT-PEDS-2</td><td>J. Ruiz</td></tr></table></div>
      <p>Reviewed by physicist 12/05/2026.</p>`);
    expect(got(a)).toEqual(['exam', 787, 'CT']);
  });
  test('ARIA grid of one row: "Study date"; Spanish table: "Fecha del estudio"', () => {
    const a = read(`${born('2024-10-06')}<h3>CT Chest with contrast</h3><div role="grid"><div role="row"><span role="columnheader">Study date</span><span role="columnheader">Station</span><span role="columnheader">Protocol</span></div>
      <div role="row"><span role="gridcell">2026-12-02</span><span role="gridcell">CT2</span><span role="gridcell">Peds chest 1-5y</span></div></div>`);
    expect(got(a)).toEqual(['exam', 787, 'CT']);
    const b = read(`<div><span>Paciente</span><b>ELLIS, Ava</b><span>Fecha de nacimiento</span><b>06/10/2024</b></div><h3>TC de tórax con contraste</h3>
      <table><tr><th>Fecha del estudio</th><th>Equipo</th><th>Protocolo</th></tr><tr><td>02/12/2026</td><td>TC-2</td><td>Tórax pediátrico</td></tr></table>`, 'es');
    expect(got(b)).toEqual(['exam', 787, 'CT']);
  });
  test('negatives: a list of two studies, or a row naming another exam, does not date the open one', () => {
    const a = read(`${born('2024-10-06')}<h4>CT CHEST W CONTRAST</h4><table><tr><th>Study date</th><th>Station</th></tr>
      <tr><td>2026-12-02</td><td>CT2</td></tr><tr><td>2025-03-14</td><td>CT1</td></tr></table>`);
    expect(a.ageBasis).toBe('today');
    const b = read(`${born('2024-10-06')}<h4>CT CHEST W CONTRAST</h4><table><tr><th>Study date</th><th>Exam</th></tr>
      <tr><td>2025-03-14</td><td>CT HEAD WO</td></tr></table>`);
    expect(b.ageBasis).toBe('today');
  });
});

describe("a bare \"Date\" of another card (vitals, an encounter) does not date an exam that has a date of its own", () => {
  const AT11 = 3924; // 2016-03-14 → 2026-12-11
  test('dashboard cards, labels above values: the order card is scheduled, the vitals card has "Date" today', () => {
    const card = (title: string, pairs: string) => `<div class="card"><div class="hd">${title}</div>${pairs}</div>`;
    const pair = (k: string, v: string) => `<div class="lbl">${k}</div><div class="val">${v}</div>`;
    const a = read(`<div class="pt"><b>Ada Moss</b> <span>DOB 2016-03-14</span></div><div class="cards">
      ${card('Procedure Orders', pair('Order', 'XR CHEST 2 VIEWS') + pair('Ordered', '2026-12-07') + pair('Scheduled', '2026-12-11 09:00'))}
      ${card('Vitals', pair('Date', '2026-12-07') + pair('Weight', '31.2 kg'))}</div>`);
    expect(got(a)).toEqual(['scheduled', AT11, 'DX']);
  });
  test('an orders table with a Scheduled column beside a vitals definition list of "Date | Weight"', () => {
    const a = read(`${banner}<h3>Orders</h3><table><tr><th>Procedure</th><th>Status</th><th>Scheduled</th></tr><tr><td>CT Head without contrast</td><td>Scheduled</td><td>12/11/2026 13:00</td></tr></table>
      <h3>Vitals</h3><dl><dt>Date</dt><dd>12/07/2026</dd><dt>Weight</dt><dd>31.2 kg</dd></dl>`);
    expect(got(a)).toEqual(['scheduled', AT11, 'CT']);
  });
  test('Spanish cards: "Fecha programada" for the exam, "Fecha" in the vital signs card', () => {
    const a = read(`<div class="pt"><b>Ada Moss</b> <span>F. nac.: 14/03/2016</span></div>
      <section><h4>Petición</h4><p><b>Prueba:</b> Rx de tórax PA y lateral</p><p><b>Fecha programada:</b> 11/12/2026</p></section>
      <section><h4>Constantes</h4><p><b>Fecha:</b> 07/12/2026</p><p><b>Peso:</b> 31 kg</p></section>`, 'es');
    expect(got(a)).toEqual(['scheduled', AT11, 'DX']);
  });
  test('negative: with no date of its own, the exam is dated by a bare "Date" (a report header)', () => {
    const a = read(`${banner}<div class="rep"><div><b>Exam:</b> XR Chest PA and lateral</div><div><b>Date:</b> 12/04/2026</div><div><b>Findings:</b> Lungs are clear.</div></div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
});

describe("a dental chart's procedure done today is the visit's exam, not one planned for a later visit", () => {
  const info = '<div class="pi"><div><span>Name</span><span>Moss, Ada</span></div><div><span>Birthdate</span><span>03/14/2016</span></div><div><span>Age</span><span>10</span></div></div>';
  test('progress notes table: bitewings completed today, a panoramic image treatment-planned for February', () => {
    const a = read(`${info}<table class="pn"><tr><td>Date</td><td>Th</td><td>Description</td><td>Stat</td><td>Amount</td></tr>
      <tr><td>12/07/2026</td><td></td><td>Periodic oral evaluation</td><td>C</td><td>55.00</td></tr>
      <tr><td>12/07/2026</td><td></td><td>Bitewings - two radiographic images (D0272)</td><td>C</td><td>48.00</td></tr>
      <tr><td>02/15/2027</td><td></td><td>Panoramic radiographic image (D0330)</td><td>TP</td><td>110.00</td></tr></table>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'IO']);
  });
  test('Spanish ARIA rows: an orthopantomography done today, a periapical proposed for January', () => {
    const a = read(`<div><span>Paciente</span> <b>MOSS, Ada</b> <span>F. nac.</span> <b>14/03/2016</b></div>
      <div role="table"><div role="row"><span role="columnheader">Fecha</span><span role="columnheader">Pieza</span><span role="columnheader">Tratamiento</span><span role="columnheader">Estado</span></div>
      <div role="row"><span role="cell">07/12/2026</span><span role="cell">—</span><span role="cell">Ortopantomografía</span><span role="cell">Realizado</span></div>
      <div role="row"><span role="cell">20/01/2027</span><span role="cell">16</span><span role="cell">Radiografía periapical</span><span role="cell">Propuesto</span></div></div>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-07'], 'PX']);
  });
  test('negative: with nothing done today, the planned image is the exam, on its day', () => {
    const a = read(`${info}<table class="pn"><tr><td>Date</td><td>Th</td><td>Description</td><td>Stat</td></tr>
      <tr><td>09/02/2026</td><td></td><td>Bitewings - two radiographic images (D0272)</td><td>C</td></tr>
      <tr><td>02/15/2027</td><td></td><td>Panoramic radiographic image (D0330)</td><td>TP</td></tr></table>`);
    expect([a.ageBasis, a.modality]).toEqual(['scheduled', 'PX']);
  });
});

describe("a chart's results tab with no exam open: the newest result that names an exam is the exam, on its date", () => {
  const o3 = '<div class="banner"><span class="bn">Ada Moss</span><span>Female · 10 yrs · 14-Mar-2016</span><span>ID 100QX7</span></div>';
  const nav = (on: string) => `<div class="lnav">${['Summary', 'Orders', 'Results', 'Visits'].map((t) => `<div${t === on ? ' class="on"' : ''}>${t}</div>`).join('')}</div>`;
  test('app shell: Results tab open, a tile of label/value pairs for a CT head', () => {
    const a = read(`${o3}${nav('Results')}<div class="body"><div class="tile"><h3>Imaging results</h3><div class="dt"><div>Test</div><div>CT head without contrast</div>
      <div>Date</div><div>02-Dec-2026</div><div>Status</div><div>Final</div><div>Impression</div><div>No acute intracranial abnormality.</div></div></div>
      <div class="tile"><h3>Recent visits</h3><div>07-Dec-2026</div><div>Outpatient</div></div></div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-02'], 'CT']);
    expect(a.pediatric).toBe(true);
  });
  test('table under "Results — Imaging": the newest of two rows', () => {
    const a = read(`${banner}<div class="sec">Results — Imaging</div><table><tr><th>Date</th><th>Exam</th><th>Status</th><th>Reading Radiologist</th></tr>
      <tr><td>09/14/2024 10:02</td><td>XR Ankle 3+ views right</td><td>Final</td><td>Obi, Sam</td></tr>
      <tr><td>12/04/2026 4:12 PM</td><td>XR Chest PA and lateral</td><td>Final</td><td>Alvaro, Gretchen</td></tr></table>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('Spanish: "Resultados de imagen", an abdominal ultrasound is the newest (no campaign)', () => {
    const a = read(`<div><span>Paciente</span> <b>MOSS, Ada</b> <span>F. nac.</span> <b>14/03/2016</b></div><h3>Resultados de imagen</h3>
      <table><tr><th>Fecha</th><th>Prueba</th><th>Estado</th></tr><tr><td>03/12/2026</td><td>Ecografía abdominal</td><td>Informado</td></tr>
      <tr><td>20/10/2025</td><td>Rx de tórax PA</td><td>Informado</td></tr></table>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-03'], 'US']);
    expect(a.campaigns).toEqual([]);
  });
  test('negatives: an adult stays an adult; lab results name no exam; an open order wins; one result shown keeps its own dates; a prior-imaging list is not results', () => {
    const adult = read(`<div class="ban"><span>Hale, Ruth</span><span>MRN 5520113</span><span>DOB: 05/22/1980</span></div><h3>Imaging results</h3>
      <table><tr><th>Date</th><th>Exam</th><th>Status</th></tr><tr><td>12/04/2026</td><td>CT Abdomen Pelvis with contrast</td><td>Final</td></tr></table>`);
    expect([adult.ageBasis, adult.pediatric, adult.modality]).toEqual(['exam', false, 'CT']);
    const labs = read(`${banner}<h3>Results</h3><table><tr><th>Date</th><th>Test</th><th>Value</th></tr><tr><td>12/04/2026</td><td>Hemoglobin</td><td>11.9 g/dL</td></tr></table>`);
    expect(labs.modality).toBeNull();
    const order = read(`${banner}<h3>Orders</h3><table><tr><th>Procedure</th><th>Status</th><th>Scheduled</th></tr><tr><td>CT Abdomen Pelvis with contrast</td><td>Scheduled</td><td>12/10/2026</td></tr></table>
      <h3>Imaging results</h3><table><tr><th>Date</th><th>Exam</th><th>Status</th></tr><tr><td>12/04/2026</td><td>XR Chest PA and lateral</td><td>Final</td></tr></table>`);
    expect([order.ageBasis, order.modality]).toEqual(['scheduled', 'CT']);
    const one = read(`${banner}<h3>Radiology result</h3><dl><dt>Examination</dt><dd>CT Head without contrast</dd><dt>Requested</dt><dd>11/28/2026</dd><dt>Performed</dt><dd>12/04/2026 14:05</dd></dl>`);
    expect(got(one)).toEqual(['exam', AT['2026-12-04'], 'CT']);
    const prior = read(`${banner}<h3>Prior imaging</h3><table><tr><th>Date</th><th>Exam</th><th>Status</th></tr><tr><td>12/04/2026</td><td>CT Head without contrast</td><td>Final</td></tr></table>`);
    expect(prior.modality).toBeNull();
  });
});

describe('"today" / "hoy" in the sentence that orders the exam dates the order today, not a date of another sentence', () => {
  test("Spanish progress note's plan: the CT asked for today; an earlier ultrasound's date in the next sentence", () => {
    const a = read(`<div><span>Nombre</span> <b>MOSS GIL, ADA</b> <span>Fecha de nacimiento</span> <b>14/03/2016</b></div><h3>Nota de evolución</h3>
      <div>P:</div><div>Se solicita TAC de abdomen con contraste hoy. Ecografía del 03/12/2026 no concluyente. Valoración por cirugía.</div>`, 'es');
    expect(got(a)).toEqual(['order', AT['2026-12-07'], 'CT']);
  });
  test("ED note's plan line and a printed orders line: 'CT … today', 'STAT today'", () => {
    const a = read(`${banner}<p><b>MDM / Plan:</b> CT abdomen and pelvis with IV contrast today. Ultrasound on 12/04/2026 was equivocal. NPO.</p>`);
    expect(got(a)).toEqual(['order', AT['2026-12-07'], 'CT']);
    const b = read(`${banner}<pre>ORDERS:  XR chest 2 views STAT today.  Prior film 12/02/2026 reviewed.</pre>`);
    expect(got(b)).toEqual(['order', AT['2026-12-07'], 'DX']);
  });
  test("an admission some days before and the note's own date line today: the note's 'hoy' is today", () => {
    const a = read(`<div><span>Nombre</span> <b>MOSS GIL, ADA</b> <span>Fecha de nacimiento</span> <b>14/03/2016</b> <span>Fecha de ingreso</span> <b>02/12/2026</b></div>
      <h3>Nota de evolución</h3><div>07/12/2026 09:30</div><div>P:</div><div>Se solicita Rx de tórax PA hoy. Hemocultivo del 03/12/2026 negativo.</div>`, 'es');
    expect(got(a)).toEqual(['order', AT['2026-12-07'], 'DX']);
  });
  test('negatives: a date in the ordering sentence itself still dates it; an adult stays an adult', () => {
    const a = read(`${banner}<p><b>Plan:</b> CT abdomen and pelvis with IV contrast on 12/04/2026, reviewed today.</p>`);
    expect(a.ageDays).not.toBe(AT['2026-12-07']);
    const b = read(`<div class="ban"><span>Hale, Ruth</span><span>MRN 5520113</span><span>DOB: 05/22/1980</span></div><p><b>Plan:</b> CT abdomen and pelvis with IV contrast today. Ultrasound on 12/04/2026 was equivocal.</p>`);
    expect([b.ageBasis, b.pediatric]).toEqual(['order', false]);
  });
});
