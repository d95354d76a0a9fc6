/**
 * A reason's label names the reason, whatever it calls the exam ("Reason for test:", "Reason for scan:", "Reason for
 * referral:"): the earlier exams its sentence tells are history, not the exam the page asks for (layouts written for the
 * test). The last word of such a label is not a label of its own ("test", "imaging").
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';
import { fieldClass } from '../../../content/read/generic/fields';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://hospital.example.org/forms/31', { now: NOW });
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort()];

describe('a reason label is free text', () => {
  test.each(['Reason for test', 'Reason for scan', 'Reason for imaging', 'Reason for referral', 'Reason for request', 'Reason for the test', 'Reason for examination', 'Reason for exam', 'Reason for procedure'])(
    '%j is free text',
    (label) => {
      expect(fieldClass(label)).toBe('freeText');
    },
  );
});

describe('the earlier exams a reason tells are not the exam', () => {
  test('a consent form: a nuclear study in its heading, "Reason for test:" telling an earlier MRI', () => {
    const a = read(`<div>Family name HOLT · Given names Mia · DOB 17/10/2021</div>
      <h2>PARENT CONSENT — DMSA RENAL SCINTIGRAPHY</h2>
      <p>Reason for test: scarring after UTI; ultrasound 06/11/2026 and MRI abdomen 20/11/2026 normal.</p>
      <p>I consent to the procedure above for my child.</p>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine']]);
  });
  test('an acquisition worksheet: the study in its legend, "Reason for imaging:" telling an earlier MRI', () => {
    const a = read(`<div>Patient: Brandt, Ella · DOB 11/06/2021</div>
      <fieldset><legend>Diuretic renogram (MAG3)</legend><div>Injected 07/12/2026 09:10</div>
      <div>Reason for imaging: hydronephrosis; MRI urography 02/11/2026 showed PUJ narrowing.</div></fieldset>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine']]);
  });
  test('a fluoroscopy booking: the study as its title, "Reason for referral:" telling an earlier ultrasound', () => {
    const a = read(`<div>Re: Ana Cruz, DOB 02/02/2025</div>
      <h3>Micturating cystourethrogram</h3>
      <p>Reason for referral: recurrent UTI, dilated left ureter on renal ultrasound 01/11/2026.</p>`);
    expect(exam(a)).toEqual(['RF', ['fluoroscopy']]);
  });
  test('negative: "Examination requested" still names the exam above a reason for scan', () => {
    const a = read(`<div class="pt">Patient: Ross, Leo · 8 yrs · M</div>
      <div class="card"><b>Examination requested</b><div>US abdomen</div>
      <div>Reason for scan: follow-up of liver lesion seen on CT abdomen 02/11/2026.</div></div>`);
    expect(exam(a)).toEqual(['US', []]);
  });
  test('negative: a "Test:" label still names the exam', () => {
    const a = read(`<div>Patient: Ross, Leo · 8 yrs · M</div><p>Test: Bone scan, whole body</p><p>Reason: limp.</p>`);
    expect(exam(a)).toEqual(['NM', ['nuclear-medicine']]);
  });
});
