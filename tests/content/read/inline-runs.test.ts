/**
 * A patient's facts written as one run of labelled values on a line (layouts written for the test): "Paciente:
 * APELLIDO, NOMBRE · Edad: 8 meses · F · HC 20-56…", "Patient: DOE, JANE • Age: 3 yrs • Sex: F", bars, semicolons,
 * gaps printed with non-breaking spaces. Each item of the run is its own value (the age under "Edad:" is not
 * "8 meses · F · HC 20-56781"), in English and Spanish units (años, meses, días, a, m). A duration in the run is not an
 * age; a free text's semicolons join its clauses, they do not make items.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Solicitud</title></head><body>${body}</body></html>`), 'https://his.example-hospital.org/rx/solicitud/55', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, modality: a.modality });

describe('a run of labelled values on one line', () => {
  test('Spanish, middle dots, in a paragraph: "Paciente: … · Edad: 8 meses · F · HC 20-56781"', () => {
    const a = read(`<h2>Solicitud de estudio radiológico</h2>
      <p>Paciente: GARCÍA LÓPEZ, SOFÍA · Edad: 8 meses · F · HC 20-56781</p>
      <p>Estudio: Radiografía de tórax PA</p><p>Servicio: Urgencias pediátricas</p>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: 243, modality: 'DX' });
  });
  test('English, bullets, in a header div of spans: "Age: 3 yrs • F • MRN 4456120 • Rm 4B West"', () => {
    const a = read(`<div class="hdr"><span>Patient: DOE, JANE • Age: 3 yrs • F • MRN 4456120 • Rm 4B West</span></div>
      <div class="ord"><span>Exam: CT abdomen and pelvis with contrast</span></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: 1095, modality: 'CT' });
  });
  test('bars in a table cell, Spanish short units "2 a 5 m"', () => {
    const a = read(`<table class="cab"><tr><td>Nombre: KIM PARK, JAE | Edad: 2 a 5 m | Sexo: M | NHC 778120</td></tr>
      <tr><td>Exploración: TC de cráneo sin contraste</td></tr></table>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: 882, modality: 'CT' });
  });
  test('semicolons: "Nombre: PÉREZ, ANA; Edad: 11 a; F; Historia clínica 4471; Cama 12-B"', () => {
    const a = read(`<div class="datos">Nombre: PÉREZ, ANA; Edad: 11 a; F; Historia clínica 4471; Cama 12-B</div><div>Prueba: Rx de muñeca izquierda</div>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: 4017, modality: 'DX' });
  });
  test('gaps printed with non-breaking spaces: "Age: 6 yrs&nbsp;&nbsp;M&nbsp;&nbsp;Acct 00931&nbsp;&nbsp;Rm 12 Peds"', () => {
    const a = read(`<p class="pt">Patient: LEE, MAX&nbsp;&nbsp;Age: 6 yrs&nbsp;&nbsp;M&nbsp;&nbsp;Acct 00931&nbsp;&nbsp;Rm 12 Peds</p><p>Procedure: XR chest 2 views</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: 2191, modality: 'DX' });
  });
  test('days: "Edad: 12 días · M"', () => {
    const a = read(`<p>Paciente: RN NÚÑEZ · Edad: 12 días · M · HC 20-88120</p><p>Estudio: Ecografía transfontanelar</p>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: 12, modality: 'US' });
  });
});

describe('negatives', () => {
  test('a duration in the run is not an age: "Motivo: vómitos desde hace 5 días"', () => {
    const a = read(`<p>Paciente: RUIZ SANZ, LEO · Motivo: vómitos desde hace 5 días · HC 20-44710</p><p>Estudio: Radiografía de abdomen</p>`, 'es');
    expect(a.ageDays).toBeNull();
  });
  test("a free text's semicolons join its clauses: an earlier CT named after one is not the exam", () => {
    const a = read(`<p>Patient: DOE, JANE • Age: 3 yrs • Sex: F</p>
      <p>Indication: cough for 2 weeks; CT chest done last year at outside hospital</p><p>Exam: XR chest PA and lateral</p>`);
    expect(got(a)).toEqual({ pediatric: true, days: 1095, modality: 'DX' });
  });
  test('an exam\'s value is not cut: "Procedure: CT chest with contrast; CT abdomen and pelvis with contrast" is one order', () => {
    const a = read(`<p>Patient: DOE, JANE · Age: 7 yrs · F · MRN 4456120</p><p>Procedure: CT chest with contrast; CT abdomen and pelvis with contrast</p>`);
    expect([a.modality, a.region]).toEqual(['CT', 'chest-abdomen-pelvis']);
  });
  test('an adult in the same run: "Edad: 34 a"', () => {
    const a = read(`<p>Paciente: MORA DÍAZ, EVA · Edad: 34 a · F · HC 20-11223</p><p>Estudio: TC de abdomen</p>`, 'es');
    expect(a.pediatric).toBe(false);
  });
});
