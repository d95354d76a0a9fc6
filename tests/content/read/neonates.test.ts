/**
 * Neonatal charts: the patient's age in days or as a day of life, beside a gestational or corrected age and a
 * mother's age that are not the patient's — on several layouts written for the test (inline labels in one line, a
 * banner of label/value spans, a table banner, stacked uppercase labels, prose), English and Spanish.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/neo/chart', { now: NOW });
}

function expectDays(a: PageAnalysis, days: number): void {
  expect(a.pediatric).toBe(true);
  expect(a.ageDays).not.toBeNull();
  expect(Math.abs(a.ageDays! - days)).toBeLessThanOrEqual(1);
}

describe('a neonate is the age in days, not the gestational age nor the mother\'s', () => {
  test('one-line banner of inline labels with an unknown "EG:" label after the age (upper case)', () => {
    const a = read(`<div class="hdr">PACIENTE: RN GARCÍA LÓPEZ &nbsp; NHC: 00912877 &nbsp; EDAD: 9 DÍAS &nbsp; EG: 34 SEM &nbsp; SEXO: M</div>
      <div class="nota">Madre de 22 años. RNPT 34 semanas.</div>
      <table><tr><th>Orden</th><th>Estado</th></tr><tr><td>RX TÓRAX AP</td><td>PENDIENTE</td></tr></table>`);
    expectDays(a, 9);
    expect(a.modality).toBe('DX');
  });
  test('"Edad: 9 d" inline in a line with the gestational age and the weight', () => {
    const a = read(`<div class="pt"><span>RN Ibarra</span> <span>Historia 5512093</span></div>
      <div class="pt2">Edad: 9 d · Edad gestacional: 34+2 semanas · Peso: 2100 g</div>
      <div><b>Estudio:</b> Rx abdomen AP</div>`);
    expectDays(a, 9);
  });
  test('day of life with no label: "DDV 5" in a banner of spans, "EG 34+2" beside it', () => {
    const a = read(`<div class="hdr"><span>RN Soto Vega</span><span>HC 1234567</span><span>DDV 5</span><span>EG 34+2</span></div>
      <div>Madre de 22 años, G2P1.</div><div>Estudio solicitado: Rx de tórax</div>`);
    expectDays(a, 5);
    expect(a.modality).toBe('DX');
  });
  test('"Día de vida 3" and an unlabelled "34 semanas" in the header: the day of life is the age', () => {
    const a = read(`<div class="hdr"><span>RN Soto</span><span>HC 1234567</span><span>Día de vida 3</span><span>34 semanas</span></div>
      <div>Madre de 22 años</div><div>Estudio solicitado: Rx de tórax</div>`);
    expectDays(a, 3);
  });
  test('"2 días de vida" in a nursing note; gestational age and maternal age labelled in a table banner', () => {
    const a = read(`<table class="banner"><tr><td>Paciente</td><td>RN de Pérez Ruiz</td><td>NHC</td><td>77120931</td></tr>
      <tr><td>Edad gestacional</td><td>34 semanas</td><td>Edad materna</td><td>22 años</td></tr></table>
      <h3>Evolución de enfermería</h3><p>Neonato pretérmino de 34 semanas con 2 días de vida, ictericia leve.</p>
      <div><b>Prestación:</b> Rx de tórax portátil</div>`);
    expectDays(a, 2);
  });
  test('English NICU banner: "DOL 9", "GA 34 wks", "CGA 35 4/7 wks"; infant of a 22 yo mother', () => {
    const a = read(`<div class="banner"><div>Boy Smith, Baby</div><div>MRN: 44120987</div><div>DOL 9</div><div>GA 34 wks</div><div>CGA 35 4/7 wks</div></div>
      <p>Infant of a 22 yo G2P1 mother, born at 34 weeks gestation.</p><div><b>Order:</b> XR abdomen 2 views</div>`);
    expectDays(a, 9);
  });
  test('English: "34 weeks gestation" and "corrected age 2 wks" in a card are not the age; "Age 9 days" is', () => {
    const a = read(`<div class="card"><span class="k">Name</span><span class="v">Lee, Baby Girl</span>
      <span class="k">Age</span><span class="v">9 days</span><span class="k">Gestation</span><span class="v">34 weeks gestation</span></div>
      <p>Corrected age 2 wks. Maternal age 22 y.</p><div><b>Exam:</b> XR chest portable</div>`);
    expectDays(a, 9);
  });
});

describe('a bare "9 d" in a banner', () => {
  test('English banner cells "Boy Smith, Baby | MRN | 9 d | M", GA beside it', () => {
    const a = read(`<table class="bn"><tr><td>Boy Smith, Baby</td><td>MRN 44120987</td><td>9 d</td><td>M</td><td>GA 34 wks</td></tr></table>
      <div><b>Order:</b> XR chest portable</div>`);
    expectDays(a, 9);
  });
  test('Spanish span banner "RN Soto · HC 1234567 · 9 d", a mother of 22', () => {
    const a = read(`<div class="hdr"><span>RN Soto</span> · <span>HC 1234567</span> · <span>9 d</span></div>
      <p>Madre de 22 años.</p><div>Estudio solicitado: Rx de abdomen</div>`);
    expectDays(a, 9);
  });
  test('"5 m" in a sentence is not an age', () => {
    const a = read(`<div class="hdr"><span>Ruiz, Ana</span><span>MRN 1234567</span></div><p>Walked 5 m today.</p><div><b>Exam:</b> XR knee</div>`);
    expect(a.ageDays).toBeNull();
  });
});

describe('gestational and maternal ages alone are no age of the patient', () => {
  test('only "EG 34 sem" and a mother\'s "22 años": no age, not pediatric from them', () => {
    const a = read(`<div class="hdr"><span>RN Soto</span><span>HC 1234567</span><span>EG 34 sem</span><span>Edad materna 22 años</span></div>
      <div>Estudio solicitado: Ecografía cerebral</div>`);
    expect(a.ageDays).toBeNull();
  });
  test('an adult mother\'s chart with "GA 34 wks" of her pregnancy: her DOB is the age', () => {
    const a = read(`<div class="banner"><span>Ruiz, Carla</span><span>MRN 88120044</span><span>DOB: 04/22/1994</span><span>GA 34 wks</span></div>
      <div><b>Exam:</b> US OB follow-up</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 30 * 365).toBe(true);
  });
});
