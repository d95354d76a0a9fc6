/**
 * Tokens that look like a bare age but are not one (layouts written for the test): the dimensions of imaging
 * software ("2D Panoramic", "3D CBCT", "2D/3D", "4D flow") in toolbars, headings, list cells and banners, and the age
 * of a finding ("Bone age: 13 y 6 m"). A bare "3D" in a patient header, beside the sex, is still an age.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://imaging.example.org/app', { now: NOW });

describe('2D, 3D and 4D next to an imaging word are dimensions, not days', () => {
  test('a dental imaging banner in one line: name, chart, "2D Panoramic", date', () => {
    const a = read(`<div class="hdr"><b>Lind, Oskar</b> · Chart 5512 · 2D Panoramic · 12/07/2026</div>
      <div class="canvas"><div class="cap">Panoramic radiograph</div></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a viewer banner of spans: name, "3D CBCT", acquisition date', () => {
    const a = read(`<div class="hdr"><span>Lind, Oskar</span><span>3D CBCT</span><span>12/07/2026</span></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a table of acquisitions whose image column says "3D CBCT" and "2D Pano"', () => {
    const a = read(`<div class="pt">Patient: Lind, Oskar</div>
      <table><tr><th>Patient</th><th>Image</th><th>Date</th></tr>
      <tr><td>Lind, Oskar</td><td>3D CBCT</td><td>12/07/2026</td></tr>
      <tr><td>Lind, Oskar</td><td>2D Pano</td><td>11/02/2026</td></tr></table>`);
    expect(a.ageDays).toBeNull();
    expect(a.pediatric).toBe(false);
  });
  test('a cardiac MR heading "4D flow" and a "2D/3D" toggle beside an adult\'s birth date', () => {
    const a = read(`<nav><span class="tab">2D/3D</span><span class="tab">4D flow</span></nav>
      <header><span class="name">Berg, Ana</span><span class="dob">DOB 1988-04-12</span></header>
      <h1>4D flow MRI heart</h1>`);
    expect([a.pediatric, a.modality]).toEqual([false, 'MR']);
    expect(a.ageDays).toBeGreaterThan(13000);
  });
  test('a bare "3D" beside the sex in a newborn\'s banner is still 3 days', () => {
    const a = read(`<div class="banner"><span>Baby Boy Ruiz</span><span>M</span><span>3D</span><span>MRN 880211</span></div>
      <h2>XR chest portable</h2>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 3, 'DX']);
  });
});

describe('the age of a finding is not the patient\'s age', () => {
  test('a bone age report with the birth date in a definition list', () => {
    const a = read(`<dl><dt>Patient</dt><dd>Moss, Eli</dd><dt>DOB</dt><dd>2016-03-01</dd></dl>
      <h3>XR hand left for bone age</h3><p>Bone age: 13 y 6 m (Greulich and Pyle).</p>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 3933, 'DX']);
  });
  test('a bone age after its label in a sentence, under a banner with no age', () => {
    const a = read(`<div class="hdr"><span>Moss, Eli</span><span>Acc 55123</span></div><h3>XR hand for bone age</h3><p>Bone age: 13 y 6 m.</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a bone age as a label and value of spans', () => {
    const a = read(`<div class="hdr">Patient: Moss, Eli</div><div><span class="k">Exam:</span> <span>XR bone age</span></div>
      <div><span class="k">Bone age:</span> <span>13 years 6 months</span></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
  test('a bone age in a labelled row and no age of the patient anywhere', () => {
    const a = read(`<div class="hdr">Patient: Moss, Eli</div><table><tr><td>Exam</td><td>XR bone age</td></tr>
      <tr><td>Bone age</td><td>13 years 6 months</td></tr><tr><td>Skeletal age</td><td>13 y</td></tr></table>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
});
