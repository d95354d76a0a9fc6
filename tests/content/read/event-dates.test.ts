/**
 * Dates of other events are not the exam's (layouts written for the test): a medicine or therapy started, symptoms
 * that began, a discharge; "started" dates the exam only when the exam is what started. A labelled scheduled date
 * wins over a date told in prose. With no exam, a discharge summary's admission date is the visit reference; its
 * discharge and printed dates are not, nor is a referral told in its prose.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/chart/77', { now: NOW });
const age = (a: PageAnalysis) => [a.ageBasis, a.ageDays];

describe('a medicine, therapy or symptom start date is not the exam date', () => {
  test('protocol pairs: "Premedication: Phenobarbital … (started 12/02/2026)", "Scheduled 12/08/2026 08:30"', () => {
    const a = read(`<div class="banner"><span>WALSH, Finn</span> <span>MRN 4410923</span> <span>DOB 11/20/2026</span></div>
      <h3>Protocol</h3><div class="row"><span class="lbl">Exam</span><span>NM hepatobiliary scan</span></div>
      <div class="row"><span class="lbl">Premedication</span><span>Phenobarbital 5 mg/kg/day for 5 days (started 12/02/2026) before imaging</span></div>
      <div class="row"><span class="lbl">Scheduled</span><span>12/08/2026 08:30</span></div>`);
    expect(age(a)).toEqual(['scheduled', 18]);
  });
  test('a table of label cells: "Patient prep" and symptoms that began, the appointment in another row', () => {
    const a = read(`<table class="req"><tr><th>Patient</th><td>IBARRA, Leo</td><th>DOB</th><td>2016-04-09</td></tr>
      <tr><th>Procedure</th><td>VCUG</td><th>Appointment</th><td>2026-12-10 09:00</td></tr>
      <tr><th>Patient prep</th><td>Amoxicillin prophylaxis began 2026-11-30; symptoms since 2026-11-20</td><th>Priority</th><td>Routine</td></tr></table>`);
    expect(age(a)).toEqual(['scheduled', 3897]);
    expect(a.modality).toBe('RF');
  });
  test('Spanish: "fenobarbital desde el 02/12/2026 (inició 02/12/2026)" beside "Fecha programada: 08/12/2026"', () => {
    const a = read(`<div class="cab"><span>SOTO, Martina</span> <span>NHC 771203</span> <span>F. nac.: 20/11/2026</span></div>
      <div>Estudio: Gammagrafía hepatobiliar</div><div>Tratamiento: fenobarbital 5 mg/kg/día, inició 02/12/2026</div><div>Fecha programada: 08/12/2026 08:30</div>`, 'es');
    expect(age(a)).toEqual(['scheduled', 18]);
  });
});

describe('the exam that started is dated by it', () => {
  test('a technologist screen: "Exam started 2026-12-04 14:21"', () => {
    const a = read(`<div class="hdr"><span>LEE, Jin</span> <span>MRN 5520014</span> <span>DOB 2019-06-01</span></div>
      <div>XR forearm 2 views</div><div>Exam started 2026-12-04 14:21</div>`);
    expect(age(a)).toEqual(['exam', 2743]);
  });
  test('"Started:" as a status field of the exam', () => {
    const a = read(`<dl><dt>Patient</dt><dd>LEE, Jin</dd><dt>DOB</dt><dd>2019-06-01</dd><dt>Procedure</dt><dd>CT chest without contrast</dd><dt>Started:</dt><dd>2026-12-04 14:21</dd></dl>`);
    expect(age(a)).toEqual(['exam', 2743]);
  });
});

describe('a discharge summary with no exam: the admission date is the visit', () => {
  test('bold labels: Admission date, Discharge date, a referral in the prose, Printed', () => {
    const a = read(`<h1>Discharge Summary</h1><div class="hdr"><span>NAVARRO, Teo</span> <span>MRN 3318820</span> <span>DOB 03/15/2024</span></div>
      <div><b>Admission date:</b> 11/28/2026</div><div><b>Discharge date:</b> 12/03/2026</div>
      <p>Referred by Dr. Lee on 11/27/2026 for bronchiolitis. Treated with high-flow oxygen and discharged home on room air.</p><p>Printed 12/07/2026</p>`);
    expect(age(a)).toEqual(['visit', 988]);
  });
  test('Spanish table: "Fecha de ingreso", "Fecha de alta", "remitida por su pediatra el …"', () => {
    const a = read(`<h2>Informe de alta</h2><table><tr><td>Paciente</td><td>GIL PONS, Nora</td></tr><tr><td>Fecha de nacimiento</td><td>10/02/2020</td></tr>
      <tr><td>Fecha de ingreso</td><td>28/11/2026</td></tr><tr><td>Fecha de alta</td><td>03/12/2026</td></tr></table>
      <p>Niña remitida por su pediatra el 27/11/2026 por fiebre. Evolución favorable.</p>`, 'es');
    expect(age(a)).toEqual(['visit', 2483]);
  });
  test('one printed line: "Admitted: 11/28/2026   Discharged: 12/03/2026"', () => {
    const a = read(`<pre>Patient: ABBOTT, Kai     DOB: 03/15/2024     MRN: 8812090
Admitted: 11/28/2026   Discharged: 12/03/2026   Attending: Dr. Moss</pre>`);
    expect(age(a)).toEqual(['visit', 988]);
  });
  test('a labelled referral date is the order date', () => {
    const a = read(`<div class="hdr"><span>NAVARRO, Teo</span> <span>MRN 3318820</span> <span>DOB 03/15/2024</span></div>
      <div><b>Referral date:</b> 11/27/2026</div><div><b>Discharge date:</b> 12/03/2026</div>`);
    expect(age(a)).toEqual(['order', 987]);
  });
});
