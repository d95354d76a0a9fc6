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
