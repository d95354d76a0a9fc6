/**
 * Which of the exams a page names is the open one (layouts written for the test):
 * - a sentence that tells another exam not done or not needed leaves the exam the text asks for ("US hips ordered.
 *   No X-ray."); a negation that names no exam of its own ("Not performed.") is said of the whole text;
 * - of several exams done the same day, the one whose report is still to come is the one being read now, the
 *   reported ones its history (never one done on an earlier day);
 * - a row still "to be done" under a date of long ago (an image row marked "Accepted" two years back, a lapsed order)
 *   is no open exam beside one planned now; a pending order of a few weeks back still is.
 * - a letter (its salutation) that names no open exam is about the one exam its body tells as done on a day ("A CT
 *   head performed on 10/11/2026 was normal"): never one done elsewhere, told of the past, not done, nor one of two.
 * MR and US stay without a campaign.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Chart</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/view?id=20931', { now: NOW });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort()];
const banner = `<div class="banner"><b>Marsh, Theo</b> · M · DOB 03/14/2019 · MRN 4410276</div>`;

describe('a sentence that tells another exam not done leaves the exam asked for', () => {
  test.each([
    ['an orders section of a note', `<h4>Orders</h4><div>XR wrist left 3 views – ordered 12/07/2026, splint after. No CT needed.</div>`, ['DX', ['radiography']]],
    ['a labelled order cell of a table', `<table><tr><th>Order</th><td>US abdomen limited (RLQ). No CT.</td></tr><tr><th>Priority</th><td>Routine</td></tr></table>`, ['US', []]],
    ['a Spanish request\'s labelled exam', `<dl><dt>Prueba solicitada</dt><dd>Ecografía de caderas bilateral. No precisa radiografía.</dd></dl>`, ['US', []]],
  ])('%s', (_, body, expected) => {
    const a = read(`${banner}${body}`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual(expected);
  });
  test.each([
    ['a negation that names no exam: "Not performed."', `<h4>Orders</h4><div>XR chest 2 views – ordered 12/07/2026. Not performed.</div>`],
    ['"No imaging was performed." after the exam', `<table><tr><th>Imaging</th><td>CT head requested 12/07/2026. No imaging was performed.</td></tr></table>`],
    ['every sentence says its exam was not done', `<h4>Orders</h4><div>CT head deferred. No x-rays needed.</div>`],
  ])('negative — %s: no exam', (_, body) => {
    const a = read(`${banner}${body}`);
    expect(a.pediatric).toBe(true);
    expect(exam(a)).toEqual([null, []]);
  });
});

describe('of exams done today, the one awaiting its report is the open one', () => {
  test('a note\'s table of this encounter\'s imaging: two "Final" rows and one "Complete – awaiting report"', () => {
    const a = read(`${banner}<h4>Imaging this visit</h4><table><tr><th>Study</th><th>Done</th><th>Status</th></tr>
      <tr><td>XR CHEST 2V</td><td>12/07/2026 09:10</td><td>Final</td></tr>
      <tr><td>CT HEAD WO CONTRAST</td><td>12/07/2026 10:40</td><td>Complete – awaiting report</td></tr>
      <tr><td>XR C-SPINE 3V</td><td>12/07/2026 09:25</td><td>Final</td></tr></table>`);
    expect(exam(a)).toEqual(['CT', ['ct']]);
    expect(a.region).toBe('head');
  });
  test('a div grid of the day\'s studies: "Reported" beside "Performed – pending read" (an ultrasound: no campaign)', () => {
    const a = read(`${banner}<div class="grid"><div class="hd"><span>Exam</span><span>Date</span><span>Status</span></div>
      <div class="row"><span>XR FOOT RIGHT 3V</span><span>12/07/2026</span><span>Reported</span></div>
      <div class="row"><span>US HIP RIGHT (effusion)</span><span>12/07/2026</span><span>Performed – pending read</span></div></div>`);
    expect(exam(a)).toEqual(['US', []]);
  });
  test('negative: a report still to come for an exam of an earlier day is not today\'s exam', () => {
    const a = read(`${banner}<h4>Imaging</h4><table><tr><th>Study</th><th>Done</th><th>Status</th></tr>
      <tr><td>MR BRAIN WO</td><td>11/20/2026 14:00</td><td>Performed – report pending</td></tr>
      <tr><td>XR ANKLE LEFT 3V</td><td>12/07/2026 11:05</td><td>Final</td></tr></table>`);
    expect(exam(a)).toEqual(['DX', ['radiography']]);
  });
});

describe('a row to be done under a date of long ago is no open exam', () => {
  test('a dental chart: image rows "Accepted" in 2023 and 2024, a panoramic planned in a paragraph', () => {
    const a = read(`<div class="pt"><b>Lund, Maja</b> Chart #D8812 Birthdate: 05/02/2014 Age: 12</div>
      <h4>Images</h4><table><tr><th>Date</th><th>Type</th><th>Area</th><th>Status</th></tr>
      <tr><td>03/11/2024</td><td>Bitewing x2</td><td>L/R</td><td>Accepted</td></tr>
      <tr><td>06/19/2023</td><td>Periapical</td><td>#30</td><td>Accepted</td></tr></table>
      <h4>Next visit</h4><p>Ortho records booked 12/10/2026: panoramic radiograph. Bring retainer.</p>`);
    expect(a.modality).toBe('PX');
  });
  test('an order list: a lapsed order of 2025 still "Ordered" beside a plan asking for an ultrasound today', () => {
    const a = read(`${banner}<h4>Orders</h4><table><tr><th>Order</th><th>Date</th><th>Status</th></tr>
      <tr><td>XR CHEST 2 VIEWS</td><td>02/04/2025</td><td>Ordered</td></tr></table>
      <p><b>Plan:</b> US appendix ordered today.</p>`);
    expect(exam(a)).toEqual(['US', []]);
  });
  test('negative: an order of a few weeks back, still to be done, is still the exam', () => {
    const a = read(`${banner}<h4>Orders</h4><table><tr><th>Order</th><th>Date</th><th>Status</th></tr>
      <tr><td>XR CHEST 2 VIEWS</td><td>11/02/2026</td><td>Ordered</td></tr></table>
      <p><b>Plan:</b> US appendix if pain persists.</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography']]);
  });
});

describe('a letter that names no open exam is about the exam it tells as done on a day', () => {
  test('a clinic letter to a GP: "A CT head performed on 10/11/2026 … was normal" (DMY)', () => {
    const a = read(`<div style="text-align:right">Paediatric Surgery Clinic<br>Date typed: 02/12/2026</div>
      <p><b>Re: Ava MORGAN, DOB 03/05/2015, Hosp No 7730122</b></p><p>Dear Dr Lewin,</p>
      <p>I saw Ava (11) today with her mother. Her abdominal pain has settled. An ultrasound of the abdomen performed on 18/11/2026 for suspected appendicitis was normal, and I have discharged her.</p>
      <p>Yours sincerely,<br>Mr T. Adeyemi</p>`);
    expect(exam(a)).toEqual(['US', []]);
    expect(a.pediatric).toBe(true);
    // 2015-05-03 → 2026-11-18, the day the exam was done
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 4217]);
  });
  test('a results letter to the patient: "Your chest X-ray done on Nov 30, 2026 showed …" (MDY)', () => {
    const a = read(`<h3>Harbor Pediatrics</h3><p>December 4, 2026</p><p>Parent/Guardian of Noah Brandt<br>Date of birth: 02/21/2017</p>
      <p>Dear Parent/Guardian,</p><p>Your child's chest X-ray done on Nov 30, 2026 showed no pneumonia. Please continue the inhaler as prescribed.</p>
      <p>Sincerely,<br>Clinic nurse</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography']]);
    // 2017-02-21 → 2026-11-30, the day the X-ray was done (not the letter's 4 December)
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 3569]);
  });
  test('a Spanish report letter: "La ecografía abdominal realizada el 18/11/2026 fue normal"', () => {
    const a = read(`<p>Servicio de Pediatría · Hospital del Norte</p><p>Paciente: RUIZ SOTO, Marta · F. nacimiento: 23/05/2015</p>
      <p>Estimada familia:</p><p>Les informamos de que la ecografía abdominal realizada el 18/11/2026 fue normal. No precisa más controles.</p>`);
    expect(exam(a)).toEqual(['US', []]);
    expect(a.ageBasis).toBe('exam');
  });
  test.each([
    ['an exam done elsewhere', 'A CT head performed on 10/11/2026 at another hospital was normal.'],
    ['an exam told of the past', 'She had an MRI brain performed on 10/11/2026 which was normal.'],
    ['two exams told done', 'An ultrasound performed on 02/11/2026 and a CT abdomen performed on 10/11/2026 were both normal.'],
    ['an exam told not done', 'A CT head was not performed; an X-ray was not needed.'],
  ])('negative — %s: no exam', (_, sentence) => {
    const a = read(`<p><b>Re: Ava MORGAN, DOB 03/05/2015</b></p><p>Dear Dr Lewin,</p><p>I saw Ava (11) today. ${sentence} I have discharged her.</p>`);
    expect(exam(a)).toEqual([null, []]);
  });
  test('negative: no salutation — a history line telling a CT done on a day is no exam', () => {
    const a = read(`${banner}<div><p>Seen today for headaches. A CT head performed on 11/10/2026 after a fall was normal.</p></div>`);
    expect(exam(a)).toEqual([null, []]);
  });
});
