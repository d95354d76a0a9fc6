/**
 * An exam named in passing (layouts written for the test) — "Follow-up after CT abdomen", "2-week follow-up with
 * urology after VCUG", "Mother at bedside for VCUG" — is below any order row, labelled field, chosen option or heading
 * that names an exam; and a person with the room or modality they work in ("T. Bakr (MR)", "Tech: J. Ruiz (CT 2)")
 * is staff, never the exam.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/77', { now: NOW });
const header = `<div class="hdr"><span>Patient: Diaz, Mateo</span><span>DOB: 2021-03-14</span></div>`;
const exam = (a: PageAnalysis) => [a.modality, a.campaigns];

describe('a structured exam beats one named in passing', () => {
  test('a task line above a list of order items', () => {
    const a = read(`${header}<div class="task">Follow-up after CT abdomen</div>
      <ul class="orders"><li class="order">Renal ultrasound</li><li class="order">Urinalysis</li></ul>`);
    expect(exam(a)).toEqual(['US', []]);
  });
  test('a comment line above a div order card', () => {
    const a = read(`${header}<div class="comment">2-week follow-up with urology after VCUG</div>
      <div class="order-card"><div class="o-name">US kidneys and bladder</div><div class="o-when">Today 14:30</div></div>
      <div class="order-card"><div class="o-name">Urine culture</div><div class="o-when">Today 14:30</div></div>`);
    expect(exam(a)).toEqual(['US', []]);
  });
  test('negative: the passing mention alone still names the exam when nothing structured does', () => {
    const a = read(`${header}<div class="task">Voiding cystourethrogram after antibiotics course</div>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy']]);
  });
});

describe('staff with a room or modality in brackets are not an exam', () => {
  test.each([
    ['T. Bakr (MR)'],
    ['Tech: J. Ruiz (CT 2)'],
    ['Bakr, Tariq (MR 1)'],
    ['Assigned to Lena Holm (XR)'],
  ])('%s beside a banner, nothing else', (staff) => {
    const a = read(`${header}<div class="team"><span>${staff}</span></div><div>Status: checked in</div>`);
    expect(exam(a)).toEqual([null, []]);
  });
  test('an exam in brackets after its own name is still one: "Renal US (US 1)"', () => {
    const a = read(`${header}<div class="sched"><span>09:30</span><span>Renal US (US 1)</span></div>`);
    expect(a.modality).toBe('US');
  });
});
