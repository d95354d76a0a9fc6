/**
 * A label element followed by its value as bare text in the same parent, not wrapped in any element (layouts written
 * for the test): a side panel of label divs (`<div class="l">Date of birth</div>14.02.2014<br>`), a bold-label print
 * page (`<b>DOB</b> 08/15/2015<br>`), a banner of label spans (`<span class="cap">MRN</span> 44120`), a Spanish card
 * (`<strong>Fecha de nacimiento</strong> 14/02/2014`). Such a block is labels and their values, not a header row of
 * columns over the block after it; an exam's value split over inline elements is one value up to the line's end.
 * Negatives: a label with no value, a menu of label words, a relative's line, an adult, MR and US exams.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Radiology</title></head><body>${body}</body></html>`), 'https://ris.example-hospital.org/chart/4412', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, modality: a.modality });
/** Days from an ISO birth date to the test's today. */
const days = (iso: string) => Math.round((Date.UTC(2026, 11, 7) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

describe('a block of labels and bare values is not a header row of the block after it', () => {
  test('print page: two sections of bold labels with as many lines each', () => {
    const a = read(`<h1>Imaging requisition</h1><div class="page">
      <div class="sec"><b>Patient</b> DOE, JANE<br><b>DOB</b> 14.02.2014<br><b>Sex</b> F<br></div>
      <div class="sec"><b>Exam</b> CT HEAD W/O CONTRAST<br><b>Ordered</b> 07.12.2026<br><b>Priority</b> Routine<br></div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test('side panel of label divs beside a main block with as many children', () => {
    const a = read(`<div class="layout">
      <div class="side"><div class="l">Name</div>ROSSI, LUCA<div class="l">Date of birth</div>14.02.2014<div class="l">Sex</div>M</div>
      <div class="main"><div class="l">Procedure</div><div>CT CHEST W CONTRAST</div><div>Ordered 07.12.2026</div></div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test('banner of label spans above a study list whose rows have as many cells', () => {
    const a = read(`<div class="banner"><span class="cap">Patient</span> DOE, JANE <span class="cap">MRN</span> 44120
        <span class="cap">DOB</span> 08/15/2015 <span class="cap">Sex</span> F</div>
      <div class="studies">
        <div class="r"><span>12/07/2026</span><span>CT ABDOMEN PELVIS W CONTRAST</span><span>Scheduled</span><span>A-1</span></div>
        <div class="r"><span>03/02/2025</span><span>XR CHEST 2 VIEWS</span><span>Final</span><span>A-2</span></div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('Spanish card: two blocks of strong labels', () => {
    const a = read(`<div class="ficha"><strong>Paciente</strong> GARCÍA LÓPEZ, SOFÍA<br><strong>Fecha de nacimiento</strong> 14/02/2014<br></div>
      <div class="ficha"><strong>Estudio</strong> TC de cráneo sin contraste<br><strong>Servicio</strong> Urgencias<br></div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test('an adult in the same print layout stays an adult', () => {
    const a = read(`<div class="page"><div class="sec"><b>Patient</b> DOE, MARY<br><b>DOB</b> 05.05.1990<br><b>Sex</b> F<br></div>
      <div class="sec"><b>Exam</b> CT HEAD W/O CONTRAST<br><b>Ordered</b> 07.12.2026<br><b>Priority</b> Routine<br></div></div>`);
    expect(got(a)).toEqual({ pediatric: false, days: days('1990-05-05'), modality: 'CT' });
  });
  test('an MR exam in the side panel layout is MR, with no CT campaign', () => {
    const a = read(`<div class="layout">
      <div class="side"><div class="l">Name</div>ROSSI, LUCA<div class="l">Date of birth</div>14.02.2014<div class="l">Sex</div>M</div>
      <div class="main"><div class="l">Procedure</div><div>MRI BRAIN W/O CONTRAST</div><div>Ordered 07.12.2026</div></div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'MR' });
    expect(a.campaigns).not.toContain('ct');
  });
  test('a header row of label divs over rows of values is still a list', () => {
    const a = read(`<div class="wl"><div class="h"><span>Patient</span><span>DOB</span><span>Exam</span><span>Status</span></div>
      <div class="r"><span>DOE, JANE</span><span>08/15/2015</span><span>US ABDOMEN</span><span>Scheduled</span></div>
      <div class="r"><span>ROE, MAX</span><span>01/02/1980</span><span>CT HEAD</span><span>Scheduled</span></div></div>`);
    expect(a.records.length).toBe(2);
    expect(a.records.filter((r) => r.pediatric).length).toBe(1);
  });
});

describe("a sidebar that is the patient's card", () => {
  const ORDER = `<main><h2>Order</h2><p>Exam: CT HEAD W/O CONTRAST</p><p>Ordered: 12/07/2026</p></main>`;
  test('a card titled "Patient" over label divs and bare values', () => {
    const a = read(`<aside class="pt"><div class="hd">Patient</div><div class="l">Name</div>ROSSI, LUCA<br>
      <div class="l">Date of birth</div>08/15/2015<br><div class="l">Sex</div>M<br></aside>${ORDER}`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('the same card with a heading over a definition list', () => {
    const a = read(`<aside><h3>Patient</h3><dl><dt>Name</dt><dd>ROSSI, LUCA</dd><dt>Date of birth</dt><dd>08/15/2015</dd></dl></aside>${ORDER}`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('Spanish: "Paciente" over strong labels', () => {
    const a = read(`<aside role="complementary"><div class="tit">Paciente</div><strong>Nombre</strong> GARCÍA LÓPEZ, SOFÍA<br>
      <strong>Fecha de nacimiento</strong> 14/02/2014<br><strong>Sexo</strong> F<br></aside>
      <main><p>Estudio: TC de tórax con contraste</p></main>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test("a sidebar of recent patients with bare values is not read: the open adult's chart stands", () => {
    const a = read(`<aside><div class="hd">Recent patients</div><div class="l">Name</div>KIM, ANA<br><div class="l">DOB</div>03/11/2019<br>
      <div class="l">Name</div>LEE, MAX<br><div class="l">DOB</div>08/30/2017<br></aside>
      <main><p>Patient: DOE, MARY</p><p>DOB: 05/15/1990</p><p>Exam: CT HEAD W/O CONTRAST</p></main>`);
    expect(got(a)).toEqual({ pediatric: false, days: days('1990-05-15'), modality: 'CT' });
  });
});

describe("an exam's value split over inline elements is one value, up to the line's end", () => {
  test('bold print: "<b>Exam</b> <span>CT</span> HEAD W/O CONTRAST<br>"', () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>DOB</b> 08/15/2015<br>
      <b>Exam</b> <span class="code">CT</span> HEAD W/O CONTRAST<br><b>Sex</b> F<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
    expect(a.region).toBe('head');
  });
  test('side panel of label divs: the code is a link, the rest bare text', () => {
    const a = read(`<div class="side"><div class="l">Name</div>ROSSI, LUCA<div class="l">Date of birth</div>14.02.2014
      <div class="l">Procedure</div><a href="#p">CT</a> CHEST W CONTRAST<div class="l">Status</div>Scheduled</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test('a table cell under its row label: "<th>Exam</th><td><span>CT</span> ABDOMEN PELVIS</td>"', () => {
    const a = read(`<table class="ord"><tr><th>Patient</th><td>DOE, JANE</td></tr><tr><th>DOB</th><td>08/15/2015</td></tr>
      <tr><th>Exam</th><td><span class="mod">CT</span> ABDOMEN PELVIS W CONTRAST</td></tr></table>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('Spanish: "<strong>Estudio</strong> <abbr>TC</abbr> de cráneo sin contraste<br>"', () => {
    const a = read(`<div class="ficha"><strong>Paciente</strong> GARCÍA, SOFÍA<br><strong>Fecha de nacimiento</strong> 14/02/2014<br>
      <strong>Estudio</strong> <abbr title="Tomografía computarizada">TC</abbr> de cráneo sin contraste<br></div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: 'CT' });
  });
  test('the value stops at the line break: a CT named on the next line does not join an ultrasound', () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>DOB</b> 08/15/2015<br>
      <b>Exam</b> <span class="code">US</span> ABDOMEN COMPLETE<br><span class="code">CT</span> SCANNER 2<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'US' });
    expect(a.campaigns).toEqual([]);
  });
  test('an MR split over inline elements is MR', () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>DOB</b> 08/15/2015<br>
      <b>Exam</b> <span class="code">MRI</span> BRAIN W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'MR' });
    expect(a.campaigns).toEqual([]);
  });
});

describe("what follows a relative's label on its line is the relative's", () => {
  test('bold print: "<b>Mother</b> DOE, MARY <b>DOB</b> 05/05/1990<br>" beside the child\'s age', () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>Age</b> 9 yrs<br><b>Exam</b> CT HEAD W/O CONTRAST<br>
      <b>Mother</b> DOE, MARY <b>DOB</b> 05/05/1990<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: 3287, modality: 'CT' });
  });
  test("an adult's chart: a daughter's birth date on the emergency contact's line does not make the patient a child", () => {
    const a = read(`<div class="side"><div class="l">Patient</div>DOE, MARY<br><div class="l">Exam</div>CT CHEST W CONTRAST<br>
      <div class="l">Emergency contact</div>DOE, LILY (daughter) <span class="l">DOB</span> 08/15/2015<br></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test("an adult's own birth date stands beside a son's on the next of kin's line", () => {
    const a = read(`<div class="print"><b>Patient</b> OKAFOR, JAMES<br><b>Age</b> 65 yrs<br>
      <b>Next of kin</b> OKAFOR, TOBI (son) <b>DOB</b> 04/09/2014<br><b>Exam</b> CT HEAD W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: false, days: 23741, modality: 'CT' });
  });
  test('a key-value table row: "Mother | DOE, MARY | DOB | 05/05/1990"', () => {
    const a = read(`<table class="demo"><tr><th>Patient</th><td>DOE, JANE</td><th>Age</th><td>9 yrs</td></tr>
      <tr><th>Mother</th><td>DOE, MARY</td><th>DOB</th><td>05/05/1990</td></tr>
      <tr><th>Exam</th><td>CT HEAD W/O CONTRAST</td><th>Status</th><td>Scheduled</td></tr></table>`);
    expect(got(a)).toEqual({ pediatric: true, days: 3287, modality: 'CT' });
  });
  test('one line of labelled text: "Mother: DOE, MARY DOB: 05/05/1990"', () => {
    const a = read(`<p>Patient: DOE, JANE</p><p>Age: 9 yrs</p><p>Exam: CT HEAD W/O CONTRAST</p><p>Mother: DOE, MARY DOB: 05/05/1990</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: 3287, modality: 'CT' });
  });
  test('Spanish card: "<strong>Madre</strong> GIL ROMERO, ANA <strong>Fecha de nacimiento</strong> 11/09/1988"', () => {
    const a = read(`<div class="ficha"><strong>Paciente</strong> NAVARRO GIL, MARTINA<br><strong>Edad</strong> 7 años<br>
      <strong>Estudio</strong> Radiografía de tórax PA<br><strong>Madre</strong> GIL ROMERO, ANA <strong>Fecha de nacimiento</strong> 11/09/1988<br></div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: 2556, modality: 'DX' });
  });
  test("the patient's birth date on the line after a relative's line stays the patient's when its label names the patient", () => {
    // (A bare "DOB" on the line after the mother's is the mother's: the relative's details run on her next lines.)
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>Mother</b> DOE, MARY<br><b>Patient birth date</b> 08/15/2015<br>
      <b>Exam</b> CT HEAD W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test("a birth date before the guardian on the patient's line stays the patient's", () => {
    const a = read(`<div class="banner"><b>Patient</b> DOE, JANE <b>DOB</b> 08/15/2015 <b>Guardian</b> DOE, MARY<br>
      <b>Exam</b> CT HEAD W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
});

describe('labels with no value, and menus of label words', () => {
  test('a label left empty at the end of a card does not name the next block\'s text (an earlier CT told there)', () => {
    const a = read(`<div class="card"><b>Patient</b> DOE, JANE<br><b>DOB</b> 08/15/2015<br><b>Exam</b><br></div>
      <p>CT head was done in 2023 at another hospital.</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: null });
  });
  test('the same in a side panel of label divs', () => {
    const a = read(`<div class="side"><div class="l">Name</div>ROSSI, LUCA<div class="l">Date of birth</div>14.02.2014<div class="l">Procedure</div></div>
      <div class="hx">CT head was done in 2023 at another hospital.</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2014-02-14'), modality: null });
  });
  test('a label that is all its block holds still names the next block (a caption cell above its value)', () => {
    const a = read(`<div class="hdr"><div class="c"><span>Patient</span></div><div class="v">DOE, JANE</div>
      <div class="c"><span>DOB</span></div><div class="v">08/15/2015</div><div class="c"><span>Procedure</span></div><div class="v">CT HEAD W/O CONTRAST</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('a label followed by another label takes no value: "Weight" then "DOB", "Exam" then "Status"', () => {
    const a = read(`<div class="card"><b>Patient</b> DOE, JANE<br><b>Weight</b><br><b>DOB</b> 08/15/2015<br>
      <b>Exam</b><b>Status</b> Scheduled<br><b>Procedure</b> US ABDOMEN COMPLETE<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'US' });
    expect(a.weight).toBeNull();
  });
  test('a menu of label words above a card of label spans with as many children is not its header', () => {
    const a = read(`<div class="app"><div class="menu"><div>Orders</div><div>Results</div><div>Exam</div><div>Patient</div></div>
      <div class="card"><span class="k">Patient</span> DOE, JANE <span class="k">DOB</span> 08/15/2015 <span class="k">Exam</span> CT HEAD W/O CONTRAST <span class="k">Sex</span> F</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('the same menu over a block of two such cards', () => {
    const card = (name: string, dob: string, exam: string) =>
      `<div class="card"><span class="k">Patient</span> ${name} <span class="k">DOB</span> ${dob} <span class="k">Exam</span> ${exam} <span class="k">Sex</span> F</div>`;
    const a = read(`<div class="menu"><div>Orders</div><div>Results</div><div>Exam</div><div>Patient</div></div>
      <div class="main">${card('DOE, JANE', '08/15/2015', 'CT HEAD W/O CONTRAST')}${card('DOE, JANE', '08/15/2015', 'CT HEAD W/O CONTRAST')}</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test('a div grid whose cells are parted by " | " is still a list', () => {
    const a = read(`<div class="wl"><div class="h"><span>Patient</span> | <span>DOB</span> | <span>Exam</span> | <span>Status</span></div>
      <div class="r"><span>DOE, JANE</span> | <span>08/15/2015</span> | <span>US ABDOMEN</span> | <span>Scheduled</span></div>
      <div class="r"><span>ROE, MAX</span> | <span>01/02/1980</span> | <span>CT HEAD</span> | <span>Scheduled</span></div></div>`);
    expect(a.records.length).toBe(2);
  });
});
