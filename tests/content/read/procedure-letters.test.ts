/**
 * A procedure letter names its exam after "Examination:", "Exam:", "Procedure:" or "Estudio:"; its paragraphs about
 * the exam ("The examination takes about 20 minutes and uses a small amount of X-ray radiation") never name one.
 * Layouts written for the test: an English letter (paragraphs, bold labels and <br>), a Spanish letter (a table of
 * appointment details), a portal message (definition list); negatives where the prose names another modality.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://portal.example.org/letters/8812', { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];

describe('a procedure letter: the exam is what its label names, not the prose about it', () => {
  test('an English letter: "Examination: Contrast enema (water-soluble), fluoroscopy"', () => {
    const a = read(`<div class="letter"><p>Children's Imaging Department<br>7 December 2026</p>
      <p>Dear Parent/Guardian of Liam Okoro (DOB 05/14/2019),</p>
      <p>Your child has an appointment for the following procedure:</p>
      <p><b>Examination:</b> Contrast enema (water-soluble), fluoroscopy<br><b>Appointment:</b> 12/09/2026 at 09:30<br><b>Location:</b> Radiology, level 2</p>
      <p>The examination takes about 20 minutes and uses a small amount of X-ray radiation. A thin soft tube is placed in the bottom and a liquid that shows up on X-ray is run into the bowel.</p>
      <p>Please arrive 15 minutes early. Yours sincerely, Radiology bookings</p></div>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
    expect(a.examDescription).toBe('Contrast enema (water-soluble), fluoroscopy');
    expect(a.pediatric).toBe(true);
  });
  test('a Spanish letter with a table: "Estudio: Enema opaco con contraste hidrosoluble"', () => {
    const a = read(`<div class="carta"><p>Estimada familia de Lucía Pérez Gil:</p>
      <p>Le confirmamos la cita de su hija para el siguiente estudio.</p>
      <table><tr><td>Paciente:</td><td>PÉREZ GIL, Lucía</td></tr><tr><td>Fecha de nacimiento:</td><td>14/05/2020</td></tr>
      <tr><td>Estudio:</td><td>Enema opaco con contraste hidrosoluble</td></tr><tr><td>Fecha de la cita:</td><td>09/12/2026</td></tr></table>
      <p>La prueba dura unos 20 minutos y utiliza una pequeña cantidad de radiación (rayos X).</p></div>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test('a portal message (dl): "Procedure: Water-soluble colon study"', () => {
    const a = read(`<h2>Your upcoming procedure</h2><dl><dt>Patient</dt><dd>Okoro, Liam</dd><dt>Age</dt><dd>7 years</dd>
      <dt>Procedure</dt><dd>Water-soluble colon study</dd></dl>
      <p>This study uses X-rays and takes about 30 minutes. Your child can eat normally afterwards.</p>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test('a letter of lines (<br>), the prose about the examination before its label', () => {
    const a = read(`<div class="body">Radiology Department · Children's Hospital<br><br>
      About your child's examination<br>The examination takes about 20 minutes and uses a small amount of X-ray radiation.
      Your child can drink clear fluids until 2 hours before.<br><br>
      Patient: OKORO, Liam<br>Date of birth: 05/14/2019<br>Examination: Contrast enema (water-soluble), fluoroscopy<br>
      Appointment date: 12/09/2026 09:30</div>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test('a Spanish letter in paragraphs: "Estudio: Enema con contraste hidrosoluble (fluoroscopia)"', () => {
    const a = read(`<p>Estimados padres de Lucía Pérez Gil (fecha de nacimiento 14/05/2020):</p>
      <p>El estudio dura unos 20 minutos y utiliza una pequeña cantidad de rayos X.</p>
      <p>Estudio: Enema con contraste hidrosoluble (fluoroscopia)</p><p>Fecha de la cita: 09/12/2026</p>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test.each([
    ['Type of examination', 'Enema with water-soluble contrast'],
    ['Scheduled procedure', 'Lower GI series'],
    ['Tipo de estudio', 'Enema de contraste baritado'],
  ])('a labelled line "%s: %s" in a letter is the fluoroscopic enema', (label, value) => {
    const a = read(`<p>Dear Parent/Guardian of Liam Okoro (DOB 05/14/2019),</p><p>${label}: ${value}</p>
      <p>The examination takes about 20 minutes and uses a small amount of X-ray radiation.</p>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy'], 'abdomen']);
  });
  test('negative: "low-dose" in a note names the exam\'s setting, not prose about radiation', () => {
    const a = read(`<div><span>Okoro, Liam</span> <span>7 y.o. M</span></div><label>Appointment note</label><textarea>Seen for retained primary canines. Limited FOV CBCT, pediatric low-dose setting. Dad asked about radiation – discussed.</textarea>`);
    expect(exam(a)).toEqual(['CT', ['ct', 'dental'], 'dental']);
  });
  test('negative: an enema given on the ward is a treatment, not the exam', () => {
    const a = read(`<div><span>Okoro, Liam</span> <span>7 y.o. M</span></div><p>Exam: XR abdomen 1 view</p>
      <p>Nursing note: Fleet enema given at 14:00 with good result.</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'abdomen']);
  });
  test('negative: an MRI letter whose prose compares it with CT and X-ray', () => {
    const a = read(`<div class="letter"><p>Dear Parent/Guardian of Liam Okoro (DOB 05/14/2019),</p>
      <p><b>Exam:</b> MRI brain without contrast</p>
      <p>Unlike a CT scan or an X-ray, the MRI uses no radiation. The examination takes about 45 minutes.</p></div>`);
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
  test('negative: a letter with no exam label and only prose about radiation names no exam', () => {
    const a = read(`<div class="letter"><p>Dear Parent/Guardian of Liam Okoro (DOB 05/14/2019),</p>
      <p>Many imaging tests use a small amount of X-ray radiation. We always use the lowest dose that gives a clear picture.</p></div>`);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
});
