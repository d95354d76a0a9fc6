/**
 * An age beside the sex under one label or column ("Age/Sex", "Sex/Age", "Edad/Sexo"): the lone M or F is the sex,
 * not a unit — "67 M" is a 67-year-old man, never 67 months — and a bare number is years. In a worklist's column, in
 * a banner's label/value spans, Spanish. Negatives: months written as such stay months, an Age column alone unchanged.
 * Minimal layouts written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T14:00:00Z');
const URL_ = 'https://ris.example.org/read/worklist';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

const pediatricIonizing = (a: PageAnalysis) => a.records.filter((r) => r.pediatric && r.campaigns.length > 0).length;

describe('an Age/Sex value', () => {
  test('banner spans "Age/Sex: 67 M" beside a CT: an adult of 67 years, not a child of 67 months', () => {
    const a = read(`<div class="banner"><span>Patient:</span> <span>HOLM, ERIK</span> <span>Age/Sex:</span> <span>67 M</span> <span>MRN:</span> <span>4410221</span></div>
      <div><span>Procedure:</span> <span>CT CHEST WO CONTRAST</span> <span>Status:</span> <span>In progress</span></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 66 * 365).toBe(true);
    expect(a.modality).toBe('CT');
  });

  test('worklist column "Age/Sex": "7 M" is a 7-year-old boy, "88 M" an old man, "0 M" a newborn, "14 mo F" months', () => {
    const a = read(`<table><tr><th>Patient</th><th>Age/Sex</th><th>Mod</th><th>Procedure</th><th>Study Date</th></tr>
      <tr><td>DUNN, OWEN</td><td>7 M</td><td>CT</td><td>CT HEAD WO</td><td>2026-12-07</td></tr>
      <tr><td>REID, ALF</td><td>88 M</td><td>CT</td><td>CT CHEST WO</td><td>2026-12-07</td></tr>
      <tr><td>LUND, PIA</td><td>14 mo F</td><td>RF</td><td>FL UGI</td><td>2026-12-07</td></tr>
      <tr><td>COLE, BABY BOY</td><td>0 M</td><td>DX</td><td>XR CHEST 1V</td><td>2026-12-07</td></tr>
      <tr><td>VOSS, INA</td><td>45 F</td><td>DX</td><td>XR KNEE 2V</td><td>2026-12-07</td></tr></table>`);
    expect(a.records.map((r) => r.ageDays)).toEqual([2556, 32142, 426, 0, 16436]);
    expect(pediatricIonizing(a)).toBe(3);
  });

  test('Spanish column "Edad/Sexo": "9 F" is nine years', () => {
    const a = read(`<table><tr><th>Paciente</th><th>Edad/Sexo</th><th>Estudio</th><th>Fecha</th></tr>
      <tr><td>RUIZ, Ana</td><td>9 F</td><td>RX tórax</td><td>07/12/2026</td></tr>
      <tr><td>GIL, Luis</td><td>71 M</td><td>TC abdomen</td><td>07/12/2026</td></tr></table>`);
    expect(a.records.map((r) => r.ageDays)).toEqual([3287, 25932]);
  });

  test('negative: an "Age" column alone keeps its units ("7 m" stays months)', () => {
    const a = read(`<table><tr><th>Patient</th><th>Age</th><th>Procedure</th><th>Study Date</th></tr>
      <tr><td>DUNN, OWEN</td><td>7 m</td><td>XR CHEST 2V</td><td>2026-12-07</td></tr>
      <tr><td>REID, ALF</td><td>3 y</td><td>XR CHEST 2V</td><td>2026-12-07</td></tr></table>`);
    expect(a.records.map((r) => r.ageDays)).toEqual([213, 1095]);
  });
});
