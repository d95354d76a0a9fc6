/**
 * An age written as its label word and a number with no colon (layouts written for the test): "Age 12", "Age 12 yrs",
 * "AGE 7Y", "Edad 9", "Edad 9 años" in a banner of spans, a one-line header, a print table's cell, a demographics
 * line. A bare number after the label is years, as under "Age:". Words that only end in "age" ("Stage 2", "Page 12"),
 * an average, a relative's, a gestational or a past age are not the patient's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { findAgeMentions } from '../../../content/read/parse/age-mentions';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Chart</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/448812', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays, basis: a.ageBasis, modality: a.modality });
/** Days of a whole number of years as the age parser counts them (365.25 a year). */
const years = (n: number) => Math.floor(n * 365.25);

describe('the label word and a number, no colon', () => {
  test('a banner of spans: "Age 12"', () => {
    const a = read(`<div class="banner"><span class="nm">PIKE, Oliver</span> <span>Age 12</span> <span>M</span> <span>MRN 448812</span></div>
      <div class="order"><h3>Order</h3><div>CT head without contrast</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: years(12), basis: 'today', modality: 'CT' });
    expect(a.ageUnsure ?? false).toBe(false);
  });
  test('a one-line Spanish header: "Edad 9"', () => {
    const a = read(`<div class="cabecera">RAMOS LÓPEZ, Sofía · Edad 9 · Sexo F · NHC 448812</div><p>Solicitud: TC de cráneo sin contraste</p>`, 'es');
    expect(got(a)).toEqual({ pediatric: true, days: years(9), basis: 'today', modality: 'CT' });
  });
  test('a print layout table cell: "DOE, JANE   Age 12 yrs   F"', () => {
    const a = read(`<table class="print"><tr><td>DOE, JANE&nbsp;&nbsp; Age 12 yrs&nbsp;&nbsp; F</td><td>Acct 0044812</td></tr>
      <tr><td colspan="2">Exam: XR CHEST 2 VIEWS</td></tr></table>`);
    expect(got(a)).toEqual({ pediatric: true, days: years(12), basis: 'today', modality: 'DX' });
  });
  test('a demographics line with "AGE 7Y" and a Spanish "Edad 9 años" line', () => {
    expect(got(read(`<p class="demo">Name: LEE, ANA &nbsp; AGE 7Y &nbsp; SEX F &nbsp; MRN 22019</p><p>Procedure: CT abdomen pelvis with contrast</p>`))).toEqual({
      pediatric: true,
      days: years(7),
      basis: 'today',
      modality: 'CT',
    });
    expect(got(read(`<div class="pac"><b>GARCÍA, Lucas</b> Edad 9 años &nbsp; NHC 50221</div><div>Prueba: Radiografía de tórax</div>`, 'es')).days).toBe(years(9));
  });
  test("an adult's banner: \"Age 45\" is read and is no child", () => {
    const a = read(`<div class="banner"><span>MARSH, Colin</span> <span>Age 45</span> <span>MRN 770312</span></div><h3>CT chest with contrast</h3>`);
    expect(got(a)).toEqual({ pediatric: false, days: years(45), basis: 'today', modality: 'CT' });
  });
});

describe('not the patient\'s age', () => {
  test('"Stage 2", "Page 12", "age-appropriate" name no age', () => {
    const a = read(`<div class="banner"><span>MARSH, Colin</span> <span>MRN 770312</span></div>
      <div class="note"><p>Stage 2 pressure injury, sacrum. Development age-appropriate.</p><p>Page 12</p></div><h3>CT pelvis</h3>`);
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });
  test('an average age, a relative\'s, a gestational and a past age', () => {
    const body = `<div class="banner"><span>OKAFOR, Ada</span> <span>MRN 5510023</span></div>
      <div>Clinic panel: average age 45</div><div>Mother age 34</div><div>Gestational age 38 wks</div>
      <div>Seizure at age 8; last one age 12 months ago</div><h3>CT head without contrast</h3>`;
    const a = read(body);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('the age parser: bare numbers only right after the label, and not after a word that qualifies it', () => {
    const texts = (t: string) => findAgeMentions(t).map((m) => m.text);
    expect(texts('PIKE, Oliver · Age 12 · M')).toEqual(['12']);
    expect(texts('Edad 9 · Sexo F')).toEqual(['9']);
    for (const t of ['Stage 2', 'Page 12', 'average age 45', 'mean age 7', 'mother age 34', 'Gestational age 38', 'Bone age 10',
      'at age 8', 'age 12 months ago', 'Age 3/4', 'Age 12.5 kg', 'age 2-5', 'Age 12:30', 'Edad materna 34', 'edad media 40']) {
      expect(texts(t), t).toEqual([]);
    }
  });
});

describe('an age in brackets after a past date is the age at that date, not the patient’s', () => {
  test('a request form’s previous requests line under a young adult’s banner', () => {
    const a = read(`<div class="pb"><b>ADEBAYO, Kunle</b> &nbsp; DOB 14/02/2006 (20y) &nbsp; Male &nbsp; Hosp No K0214</div>
      <div class="frm"><div class="row"><span>Test</span><span>MRI Ankle Left</span></div><div class="row"><span>Appointment</span><span>14/12/2026 09:10</span></div></div>
      <div class="frm">Previous requests: XR Ankle L 30/11/2026 · XR Hand R 03/05/2016 (age 10).</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! / 365.25).toBeGreaterThan(20);
  });
  test('a viewer’s timeline of priors beside an adult’s overlay', () => {
    const a = read(`<div class="time">Timeline: <span>11/20/2026 XR KNEE RT</span><span>05/14/2021 XR KNEE RT (age 14)</span><span>02/02/2018 XR CHEST</span></div>
      <div class="vp"><div class="o tl">MORROW, DANA<br>ID: 40871122<br>DOB: 03/09/2007<br>019Y F</div><div class="o tr">XR KNEE 3 VIEWS RIGHT<br>11/20/2026</div></div>`);
    expect(a.pediatric).toBe(false);
  });
  test('a history table’s cell "2019 (age 9)" next to an adult’s labelled DOB', () => {
    const a = read(`<table><tr><th>Name</th><td>HALE, Rory</td><th>DOB</th><td>1999-04-11</td></tr></table>
      <table><tr><th>Prior imaging</th></tr><tr><td>Forearm fracture 2008 (age 9), casted</td></tr></table><p>Order: CT wrist without contrast</p>`);
    expect(a.pediatric).toBe(false);
  });
  test('still the patient’s: a name with its age in brackets, no date before it', () => {
    const a = read(`<div class="banner"><span>PIKE, Oliver (Age 12)</span> <span>M</span> <span>MRN 448812</span></div><div><h3>Order</h3><div>CT head without contrast</div></div>`);
    expect(got(a)).toEqual({ pediatric: true, days: years(12), basis: 'today', modality: 'CT' });
  });
});
