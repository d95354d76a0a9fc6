/**
 * The generic reader on the classes of page it used to get wrong, each on two or more minimal layouts written for
 * the test (none is a corpus page): an age in a patient's history is not the age today; a list of patients, or a
 * page with no patient, is nobody's exam; US- and MR-guided procedures are not fluoroscopy; a section of earlier
 * exams titled by a plain block; dental wording needs whole words.
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

describe('an age in the history is not the age today', () => {
  test('"repaired at age 8 months" in the history of an adult with a DOB: adult', () => {
    const a = read(`<div class="banner"><span>Kowalski, Adam</span><span>MRN 55102934</span><span>DOB: 03/14/1988</span></div>
      <div><b>Exam:</b> CTA chest</div>
      <div class="hx">History: tetralogy of Fallot, repaired at age 8 months; now dyspnea.</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 18 * 365).toBe(true);
  });
  test('"Hx: PDA ligation age 8 months" in a clinical note table row, adult DOB in a dl', () => {
    const a = read(`<dl><dt>Name</dt><dd>Brandt, Eva</dd><dt>Date of birth</dt><dd>1979-06-02</dd></dl>
      <table><tr><th>Procedure</th><td>CT angiogram coronary arteries</td></tr>
      <tr><th>Clinical history</th><td>PDA ligation age 8 months. Chest pain.</td></tr></table>`);
    expect(a.pediatric).toBe(false);
  });
  test('Spanish: "intervenido a los 8 meses" is not the age', () => {
    const a = read(`<div><span>RUIZ PONCE, Marta</span><span>NHC 0912345</span><span>F. Nac. 12/05/1980</span></div>
      <div><span class="et">Estudio</span> <span>Angio-TC de aorta</span></div>
      <p>Antecedentes: coartación de aorta intervenida a los 8 meses de edad.</p>`);
    expect(a.pediatric).toBe(false);
  });
});

describe('a birth date of the patient wins over an age nothing ties to the patient', () => {
  test('an adult DOB in a banner, a "3 y.o." in a line of the chart', () => {
    const a = read(`<div class="b"><span>Ames, Rita</span> <span>DOB: 1990-04-02</span></div>
      <div><span>Procedure:</span> <span>XR chest 2 views</span></div><div>Former NICU graduate, admitted as a 3 y.o. with croup</div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 36 * 365).toBe(true);
  });
  test('a table of demographics with the DOB, a "5 mo / F" in the referral line', () => {
    const a = read(`<table><tr><th>Name</th><td>Lind, Eva</td></tr><tr><th>Birth date</th><td>03/22/1985</td></tr></table>
      <p>Referral: seen 5 mo / F in 1985 for hip dysplasia; now CT pelvis</p><div><b>Exam</b> <span>CT pelvis without contrast</span></div>`);
    expect(a.pediatric).toBe(false);
  });
});

describe('a page of many patients, or of none, is nobody\'s exam', () => {
  test('a board of case cards, each with an age/sex pair, no card open', () => {
    const a = read(`<h1>Cath lab — today</h1><div class="board">
      <div class="c"><div class="t">Lab 1 · 08:00</div><div>Ibsen, Tor</div><div>4 mo · M</div><div>Diagnostic cardiac catheterization</div></div>
      <div class="c"><div class="t">Lab 1 · 10:30</div><div>Yates, Pia</div><div>15 y · F</div><div>EP study and ablation</div></div>
      <div class="c"><div class="t">Lab 2 · 09:00</div><div>Olsen, Rolf</div><div>67 y · M</div><div>PCI left anterior descending</div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });
  test('a schedule list of people with compact ages, no row selected', () => {
    const a = read(`<ul class="sched"><li><span>09:00</span> <span>Dahl, Ida</span> <span>6 y.o. F</span> <span>VCUG</span></li>
      <li><span>09:30</span> <span>Berg, Ola</span> <span>45 y.o. M</span> <span>Barium swallow</span></li>
      <li><span>10:00</span> <span>Lund, Kai</span> <span>9 y.o. M</span> <span>Upper GI series</span></li></ul>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });
  test('release notes: "Age:" followed by a sentence is not a patient\'s age', () => {
    const a = read(`<h1>What's new in 24.3</h1><ul><li><b>Growth charts</b> now cover ages 2 to 20 years.</li>
      <li>Age: 6 months is shown as 0 years on some printed forms — fix scheduled.</li><li>CT and X-ray order names were updated.</li></ul>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays).toBeNull();
  });
  test('a study list with pediatric protocol names and no ages, nothing selected', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>MRN</th><th>Study Date</th><th>Description</th><th>Modality</th></tr></thead><tbody>
      <tr><td>Moe, Lin</td><td>7731002</td><td>2026-11-20</td><td>CT HEAD PEDS WO CONTRAST</td><td>CT</td></tr>
      <tr><td>Fry, Al</td><td>7731003</td><td>2026-11-20</td><td>MR BRAIN PEDS</td><td>MR</td></tr>
      <tr><td>Nix, Bo</td><td>7731004</td><td>2026-11-19</td><td>XR CHEST 2 VIEWS</td><td>DX</td></tr></tbody></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });
});

describe('US- and MR-guided procedures are not fluoroscopy', () => {
  test('Spanish: "Biopsia renal guiada por ecografía" under a "Prestación" label, prior X-ray in a titled block', () => {
    const a = read(`<div><span>LARA GIL, Iker</span><span>NHC 0402299</span><span>10 años</span><span>F. Nac. 05/03/2016</span></div>
      <div class="f"><span class="et">Prestación</span><span>Biopsia renal percutánea guiada por ecografía</span></div>
      <div class="sub">Exploraciones anteriores</div><div>20/10/2026 Ecografía renal · 15/03/2026 Rx tórax PA y lateral</div>`);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });
  test('"MRI-guided" and "ultrasound-guided" procedures in an order row', () => {
    for (const exam of ['Ultrasound-guided liver biopsy', 'MRI-guided breast biopsy', 'US guided PICC placement']) {
      const a = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
        <table><tr><th>Order</th><th>Status</th></tr><tr><td>${exam}</td><td>Active</td></tr></table>`);
      expect(a.campaigns, exam).toEqual([]);
    }
  });
  test('the guidance in its own field: a "Guidance" column of a case schedule, the row\'s procedure naming none', () => {
    const a = read(`<table><tr><th>Time</th><th>Patient</th><th>Age/Sex</th><th>Procedure</th><th>Guidance</th></tr>
      <tr aria-selected="true"><td>08:30</td><td>Moe, Ida</td><td>9Y / F</td><td>Renal biopsy, native kidney</td><td>Ultrasound</td></tr>
      <tr><td>10:00</td><td>Lee, Al</td><td>14Y / M</td><td>Tunneled CVC placement</td><td>Fluoro</td></tr></table>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'US', []]);
  });
  test('the guidance in its own field: labelled values ("Imaging guidance: MRI", Spanish "Guía: ecografía")', () => {
    const en = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
      <div><span class="k">Procedure</span><span>Bone biopsy, left femur</span></div><div><span class="k">Imaging guidance</span><span>MRI</span></div>`);
    expect([en.modality, en.campaigns]).toEqual(['MR', []]);
    const ruledOut = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
      <div><span class="k">Procedure</span><span>Liver biopsy, right lobe</span></div><div><span class="k">Guidance</span><span>Ultrasound only; no fluoroscopy</span></div>`);
    expect([ruledOut.modality, ruledOut.campaigns]).toEqual(['US', []]);
    const es = read(`<div><span>LARA GIL, Iker</span><span>NHC 0402299</span><span>10 años</span></div>
      <div><span class="k">Procedimiento</span><span>Drenaje de absceso hepático</span></div><div><span class="k">Guía</span><span>Ecografía</span></div>`);
    expect([es.modality, es.campaigns]).toEqual(['US', []]);
  });
  test('a fluoroscopy or CT guidance field keeps the intervention ionizing', () => {
    const fl = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
      <div><span class="k">Procedure</span><span>Gastrostomy tube placement</span></div><div><span class="k">Guidance</span><span>Fluoroscopy</span></div>`);
    expect(fl.campaigns).toEqual(['interventional', 'fluoroscopy']);
    const ct = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
      <div><span class="k">Procedure</span><span>Lung nodule biopsy</span></div><div><span class="k">Guidance</span><span>CT</span></div>`);
    expect(ct.campaigns).toEqual(['interventional', 'ct']);
  });
  test('a guidance naming fluoroscopy with another modality is fluoroscopic (XA, Step Lightly + Pause and Pulse)', () => {
    const kv = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
      <div><span class="k">Procedure</span><span>Tunneled CVC placement, right IJ</span></div><div><span class="k">Guidance</span><span>US + fluoro</span></div>`);
    expect([kv.modality, new Set(kv.campaigns)]).toEqual(['XA', new Set(['interventional', 'fluoroscopy'])]);
    const dl = read(`<dl><dt>Paciente</dt><dd>LARA GIL, Iker</dd><dt>NHC</dt><dd>0402299</dd><dt>Edad</dt><dd>10 años</dd>
      <dt>Procedimiento</dt><dd>Drenaje percutáneo de absceso hepático</dd><dt>Guía de imagen</dt><dd>Ecografía y fluoroscopia</dd></dl>`);
    expect([dl.modality, new Set(dl.campaigns)]).toEqual(['XA', new Set(['interventional', 'fluoroscopy'])]);
    const slash = read(`<table><tr><th>Patient</th><td>Roe, Max</td><th>MRN</th><td>55102934</td><th>Age</th><td>6 yrs</td></tr>
      <tr><th>Procedure</th><td>G-J tube conversion</td><th>Imaging guidance</th><td>US/Fluoro</td></tr></table>`);
    expect([slash.modality, new Set(slash.campaigns)]).toEqual(['XA', new Set(['interventional', 'fluoroscopy'])]);
  });
  test('a guidance of ultrasound alone, or with fluoroscopy ruled out, stays non-ionizing', () => {
    for (const guidance of ['US', 'Ultrasound; fluoroscopy not needed', 'US (no fluoro)']) {
      const a = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>8 y.o. F</span></div>
        <div><span class="k">Procedure</span><span>Tunneled CVC placement, right IJ</span></div><div><span class="k">Guidance</span><span>${guidance}</span></div>`);
      expect([a.modality, a.campaigns], guidance).toEqual(['US', []]);
    }
  });
  test('a board\'s rows with combined guidance are fluoroscopic: the pediatric ones count as pediatric ionizing rows', () => {
    const ionizingPeds = (a: PageAnalysis) => a.records.filter((r) => r.pediatric && r.campaigns.length > 0);
    const table = read(`<h1>IR Schedule</h1><table><tr><th>Time</th><th>Patient</th><th>Age</th><th>Procedure</th><th>Guidance</th></tr>
      <tr><td>08:00</td><td>Moe, Ida</td><td>9</td><td>PICC placement</td><td>US + fluoro</td></tr>
      <tr><td>09:00</td><td>Lee, Al</td><td>14</td><td>Renal biopsy</td><td>US</td></tr>
      <tr><td>10:00</td><td>Ray, Ann</td><td>52</td><td>Port placement</td><td>US/Fluoro</td></tr>
      <tr><td>11:00</td><td>Kim, Bo</td><td>3</td><td>Gastrostomy tube placement</td><td>Fluoroscopy + CT</td></tr>
      <tr><td>12:00</td><td>Diaz, Eva</td><td>7</td><td>Liver biopsy</td><td>US; fluoroscopy not needed</td></tr></table>`);
    const rows = ionizingPeds(table);
    expect(rows.map((r) => r.description)).toEqual(['PICC placement', 'Gastrostomy tube placement']);
    expect(rows.map((r) => r.modality)).toEqual(['XA', 'XA']);
    expect(new Set(rows[0]!.campaigns)).toEqual(new Set(['interventional', 'fluoroscopy']));
    expect(new Set(rows[1]!.campaigns)).toEqual(new Set(['interventional', 'fluoroscopy', 'ct']));
    const grid = read(`<h1>Agenda de Radiología Intervencionista</h1><div role="grid">
      <div role="row"><span role="columnheader">Hora</span><span role="columnheader">Paciente</span><span role="columnheader">Edad</span><span role="columnheader">Procedimiento</span><span role="columnheader">Guía</span></div>
      <div role="row"><span role="gridcell">08:00</span><span role="gridcell">PEREZ, Luis</span><span role="gridcell">6 años</span><span role="gridcell">Nefrostomía percutánea</span><span role="gridcell">Ecografía y fluoroscopia</span></div>
      <div role="row"><span role="gridcell">09:00</span><span role="gridcell">RUIZ, Ana</span><span role="gridcell">11 años</span><span role="gridcell">Biopsia renal</span><span role="gridcell">Ecografía</span></div>
      <div role="row"><span role="gridcell">10:00</span><span role="gridcell">GIL, Eva</span><span role="gridcell">40 años</span><span role="gridcell">Drenaje biliar</span><span role="gridcell">Ecografía / fluoroscopia</span></div></div>`);
    expect(ionizingPeds(grid).map((r) => [r.description, r.modality])).toEqual([['Nefrostomía percutánea', 'XA']]);
  });
  test('a board of case cards, each with its guidance on a line of its own', () => {
    const a = read(`<div class="bar">IR Board · Tuesday 12/08/2026</div><div class="rooms">
      <div class="case"><div class="pt">MOE, IDA · 9 y · F</div><div class="proc">Tunneled CVC placement</div><div class="sub">Guidance: US + fluoro</div></div>
      <div class="case"><div class="pt">LEE, AL · 14 y · M</div><div class="proc">Renal biopsy</div><div class="sub">Guidance: US</div></div>
      <div class="case"><div class="pt">RAY, ANN · 52 y · F</div><div class="proc">Port placement</div><div class="sub">Guidance: US/Fluoro</div></div>
      <div class="case"><div class="pt">KIM, BO · 3 y · M</div><div class="proc">Liver biopsy</div><div class="sub">Guidance: US; fluoroscopy not needed</div></div></div>`);
    expect([a.pediatric, a.modality]).toEqual([false, null]);
    expect(a.records.filter((r) => r.pediatric && r.campaigns.length > 0).map((r) => [r.description, r.modality])).toEqual([['Tunneled CVC placement', 'XA']]);
  });
  test('a key-value row whose key is a known label is not the header of a grid', () => {
    const a = read(`<div><span>Vik, Emil</span><span>MRN 77120044</span><span>9 years</span></div>
      <div class="kv"><div class="r"><span>Prueba</span><span>RM rodilla sin contraste</span></div>
      <div class="r"><span>Sala</span><span>RM2</span></div><div class="r"><span>Estado</span><span>Programada</span></div></div>`);
    expect(a.modality).toBe('MR');
    expect(a.campaigns).toEqual([]);
  });
  test('earlier exams under a title in a plain div are not the exam', () => {
    const a = read(`<div><span>Wong, Ty</span><span>MRN 88120044</span><span>Age: 7</span></div>
      <div><span>Requested procedure:</span> <span>US abdomen complete</span></div>
      <div>Previous exams</div><div>XR chest 2 views 2026-02-01</div>`);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });
});

// A hybrid nuclear study (SPECT/CT, PET/CT): the nuclear-medicine study is NM (PT), its low-dose CT for attenuation
// correction and localisation a CT exposure of the child — nuclear medicine and CT campaigns, as the product reads a
// PET/CT, whether the page shows the nuclear code alone or both codes.
describe('nuclear hybrids: an MIBG scan with SPECT/CT is NM with the nuclear-medicine and CT campaigns', () => {
  test('in words only, on a labelled order and in a Spanish definition list', () => {
    const en = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>4 y.o. M</span></div>
      <div><span class="k">Procedure</span><span>I-123 MIBG scan whole body with SPECT/CT</span></div>`);
    expect([en.modality, en.campaigns, en.region]).toEqual(['NM', ['nuclear-medicine', 'ct'], 'whole-body']);
    const es = read(`<dl><dt>Paciente</dt><dd>GIL RUIZ, Nora</dd><dt>NHC</dt><dd>0402211</dd><dt>Edad</dt><dd>3 años</dd>
      <dt>Prestación</dt><dd>Gammagrafía MIBG con SPECT-TC</dd></dl>`);
    expect([es.modality, es.campaigns]).toEqual(['NM', ['nuclear-medicine', 'ct']]);
  });
  test('the page shows the nuclear code alone ("Modality: NM", "PT") beside the hybrid\'s name', () => {
    const nm = read(`<table><tr><th>Patient</th><td>Roe, Max</td><th>Age</th><td>6 yrs</td></tr>
      <tr><th>Modality</th><td>NM</td><th>Study</th><td>MIBG scintigraphy, SPECT/CT abdomen</td></tr></table>`);
    expect([nm.modality, nm.campaigns]).toEqual(['NM', ['nuclear-medicine', 'ct']]);
    const pt = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>15 y.o. F</span></div>
      <div><span class="k">Modality</span><span>PT</span></div><div><span class="k">Exam</span><span>PET/CT FDG skull base to mid-thigh</span></div>`);
    expect([pt.modality, pt.campaigns]).toEqual(['PT', ['nuclear-medicine', 'ct']]);
  });
  test('negative: an MIBG scan without SPECT/CT is nuclear medicine alone, with or without its code', () => {
    const words = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>4 y.o. M</span></div><div><span class="k">Procedure</span><span>I-123 MIBG whole body planar</span></div>`);
    expect([words.modality, words.campaigns]).toEqual(['NM', ['nuclear-medicine']]);
    const code = read(`<div class="banner"><span>Doe, Jo</span><span>MRN 12345678</span><span>4 y.o. M</span></div><div><span class="k">Modality</span><span>NM</span></div><div><span class="k">Procedure</span><span>MIBG scan, SPECT of the abdomen</span></div>`);
    expect([code.modality, code.campaigns]).toEqual(['NM', ['nuclear-medicine']]);
  });
});

describe('swallow studies by kind: the oropharyngeal study is the neck, the esophageal one the chest', () => {
  test('an order card and a Spanish definition list: a videofluoroscopic swallow study (RF, neck)', () => {
    const card = read(`<div class="banner"><span>Moe, Ida</span><span>MRN 33018822</span><span>2 y.o. F</span></div>
      <div class="card"><div class="lbl">ORDER</div><div>FL Modified Barium Swallow (VFSS) w/ Speech Pathology</div><div class="lbl">REASON</div><div>Coughing with thin liquids, ?aspiration</div></div>`);
    expect([card.modality, card.campaigns, card.region]).toEqual(['RF', ['fluoroscopy'], 'neck']);
    const es = read(`<dl><dt>Paciente</dt><dd>GIL RUIZ, Nora</dd><dt>NHC</dt><dd>0402211</dd><dt>Edad</dt><dd>3 años</dd>
      <dt>Prestación</dt><dd>Estudio de deglución videofluoroscópico</dd></dl>`);
    expect([es.modality, es.campaigns, es.region]).toEqual(['RF', ['fluoroscopy'], 'neck']);
  });
  test('a barium swallow and an esofagograma stay the chest', () => {
    const table = read(`<table><tr><th>Patient</th><td>Roe, Max</td><th>Age</th><td>6 yrs</td></tr><tr><th>Exam</th><td>Barium swallow</td></tr></table>`);
    expect([table.modality, table.region]).toEqual(['RF', 'chest']);
    const es = read(`<div><span>LARA GIL, Iker</span><span>NHC 0402299</span><span>10 años</span></div><div><span class="k">Prestación</span><span>Esofagograma baritado</span></div>`);
    expect([es.modality, es.region]).toEqual(['RF', 'chest']);
  });
});

describe('a site profile that reads the patient but not the order: the generic reader finds the exam', () => {
  const o3 = 'https://emr.example.org/openmrs/spa/patient/0b7f6c1e-1111-4222-8333-000000000009/chart/Orders';
  const banner = (demo: string) =>
    `<header><div role="banner"><div class="-esm-patient-banner__patientName__x1">Mendez, Ana</div>
     <div class="-esm-patient-banner__demographics__x2"><span>Female</span><span>·</span><span>${demo}</span></div></div></header>`;
  test('an orders table with an active imaging order among completed ones', () => {
    const doc = parseHtml(`<html><body>${banner('<span>7 yrs, 2 mths</span><span>·</span><span>03-Oct-2019</span>')}<main>
      <h2>Orders</h2><table><thead><tr><th>Order</th><th>Type</th><th>Status</th></tr></thead><tbody>
      <tr><td>XR chest 2 views</td><td>Radiology</td><td>Completed</td></tr>
      <tr><td>CT abdomen with contrast</td><td>Radiology</td><td>Active</td></tr>
      <tr><td>Complete blood count</td><td>Lab</td><td>Active</td></tr></tbody></table></main></body></html>`);
    const a = analyzePage(doc, o3, { now: NOW });
    expect([a.profileId, a.pediatric, a.modality, a.campaigns]).toEqual(['openmrs-o3', true, 'CT', ['ct']]);
  });
  test('an order basket of cards (no table), one imaging order and one lab order', () => {
    const doc = parseHtml(`<html><body>${banner('<span>11 mths</span><span>·</span><span>12-Jan-2026</span>')}<main>
      <section aria-label="Order basket"><h3>Order basket</h3>
      <div class="order-card"><div class="order-name">Ultrasound abdomen, complete</div><div>New · Routine</div></div>
      <div class="order-card"><div class="order-name">Hemoglobin</div><div>New · Routine</div></div></section></main></body></html>`);
    const a = analyzePage(doc, o3, { now: NOW });
    expect([a.profileId, a.pediatric, a.modality, a.campaigns]).toEqual(['openmrs-o3', true, 'US', []]);
  });
  test('an OpenEMR top page with the procedure order shown inline', () => {
    const doc = parseHtml(`<html><body><div class="form-group"><div><a class="ptName">Lee, Max (4410)</a></div>
      <div><span>DOB: 2014-07-19 Age: 12</span></div></div>
      <div id="framesDisplay"><div class="proc"><h4>Procedure Order</h4><table><tr><td>Procedure</td><td>XR HAND 3+ VIEWS LEFT</td></tr>
      <tr><td>Order date</td><td>2026-11-18</td></tr></table></div></div></body></html>`);
    const a = analyzePage(doc, 'https://emr.example.org/interface/main/tabs/main.php', { now: NOW });
    expect([a.profileId, a.pediatric, a.modality, a.campaigns]).toEqual(['openemr', true, 'DX', ['radiography']]);
  });
});
