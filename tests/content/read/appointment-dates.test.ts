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
