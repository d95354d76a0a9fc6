/**
 * A letter's own dates against the dates of what it books (layouts written for the test):
 * - a bare "Date" / "Fecha y hora" in the letter's body, ahead of today, is the appointment the letter books; above the
 *   salutation a bare "Date" stays the letter's own date;
 * - a letter's issue date ("Date of issue", "Fecha de emisión") is the document's own date, never a reference date;
 * - an e-mail address ("appointments@…") is no words: it gives a date beside it no role;
 * - a result's "Collected / performed" date is the exam's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en-GB'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Letter</title></head><body>${body}</body></html>`), 'https://letters.example.org/view/1', { now: NOW });
const got = (a: PageAnalysis) => ({ basis: a.ageBasis, days: a.ageDays });

describe("a bare date in a letter's body is the appointment it books", () => {
  test('English letter: "Date:" in the reference line, then a table of the appointment with "Date"', () => {
    const a = read(`<div class="refs"><span>Date: 07/12/2026</span> <span>Hospital no: H55120</span> <span>DOB: 09/03/2016</span></div>
      <p>Dear Parent/Guardian,</p><p>An appointment has been made for your child as follows:</p>
      <table class="appt"><tr><th>Examination</th><td>X-ray left knee</td></tr><tr><th>Date</th><td>Thursday 17/12/2026</td></tr><tr><th>Time</th><td>09:20</td></tr></table>
      <p>Yours sincerely,<br>Imaging Bookings</p>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 3935 });
  });
  test('Spanish letter: "Fecha:" line, then "Fecha y hora:" in the body', () => {
    const a = read(`<div class="cab"><div>Fecha: 07/12/2026</div><div>Paciente: Lucía Marín Gil</div><div>Fecha de nacimiento: 02/06/2019</div></div>
      <p>Estimada familia:</p><p>Le comunicamos la siguiente prueba:</p>
      <p><strong>Prueba:</strong> Radiografía de tórax</p><p><strong>Fecha y hora:</strong> jueves, 14/01/2027, 10:15 h</p>
      <p>Atentamente,</p>`, 'es');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 2783 });
  });
  test('negative: a body "Date" already past stays the letter\'s (order) date, as before', () => {
    const a = read(`<div class="refs"><div>Date: 07/12/2026</div><div>DOB: 05/01/2012</div></div>
      <p>Dear Dr Hale,</p><p>Your patient attended for the examination below.</p>
      <div><b>Examination</b> X-ray right wrist</div><div><b>Date</b> 04/12/2026</div><p>Yours sincerely,</p>`);
    expect(got(a)).toEqual({ basis: 'order', days: 5450 });
  });
  test('negative: no letter — a bare "Date" ahead of today was already the scheduled date', () => {
    const a = read(`<div>Patient: Ana Ruiz</div><div>DOB: 09/03/2016</div><div><b>Examination</b> X-ray left knee</div><div><b>Date</b> 17/12/2026</div>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 3935 });
  });
});

describe("a letter's issue date is its own date", () => {
  test('"Date of issue" under an appointment number, the appointment in the body', () => {
    const a = read(`<div class="ref">Appointment no: A-55120<br>Date of issue: 07/12/2026</div>
      <div>Patient: Tom Reid · DOB: 30/09/2014</div><p>Dear Mr and Mrs Reid,</p>
      <p>Your son's ultrasound-guided procedure has been booked.</p><div><b>Exam</b> CT chest</div><div><b>Date</b> 03/12/2026 (changed to)</div>
      <p>Your appointment is on Thursday 17 December 2026 at 10:00.</p><p>Yours sincerely,</p>`);
    expect(got(a).basis).toBe('scheduled');
    expect(a.evidence.some((e) => e.kind === 'scheduledDate' && e.text.includes('07/12/2026'))).toBe(false);
  });
  test('"Fecha de emisión" beside "Nº de cita", the appointment below the salutation', () => {
    const a = read(`<div class="cab"><div>Nº de cita: C-2026-0042<br>Fecha de emisión: 07/12/2026</div></div>
      <div>Paciente: Lucía Marín Gil · Fecha de nacimiento: 02/06/2019</div><p>Estimada familia:</p>
      <table><tr><td>Prueba</td><td>TC de senos paranasales</td></tr><tr><td>Fecha y hora</td><td>14/01/2027 a las 09:40 h</td></tr></table><p>Atentamente,</p>`, 'es');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 2783 });
  });
  test('negative: "emisión" in an exam\'s name (PET) is no issue date', () => {
    const a = read(`<div>Paciente: Lucía Marín Gil · Fecha de nacimiento: 02/06/2019</div>
      <p>Tomografía por emisión de positrones programada 14/01/2027</p>`, 'es');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 2783 });
  });
  test('negative: an issue date alone dates nothing (birth date + today)', () => {
    const a = read(`<div>Date of issue: 03/12/2026</div><div>Patient: Tom Reid</div><div>DOB: 30/09/2014</div><div>Exam: XR chest</div>`);
    expect(got(a)).toEqual({ basis: 'today', days: 4451 });
  });
});

describe('an e-mail address names no role', () => {
  test('a mail preview of "Appointment_letter.pdf" "from appointments@…" and its sent date; the letter\'s appointment in its body', () => {
    const a = read(`<div class="bar"><span>Appointment_letter.pdf</span><span>from appointments@imaging.example.org · 7 Dec 2026, 08:12</span></div>
      <table><tr><td>Date</td><td>07/12/2026</td></tr><tr><td>Date of birth</td><td>03/04/1961</td></tr></table>
      <p>Dear Ms Lowry,</p><p>We have booked you for a <b>CT abdomen</b>.</p><div><b>Date</b> Monday 21/12/2026</div><p>Yours sincerely,</p>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 24003 });
  });
  test('a document viewer\'s bar: the file "booking_form.docx" and the day it was uploaded is no appointment', () => {
    const a = read(`<div class="tb"><span>booking_form.docx · uploaded 03/12/2026</span></div>
      <div>Patient: Tom Reid · DOB: 30/09/2014</div><div>Exam: XR chest</div>`);
    expect(got(a)).toEqual({ basis: 'today', days: 4451 });
  });
  test('a message list row "scheduling@… · 12/03/2026" under a DOB: no scheduled date', () => {
    const a = read(`<div>Patient: Tom Reid · DOB: 30/09/2014</div><div>Exam: XR chest</div><ul><li><span>scheduling@clinic.example.org</span> · <span>03/12/2026</span></li></ul>`);
    expect(a.evidence.some((e) => e.kind === 'scheduledDate')).toBe(false);
  });
});

describe("a result's collected / performed date is the exam's", () => {
  test('portal key–value spans "Collected / performed"', () => {
    const a = read(`<h1>XR ANKLE 3 VIEWS RIGHT</h1><div class="kv"><div><span>Collected / performed</span>12/04/2026 4:18 PM</div><div><span>Result status</span>Final</div></div>
      <div class="kv"><div><span>Patient</span>Tom Reid</div><div><span>DOB</span>9/30/2014</div></div>`, 'en');
    expect(got(a)).toEqual({ basis: 'exam', days: 4448 });
  });
  test('a table row "Collected/Performed"', () => {
    const a = read(`<div>Patient: Tom Reid · DOB: 9/30/2014</div><table><tr><th>Test</th><td>CT head without contrast</td></tr><tr><th>Collected/Performed</th><td>12/04/2026</td></tr></table>`, 'en');
    expect(got(a)).toEqual({ basis: 'exam', days: 4448 });
  });
  test('negative: "Collected" alone is no role (a lab\'s specimen)', () => {
    const a = read(`<div>Patient: Tom Reid · DOB: 9/30/2014</div><div>Exam: XR chest</div><table><tr><th>Collected</th><td>12/04/2026</td></tr></table>`, 'en');
    expect(a.ageBasis).not.toBe('exam');
  });
});
