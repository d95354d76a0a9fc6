/**
 * Exams named only as options are not the exam; the requested one is (letters, notes, forms written for the test,
 * English and Spanish): "may consider MRI", "if symptoms persist, CT could be performed", "se podría considerar
 * TC", "valorar TC según evolución", "de persistir, TC". A page that names only options has no exam.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://ehr.example.org/notes/2231', { now: NOW });
const exam = (a: PageAnalysis) => [a.pediatric, a.modality, [...a.campaigns], a.region];

describe('the requested exam, not the options', () => {
  test('Spanish referral letter: "Se solicita ecografía abdominal. Si persiste el dolor, se podría considerar TC abdominal."', () => {
    const a = read(`<div class="carta"><p>Paciente: SÁNCHEZ RÍO, Pablo · NHC 00712093 · 9 años</p>
      <p>Estimada compañera: remito a este niño con dolor abdominal recurrente. Se solicita ecografía abdominal. Si persiste el dolor, se podría considerar TC abdominal con contraste.</p></div>`, 'es');
    expect(exam(a)).toEqual([true, 'US', [], 'abdomen']);
  });
  test('Spanish note plan list: "Rx de tórax PA hoy" then "Valorar TC de tórax según evolución"', () => {
    const a = read(`<div class="cab"><span>SÁNCHEZ RÍO, Pablo</span> <span>NHC 00712093</span> <span>9 años</span></div>
      <h4>Plan</h4><ol><li>Valorar TC de tórax según evolución.</li><li>Rx de tórax PA y lateral hoy.</li><li>De persistir la fiebre, TC de senos paranasales.</li></ol>`, 'es');
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'chest']);
  });
  test('English letter: "I have ordered a plain radiograph… We may consider MRI if the pain persists."', () => {
    const a = read(`<div class="letter"><p>Re: Hughes, Owen — DOB 05/19/2014 — MRN 8812044</p>
      <p>Dear Dr Patel, thank you for seeing Owen. We may consider MRI of the lumbar spine if the pain persists. For now I have ordered a plain radiograph of the lumbar spine, AP and lateral.</p></div>`);
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'spine']);
  });
  test('English form: "Exam requested: US pelvis", comments "if symptoms persist, CT could be performed"', () => {
    const a = read(`<table class="req"><tr><th>Patient</th><td>Hughes, Mia</td><th>DOB</th><td>05/19/2014</td></tr>
      <tr><th>Exam requested</th><td>US pelvis transabdominal</td></tr>
      <tr><th>Comments</th><td>If symptoms persist, CT abdomen/pelvis could be performed after surgical review.</td></tr></table>`);
    expect(exam(a)).toEqual([true, 'US', [], 'pelvis']);
  });
  test('English note: the option first ("CT head could be considered if worsening"), the ordered cranial ultrasound after', () => {
    const a = read(`<div class="hdr"><span>Hughes, Noah</span> <span>MRN 8812055</span> <span>5 wk.o. M</span></div>
      <p>Assessment: macrocephaly. CT head could be considered if worsening. Head ultrasound ordered today.</p>`);
    expect(exam(a)).toEqual([true, 'US', [], 'head']);
  });
});

describe('a page that names only options has no exam', () => {
  test.each([
    ['English', 'en', 'Follow up in clinic in 6 weeks. If symptoms persist, CT abdomen could be considered.'],
    ['English, "may consider"', 'en', 'Improving on antibiotics. May consider chest x-ray if fever recurs.'],
    ['Spanish, "se podría considerar"', 'es', 'Mejoría clínica. Se podría considerar TC de abdomen si reaparece el dolor.'],
    ['Spanish, "valorar según evolución"', 'es', 'Alta a domicilio. Valorar Rx de tórax según evolución en su centro de salud.'],
  ])('%s', (_what, lang, note) => {
    const a = read(`<div class="cab"><span>SÁNCHEZ RÍO, Pablo</span> <span>NHC 00712093</span> <span>9 años</span></div><p>${note}</p>`, lang);
    expect([a.modality, a.campaigns]).toEqual([null, []]);
  });
});

describe("an exam that stands in for another ('EOS-alternative', 'MRI-alternative'): the exam itself, not an option", () => {
  test("an appointment card whose exam line says what it replaces, beside other people's one-line slots", () => {
    const a = read(`<div class="top">Scheduling · Mon 12/07/2026</div><h2>Day Book – 12/10/2026 – XR 1</h2>
      <div class="sl">09:00 Orr, Dana (04/02/1958) XR HIP 2V</div>
      <div class="sl open"><b>09:30 XR 1 – BOOKED</b><br>Patient: Pike, Nora · DOB 03/03/2013 · F<br>Exam: XR SCOLIOSIS SERIES (EOS-alternative, standing)<br>Scheduled: 12/10/2026 09:30</div>
      <div class="sl">10:00 Quist, Al (09/09/1966) XR FOOT 3V</div>`);
    expect(exam(a)).toEqual([true, 'DX', ['radiography'], 'spine']);
  });
  test('a definition list: "Procedure: CT chest low-dose (MRI-alternative protocol)"; a Spanish "(EOS-alternativa)"', () => {
    const a = read(`<h3>Board · 12/10/2026 · CT 2</h3><dl><dt>Patient</dt><dd>Voss, Emil</dd><dt>Age</dt><dd>10 yrs</dd><dt>Procedure</dt><dd>CT chest low-dose (MRI-alternative protocol)</dd></dl>
      <div class="nx">10:40 Wray, Ada (06/14/1971) XR KNEE 3V</div><div class="nx">11:00 Yu, Bo (01/02/1969) US NECK</div>`);
    expect(exam(a)).toEqual([true, 'CT', ['ct'], 'chest']);
    const b = read(`<p>Paciente: Lago Pons, Iker · 8 años</p><p>Prueba: Rx de columna completa (EOS-alternativa, en bipedestación)</p>
      <p>Siguiente: 10:40 Roca Gil, Ana (14/06/1971) Rx rodilla</p>`, 'es');
    expect(exam(b)).toEqual([true, 'DX', ['radiography'], 'spine']);
  });
  test('negative: "alternative" as its own word still names an option ("CT abdomen is the alternative")', () => {
    const a = read(`<div class="ban">Patient: Hale, Rory · 9 yrs</div><p>Order: US abdomen complete.</p><p>CT abdomen is the alternative if the ultrasound is non-diagnostic.</p>`);
    expect(exam(a)).toEqual([true, 'US', [], 'abdomen']);
  });
});
