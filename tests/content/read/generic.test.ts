/**
 * The generic reader (content/read/generic/), class by class, each on several minimal layouts written for the
 * test (none is a corpus page): the patient header whatever its markup, ages with and without labels, dates by
 * role, the exam wherever it is named, one patient at a time, and how sure the reading is.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const URL_ = 'https://ehr.example.org/app/screen';

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), URL_, { now: NOW, ...options });
}
const core = (a: PageAnalysis) => [a.profileId, a.pediatric, a.ageDays, a.modality];

describe('the patient header, whatever its markup', () => {
  test('a storyboard of divs: name, "6 y.o. M", MRN; the exam in a heading', () => {
    const a = read(`<div class="sb"><div class="nm">Brook, Milo</div><div>6 y.o. M</div><div>MRN: 00482913</div></div>
      <div class="main"><div class="title">CT HEAD WO CONTRAST</div><div>Priority: STAT</div></div>`);
    expect(core(a)).toEqual(['generic', true, 2191, 'CT']);
    expect(a.ageUnsure).toBeFalsy();
  });
  test('a bar of spans without labels: name, personal number, sex, "7 years"', () => {
    const a = read(`<div class="bar"><span>Holm, Liv</span><span>20190602-2386</span><span>Female</span><span>7 years</span></div>
      <div><h2>Examination</h2><p><span class="k">Examination</span> <span>CT head without contrast</span></p></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('CT');
  });
  test('labels styled by CSS classes: <div class="cap">Age</div><div class="val">…</div>', () => {
    const a = read(`<div class="hdr"><div class="cell"><div class="cap">Patient</div><div class="val">Roe, Ana</div></div>
      <div class="cell"><div class="cap">Age</div><div class="val">6 wks 2 days</div></div>
      <div class="cell"><div class="cap">Sex</div><div class="val">F</div></div></div>
      <div><span class="k">Procedure</span><span>UPPER GI SERIES</span></div>`);
    expect(core(a)).toEqual(['generic', true, 44, 'RF']);
  });
  test('a grid of small uppercase labels, then the values in the same order', () => {
    const a = read(`<div class="card"><div>PATIENT</div><div>MRN</div><div>AGE</div><div>SEX</div>
      <div>SOUZA, BABY GIRL</div><div>00530022</div><div>6 wks 2 days</div><div>F</div></div>
      <p>Exam: VCUG</p>`);
    expect(core(a)).toEqual(['generic', true, 44, 'RF']);
  });
  test('labels in one row, values in the row below (div rows)', () => {
    const a = read(`<div class="r"><div>NAME</div><div>AGE</div><div>DOB</div></div>
      <div class="r"><div>Doe, Kim</div><div>10</div><div>08/09/2016</div></div>
      <p>Requested exam: XR CHEST 2 VIEWS</p><p>Appointment: 12/16/2026</p>`);
    expect([a.pediatric, a.ageBasis, a.modality]).toEqual([true, 'scheduled', 'DX']);
    expect(a.ageDays).toBe(3781); // 2016-08-09 → 2026-12-16
  });
  test('a print layout: one table row of "Label: value" cells', () => {
    const a = read(`<table><tr><td>Name: DOE, KIM</td><td>DOB: 2016-08-09</td><td>Sex: F</td></tr>
      <tr><td colspan="3">Exam requested: CT ABDOMEN PELVIS W CONTRAST</td></tr></table>`);
    expect(core(a)).toEqual(['generic', true, 3755, 'CT']);
  });
});

describe('ages with and without a label', () => {
  test('an age–sex pair in the header: "12Y / M", "M 9Y", "F 3y 7m"', () => {
    for (const [age, days] of [['12Y / M', 4383], ['M 9Y', 3287], ['F 3y 7m', 1308]] as const) {
      const a = read(`<div class="ban"><span class="n">KOVACS, ILONA</span><span class="a">${age}</span><span>PRN 77458</span></div><h3>XR ANKLE LEFT 3 VIEWS</h3>`);
      expect([a.pediatric, a.ageDays], age).toEqual([true, days]);
    }
  });
  test('Spanish: "Edad: 3 años 2 meses", "7 años" beside a name', () => {
    expect(read('<p>Paciente: GARCÍA, LUCÍA</p><p>Edad: 3 años 2 meses</p><p>Estudio: ESOFAGOGRAMA</p>').ageDays).toBe(1156);
    expect(read('<div><b>RUIZ, PABLO</b> · NHC 00123456 · 7 años</div><h2>TC CRANEAL SIN CONTRASTE</h2>').ageDays).toBe(2556);
  });
  test('durations and a relative\'s age beside the patient\'s are not read as the patient\'s', () => {
    const a = read(`<div class="ban"><span>LEE, SAM</span><span>MRN 5512345</span><span>Age: 45 years</span></div>
      <div><span class="k">Reason</span><span>cough for 2 weeks; daughter 6 y/o with similar symptoms</span></div><h2>CT CHEST W CONTRAST</h2>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, 16436]);
  });
  test('a plain "7 years" outside any header is not an age', () => {
    const a = read('<p>Follow-up CT chest in 7 years if stable.</p><h2>CT CHEST</h2>');
    expect(a.profileId).toBeNull();
  });
});

describe('dates by role', () => {
  const header = '<div class="ban"><span>DOE, KIM</span><span>MRN 0099123</span><span>DOB: 01/15/2016</span></div>';
  test('exam > scheduled > order > visit; prior and printed dates are never the reference', () => {
    const a = read(`${header}<p>Printed: 12/30/2026</p><p>Prior exam: 03/01/2026</p><p>Ordered: 11/19/2026</p>
      <p>Scheduled: 12/03/2026</p><h2>CT HEAD</h2>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 3975]); // 2016-01-15 → 2026-12-03
    const b = read(`${header}<p>Visit date: 11/02/2026</p><p>Order date: 11/19/2026</p><h2>CT HEAD</h2>`);
    expect(b.ageBasis).toBe('order');
    const c = read(`${header}<p>Visit date: 11/02/2026</p><h2>CT HEAD</h2>`);
    expect(c.ageBasis).toBe('visit');
    expect(c.evidence.find((e) => e.kind === 'age' && e.note?.startsWith('used'))?.note).toContain('exam > scheduled > order > visit > today');
  });
  test('day/month order from an unambiguous date on the same page, over the site setting', () => {
    const page = (dob: string) => `<div><span>ROE, ANA</span> <span>NHC 123456</span> <span>F. Nac.: ${dob}</span></div>
      <p>Fecha programada: 25/11/2026</p><h2>ESOFAGOGRAMA</h2>`;
    const a = read(page('12/09/2023'), { dateOrder: 'MDY' });
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 1170]); // 2023-09-12 → 2026-11-25
  });
  test('with no unambiguous date, a date that reads both ways waits for the setting', () => {
    const page = `${header.replace('01/15/2016', '03/04/2016')}<p>Ordered: 11/10/2026</p><h2>CT HEAD</h2>`;
    expect(read(page).ageDays).toBeNull();
    expect(read(page, { dateOrder: 'MDY' }).ageDays).toBe(3903); // 2016-03-04 → 2026-11-10
  });
});

describe('the exam, wherever it is named', () => {
  const header = '<div class="ban"><span>DOE, KIM</span><span>MRN 0099123</span><span>8 y.o. F</span></div>';
  test('the chosen option of a select, not the other options', () => {
    const a = read(`${header}<label for="p">Imaging procedure</label><select id="p"><option>MR BRAIN</option>
      <option selected>CT ABDOMEN WITH CONTRAST</option><option>XR CHEST</option></select>`);
    expect(a.modality).toBe('CT');
  });
  test('the selected row of a worklist, not the other rows', () => {
    const a = read(`${header}<table><thead><tr><th>Time</th><th>Procedure</th><th>Status</th></tr></thead><tbody>
      <tr><td>08:00</td><td>US ABDOMEN</td><td>Arrived</td></tr>
      <tr aria-selected="true"><td>08:30</td><td>VCUG</td><td>Arrived</td></tr>
      <tr><td>09:00</td><td>MR BRAIN</td><td>Booked</td></tr></tbody></table>`);
    expect(a.modality).toBe('RF');
  });
  test('the order still to be done, not the completed one; a selected div row wins', () => {
    const a = read(`${header}<table><tr><th>Order</th><th>Status</th><th>Date</th></tr>
      <tr><td>XR CHEST 2 VIEWS</td><td>Completed</td><td>10/02/2026</td></tr>
      <tr><td>FL ESOPHAGRAM</td><td>Ordered</td><td>11/20/2026</td></tr></table>`);
    expect(a.modality).toBe('RF');
    const b = read(`${header}<div class="list"><div class="item"><span>☐</span><span>SPUTUM CULTURE</span></div>
      <div class="item sel"><span>☑</span><span>CT CHEST W/CONTRAST</span><span>Service Date 12/11/2026</span></div></div>`);
    expect([b.modality, b.ageBasis]).toEqual(['CT', 'today']);
  });
  test('a heading names the exam; earlier exams and conditional wording do not', () => {
    const a = read(`${header}<h1>US APPENDIX</h1><p>Plan: CT only if US is non-diagnostic.</p>
      <h3>Recent imaging</h3><div>CT HEAD WO CONTRAST 03/18/2026</div>`);
    expect([a.modality, a.campaigns]).toEqual(['US', []]);
  });
  test('fluoroscopy studies by name, IR with fluoroscopic guidance, NM agents, dental codes', () => {
    expect(read(`${header}<h2>Contrast enema (water-soluble)</h2>`).campaigns).toEqual(['fluoroscopy']);
    expect(new Set(read(`${header}<h2>IR Gastrostomy tube placement (fluoroscopic guidance)</h2>`).campaigns)).toEqual(new Set(['interventional', 'fluoroscopy']));
    expect(read(`${header}<h2>NM renal scan Tc-99m DMSA</h2>`).modality).toBe('NM');
    expect(read(`${header}<table><tr><th>Code</th><th>Procedure</th><th>Status</th></tr><tr><td>D0330</td><td>Panoramic radiographic image</td><td>TP</td></tr></table>`).modality).toBe('PX');
    const cbct = read(`${header}<table><tr><th>Procedure</th><th>Status</th></tr><tr><td>D0364 Cone beam CT, limited field</td><td>Scheduled</td></tr></table>`);
    expect([cbct.modality, new Set(cbct.campaigns)]).toEqual(['CT', new Set(['dental', 'ct'])]);
  });
});

describe('one patient at a time', () => {
  test('a list of other patients (each with an age) is not the patient', () => {
    const a = read(`<div class="ban"><span>DOE, KIM</span><span>MRN 0099123</span><span>Age: 34 years</span></div>
      <div class="side"><div class="row"><span>ROE, AL</span><span>6 y.o. M</span></div><div class="row"><span>POE, ED</span><span>4 y.o. F</span></div></div>
      <h2>CT HEAD WO CONTRAST</h2>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, 12418]);
  });
  test('in a list of patients, the selected row is the open record', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>Age</th><th>Exam</th></tr></thead><tbody>
      <tr><td>ROE, AL</td><td>54 y</td><td>BARIUM SWALLOW</td></tr>
      <tr class="selected"><td>POE, ED</td><td>3 y</td><td>VCUG</td></tr>
      <tr><td>LOE, BO</td><td>41 y</td><td>HSG</td></tr></tbody></table>`);
    expect([a.pediatric, a.modality]).toEqual([true, 'RF']);
  });
  test('in a long list of patients, the selected row far down is the open record, however it is marked', () => {
    const list = (mark: string) => {
      let rows = '';
      for (let i = 0; i < 200; i++) {
        rows += i === 150 ? `<tr ${mark}><td>POE, ED</td><td>3 y</td><td>VCUG</td></tr>` : `<tr class="odd"><td>ROE ${i}</td><td>54 y</td><td>BARIUM SWALLOW</td></tr>`;
      }
      return read(`<table><thead><tr><th>Patient</th><th>Age</th><th>Exam</th></tr></thead><tbody>${rows}</tbody></table>`);
    };
    for (const mark of ['aria-selected="true"', 'aria-current="page"', 'class="row selected"', 'class="is-active"', 'class="odd\tsel"']) {
      const a = list(mark);
      expect([mark, a.pediatric, a.modality]).toEqual([mark, true, 'RF']);
    }
    for (const mark of ['aria-selected="false"', 'aria-current="false"', 'class="unselected"', 'class="selected-by-default"', 'data-selected="true"']) {
      expect([mark, list(mark).pediatric]).toEqual([mark, false]);
    }
  });
  test('in a long list with a table nested in its rows, or an element that is not a row in its body, the selected row far down is still found', () => {
    const page = (nested: boolean) => {
      let rows = '';
      for (let i = 0; i < 200; i++) {
        const extra = nested && i === 90 ? '<table><tr><td>alias</td></tr></table>' : '';
        rows += i === 150 ? `<tr class="selected"><td>POE, ED</td><td>3 y</td><td>VCUG</td></tr>` : `<tr><td>ROE ${i}${extra}</td><td>54 y</td><td>BARIUM SWALLOW</td></tr>`;
      }
      return parseHtml(`<!doctype html><html><body><table><thead><tr><th>Patient</th><th>Age</th><th>Exam</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
    };
    const analyze = (doc: Document) => analyzePage(doc, URL_, { now: NOW });
    const nested = analyze(page(true));
    expect([nested.pediatric, nested.modality]).toEqual([true, 'RF']);
    const doc = page(false);
    const body = doc.querySelector('tbody')!;
    body.insertBefore(doc.createElement('div'), body.children[60]!);
    const stray = analyze(doc);
    expect([stray.pediatric, stray.modality]).toEqual([true, 'RF']);
  });
  test('a mother\'s chart that lists her newborn is the mother\'s', () => {
    const a = read(`<div class="bar"><span>HALL, INGRID</span> <span>Age:</span> <span>33 years</span> <span>MRN:</span> <span>1877209</span></div>
      <h3>Delivery summary</h3><table><tr><td>Baby</td><td>Birth Date</td><td>Age</td></tr>
      <tr><td>Baby Boy Hall (MRN 2302118)</td><td>11/18/2026</td><td>2 days</td></tr></table>
      <h3>Orders</h3><div>XR Chest 1 View Portable</div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, 12053]);
  });
  test('relatives\' fields and contact sections are someone else\'s', () => {
    const a = read(`<div class="ban"><span>SOUZA, BABY</span><span>MRN 00530022</span></div>
      <div><span class="k">Mother</span><span>Souza, Ana — 31 yo</span></div><h3>Contacts</h3><div>Guardian 38 years</div><h2>UGI</h2>`);
    expect(a.ageDays).toBeNull();
  });
});

describe('how sure the reading is', () => {
  test('an unlabelled age with no patient header is unsure', () => {
    const a = read('<div class="x">5 y.o.</div><h2>CT HEAD</h2>');
    expect([a.pediatric, a.ageUnsure]).toEqual([true, true]);
    expect(a.evidence.find((e) => e.kind === 'age')?.note).toMatch(/unsure/);
  });
  test('a label or a header makes it sure', () => {
    expect(read('<p>Age: 5</p><h2>CT HEAD</h2>').ageUnsure).toBeFalsy();
    expect(read('<div><span>DOE, KIM</span> <span>5 y.o.</span></div><h2>CT HEAD</h2>').ageUnsure).toBeFalsy();
  });
  test('a news article about a child is not a patient page', () => {
    const a = read('<article><h1>Child-sized CT</h1><p>A 6-year-old girl who fell was brought in; her doctors ordered a CT head, PEDS protocol.</p></article>');
    expect([a.profileId, a.pediatric]).toEqual([null, false]);
  });
  test('hidden parts, sidebars and closed sections are not read', () => {
    const a = read(`<style>.drawer{display:none}</style><div class="drawer"><div>ROE, AL · 6 y.o. M</div></div>
      <aside><p>DOE, KIM · 4 y.o. F</p></aside><details><summary>Older</summary><p>POE, ED · 2 y.o. M</p></details>
      <div hidden>LOE, BO · 7 y.o. F</div><h2>CT HEAD</h2>`);
    expect(a.profileId).toBeNull();
  });
});
