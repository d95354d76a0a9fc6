/**
 * A request form's birth date in a form control (layouts written for the test): a table of label cells and input
 * cells, rows of label elements and inputs, spans and read-only inputs, `type=date`; English and Spanish. The
 * labelled birth date wins over an age told in the clinical information; a guardian's date of birth on the same form
 * is someone else's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Imaging request</title></head><body>${body}</body></html>`), 'https://orders.example.org/request/new', { now: NOW });
const birth = (a: PageAnalysis) => a.evidence.find((e) => e.kind === 'birthDate')?.text ?? null;

describe('a labelled birth date in a form control is the birth date', () => {
  test('a table of label cells and text inputs, two pairs a row; the age in the clinical information is not used', () => {
    const a = read(`<form><table class="req">
      <tr><td class="lbl">Patient name</td><td><input type="text" value="Ortega, Lia"></td><td class="lbl">Date of birth</td><td><input type="text" value="02/19/2011"></td></tr>
      <tr><td class="lbl">Sex</td><td><input value="F"></td><td class="lbl">Weight (kg)</td><td><input value="41"></td></tr>
      <tr><td class="lbl">Examination requested</td><td><input value="CT abdomen and pelvis with contrast"></td><td class="lbl">Scheduled date</td><td><input value="12/16/2026"></td></tr>
      <tr><td class="lbl">Clinical information</td><td colspan="3"><textarea>15-year-old with RLQ pain, ?appendicitis</textarea></td></tr></table></form>`);
    expect(birth(a)).toBe('02/19/2011');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 5779, 'CT']);
  });
  test('rows of label elements and inputs: type=date, read-only, select for sex', () => {
    const a = read(`<form class="order-form">
      <div class="form-row"><label for="pn">Patient</label><input id="pn" readonly value="MBEKI, Thabo"></div>
      <div class="form-row"><label for="dob">DOB</label><input id="dob" type="date" readonly value="2019-07-30"></div>
      <div class="form-row"><label for="sx">Sex</label><select id="sx"><option>F</option><option selected>M</option></select></div>
      <div class="form-row"><label for="ex">Procedure</label><input id="ex" value="XR chest PA and lateral"></div>
      <div class="form-row"><label for="sd">Requested date</label><input id="sd" type="date" value="2026-12-09"></div>
      <div class="form-row"><label for="ci">Reason</label><textarea id="ci">7 yo with cough for 3 weeks</textarea></div></form>`);
    expect(birth(a)).toBe('2019-07-30');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['order', 2689, 'DX']);
  });
  test('Spanish: spans as labels, "Fecha de nacimiento" in an input, "Fecha programada"', () => {
    const a = read(`<div class="solicitud"><div class="campo"><span class="et">Paciente</span><input value="LÓPEZ RUIZ, Aitana"></div>
      <div class="campo"><span class="et">Fecha de nacimiento</span><input value="19/02/2011"></div>
      <div class="campo"><span class="et">Prestación</span><input value="TC abdomen y pelvis con contraste"></div>
      <div class="campo"><span class="et">Fecha programada</span><input value="16/12/2026"></div>
      <div class="campo"><span class="et">Motivo</span><textarea>Adolescente de 15 años con dolor en FID</textarea></div></div>`, 'es');
    expect(birth(a)).toBe('19/02/2011');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 5779, 'CT']);
  });
});

describe("what a form's birth date is not", () => {
  test("a guardian's date of birth in its own fieldset is not the patient's", () => {
    const a = read(`<form><fieldset><legend>Patient</legend><label>Name <input value="ORTEGA, Lia"></label> <label>Date of birth <input value="02/19/2011"></label></fieldset>
      <fieldset><legend>Guardian</legend><label>Name <input value="ORTEGA, Rosa"></label> <label>Date of birth <input value="05/03/1984"></label></fieldset>
      <p>Procedure: XR hand left (bone age)</p></form>`);
    expect(birth(a)).toBe('02/19/2011');
    expect(a.pediatric).toBe(true);
  });
  test('an empty birth-date input reads nothing; the age under its label still does', () => {
    const a = read(`<table><tr><td>Patient name</td><td><input value="KAUR, Simran"></td><td>Date of birth</td><td><input value=""></td></tr>
      <tr><td>Age</td><td><input value="9"></td><td>Exam</td><td><input value="XR wrist left 2 views"></td></tr></table>`);
    expect([birth(a), a.ageDays, a.pediatric]).toEqual([null, 3287, true]);
  });
});

// An IR or imaging request form whose birth-date input is named only by a placeholder, an aria-label, a grid label
// that is not a <label>, or a fieldset's legend: the input's value is the birth date, and the age is taken at the
// scheduled date the form shows, not from a "15-year-old" told in the clinical history at today's date.
describe('a request form names its birth-date input in other ways', () => {
  test('a CSS grid of label divs and inputs (no <label>), type=date birth date, an IR procedure', () => {
    const a = read(`<h2>Interventional Radiology Request</h2><div class="grid">
      <div class="cell lbl">Patient Name</div><div class="cell"><input type="text" value="ORTEGA, Lia"></div>
      <div class="cell lbl">Date of Birth</div><div class="cell"><input type="date" value="2011-02-19"></div>
      <div class="cell lbl">MRN</div><div class="cell"><input type="text" value="00417782"></div>
      <div class="cell lbl">Procedure Requested</div><div class="cell"><input type="text" value="PICC line placement under fluoroscopy"></div>
      <div class="cell lbl">Scheduled Date</div><div class="cell"><input type="date" value="2026-12-16"></div>
      <div class="cell lbl">Clinical History</div><div class="cell"><textarea>15-year-old with cystic fibrosis needing IV antibiotics</textarea></div></div>`);
    expect(birth(a)).toBe('2011-02-19');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 5779, 'XA']);
  });
  test('inputs named by placeholder and aria-label only, in a fieldset with a legend', () => {
    const a = read(`<form><fieldset><legend>Patient details</legend>
      <input type="text" aria-label="Patient name" value="ORTEGA, Lia"> <input type="text" placeholder="Date of birth (MM/DD/YYYY)" value="02/19/2011">
      <input type="text" aria-label="MRN" value="00417782"></fieldset>
      <fieldset><legend>Examination</legend><input type="text" aria-label="Examination requested" value="CT chest with contrast">
      <input type="text" placeholder="Appointment date" value="12/16/2026"></fieldset>
      <fieldset><legend>Clinical information</legend><textarea aria-label="Clinical information">15 year old, persistent RLL consolidation</textarea></fieldset></form>`);
    expect(birth(a)).toBe('02/19/2011');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 5779, 'CT']);
  });
  test('"DOB" as a legend over a lone date input (type=date) beside the request', () => {
    const a = read(`<form class="req"><div class="row"><span class="lbl">Name</span> <input value="ORTEGA, Lia"></div>
      <fieldset class="dob"><legend>DOB</legend><input type="date" value="2011-02-19"></fieldset>
      <div class="row"><span class="lbl">Exam</span> <input value="Fluoroscopic guided lumbar puncture"></div>
      <div class="row"><span class="lbl">Booked for</span> <input type="date" value="2026-12-16"></div></form>`);
    expect(birth(a)).toBe('2011-02-19');
    expect([a.ageBasis, a.ageDays, a.pediatric]).toEqual(['scheduled', 5779, true]);
  });
});

describe("what a form's named input is not", () => {
  test("a search box's name is what to look for: its text is no one's birth date", () => {
    const a = read(`<div class="find"><input type="search" aria-label="Date of birth" value="02/19/2011"> <input type="text" role="searchbox" aria-label="MRN" value="00417782"></div>
      <p>Exam: XR wrist left 2 views</p>`);
    expect([birth(a), a.ageDays]).toEqual([null, null]);
  });
  test("an empty placeholder is a hint, not a birth date; the guardian's placeholder-named input is someone else's", () => {
    const a = read(`<form><fieldset><legend>Patient</legend><input aria-label="Patient name" value="ORTEGA, Lia"> <input placeholder="Date of birth (MM/DD/YYYY)" value=""></fieldset>
      <fieldset><legend>Parent/Guardian</legend><input aria-label="Guardian name" value="ORTEGA, Rosa"> <input placeholder="Date of birth" value="05/03/1984"></fieldset>
      <p>Examination: XR chest 2 views</p><p>Age: 15</p></form>`);
    expect(birth(a)).toBe(null);
    expect([a.pediatric, a.ageDays]).toEqual([true, 5478]);
  });
});

describe('a label that says how to write its date ("Date of birth (MM/DD/YYYY)") names its value like the bare label', () => {
  // Born 2018-02-20, appointment 2026-12-10: 3215 days.
  test('printed boxes: a small caption with the format above the value', () => {
    const a = read(`<div class="row"><div class="box"><div class="cap">Patient surname / given</div>ROWE / Ida</div>
      <div class="box"><div class="cap">Date of birth (MM/DD/YYYY)</div>02/20/2018</div><div class="box"><div class="cap">Sex</div>F</div></div>
      <div class="box"><div class="cap">Examination requested</div>XR abdomen 1 view supine</div>
      <div class="row"><div class="box"><div class="cap">Appointment (mm/dd/yyyy)</div>12/10/2026</div></div>`);
    expect(birth(a)).toBe('02/20/2018');
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 3215, 'scheduled', 'DX']);
  });
  test('a form label and input, DMY format written in the label, Spanish "(dd/mm/aaaa)"', () => {
    const a = read(`<form><label>Nombre</label><input value="Rojas, Ana"><label>Fecha de nacimiento (dd/mm/aaaa)</label><input value="20/02/2018">
      <label>Estudio solicitado</label><input value="Rx abdomen simple"><label>Fecha de la cita (dd/mm/aaaa)</label><input value="10/12/2026"></form>`, 'es');
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3215, 'scheduled']);
  });
  test("an adult's 'DOB (YYYY-MM-DD):' stays adult", () => {
    const a = read(`<div><b>Name:</b> Hale, Rob <b>DOB (YYYY-MM-DD):</b> 1970-05-06 <b>Exam:</b> CT chest</div>`);
    expect([a.pediatric, birth(a)]).toEqual([false, '1970-05-06']);
  });
});
