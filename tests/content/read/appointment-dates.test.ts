/**
 * Appointments written with the weekday and the month's name (layouts written for the test): a portal's upcoming
 * appointment card, a letter's sentence, Spanish; past visits on the same portal are history. A consent's "Date of
 * procedure" is the scheduled date while it is ahead.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>MyHealth</title></head><body>${body}</body></html>`), 'https://portal.example.org/appointments', { now: NOW });
const got = (a: PageAnalysis) => ({ basis: a.ageBasis, days: a.ageDays, modality: a.modality });

describe("a portal's upcoming appointment is the scheduled date", () => {
  test('cards under "Upcoming Appointments": the date alone on its line, the exam below; past visits are history', () => {
    const a = read(`<header class="banner"><span>Maya Chen</span> <span>DOB 05/14/2019</span></header>
      <section><h2>Upcoming Appointments</h2><div class="appt-card"><div class="when">Thursday December 17, 2026</div><div>10:30 AM</div><div class="what">XR Chest 2 Views</div><div>Children's Imaging, Floor 2</div></div></section>
      <section><h2>Past Visits</h2><div class="visit">Tuesday October 6, 2026</div><div>Well child visit with Dr. Ortiz</div><div>XR Wrist Left 3 Views</div></section>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 2774, modality: 'DX' });
  });
  test('a list item "Your next appointment: Thursday, December 17, 2026 at 10:30 AM — CT Head"', () => {
    const a = read(`<div class="pt">Patient: Noah Reyes · Date of birth: 03/21/2015</div>
      <ul class="appts"><li>Your upcoming appointment is on Thursday, December 17, 2026 at 10:30 AM for CT Head without contrast.</li></ul>
      <h3>Visit history</h3><ul><li>Monday, November 2, 2026 — Emergency visit</li></ul>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4289, modality: 'CT' });
  });
  test('Spanish portal: "Próximas citas", "jueves 17 de diciembre de 2026"', () => {
    const a = read(`<div class="cab"><span>Paciente: Sofía Ramos</span> <span>Fecha de nacimiento: 14/05/2019</span></div>
      <h2>Próximas citas</h2><div class="cita"><p>jueves 17 de diciembre de 2026 · 10:30</p><p>Radiografía de tórax (2 proyecciones)</p></div>
      <h2>Citas anteriores</h2><div class="cita"><p>martes 6 de octubre de 2026 · 09:00</p><p>Consulta de pediatría</p></div>`, 'es');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 2774, modality: 'DX' });
  });
});

describe("a consent's date of procedure", () => {
  test('"Date of procedure: 12/10/2026" ahead of today → scheduled', () => {
    const a = read(`<h1>Consent for procedure under sedation</h1><p>Patient: ABARA, Kemi &nbsp; DOB: 01/22/2018 &nbsp; MRN: 8820014</p>
      <p>Procedure: Voiding cystourethrogram (VCUG) with sedation</p><p>Date of procedure: 12/10/2026</p><p>Signature of parent/guardian: ____________</p>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 3244, 'RF']);
  });
  test('Spanish: "Fecha del procedimiento: 10/12/2026"', () => {
    const a = read(`<h1>Consentimiento informado</h1><p>Paciente: ABARA, Kemi — F. nac.: 22/01/2018 — NHC 8820014</p>
      <p>Procedimiento: Enema opaco</p><p>Fecha del procedimiento: 10/12/2026</p>`, 'es');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['scheduled', 3244, 'RF']);
  });
  test('"Procedure date: 12/04/2026", done: the exam date', () => {
    const a = read(`<table><tr><th>Patient</th><td>ABARA, Kemi</td><th>DOB</th><td>01/22/2018</td></tr>
      <tr><th>Procedure</th><td>VCUG</td><th>Date of procedure</th><td>12/04/2026</td></tr></table>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['exam', 3238]);
  });
});

describe('an appointment that names where it is (a department, a suite, a scanner) dates the exam; the place is no exam', () => {
  test('a request summary of label/value rows: "Appointment | 10/12/2026 09:40, Ultrasound Dept, Level 1" beats "Requested"', () => {
    const a = read(`<div class="pb"><b>HUGHES, Oliver</b> &nbsp; DOB 21/03/2014 &nbsp; Male &nbsp; Hosp No N0458821</div>
      <div class="frm"><div class="row"><span>Test</span><span>US Neck (soft tissue)</span></div>
      <div class="row"><span>Requested</span><span>02/12/2026 14:10 by Dr F. Okafor</span></div>
      <div class="row"><span>Appointment</span><span>10/12/2026 09:40, Ultrasound Dept, Level 1</span></div>
      <div class="row"><span>Priority</span><span>Urgent</span></div></div>`, 'en-GB');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4647, modality: 'US' });
  });
  test('a table of label cells: "Appointment | 12/14/2026 08:15 — CT Suite 2" for a CT head ordered 12/03', () => {
    const a = read(`<table class="req"><tr><td>Patient</td><td>PRICE, COLE</td><td>DOB</td><td>04/12/2016</td></tr>
      <tr><td>Exam</td><td>CT HEAD WITHOUT CONTRAST</td><td>Ordered</td><td>12/03/2026</td></tr>
      <tr><td>Appointment</td><td>12/14/2026 08:15 — CT Suite 2</td><td>Priority</td><td>Routine</td></tr></table>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 3898, modality: 'CT' });
  });
  test('a table of header cells: "Appointment | 14/12/2026 08:15, X-ray Department, Room 3" beats "Date requested"', () => {
    const a = read(`<table class="req"><tr><th>Patient</th><td>PRICE, Cole</td></tr><tr><th>Date of birth</th><td>12/04/2016</td></tr>
      <tr><th>Examination</th><td>XR Chest PA</td></tr><tr><th>Date requested</th><td>03/12/2026</td></tr>
      <tr><th>Appointment</th><td>14/12/2026 08:15, X-ray Department, Room 3</td></tr><tr><th>Status</th><td>Booked</td></tr></table>`, 'en-GB');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 3898, modality: 'DX' });
  });
  test('a list of bold labels: "Appointment: 10/12/2026 09:40 — MRI Scanner 1" for a child\'s MRI requested 02/12', () => {
    const a = read(`<div class="pb"><b>HUGHES, Oliver</b> · DOB 21/03/2014 · Male</div>
      <ul class="req"><li><b>Test:</b> MRI brain</li><li><b>Requested:</b> 02/12/2026</li><li><b>Appointment:</b> 10/12/2026 09:40 — MRI Scanner 1</li></ul>`, 'en-GB');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4647, modality: 'MR' });
  });
  test('Spanish rows of labels: "Cita | 10/12/2026 09:40, Sala de Ecografía 2" for an "Ecografía cervical"', () => {
    const a = read(`<div class="cab"><b>Paciente:</b> LUNA PÉREZ, Daniel &nbsp; <b>F. nac.:</b> 30/06/2015</div>
      <div class="datos"><div class="fila"><label>Estudio</label><div>Ecografía cervical</div></div>
      <div class="fila"><label>Solicitado</label><div>01/12/2026</div></div>
      <div class="fila"><label>Cita</label><div>10/12/2026 09:40, Sala de Ecografía 2</div></div></div>`, 'es');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4181, modality: 'US' });
  });
  test('an adult\'s appointment at the MRI scanner: still the adult, the MR exam', () => {
    const a = read(`<div class="pb"><b>ADEYEMI, Tomi</b> &nbsp; DOB 05/01/1990 &nbsp; Male</div>
      <div class="row"><span>Test</span><span>MRI Knee Right</span></div>
      <div class="row"><span>Requested</span><span>03/12/2026 16:22</span></div>
      <div class="row"><span>Appointment</span><span>15/12/2026 18:30, MRI Scanner 2</span></div>`, 'en-GB');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 13493, modality: 'MR' });
    expect(a.pediatric).toBe(false);
  });
  test('an appointment that names the exam itself is still the exam', () => {
    const a = read(`<div class="pb"><b>HUGHES, Oliver</b> &nbsp; DOB 21/03/2014 &nbsp; Male</div>
      <div class="row"><span>Appointment</span><span>10/12/2026 09:40, CT head without contrast</span></div>`, 'en-GB');
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4647, modality: 'CT' });
  });
});
