/**
 * A document's signature dates are the document's, like a printed date (layouts written for the test): "Electronically
 * signed by … on …", "Signed", "Authenticated", "Dictated"/"Transcribed", "Firmado por …" never give the reference
 * date. A child's inpatient document with no exam is aged at the admission (visit) date; a report's exam date stays the
 * reference; an order's own date is its order date even when the order was signed later.
 * Patient born 2016-03-14; today is 2026-12-07.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>Document</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/doc/5521', { now: NOW });
/** Days from 2016-03-14 to the reference date. */
const AT = { '2026-12-01': 3914, '2026-12-02': 3915, '2026-12-03': 3916, '2026-12-06': 3919, '2026-12-07': 3920 } as const;
const got = (a: PageAnalysis) => [a.ageBasis, a.ageDays, a.modality];

describe('a signature date is not the reference', () => {
  test('a discharge summary (label cells, sections): aged at admission, not at "Electronically signed by … on"', () => {
    const a = read(`<h1>Discharge Summary</h1>
      <div class="hdr"><span>Patient: MOSS, Ada</span> <span>MRN: 4410982</span> <span>DOB: 03/14/2016</span> <span>F</span></div>
      <table class="meta"><tr><td>Admission Date:</td><td>12/01/2026</td><td>Discharge Date:</td><td>12/04/2026</td></tr>
      <tr><td>Attending:</td><td>Kwame Osei, MD</td><td>Service:</td><td>Pediatric Hospital Medicine</td></tr></table>
      <h3>Hospital Course</h3><p>Admitted with right lower lobe pneumonia, treated with IV ampicillin then oral amoxicillin. Afebrile for 48 hours before discharge.</p>
      <h3>Discharge Medications</h3><ul><li>Amoxicillin 45 mg/kg/dose PO BID for 5 days</li></ul>
      <p class="sig">Electronically signed by Kwame Osei, MD on 12/06/2026 at 14:22</p>`);
    expect(got(a)).toEqual(['visit', AT['2026-12-01'], null]);
  });
  test('a progress note as a definition list: "Signed", "Authenticated", "Dictated", "Transcribed" after the admit date', () => {
    const a = read(`<div class="note"><dl><dt>Patient</dt><dd>Moss, Ada</dd><dt>DOB</dt><dd>03/14/2016</dd><dt>Admit date</dt><dd>12/01/2026</dd><dt>Location</dt><dd>4 West, Bed 12</dd></dl>
      <h4>Progress Note — Hospital Day 3</h4><p>Improving, tolerating diet. Continue current plan.</p>
      <dl class="footer"><dt>Dictated</dt><dd>12/03/2026 08:10</dd><dt>Transcribed</dt><dd>12/03/2026 11:42</dd><dt>Authenticated</dt><dd>12/06/2026 09:15</dd><dt>Signed</dt><dd>12/06/2026</dd></dl></div>`);
    expect(got(a)).toEqual(['visit', AT['2026-12-01'], null]);
  });
  test('Spanish: "Firmado electrónicamente por … el 06/12/2026" after "Fecha de ingreso"', () => {
    const a = read(`<h1>Informe de alta</h1><table><tr><td>Paciente:</td><td>MOSS GIL, Ada</td><td>F. nac.:</td><td>14/03/2016</td><td>NHC:</td><td>4410982</td></tr>
      <tr><td>Fecha de ingreso:</td><td>01/12/2026</td><td>Fecha de alta:</td><td>04/12/2026</td></tr></table><h3>Evolución</h3><p>Neumonía basal derecha con buena evolución.</p>
      <p>Firmado electrónicamente por Dra. L. Serra el 06/12/2026 a las 14:22</p>`, 'es');
    expect(got(a)).toEqual(['visit', AT['2026-12-01'], null]);
    const b = read(`<div class="cab"><span>Paciente: MOSS GIL, Ada</span> <span>F. nac.: 14/03/2016</span></div><p>Estudio: Rx de tórax PA</p>
      <p>Fecha de solicitud: 02/12/2026</p><p>Validado por: Dr. P. Ruiz, 06/12/2026</p>`, 'es');
    expect(got(b)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test('an order signed after it was placed: the order date; the signature line is not the order', () => {
    const a = read(`<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span></div>
      <h2>Order Details</h2><div class="kv"><span class="k">Procedure</span><span>XR CHEST 2 VIEWS</span></div>
      <div class="kv"><span class="k">Order date</span><span>12/02/2026</span></div><div class="kv"><span class="k">Priority</span><span>Routine</span></div>
      <p class="audit">Electronically signed by Kwame Osei, MD on 12/06/2026 14:22</p>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test('a radiology report: the exam date, not the dictated or signed dates', () => {
    const a = read(`<pre>
PATIENT: MOSS, ADA          MRN: 4410982        DOB: 03/14/2016
EXAM: XR CHEST 2 VIEWS      EXAM DATE: 12/02/2026
FINDINGS: Right lower lobe opacity.
Dictated by: R. Patel, MD   Dictated: 12/03/2026 07:55
Signed by: R. Patel, MD     Signed: 12/03/2026 08:20
</pre>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-02'], 'DX']);
  });
});

describe('what a signature is not', () => {
  test('an exam-less note whose only date is the signature: aged today, no exam read from the signer\'s credentials', () => {
    const a = read(`<div class="hdr"><span>Patient: Moss, Ada</span> <span>DOB: 03/14/2016</span></div>
      <h3>Telephone encounter</h3><p>Mother called about a rash; advised to use emollients.</p>
      <p>Electronically signed by Jane Park, RT(R)(CT) on 12/06/2026</p>`);
    expect([a.ageBasis, a.ageDays, a.modality, a.campaigns]).toEqual(['today', AT['2026-12-07'], null, []]);
  });
});
