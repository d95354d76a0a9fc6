/**
 * Age–sex pairs (`88 M`, `52F`, `7 M`, `25 F`): how age/sex columns, patient banners, day books and print headers
 * write an age beside the sex. The capital letter is the sex and the number is years; an age in months carries a
 * unit of its own (`11 mo`, `011M`, `2Y 1M`), its own sex beside it (`8M F`), or sits under a label that names the age
 * alone (an "Age" column that writes `6Y`, `91Y`, `3M`). Each layout is written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, lang = 'en'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Chart</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart', { now: NOW });
}

const pediatricRows = (a: PageAnalysis) => a.records.filter((r) => r.pediatric).length;
const YEAR = 365.25;

describe('an adult written as an age–sex pair is an adult, never a child in months', () => {
  test('an inpatient banner run split by middle dots: "88 M · DOB … · Acct …" (a birth date that reads both ways) above an NM order', () => {
    const a = read(`<div class="top">Chart · Orders · Results</div>
      <div class="banner"><b>LINDQVIST, HAROLD</b><br>88 M · DOB 02/09/1938 · Acct IN0044120 · Loc: 5E-510 · Attending: Ruiz, Ana MD</div>
      <div class="w"><h4>Orders</h4><table><tr><td>NM BONE SCAN WHOLE BODY</td><td>Done today 14:10</td></tr></table></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(Math.floor(88 * YEAR));
    expect(a.modality).toBe('NM');
  });

  test('a banner of spans: name, "88 M", an unlabelled birth date that agrees with 88 years, record number', () => {
    const a = read(`<div class="pt"><span>HALL, ROY</span><span>88 M</span><span>02/19/1938</span><span>MRN 5512093</span></div>
      <div><b>Exam:</b> XR PELVIS 1 VIEW</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBe(32433); // 1938-02-19 → 2026-12-07
  });

  test('a print header of table cells: name, "71 F", record number, then the requested CT', () => {
    const a = read(`<table class="hdr"><tr><td>KOWALSKA, IRENA</td><td>71 F</td><td>MRN 5512093</td><td>Medicare</td></tr></table>
      <p><b>Requested exam:</b> CT chest without contrast</p>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(71 * YEAR - 1);
  });

  test('a card of labels above values: "Age/Sex" over "52F"', () => {
    const a = read(`<div class="card"><div class="row"><div class="lbl">Patient</div><div class="val">OSEI, AMA</div></div>
      <div class="row"><div class="lbl">Age/Sex</div><div class="val">52F</div></div>
      <div class="row"><div class="lbl">Exam</div><div class="val">XR CHEST 2 VIEWS</div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(52 * YEAR - 1);
  });

  test('a Spanish label "Edad/Sexo: 45 M" beside a CT', () => {
    const a = read(`<div class="cab"><span><b>Paciente:</b> MARTÍNEZ RUIZ, JAVIER</span> <span><b>Edad/Sexo:</b> 45 M</span></div>
      <p><b>Estudio solicitado:</b> TC de abdomen con contraste</p>`, 'es');
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeGreaterThanOrEqual(45 * YEAR - 1);
  });

  test('a worklist with an "Age/Sex" column: adults\' rows are adults (none is selected: nothing open)', () => {
    const a = read(`<h3>Reading worklist</h3><table><tr><th>Patient</th><th>Age/Sex</th><th>Exam</th><th>Date</th></tr>
      <tr><td>BRANDT, OTTO</td><td>58 M</td><td>CT ABD PELVIS W</td><td>12/07/2026</td></tr>
      <tr><td>LIND, EVA</td><td>63 F</td><td>XR CHEST 2V</td><td>12/07/2026</td></tr>
      <tr><td>NOOR, ADIL</td><td>24 M</td><td>CT HEAD WO</td><td>12/07/2026</td></tr>
      <tr><td>PIKE, SAM</td><td>7 M</td><td>XR FOREARM 2V</td><td>12/07/2026</td></tr></table>`);
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
    expect(a.records).toHaveLength(4);
    expect(pediatricRows(a)).toBe(1);
  });
});

describe('ages in months keep their months', () => {
  test('an "Age" column that writes `6Y`, `91Y`, `3M`: the infant\'s row is 3 months', () => {
    const a = read(`<h3>Worklist</h3><table><tr><th>Patient</th><th>Age</th><th>Exam</th><th>Exam date</th></tr>
      <tr><td>KHAN, ZARA</td><td>6Y</td><td>CT CHEST WO</td><td>12/07/2026</td></tr>
      <tr><td>DOYLE, MAE</td><td>91Y</td><td>XR PELVIS 1V</td><td>12/07/2026</td></tr>
      <tr><td>PARK, JUN</td><td>3M</td><td>XR HIPS</td><td>12/06/2026</td></tr></table>`);
    const infant = a.records.find((r) => r.ageDays !== null && r.ageDays < YEAR);
    expect(infant?.ageDays).toBe(91);
    expect(a.records.filter((r) => r.ageDays !== null && r.ageDays > 90 * YEAR)).toHaveLength(1);
  });

  test('a labelled field "Age: 3M" is three months', () => {
    const a = read(`<div><b>Patient:</b> PARK, JUN</div><div><b>Age:</b> 3M</div><div><b>Exam:</b> XR CHEST 1 VIEW</div>`);
    expect(a.ageDays).toBe(91);
    expect(a.pediatric).toBe(true);
  });

  test('a dictation header line "8M M" (months, then the sex) and a run "2Y 1M"', () => {
    const a = read(`<div class="hdr">OAKS, LILY · 8M M · MRN 448120</div><div><b>Exam:</b> FL ESOPHAGRAM</div>`);
    expect(a.ageDays).toBe(243);
    const b = read(`<div><b>Patient:</b> VEGA, MATEO</div><div><b>Age at exam:</b> 2Y 1M</div><div><b>Exam:</b> CT HEAD WO</div>`);
    expect(b.ageDays).toBe(760);
  });

  test('an infant banner "3M" with a labelled birth date that agrees: the birth date gives the age', () => {
    const a = read(`<div class="banner"><b>BABY GIRL REYES</b> · 3M · DOB: 09/01/2026 · MRN 7781204</div>
      <div><b>Order:</b> XR CHEST 1 VIEW, exam date 12/07/2026</div>`);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(97);
  });
});
