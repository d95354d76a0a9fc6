/**
 * A clinic or urgent-care note written as free text, with no labelled fields: one `<pre>` block, a few `<p>`, or
 * lines of a SOAP note ("S:", "O:", "A:", "P:", "A/P:"). Its patient is the one it opens with ("10-year-old boy",
 * "7 y.o. F", "Pt is a 3 yo male", "4 year old girl"); relatives' ages ("mother (34)"), durations ("for 2 weeks") and
 * follow-ups ("in 3 weeks") are not ages. Its exam is the one told in the present ("obtained in clinic today", "done
 * today", "will obtain … today"); exams told of the past ("had a CT last year", "s/p VCUG 2024", "in October") or of a
 * relative ("Mother's own knee film", "brother's scan") are history, and a later follow-up ("repeat radiograph in 3
 * weeks") is not today's exam. Layouts written for the test.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Note</title></head><body>${body}</body></html>`), 'https://ehr.example.org/notes/view?doc=4471', { now: NOW });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];
const years = (n: number) => Math.round(n * 365.25);

describe('a free-text note is read: its opening patient and its exam of today', () => {
  test('a SOAP note in one <pre> block: "S: 10-year-old boy brought by mother (34)", "X-ray right ankle 3 views obtained in clinic today"', () => {
    const a = read(`<pre>URGENT CARE VISIT NOTE                         Date of service: 12/07/2026
S: 10-year-old boy brought by mother (34) after twisting his right ankle playing soccer yesterday. Pain for 1 day.
   Older sister (7) had an arm x-ray in October after a fall.
O: Swelling over the lateral malleolus. X-ray right ankle 3 views obtained in clinic today: no fracture.
A: Right ankle sprain.
P: RICE, ibuprofen. Repeat radiograph in 3 weeks if still painful. Mother's own knee film from 2019 reviewed at her request.
</pre>`);
    expect(a.profileId).toBe('generic');
    expect(a.pediatric).toBe(true);
    expect(Math.abs(a.ageDays! - years(10))).toBeLessThanOrEqual(366);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
    expect(a.examDescription).toMatch(/X-ray right ankle/);
  });
  test('a few <p>: "HPI: 7 y.o. F … for 2 weeks. Had a CT last year" and "A/P: … CXR 2 views done today"', () => {
    const a = read(`<p><b>Visit 12/07/2026</b> · Dr. A. Lind</p><p>HPI: 7 y.o. F with cough and fever for 2 weeks. Had a CT last year for headaches, normal.</p>
      <p>Exam: crackles right base.</p><p>A/P: Community acquired pneumonia. CXR 2 views done today shows RLL consolidation. Amoxicillin.</p>`);
    expect(a.pediatric).toBe(true);
    expect(Math.abs(a.ageDays! - years(7))).toBeLessThanOrEqual(366);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('SOAP parts on lines of a div, "4 year old girl" (not someone\'s child), exam in the plan', () => {
    const a = read(`<div class="note-body"><div>S: 4 year old girl who fell off a trampoline, L wrist pain for 2 days.</div>
      <div>O: tender distal radius, no deformity.</div><div>P: will obtain XR wrist 2 views today, splint.</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(Math.abs(a.ageDays! - years(4))).toBeLessThanOrEqual(366);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
});

describe('history and relatives\' exams in prose are never the exam', () => {
  test('a well-child note with no imaging of its own: a brother\'s CT last year and "s/p VCUG 2024" leave no exam', () => {
    const a = read(`<div class="note"><p>Well child check 12/07/2026</p><p>S: 4 year old girl here for WCC. Older brother (9) had a CT head last year after a fall. s/p VCUG 2024 for UTI, normal.</p>
      <p>O: normal exam.</p><p>A/P: healthy. RTC 1 year.</p></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
  test('a relative\'s exam in the possessive, and a later follow-up, are not the exam: "brother\'s scan", "repeat films in 6 weeks"', () => {
    const a = read(`<pre>
HPI: Pt is a 3 yo male seen for follow-up of a healed clavicle fracture. Mother worried after his brother's CT scan at another hospital.
Plan: repeat XR clavicle in 6 weeks. No imaging today.
</pre>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
  test('the exam told today still wins over the history in the same note ("had an MRI in 2023", "CT head ordered")', () => {
    const a = read(`<p>HPI: 12 yo M with headache for 3 days, had an MRI brain in 2023 (normal).</p><p>Plan: CT head without contrast ordered, neuro checks.</p>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'head']);
  });
  test('negative: an adult\'s note stays adult, the child named is her son', () => {
    const a = read(`<p>S: 34 yo F with low back pain for 2 weeks. Her 6 year old son had an x-ray last week.</p><p>P: XR lumbar spine 2 views today.</p>`);
    expect(a.pediatric).toBe(false);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'spine']);
  });
  test('negative: a news article about a child is still not a patient page', () => {
    const a = read('<article><h1>Child-sized CT</h1><p>A 6-year-old girl who fell was brought in; her doctors ordered a CT head, PEDS protocol.</p></article>');
    expect([a.profileId, a.pediatric]).toEqual([null, false]);
  });
});

// The exam a note's plan asks for: "P: Chest X-ray PA/lat today. Amoxicillin if confirmed." (the condition belongs to the
// next sentence, not to the exam), "Plan: obtain CXR", a plan's list ("Plan:" then "– XR L wrist 3 views"), an
// "Assessment and Plan" list, Spanish "Plan: Rx de tórax … hoy"; the age in the note's prose ("5 yo girl", "Niña de 5
// años"). History, a relative's age and exams, and a later follow-up or repeat are not the exam.
describe("a note's plan names the exam", () => {
  test('a <pre> SOAP note: "P: Chest X-ray PA/lat today. Amoxicillin if confirmed."', () => {
    const a = read(`<pre>S: 5 yo girl with cough x 5 days, fever to 39.
O: T 38.9, RR 28, crackles R base.
A: Likely RLL pneumonia.
P: Chest X-ray PA/lat today. Amoxicillin if confirmed.
</pre>`);
    expect([a.pediatric, Math.abs(a.ageDays! - years(5)) <= 366]).toEqual([true, true]);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('paragraphs: "Plan: obtain CXR"; "Sister (8) had pneumonia" is a relative\'s age', () => {
    const a = read(`<p><b>HPI:</b> 5 yo girl with cough and fever for 5 days. Sister (8) had pneumonia last month.</p>
      <p><b>Exam:</b> crackles right base.</p><p><b>Assessment:</b> likely pneumonia.</p><p>Plan: obtain CXR. Amoxicillin if confirmed; recheck in 2 days.</p>`);
    expect([a.pediatric, Math.abs(a.ageDays! - years(5)) <= 366]).toEqual([true, true]);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('a plan\'s list under "Plan:" in lines of a div; a "2-week follow-up" item', () => {
    const a = read(`<div class="note"><div>S: 9 yo M fell on outstretched hand at recess.</div><div>O: tender L distal radius, NV intact.</div>
      <div>A: r/o distal radius fx.</div><div>Plan:</div><div>– XR L wrist 3 views</div><div>– sling, ice, ibuprofen</div><div>– 2-week follow-up in clinic</div></div>`);
    expect([a.pediatric, Math.abs(a.ageDays! - years(9)) <= 366]).toEqual([true, true]);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
  test('an "Assessment and Plan" heading over a numbered list', () => {
    const a = read(`<div class="note"><p>6 yo boy with cough x 3 wks. Had a CT chest last year at OSH (normal).</p><h4>Assessment and Plan</h4>
      <ol><li>Persistent cough – CXR PA/lat today</li><li>Asthma – albuterol prn</li></ol></div>`);
    expect([a.pediatric, Math.abs(a.ageDays! - years(6)) <= 366]).toEqual([true, true]);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('Spanish: "Niña de 5 años con tos y fiebre de 5 días", "Plan: Rx de tórax PA y lateral hoy. Amoxicilina si se confirma."', () => {
    const a = read(`<p>Niña de 5 años con tos y fiebre de 5 días. Hermano de 8 años con neumonía el mes pasado.</p><p>Exploración: crepitantes en base derecha.</p>
      <p>Plan: Rx de tórax PA y lateral hoy. Amoxicilina si se confirma.</p>`);
    expect([a.pediatric, Math.abs(a.ageDays! - years(5)) <= 366]).toEqual([true, true]);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('negative: a plan with a repeat film later only ("Repeat CXR in 6 weeks if symptoms persist") names no exam of today', () => {
    const a = read(`<pre>S: 5 yo girl with cough x 5 days, fever.
A: Likely RLL pneumonia, CXR yesterday at OSH showed RLL consolidation.
P: Amoxicillin. Repeat CXR in 6 weeks if symptoms persist.
</pre>`);
    expect(a.pediatric).toBe(true);
    expect(a.campaigns).toEqual([]);
  });
  test('negative: "fiebre de 5 días" is how long the fever lasted, not an age', () => {
    const a = read(`<p>Lactante con fiebre de 5 días y tos.</p><p>Plan: Rx de tórax hoy.</p>`);
    expect(a.ageDays).toBeNull();
  });
});
