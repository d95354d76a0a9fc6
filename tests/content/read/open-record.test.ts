/**
 * One patient at a time on pages made of lists: the expanded row of a study list (and the details under it) is the
 * open record; the selected report of a chart's Reports tab names the exam, its report text (often a `<pre>` block)
 * says which; an Orders tab's pending/active imaging order is the exam, the chart header's patient is the patient.
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const URL_ = 'https://share.example.org/app/studies';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}

const STUDY_TABLE = (expanded: boolean) => `<h2>Studies</h2>
  <table class="studies"><thead><tr><th></th><th>Patient</th><th>Study Date</th><th>Description</th><th>Modality</th></tr></thead><tbody>
  <tr><td>▸</td><td>Moss, Ben</td><td>2026-11-19</td><td>CT HEAD WO CONTRAST</td><td>CT</td></tr>
  <tr${expanded ? ' aria-expanded="true" class="expanded"' : ''}><td>${expanded ? '▾' : '▸'}</td><td>Quinn, Ada</td><td>2026-11-20</td><td>FLUORO UPPER GI SERIES</td><td>RF</td></tr>
  ${expanded ? `<tr class="details"><td colspan="5"><div><span>Patient ID: 4471902</span> <span>DOB: 2019-05-02</span> <span>Sex: F</span></div>
    <div class="sub">Prior studies</div><ul><li>2025-03-01 CT ABDOMEN PELVIS W CONTRAST</li><li>2024-08-12 US ABDOMEN</li></ul></td></tr>` : ''}
  <tr><td>▸</td><td>Reyes, Tom</td><td>2026-11-18</td><td>XR CHEST 2 VIEWS</td><td>DX</td></tr></tbody></table>`;

describe('the expanded row of a study list is the open record', () => {
  test('table: the row with aria-expanded and its details row (DOB, priors) — the exam is the row\'s, not a prior', () => {
    const a = read(STUDY_TABLE(true));
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('RF');
    expect(a.campaigns).toEqual(['fluoroscopy']);
    expect(a.ageDays).toBe(2759); // 2019-05-02 → 2026-11-20 (study date)
  });

  test('the same list with no row expanded: nobody\'s exam', () => {
    const a = read(STUDY_TABLE(false));
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });

  test('div rows, Spanish: the expanded row (aria-expanded) and its detail panel right under it', () => {
    const a = read(`<div class="lista-estudios">
      <div class="est-row" role="row" aria-expanded="false"><span>▸</span><span>PONS RUIZ, Marta</span><span>20/11/2026</span><span>TC de tórax</span></div>
      <div class="est-row" role="row" aria-expanded="true"><span>▾</span><span>GIL SANZ, Hugo</span><span>20/11/2026</span><span>Radiografía de tórax PA y lateral</span></div>
      <div class="est-detalle"><div><span class="k">NHC</span> <span>0082211</span></div><div><span class="k">Fecha de nacimiento</span> <span>14/03/2021</span></div>
        <div><span class="k">Estudios anteriores</span></div><div>TC craneal 02/02/2024</div></div>
      <div class="est-row" role="row" aria-expanded="false"><span>▸</span><span>VIDAL ROS, Ana</span><span>20/11/2026</span><span>RM rodilla</span></div>
    </div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('DX');
    expect(a.ageDays! > 5 * 365 && a.ageDays! < 6 * 365).toBe(true);
  });

  test('an adult in the expanded row stays adult; the child in a collapsed row is not the record', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>DOB</th><th>Study Date</th><th>Description</th></tr></thead><tbody>
      <tr><td>Lund, Kai</td><td>2018-02-01</td><td>2026-11-20</td><td>CT ABDOMEN</td></tr>
      <tr aria-expanded="true"><td>Berg, Ola</td><td>1961-07-14</td><td>2026-11-20</td><td>CT CHEST WO</td></tr>
      <tr><td colspan="4">Accession A-22910 · Referring Dr. Holt · Prior: XR CHEST 2024-05-05</td></tr>
      <tr><td>Falk, Ida</td><td>2017-01-09</td><td>2026-11-19</td><td>XR WRIST</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 60 * 365).toBe(true);
    expect(a.modality).toBe('CT');
  });
});
