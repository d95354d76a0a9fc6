/**
 * A letter addressed to a child's parent or guardian is about the child (layouts written for the test): "To the
 * parent/guardian of …", "Padre/madre/tutor de …", "To the parents of …" name the patient, and the block that follows
 * (patient, date of birth, examination, appointment) is the child's. A guarantor's or guardian's own details block is
 * still someone else's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en-GB'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Appointment letter</title></head><body>${body}</body></html>`), 'https://letters.example.nhs.uk/print/4471', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, basis: a.ageBasis, days: a.ageDays, modality: a.modality });

describe('the addressee line names the child', () => {
  test('a printed letter: the addressee as a bold line, then the patient block in a table', () => {
    const a = read(`<div class="letter"><p class="addr"><strong>To the parent/guardian of Oliver Pike</strong><br>12 Elm Road<br>Leeds LS6 2AB</p>
      <p>7 December 2026</p>
      <table class="pt"><tr><td>Patient:</td><td>Master Oliver Pike</td></tr><tr><td>Date of birth:</td><td>19/08/2026</td></tr><tr><td>Hospital no:</td><td>RX0042291</td></tr>
      <tr><td>Examination:</td><td>Contrast enema</td></tr><tr><td>Appointment:</td><td>Tuesday 15 December 2026 at 10:15</td></tr></table>
      <p>Dear Parent/Guardian,</p><p>Your child has been booked for the examination above in the Children's X-ray Department.</p></div>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 118, modality: 'RF' });
  });
  test('a heading "To the parents of Amelia Rowe", the block in lines of a paragraph', () => {
    const a = read(`<h3>To the parents of Amelia Rowe</h3>
      <p>Patient: Amelia Rowe<br>Date of birth: 02/03/2022<br>NHS No: 485 777 3456<br>Examination: Micturating cystourethrogram (MCUG)<br>Appointment: Thursday 17 December 2026 at 09:00</p>
      <p>Dear Mr and Mrs Rowe, please bring your daughter to the Radiology reception 15 minutes before the appointment.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 1751, modality: 'RF' });
  });
  test('Spanish: "A la atención del padre/madre/tutor de Lucas Ferrer", labels in spans', () => {
    const a = read(`<div class="carta"><div class="dest"><b>Padre/madre/tutor de Lucas Ferrer</b></div>
      <div><span class="et">Paciente:</span> <span>Lucas Ferrer Sanz</span></div><div><span class="et">Fecha de nacimiento:</span> <span>03/05/2019</span></div>
      <div><span class="et">Prueba:</span> <span>Radiografía de tórax</span></div><div><span class="et">Cita:</span> <span>jueves 17 de diciembre de 2026, 10:30</span></div>
      <p>Estimada familia: le recordamos la cita de su hijo en el Servicio de Radiología.</p></div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2785, modality: 'DX' });
  });
});

describe("a guardian's or guarantor's own details are still someone else's", () => {
  test('"Guarantor" block with its DOB beside the child\'s', () => {
    const a = read(`<div class="pt"><span>Patient: PIKE, Oliver</span> <span>DOB: 19/08/2026</span></div>
      <div class="card"><div class="card-title">Guarantor</div><div>Name: PIKE, Daniel</div><div>DOB: 04/02/1990</div></div>
      <p>Examination: Contrast enema</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 110]);
  });
  test('"Parent/Guardian" details card alone: the parent is not the patient', () => {
    const a = read(`<div class="card"><h4>Parent/Guardian</h4><div>Name: ROWE, Hannah</div><div>Date of birth: 11/06/1988</div><div>Relationship: Mother</div></div>
      <div class="card"><h4>Patient</h4><div>Name: ROWE, Amelia</div><div>Date of birth: 02/03/2022</div></div><p>Examination: MCUG</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 1741]);
  });
});

// An appointment letter to a child's parent written in prose (UK/Commonwealth style, DMY): the child's birth date in
// the letter's reference block, the exam and the appointment told in a sentence ("an appointment for your child to
// have a contrast enema on Tuesday 15 December 2026"). The child is the patient, the exam is read from the sentence,
// the appointment is the scheduled date; the letter's own date is the document's.
describe('an appointment letter in prose: the exam and its date are told in a sentence', () => {
  test('the addressee over two lines, the reference block in lines of a paragraph, "DOB" with slashes', () => {
    const a = read(`<div class="letter"><div class="from">Children's Radiology Department<br>St Mary's Hospital<br>Tel 0113 555 0100</div>
      <div class="to">To the Parent/Guardian of<br>Oliver Pike<br>12 Elm Road<br>Leeds LS6 2AB</div>
      <p class="date">7 December 2026</p>
      <p class="ref">Our ref: RAD/44719<br>Hospital number: RX0042291<br>NHS number: 485 777 3456<br>Date of birth: 19/08/2026</p>
      <p>Dear Parent/Guardian,</p>
      <p>We have arranged an appointment for your child to have a contrast enema on Tuesday 15 December 2026 at 10:15 in the Children's X-ray Department, Level 1.</p>
      <p>Please arrive 15 minutes before the appointment time. Your child may eat and drink as normal.</p><p>Yours sincerely,<br>Radiology Appointments</p></div>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 118, modality: 'RF' });
  });
  test('a "Re:" line with "DOB 02.03.2022" (dots), the child named in the sentence: a barium swallow, region chest', () => {
    const a = read(`<p>Radiology Booking Office · Royal Children's Hospital</p><p>1 December 2026</p>
      <p>Mr and Mrs Rowe<br>4 Mill Lane<br>York YO1 7HH</p>
      <p><b>Re: Amelia ROWE &nbsp; DOB 02.03.2022 &nbsp; Hosp No K884120</b></p>
      <p>Dear Mr and Mrs Rowe,</p>
      <p>Amelia has an appointment for a barium swallow on Thursday 17 December 2026 at 9.00am with Dr Hall, Consultant Paediatric Radiologist.</p>
      <p>If this appointment is not convenient, please telephone the booking office.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 1751, modality: 'RF' });
    expect(a.region).toBe('chest');
  });
  test('a div grid of the patient block; a micturating cystogram booked; an earlier cancelled appointment is not the date', () => {
    const a = read(`<div class="hdr"><div class="k">Patient</div><div class="v">Noah Brooks</div><div class="k">Date of birth</div><div class="v">30/06/2023</div>
      <div class="k">NHS No</div><div class="v">943 476 5919</div></div>
      <p>Dear Parent or Carer,</p>
      <p>Unfortunately your previous appointment on Tuesday 1 December 2026 had to be cancelled. Your child is now booked for a micturating cystogram (MCUG) on Monday 14 December 2026 at 2.30pm.</p>
      <p>Your child will need to take an antibiotic for 3 days, starting the day before the test.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 1263, modality: 'RF' });
  });
  test('"an appointment for your child to have a CT scan of the head", the letter dated above it', () => {
    const a = read(`<p style="text-align:right">Ref: CT/55102<br>Date: 07/12/2026</p>
      <p>Parent/Guardian of Ella Marsh<br>9 Park View, Bristol BS8 1TH</p>
      <p>Patient: Ella Marsh &nbsp; DOB: 09/04/2015 &nbsp; Hospital No: B770215</p>
      <p>Dear Parent/Guardian,</p><p>We have made an appointment for your child to have a CT scan of the head on Wednesday 16 December 2026 at 11:40 in the CT Department (Main Building, Ground Floor).</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 4269, modality: 'CT' });
  });
});

describe('an appointment letter in prose, other wordings', () => {
  test('Spanish: "su hijo tiene una cita para realizar un enema opaco el martes 15 de diciembre de 2026", "03.05.2019"', () => {
    const a = read(`<p>Hospital Infantil Universitario · Servicio de Radiología Pediátrica</p><p>Madrid, 7 de diciembre de 2026</p>
      <p>A la atención de los padres o tutores de<br>Lucas Ferrer Sanz</p><p>NHC: 0044781 &nbsp; Fecha de nacimiento: 03.05.2019</p>
      <p>Estimada familia:</p>
      <p>Le comunicamos que su hijo tiene una cita para realizar un enema opaco el martes 15 de diciembre de 2026 a las 10:15 en la planta baja del Servicio de Radiología.</p>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2783, modality: 'RF' });
  });
  test('the date before the exam: "Your child\'s appointment is on Monday 14 December 2026 at 14:30 for a micturating cystogram"', () => {
    const a = read(`<p>Patient: Noah Brooks &nbsp; DOB: 30/06/2023 &nbsp; NHS No: 943 476 5919</p><p>Dear Parent or Carer,</p>
      <p>Your child's appointment is on Monday 14 December 2026 at 14:30 for a micturating cystogram (MCUG) in the Children's X-ray Department.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 1263, modality: 'RF' });
  });
});

describe('what such a letter is not', () => {
  test("a letter about an adult's own appointment: not pediatric", () => {
    const a = read(`<p>Mr Daniel Pike<br>12 Elm Road<br>Leeds LS6 2AB</p><p>Date of birth: 04/02/1990 &nbsp; Hospital number: RX0042290</p>
      <p>Dear Mr Pike,</p><p>You have an appointment for a CT scan of the abdomen on Tuesday 15 December 2026 at 10:15.</p>`);
    expect([a.pediatric, a.modality]).toEqual([false, 'CT']);
  });
  test('a leaflet about the exam, with no patient: nothing about a child', () => {
    const a = read(`<h1>Your child's contrast enema</h1><h2>Information for parents and carers</h2>
      <p>This leaflet explains what happens when your child has a contrast enema. Children from newborn to 16 years old are seen in our department.</p>
      <h3>On the day of the appointment</h3><p>Please arrive 15 minutes early. The test takes about 30 minutes.</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a long sentence of history that names an earlier radiograph tells no appointment: no exam', () => {
    const a = read(`<p>Patient: Oliver Pike &nbsp; Date of birth: 19/08/2026</p><p>Dear Dr Shah,</p>
      <p>His mother reports that he had a chest radiograph at the outside hospital in the emergency department which was read as normal by their radiologist.</p>`);
    expect([a.modality, a.campaigns]).toEqual([null, []]);
  });
  test('a missed-appointment letter: the previous appointment is not the scheduled date', () => {
    const a = read(`<p>Patient: Oliver Pike &nbsp; Date of birth: 19/08/2026</p><p>Dear Parent/Guardian,</p>
      <p>Our records show that your child did not attend their previous appointment on Tuesday 1 December 2026 for a contrast enema. Please contact us to rebook.</p>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['today', 110]);
  });
});

// The same class where the sentence is split by its markup (the exam and the date in bold, a link or a <time>), the
// weekday and a time written with the date ("Wednesday, Dec 9, 2026 at 8:15 AM"), the child's birth date told earlier
// in the same sentence, or the role words after the date ("On … your child is booked for …"); US and Spanish letters.
// The letter's own date (its date line) is not the reference when the appointment is told.
describe('an appointment told in a sentence whose exam and date are in bold, links or <time>', () => {
  const readUs = (body: string) => read(body, 'en-US');
  test('US letter: "Your child Mia (date of birth February 11, 2019) has an appointment for a <b>CT…</b> on <b>Wednesday, Dec 9, 2026 at 8:15 AM</b>"', () => {
    const a = readUs(`<div class="letterhead">Children's Imaging Center · 400 Elm St · Springfield</div><p>December 1, 2026</p>
      <p>Dear Parent or Guardian,</p>
      <p>Your child Mia (date of birth February 11, 2019) has an appointment for a <b>CT scan of the sinuses</b> on <b>Wednesday, Dec 9, 2026 at 8:15 AM</b>.</p>
      <p>Please arrive 30 minutes early to complete registration.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2858, modality: 'CT' });
  });
  test('Spanish letter: "tiene una cita para una <strong>radiografía de tórax</strong> el <strong>miércoles 9 de diciembre de 2026</strong>"', () => {
    const a = read(`<p>Madrid, 1 de diciembre de 2026</p><p>Estimada familia:</p>
      <p>Su hijo Pablo (fecha de nacimiento 11/02/2019) tiene una cita para una <strong>radiografía de tórax</strong> el <strong>miércoles 9 de diciembre de 2026 a las 8:15</strong> en el Servicio de Radiología Infantil.</p>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2858, modality: 'DX' });
  });
  test('the role words after the date: "On <b>Monday, December 14, 2026</b> at 10:00 AM your son is booked for a <b>voiding cystourethrogram</b>"', () => {
    const a = readUs(`<table class="ref"><tr><td>Patient</td><td>Ethan Brooks</td></tr><tr><td>Date of birth</td><td>09/05/2016</td></tr><tr><td>MRN</td><td>55120931</td></tr></table>
      <p>Dear Mr. and Mrs. Brooks,</p>
      <p>On <b>Monday, December 14, 2026</b> at 10:00 AM your son is booked for a <b>voiding cystourethrogram</b> in Pediatric Radiology.</p>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 3752, modality: 'RF' });
  });
  test('a portal message: the exam a link, the date in <time>', () => {
    const a = readUs(`<div class="pt-hdr"><span class="nm">Leo Carter</span> <span>DOB: 06/30/2020</span> <span>MRN 7712004</span></div>
      <div class="msg"><div class="msg-body">Reminder: Leo has an appointment for a <a href="#exam">chest X-ray (2 views)</a> on <time datetime="2026-12-10">Thursday, December 10, 2026</time> at 9:30 AM.</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2354, modality: 'DX' });
  });
  test('negative: an appointment told for a day already past is not the reference', () => {
    const a = readUs(`<p>December 1, 2026</p><p>Dear Parent or Guardian,</p>
      <p>Your child Mia (date of birth February 11, 2019) had an appointment for a <b>CT scan of the sinuses</b> on <b>Monday, Nov 30, 2026</b> that was missed.</p>`);
    expect(a.ageBasis).not.toBe('scheduled');
  });
  test('negative: a date in bold in another sentence of the block ("Results from <b>Dec 9, 2026</b> are in your portal")', () => {
    const a = readUs(`<p>December 1, 2026</p><p>Dear Parent or Guardian,</p>
      <p>Your child Mia (date of birth February 11, 2019) is due for a follow-up visit. The report of her <b>CT scan of the sinuses</b> will be posted after <b>Dec 9, 2026</b>.</p>`);
    expect(a.ageBasis).not.toBe('scheduled');
  });
});

describe('a label of the next date is not a role word of the date before it', () => {
  const readUs = (body: string) => read(body, 'en-US');
  // "Date ordered: 12/07/2026   Appointment: 12/08/2026": "Appointment" names the second date, not the first.
  const cases: [string, string][] = [
    [
      'a requisition line with &nbsp; gaps',
      `<div class="req"><div>Patient: Nora Finch &nbsp; Birth date: 07/02/2026 &nbsp; Sex: F</div>
        <div>Exam: [X] XR skeletal survey, complete</div>
        <div>Date ordered: 12/07/2026 &nbsp;&nbsp; Appointment: 12/08/2026 09:00</div></div>`,
    ],
    [
      'a table cell with two labelled dates',
      `<table class="req"><tr><td>Patient</td><td>Nora Finch</td></tr><tr><td>Birth date</td><td>07/02/2026</td></tr>
        <tr><td>Exam</td><td>XR skeletal survey, complete</td></tr>
        <tr><td>Dates</td><td>Requested 12/07/2026, appointment 12/08/2026 09:00</td></tr></table>`,
    ],
    [
      'a paragraph of a printed order, bold labels',
      `<p><b>Patient:</b> Nora Finch <b>DOB:</b> 07/02/2026</p><p><b>Study:</b> XR skeletal survey, complete</p>
        <p><b>Ordered:</b> 12/07/2026 <b>Scheduled:</b> 12/08/2026 09:00</p>`,
    ],
  ];
  for (const [name, html] of cases) {
    test(name, () => {
      const a = readUs(html);
      expect(got(a), name).toEqual({ pediatric: true, basis: 'scheduled', days: 159, modality: 'DX' });
      expect(a.evidence.filter((e) => e.kind === 'scheduledDate' && e.text.includes('12/07/2026')), name).toHaveLength(0);
    });
  }
});
