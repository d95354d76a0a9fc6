/**
 * Forms and printed layouts (written for the test): label/value pairs laid out across a table or a row of divs
 * (the first pair is not a header of columns), and check boxes (the ticked exam is the exam; unticked ones are not).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://ris.example.org/request/view', { now: NOW });

describe('label/value pairs across', () => {
  test('a two-column table: th labels, td values; the exam date in the same table', () => {
    const a = read(`<table><tr><th>Patient name</th><td>Vance, Eli</td></tr><tr><th>Birth date</th><td>2015-04-12</td></tr>
      <tr><th>Study date</th><td>2026-11-10</td></tr><tr><th>Study description</th><td>CT ABDOMEN W CONTRAST</td></tr></table>`);
    expect([a.pediatric, a.ageDays, a.ageBasis, a.modality]).toEqual([true, 4230, 'exam', 'CT']);
  });
  test('two pairs a row, td only', () => {
    const a = read(`<table class="f"><tr><td>Name</td><td>Pike, Lou</td><td>Sex</td><td>M</td></tr>
      <tr><td>DOB</td><td>03/22/2019</td><td>MRN</td><td>4410982</td></tr></table><p>Examination: XR forearm left 2 views</p>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 2800, 'DX']);
  });
  test('rows of div pairs with CSS-class labels', () => {
    const a = read(`<div class="info"><div class="r"><span class="k">Name</span><span class="v">Amara, Zed</span></div>
      <div class="r"><span class="k">Age</span><span class="v">7</span></div></div><p>Exam: CT head without contrast</p>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 2556, 'CT']);
  });
});

describe('check boxes: the ticked exam', () => {
  const header = '<div class="hdr"><span>Patient: Ruiz, Ana</span><span>Age: 9</span></div>';
  test('box glyphs: only the ticked line is the exam', () => {
    const a = read(`${header}<div class="sec"><div class="h">Exam</div><div>☐ XR chest 2 views</div><div>☐ US abdomen</div><div>☒ VCUG</div><div>☐ MRI spine</div></div>`);
    expect([a.modality, a.campaigns]).toEqual(['RF', ['fluoroscopy']]);
  });
  test('bracket boxes in a printed list', () => {
    const a = read(`${header}<p>Requested:</p><ul><li>[ ] CT head</li><li>[x] US renal</li><li>[ ] XR KUB</li></ul>`);
    expect([a.modality, a.campaigns]).toEqual(['US', []]);
  });
});
