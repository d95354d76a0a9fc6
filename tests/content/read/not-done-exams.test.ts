/**
 * An exam the page says was not done, not needed or declined is not the exam: "Chest radiograph was not obtained",
 * "CT not indicated", "parents declined CT", "se decidió no realizar radiografía", "sin estudios de imagen". Layouts
 * written for the test (notes in prose, a labelled table, a Spanish note). A child's page with no exam stays
 * pediatric with no campaign. Negatives: the negation is about something else — findings ("CT: no acute
 * findings"), contrast ("no contrast"), a comparison ("no prior CT"), an exam not done *yet* (still to be done).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/note', { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort()];
const banner = `<div class="banner"><span>Novak, Ella</span> <span>6 y.o. F</span> <span>MRN 30219984</span></div>`;

describe('an exam not done, not needed or declined is no exam', () => {
  test.each([
    ['Chest radiograph was not obtained given clinical improvement.'],
    ['No imaging was performed. CT head not indicated per PECARN (low risk).'],
    ['Parents declined CT; discharged with head injury precautions.'],
    ['X-rays were not done as exam was reassuring.'],
    ['Did not undergo CT; observation for 4 hours instead.'],
    ['CT deferred; will reassess in clinic.'],
    ['No CT was performed. No x-rays needed.'],
  ])('an ED note in prose: %j', (sentence) => {
    const a = read(`${banner}<h3>ED course</h3><p>6 y.o. girl with a fall from a scooter, GCS 15, no LOC. ${sentence} Ibuprofen given.</p>`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual([null, []]);
  });
  test('a labelled table: "Imaging | CT head not indicated (PECARN low risk)"', () => {
    const a = read(`${banner}<table><tr><th>Disposition</th><td>Home</td></tr><tr><th>Imaging</th><td>CT head not indicated (PECARN low risk)</td></tr></table>`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual([null, []]);
  });
  test('a labelled field: "Radiology: chest x-ray not obtained"', () => {
    const a = read(`${banner}<div><b>Radiology:</b> chest x-ray not obtained</div>`);
    expect(exam(a)).toEqual([null, []]);
  });
  test.each([
    ['Se decidió no realizar radiografía de tórax.'],
    ['Sin estudios de imagen. Alta con signos de alarma.'],
    ['No se realizó TC de cráneo por bajo riesgo (PECARN).'],
    ['Los padres rechazaron la TC; se deja en observación.'],
    ['No precisa radiografía.'],
  ])('a Spanish note: %j', (sentence) => {
    const a = read(`<div class="cab"><span>GARCÍA LÓPEZ, Pablo</span> <span>Edad: 5 años</span> <span>NHC 0091234</span></div>
      <h3>Evolución</h3><p>Niño de 5 años con caída desde su altura. ${sentence}</p>`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual([null, []]);
  });
});

describe('a negation about something else leaves the exam', () => {
  test('a report of a done exam: "CT: no acute findings"', () => {
    const a = read(`${banner}<p><b>Exam:</b> CT head without contrast</p><p><b>Impression:</b> CT: no acute findings. No fracture.</p>`);
    expect(exam(a)).toEqual(['CT', ['ct']]);
  });
  test('"no contrast" is the contrast, not a negation', () => {
    const a = read(`${banner}<table><tr><th>Procedure</th><td>CT abdomen pelvis, no contrast</td></tr></table>`);
    expect(exam(a)).toEqual(['CT', ['ct']]);
  });
  test('"no prior CT for comparison" beside the exam', () => {
    const a = read(`${banner}<p>Exam: XR chest 2 views</p><p>Comparison: none. No prior CT for comparison.</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography']]);
  });
  test('an exam not done yet is still to be done', () => {
    const a = read(`${banner}<p>Exam: XR chest 2 views — not yet performed</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography']]);
  });
  test.each([
    ['CT head without contrast — sedation not required', 'CT', ['ct']],
    ['CT chest, IV contrast not indicated', 'CT', ['ct']],
    ['MRI brain; does not need sedation', 'MR', []],
    ['XR chest 2 views, patient declined shielding', 'DX', ['radiography']],
    ['TC de abdomen, no precisa sedación', 'CT', ['ct']],
    ['TC de tórax, contraste no indicado', 'CT', ['ct']],
  ])('the contrast or the sedation is not the exam: %j', (order, modality, campaigns) => {
    const a = read(`${banner}<table><tr><th>Procedure</th><td>${order}</td></tr></table>`);
    expect(exam(a)).toEqual([modality, campaigns]);
  });
  test('Spanish: "TC de cráneo sin contraste" is the exam', () => {
    const a = read(`<div><span>GARCÍA LÓPEZ, Pablo</span> <span>Edad: 5 años</span></div><p>Estudio: TC de cráneo sin contraste</p>`);
    expect(exam(a)).toEqual(['CT', ['ct']]);
  });
});
