/**
 * Dates written with the month's name in the shapes real systems print beyond `20-Nov-2026` (layouts written for the
 * test): spaced dashes (`14 — Mar — 2018`, OpenMRS O3's wide format), en dashes, the military `09DEC2019`, the year
 * first (`2020-May-21`). A banner's unlabelled birth date beside the age is the birth date (the age is then taken from
 * it, at the reference date, not the printed `8 yrs` at today); a visit's start ("Visit started …") dates the age when
 * no exam, scheduled or order date is shown — and never outranks one.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-09T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Chart</title></head><body>${body}</body></html>`), 'https://emr.example-clinic.org/chart/77', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, basis: a.ageBasis, days: a.ageDays, modality: a.modality });

describe('an O3-style banner with the wide date format', () => {
  test('"Female · 8 yrs · 14 — Mar — 2018" in one line, "Visit started 07 — Dec — 2026 09:10": birth date + visit date', () => {
    const a = read(`<div class="banner" role="banner"><span class="name">Mia Wanjiru</span>
      <div class="demo"><span>Female · 8 yrs · 14 — Mar — 2018</span> <span class="tag">OpenMRS ID</span> <span>100HX9</span></div></div>
      <div class="visit"><span class="tag">Active Visit</span> <span>Visit started 07 — Dec — 2026 09:10</span></div>
      <div class="card"><h4>Orders</h4><div class="tile"><div class="lbl">Chest X-ray, PA and lateral</div><div class="det">Routine · Dr. Achieng Ouma</div></div></div>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'visit', days: 3190, modality: 'DX' });
  });
  test('en dashes, the parts in spans with separators between them', () => {
    const a = read(`<div role="banner"><span class="pname">Baraka Otieno</span><div class="demo"><span>Male</span><span class="sep">·</span><span>8 yrs</span><span class="sep">·</span><span>14 – Mar – 2018</span><span class="sep">·</span><span class="tag">OpenMRS ID</span><span>100K7WX</span></div></div>
      <section><h4>Visits</h4><div class="row"><span>Facility Visit</span> <span>Visit started 07 – Dec – 2026 09:10</span></div></section>
      <section><h4>Order basket</h4><div class="tile">CT head without contrast</div></section>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'visit', days: 3190, modality: 'CT' });
  });
  test('the visit never outranks an order date: the order dated "08 — Dec — 2026" is the reference', () => {
    const a = read(`<div role="banner"><span class="pname">Baraka Otieno</span><div class="demo"><span>Male · 8 yrs · 14 — Mar — 2018</span><span class="tag">OpenMRS ID</span><span>100K7WX</span></div></div>
      <div>Visit started 01 — Dec — 2026 09:10</div>
      <table><thead><tr><th>Date of order</th><th>Order</th><th>Status</th></tr></thead><tbody><tr><td>08 — Dec — 2026</td><td>X-ray chest, PA</td><td>Active</td></tr></tbody></table>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'order', days: 3191, modality: 'DX' });
  });
  test('negative: an earlier exam dated "14 — Nov — 2026" is not the reference (no other date: today)', () => {
    const a = read(`<div role="banner"><span class="pname">Baraka Otieno</span><div class="demo"><span>Male · 8 yrs · 14 — Mar — 2018</span><span class="tag">OpenMRS ID</span><span>100K7WX</span></div></div>
      <div class="card"><h4>Order basket</h4><div class="tile">CT head without contrast</div></div>
      <div class="card"><h4>Previous imaging</h4><div>CT head — 14 — Nov — 2026 — no acute findings</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'today', days: 3192, modality: 'CT' });
  });
});

describe('other month-name spellings in labelled layouts', () => {
  test('a VistA-like print: "DOB: 09DEC2019", "Exam Date: 02DEC2026" (military style)', () => {
    const a = read(`<pre>RADIOLOGY REQUEST                         Printed: 09DEC2026 10:14
Patient: TESTER,ALEX          SSN: xxx-xx-4471          DOB: 09DEC2019
Exam Date: 02DEC2026   Procedure: CHEST 2 VIEWS PA&amp;LAT
</pre>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'exam', days: 2550, modality: 'DX' });
  });
  test('a definition list with the year first: "2020-May-21", "2026-Dec-04"', () => {
    const a = read(`<dl class="pt"><dt>Patient</dt><dd>KIM, Jae</dd><dt>Date of birth</dt><dd>2020-May-21</dd><dt>MRN</dt><dd>88120045</dd></dl>
      <dl class="ord"><dt>Procedure</dt><dd>CT abdomen and pelvis with contrast</dd><dt>Scheduled</dt><dd>2026-Dec-04 13:30</dd></dl>`);
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 2388, modality: 'CT' });
  });
  test('Spanish form inputs: "30 de enero del 2012", "3 de diciembre del 2026"', () => {
    const a = read(`<form><label>Paciente</label><input value="RUIZ PÉREZ, LUCÍA"><label>Fecha de nacimiento</label><input value="30 de enero del 2012">
      <label>Estudio</label><input value="TC de tórax sin contraste"><label>Fecha de la cita</label><input value="3 de diciembre del 2026"></form>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, basis: 'scheduled', days: 5421, modality: 'CT' });
  });
  test('negative: an adult born "14 — Mar — 1988" is not pediatric', () => {
    const a = read(`<div role="banner"><span class="pname">Grace Atieno</span><div class="demo"><span>Female · 38 yrs · 14 — Mar — 1988</span><span class="tag">OpenMRS ID</span><span>100J2QP</span></div></div>
      <div>Visit started 07 — Dec — 2026 09:10</div><div class="tile">CT abdomen with contrast</div>`);
    expect(a.pediatric).toBe(false);
  });
});
