/**
 * Naming the exam on whole pages (layouts written for the test, none a corpus page): Spanish fluoroscopy names
 * (seriada esofagogastroduodenal, colon por enema, radioscopia), cone-beam CT in a dental chart, mammography by its
 * abbreviations, and what names no exam (a policy footer's "radioscopy", "CBCT not indicated", a reminder that a
 * mammogram is due).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}, url = 'https://ris.example.org/agenda', lang = 'en'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), url, { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];

describe('Spanish fluoroscopy names', () => {
  test('an appointment card under a day agenda (div grid, small labels above values): Seriada esofagogastroduodenal con bario', () => {
    const a = read(`<div class="top">RIS Imágenes · Agenda del día</div>
      <div class="grid"><div class="r h"><span>Hora</span><span>Paciente</span><span>Edad</span><span>Estudio</span></div>
      <div class="r on"><span>08:00</span><span>PAZ, Lautaro</span><span>4 años</span><span>SEGD</span></div>
      <div class="r"><span>08:30</span><span>SOSA, Marta</span><span>51 años</span><span>Ecografía abdominal</span></div></div>
      <div class="card"><div><label>Paciente</label>PAZ, Lautaro</div><div><label>F. nac.</label>14/05/2022</div>
      <div><label>Estudio</label>Seriada esofagogastroduodenal con bario</div><div><label>Fecha</label>07/12/2026 08:00</div></div>`, {}, 'https://ris.example.org/agenda', 'es');
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test('a printed request (table): Colon por enema; and a worklist row: Radioscopia de deglución', () => {
    const a = read(`<h2>Solicitud de estudio</h2><table><tr><th>Paciente</th><td>RÍOS, Noa</td></tr><tr><th>Edad</th><td>2 años</td></tr>
      <tr><th>Prestación</th><td>Colon por enema</td></tr><tr><th>Fecha programada</th><td>09/12/2026</td></tr></table>`, {}, 'https://his.example.org/peticion', 'es');
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
    const b = read(`<table><thead><tr><th>Paciente</th><th>Edad</th><th>Prueba</th><th>Estado</th></tr></thead>
      <tbody><tr class="selected"><td>GIL, Íker</td><td>3 años</td><td>Radioscopia de deglución</td><td>En sala</td></tr></tbody></table>`, {}, 'https://ris.example.org/lista', 'es');
    expect(exam(b)).toEqual(['RF', ['fluoroscopy'], 'chest']);
  });
  test("a policy footer's 'radioscopy' names no exam: the page's CT stays a CT, and a page with no exam stays without one", () => {
    const footer = `<footer><p>Radioscopy and fluoroscopy rooms are subject to the radiation protection policy of the department.</p></footer>`;
    const ct = read(`<div class="banner"><span>Berg, Ola</span><span>Age: 9</span></div><p><b>Exam:</b> CT head without contrast</p>${footer}`);
    expect(exam(ct)).toEqual(['CT', ['ct'], 'head']);
    const none = read(`<div class="banner"><span>Berg, Ola</span><span>Age: 9</span></div><p><b>Allergies:</b> none</p>${footer}`);
    expect(none.modality).toBeNull();
    expect(none.campaigns).toEqual([]);
  });
});

describe('cone-beam CT in a dental chart', () => {
  test('a dental imaging list (date-led lines, the first highlighted): CBCT of the maxilla is CT and dental', () => {
    const a = read(`<div class="hd"><span>Patient: Mensah, Kofi</span><span>Born: 02/03/2012</span></div>
      <div class="list"><b>Images</b><div class="on">07/12/2026 CBCT 5x5 cm maxilla, impacted canine</div><div>11/03/2024 Bitewings</div></div>`, {}, 'https://dental.example.org/images');
    expect(exam(a)).toEqual(['CT', ['ct', 'dental'], 'dental']);
  });
  test("'CBCT not indicated' in the note does not make a panoramic visit a CT", () => {
    const a = read(`<div class="pt"><span>Ortiz, Lía</span><span>Age: 10</span></div>
      <table><tr><th>Date</th><th>Procedure</th><th>Status</th></tr><tr><td>12/07/2026</td><td>Panoramic radiograph</td><td>Scheduled</td></tr></table>
      <div class="note">Note: canine position clear on pano; CBCT not indicated.</div>`, {}, 'https://dental.example.org/chart');
    expect(exam(a)).toEqual(['PX', ['dental'], 'dental']);
  });
});

describe('mammography by its abbreviations', () => {
  test('an appointment card (definition list): Type: MAMMO SCREENING BILAT', () => {
    const a = read(`<dl class="appt"><dt>Patient</dt><dd>Lund, Greta</dd><dt>DOB</dt><dd>03/11/1961</dd><dt>Type</dt><dd>MAMMO SCREENING BILAT</dd><dt>Appointment</dt><dd>12/14/2026 09:00</dd></dl>`, {}, 'https://pm.example.org/appt/1');
    expect(a.pediatric).toBe(false);
    expect(exam(a)).toEqual(['MG', ['radiography'], 'chest']);
  });
  test('a Spanish order (table): Tomosíntesis mamaria bilateral', () => {
    const a = read(`<table><tr><td>Paciente</td><td>VEGA, Ana</td></tr><tr><td>Edad</td><td>55 años</td></tr><tr><td>Estudio</td><td>Tomosíntesis mamaria bilateral</td></tr></table>`, {}, 'https://his.example.org/orden', 'es');
    expect(exam(a)).toEqual(['MG', ['radiography'], 'chest']);
  });
  test("a dashboard's reminder that a mammogram is due names no exam (lines with <br>, and a table)", () => {
    const lines = read(`<div class="banner">Hale, June · DOB: 1962-04-02 · Age: 64</div>
      <div class="card"><div class="card-header">Health maintenance</div><div class="card-body">Mammogram: <b>Due</b><br>Bone density: Overdue<br>Flu shot: Done 2026-10-01</div></div>`, {}, 'https://emr.example.org/dashboard');
    expect(lines.modality).toBeNull();
    const table = read(`<div class="banner">Hale, June · DOB: 1962-04-02 · Age: 64</div>
      <table><tr><th>Reminder</th><th>Status</th></tr><tr><td>Screening mammogram —</td><td>Past due</td></tr></table>`, {}, 'https://emr.example.org/dashboard');
    expect(table.modality).toBeNull();
  });
});

describe('regions of whole-body, neuro-angiographic and tube procedures', () => {
  test('a protocol card (div grid): PET/CT FDG SKULL BASE-MIDTHIGH is whole-body, nuclear medicine and CT', () => {
    const a = read(`<div class="card"><div class="k">Patient</div><div>Moss, Eli</div><div class="k">DOB</div><div>03/04/2011</div>
      <div class="k">Exam</div><div>PET/CT FDG SKULL BASE-MIDTHIGH</div><div class="k">Scheduled</div><div>12/11/2026</div></div>`, {}, 'https://ris.example.org/protocol');
    expect(exam(a)).toEqual(['PT', ['ct', 'nuclear-medicine'], 'whole-body']);
  });
  test('a dictation header (spans): a cerebral angiogram injecting a vertebral artery is of the head, not the spine', () => {
    const a = read(`<div class="hdr"><span>Patient: Roy, Ada</span><span>Age: 12Y</span></div>
      <div class="f"><span class="l">Procedure:</span> Diagnostic cerebral angiography, right ICA and left vertebral artery injections</div>`, {}, 'https://dictation.example.org/report');
    expect(exam(a)).toEqual(['XA', ['fluoroscopy', 'interventional'], 'head']);
  });
  test('an IR board (table, selected row): G-tube to GJ-tube conversion is of the abdomen', () => {
    const a = read(`<table><tr><th>Room</th><th>Patient</th><th>Age</th><th>Procedure</th></tr>
      <tr class="active"><td>IR 1</td><td>Kay, Noor</td><td>8 mo</td><td>G-tube to GJ-tube conversion (fluoro)</td></tr>
      <tr><td>IR 2</td><td>Dunn, Al</td><td>77 y</td><td>Port removal</td></tr></table>`, {}, 'https://ir.example.org/board');
    expect(exam(a)).toEqual(['XA', ['fluoroscopy', 'interventional'], 'abdomen']);
  });
  test('the spine keeps its own words: an XR of the lumbar spine for a vertebral fracture', () => {
    const a = read(`<p><b>Patient:</b> Roy, Ada · <b>Age:</b> 12</p><p><b>Exam:</b> XR lumbar spine 2 views, vertebral fracture?</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'spine']);
  });
});

describe("an open appointment's card names the exam, not a day list's line of another patient", () => {
  test('a day list of one-line entries (divs) beside a details table: the card\'s type, not the list\'s first exam', () => {
    const a = read(`<div class="day"><div class="slot">Tue Dec 8, 2026 — Pediatric imaging</div>
      <div class="slot">08:00 · Moreno, Iván · 15 yrs · US abdomen</div>
      <div class="slot on">08:20 · Kerr, Daisy · 6 yrs · Radiograph</div>
      <div class="slot">08:40 · Adeyemi, Tolu · 44 yrs · MR knee</div></div>
      <div class="details"><h3>Appointment details</h3><table><tr><td>Patient</td><td>Kerr, Daisy</td></tr><tr><td>DOB</td><td>Mar 2, 2020</td></tr>
      <tr><td>Appointment</td><td>Tue Dec 8, 2026 08:20 AM</td></tr><tr><td>Type</td><td>XR CHEST 2 VIEWS</td></tr></table></div>`, {}, 'https://pm.example.org/schedule/appt/9');
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('a list of entries with dashes (ul/li) beside a definition list: the open adult\'s mammogram, not a teenager\'s ultrasound', () => {
    const a = read(`<ul class="appts"><li>Ruiz, Carla — 17 yrs — US breast — 09:00</li><li class="current">Lind, Eva — 64 yrs — Screening — 09:20</li></ul>
      <dl><dt>Patient</dt><dd>Lind, Eva</dd><dt>DOB</dt><dd>01/05/1962</dd><dt>Visit type</dt><dd>MAMMO SCREENING BILAT W/ TOMO</dd><dt>Appointment</dt><dd>12/14/2026 09:20</dd></dl>`, {}, 'https://pm.example.org/schedule');
    expect(a.pediatric).toBe(false);
    expect(exam(a)).toEqual(['MG', ['radiography'], 'chest']);
  });
  test("a list's Type column of patient classes names no exam: each row's procedure does", () => {
    const a = read(`<h2>Worklist</h2><table><thead><tr><th>Patient</th><th>Age</th><th>Type</th><th>Procedure</th></tr></thead><tbody>
      <tr><td>Holm, Ivo</td><td>7 y</td><td>Outpatient</td><td>CT HEAD WO</td></tr>
      <tr><td>Berg, Lea</td><td>52 y</td><td>Inpatient</td><td>US ABDOMEN</td></tr></tbody></table>`, {}, 'https://ris.example.org/worklist');
    // (An adult's row is never worked out.)
    expect(a.records.map((r) => [r.modality, r.campaigns])).toEqual([['CT', ['ct']], [null, []]]);
  });
  test("a banner's one line with the patient's name and age is no list entry, even beside a relative's line", () => {
    const a = read(`<div class="b">Kerr, Daisy · 6 yrs · F</div><div class="b">Kerr, Ann · 38 yrs · mother</div><p><b>Exam:</b> XR chest 2 views</p>`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
});
