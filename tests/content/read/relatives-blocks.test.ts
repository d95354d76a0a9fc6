/**
 * A relative's details on the lines after the relative's label are the relative's (layouts written for the test):
 * a bold-label print page (`<b>Daughter</b> DOE, LILY<br><b>DOB</b> 08/15/2015`), lines of labelled paragraphs
 * ("Emergency contact: …" then "DOB: …"), a side panel of label divs with bare values, a definition list, a Spanish
 * card ("Hija" then "Fecha de nacimiento"). They run up to the next heading, a label that names the patient or a
 * fact that is not a person's (the exam, a date's role), or the relative's card's end.
 * Negatives: the patient's own birth date before or after the relative's block (after a patient label or another
 * block) still counts; a fact repeated (a second DOB) is not the relative's; MR stays MR.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Chart</title></head><body>${body}</body></html>`), 'https://ehr.example-clinic.org/chart/88', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, modality: a.modality });
const days = (iso: string) => Math.round((Date.UTC(2026, 11, 7) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

describe("a mother's chart: her child's details on the lines after the child's label do not make her a child", () => {
  test('bold print: <b>Daughter</b> name, then <b>DOB</b> on the next line', () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, MARY<br><b>Exam</b> CT CHEST W CONTRAST<br>
      <b>Daughter</b> DOE, LILY<br><b>DOB</b> 08/15/2015<br><b>Phone</b> 555-0134<br></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('labelled paragraphs: "Emergency contact:" then "Relationship:", "DOB:"', () => {
    const a = read(`<main><p>Patient: DOE, MARY</p><p>Exam: CT ABDOMEN PELVIS W CONTRAST</p>
      <div class="ec"><p>Emergency contact: DOE, LILY</p><p>Relationship: Daughter</p><p>DOB: 08/15/2015</p></div></main>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('side panel of label divs with bare values: "Guardian" then "Date of birth"', () => {
    const a = read(`<div class="side"><div class="l">Name</div>DOE, MARY<br><div class="l">Exam</div>CT HEAD W/O CONTRAST<br>
      <div class="l">Guardian</div>DOE, TOM<br><div class="l">Date of birth</div>03.02.2016<br></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('definition list: <dt>Son</dt> then <dt>Age</dt>', () => {
    const a = read(`<dl class="demo"><dt>Patient</dt><dd>OKAFOR, GRACE</dd><dt>Exam</dt><dd>XR CHEST 2 VIEWS</dd></dl>
      <dl class="kin"><dt>Son</dt><dd>OKAFOR, TOBI</dd><dt>Age</dt><dd>6 yrs</dd></dl>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('Spanish card: "Hija" then "Fecha de nacimiento"', () => {
    const a = read(`<div class="ficha"><strong>Paciente</strong> GIL ROMERO, ANA<br><strong>Estudio</strong> TC de tórax con contraste<br>
      <strong>Hija</strong> NAVARRO GIL, MARTINA<br><strong>Fecha de nacimiento</strong> 14/02/2019<br></div>`, 'es');
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test("her own birth date before the child's block wins", () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, MARY<br><b>DOB</b> 05/05/1990<br><b>Exam</b> CT CHEST W CONTRAST<br>
      <b>Daughter</b> DOE, LILY<br><b>DOB</b> 08/15/2015<br></div>`);
    expect(got(a)).toEqual({ pediatric: false, days: days('1990-05-05'), modality: 'CT' });
  });
});

describe("a child's chart: the mother's details on the next lines are the mother's", () => {
  test("the child's birth date after a patient label, below the mother's lines, is the child's", () => {
    const a = read(`<div class="print"><b>Mother</b> DOE, MARY<br><b>DOB</b> 05/05/1990<br>
      <b>Patient</b> DOE, JANE<br><b>DOB</b> 08/15/2015<br><b>Exam</b> CT HEAD W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'CT' });
  });
  test("the child's own age before the mother's block; the mother's DOB on the next line does not make the child an adult", () => {
    const a = read(`<main><p>Patient: DOE, JANE</p><p>Age: 9 yrs</p><p>Exam: CT HEAD W/O CONTRAST</p>
      <div><p>Mother: DOE, MARY</p><p>DOB: 05/05/1990</p></div></main>`);
    expect(got(a)).toEqual({ pediatric: true, days: 3287, modality: 'CT' });
  });
  test("the exam after the mother's lines is still the page's; its MR stays MR", () => {
    const a = read(`<div class="print"><b>Patient</b> DOE, JANE<br><b>Age</b> 9 yrs<br><b>Mother</b> DOE, MARY<br><b>DOB</b> 05/05/1990<br>
      <b>Exam</b> MR BRAIN W/O CONTRAST<br></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: 3287, modality: 'MR' });
  });
  test("the child's DOB in its own card after the mother's card is the child's", () => {
    const a = read(`<div class="card"><b>Mother</b> DOE, MARY<br><b>Phone</b> 555-0134</div>
      <div class="card"><b>DOB</b> 08/15/2015<br><b>Exam</b> XR CHEST 2 VIEWS</div>`);
    expect(got(a)).toEqual({ pediatric: true, days: days('2015-08-15'), modality: 'DX' });
  });
});
