/**
 * The reference date where a page states it in words rather than in a labelled field: the chosen slot of a
 * scheduler written as text ("Selected: …", "Booked for …", "Cita asignada: …", "Turno: …"), the date an exam was
 * performed told beside it ("performed 12/04/2026", "done on …", "realizada el …"), and the visit date of a page
 * that shows no exam at all (a school nurse's office-visit form, a clinic note). Available slots that were not
 * chosen, earlier exams in the same prose and a printed footer are never the reference.
 * In a dated list of services or procedures, the exam's own row gives its date (a done row → the exam date, a row
 * still to be done → scheduled or order), also when the list groups its rows under date titles or the exam is named
 * outside the list (an appointment's procedure); an earlier row of the same exam is history.
 * Patient born 2016-03-14 (MDY pages) or 14/03/2016 (DMY pages) unless said otherwise; today is 2026-12-07.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/app/view', { now: NOW });

/** Days from 2016-03-14 to the reference date. */
const AT = { '2026-12-02': 3915, '2026-12-04': 3917, '2026-12-07': 3920, '2026-12-11': 3924 } as const;
const basisAndDays = (a: PageAnalysis) => [a.ageBasis, a.ageDays];

const banner = '<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span><span>F</span></div>';
const bannerDmy = '<div class="ban"><span>MOSS GIL, Ada</span><span>NHC 4410982</span><span>F. nac.: 14/03/2016</span><span>Mujer</span></div>';

describe('a chosen slot stated in text is the scheduled date', () => {
  test('"Selected: Fri 12/11/2026 3:40 PM — site" under a list of slots beats "Order received"', () => {
    const a = read(`${banner}<h3>Order to schedule</h3><div class="kv"><span class="k">Procedure</span><span>CT CHEST WITH IV CONTRAST</span></div>
      <div class="kv"><span class="k">Order received</span><span>12/02/2026</span></div>
      <h3>Available slots — CT Scanner 2</h3><ul class="slots"><li>Thu 12/10/2026 9:00 AM — Main Campus</li><li>Fri 12/11/2026 3:40 PM — Westside Imaging</li>
      <li>Mon 12/14/2026 7:20 AM — Main Campus</li></ul><p class="confirm">Selected: Fri 12/11/2026 3:40 PM — Westside Imaging</p>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-12-11']]);
  });
  test('"Booked for" and "Chosen slot" in a confirmation banner (table of slots above)', () => {
    const slots = `<table><tr><th>Slot</th><th>Room</th></tr><tr><td>12/09/2026 08:00</td><td>XR 1</td></tr><tr><td>12/11/2026 15:40</td><td>XR 2</td></tr></table>`;
    const a = read(`${banner}<p>Exam: XR chest 2 views</p><p>Received 12/02/2026</p>${slots}<div class="alert">Booked for 12/11/2026 15:40 in XR 2.</div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-12-11']]);
    const b = read(`${banner}<p>Exam: XR chest 2 views</p><p>Order date 12/02/2026</p>${slots}<div class="alert">Chosen slot 12/11/2026 15:40, XR 2</div>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-12-11']]);
  });
  test('Spanish: "Cita asignada:", "Turno:" and "Hora seleccionada" after the free slots (DMY)', () => {
    const a = read(`${bannerDmy}<div><b>Prueba:</b> Rx tórax PA y lateral</div><div><b>Recibida:</b> 02/12/2026</div>
      <div class="h">Huecos disponibles</div><div class="hueco">10/12/2026 09:00 Sala 1</div><div class="hueco">11/12/2026 15:40 Sala 2</div>
      <div class="ok">Cita asignada: 11/12/2026 15:40 — Sala 2</div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-12-11']]);
    const b = read(`${bannerDmy}<p>Estudio: TC de abdomen con contraste</p><p>Fecha de solicitud: 02/12/2026</p><p>Turno: viernes 11/12/2026 15:40 — Sede Norte</p>`);
    expect(basisAndDays(b)).toEqual(['scheduled', AT['2026-12-11']]);
    const c = read(`${bannerDmy}<p>Estudio: TC de abdomen con contraste</p><p>Fecha de solicitud: 02/12/2026</p><p>Hora seleccionada: 11/12/2026 15:40</p>`);
    expect(basisAndDays(c)).toEqual(['scheduled', AT['2026-12-11']]);
  });
  test('slots only offered (none chosen) are not the reference: the order date is', () => {
    const a = read(`${banner}<p>Exam: CT CHEST WITH IV CONTRAST</p><p>Order received: 12/02/2026</p>
      <h3>Available slots</h3><ul class="slots"><li>Thu 12/10/2026 9:00 AM</li><li>Fri 12/11/2026 3:40 PM</li></ul><p>No slot selected yet.</p>`);
    expect(basisAndDays(a)).toEqual(['order', AT['2026-12-02']]);
  });
  test('the 18th birthday: 17 on the chosen slot days before it (pediatric), 18 on a slot after it (adult)', () => {
    // Born 2008-12-16: 17 today and on 12/11/2026; 18 from 12/16/2026.
    const page = (slot: string) => `<div class="ban"><span>Reyes, Tomas</span><span>MRN 7720014</span><span>DOB: 12/16/2008</span><span>17 yrs</span><span>M</span></div>
      <p>Procedure: CT ABDOMEN PELVIS WITH CONTRAST</p><p>Order received: 12/02/2026</p>
      <ul class="slots"><li>Fri 12/11/2026 3:40 PM</li><li>Fri 12/18/2026 8:00 AM</li></ul><p>Selected: ${slot} — Main Campus</p>`;
    const a = read(page('Fri 12/11/2026 3:40 PM'));
    expect([a.ageBasis, a.ageDays, a.pediatric]).toEqual(['scheduled', 6569, true]);
    const b = read(page('Fri 12/18/2026 8:00 AM'));
    expect([b.ageBasis, b.ageDays, b.pediatric]).toEqual(['scheduled', 6576, false]);
  });
});

describe('a performed/done date told beside the exam is the exam date', () => {
  test('an imaging line in a progress note: "CT HEAD WO CONTRAST — STAT — performed 12/04/2026 15:20"; its prior is not', () => {
    const a = read(`${banner}<div class="note"><div class="note-title">Progress note</div>
      <div class="line">CT HEAD WO CONTRAST — STAT — performed 12/04/2026 15:20 — Tech: J. Ruiz — Prior: CT HEAD WO CONTRAST 03/18/2025</div></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'CT']);
  });
  test('prose: "XR chest 2 views done on 12/04/2026 …; previous XR chest 2 views 03/18/2025 normal"', () => {
    const a = read(`${banner}<div class="notes"><h4>Notes</h4><p>XR chest 2 views done on 12/04/2026 at 09:10 for cough; previous XR chest 2 views 03/18/2025 normal.</p></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'DX']);
    const b = read(`${banner}<div class="pane"><b>Imaging</b><p>Completed 12/04/2026 10:02: fluoroscopic VCUG. Prior VCUG 03/18/2025 showed grade II reflux.</p></div>`);
    expect([b.ageBasis, b.ageDays, b.modality]).toEqual(['exam', AT['2026-12-04'], 'RF']);
  });
  test('Spanish prose: "realizada el", "efectuada"; "estudio previo"/"anterior" are earlier exams (DMY)', () => {
    const a = read(`${bannerDmy}<div class="img"><div class="h">Evolución</div><p>TC craneal sin contraste realizada el 04/12/2026 a las 15:20. Estudio previo: TC craneal 18/03/2025.</p></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'CT']);
    const b = read(`${bannerDmy}<p class="nota">Rx de tórax efectuada 04/12/2026; Rx de tórax anterior 18/03/2025 sin hallazgos.</p>`);
    expect([b.ageBasis, b.ageDays, b.modality]).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('an exam told as done elsewhere in a history is not the exam nor its date', () => {
    const a = read(`${banner}<div><b>History:</b> headaches; CT head performed on 11/10/2026 at an outside hospital was normal.</div>`);
    expect([a.ageBasis, a.modality]).toEqual(['today', null]);
    const b = read(`${banner}<p>Exam: XR chest 2 views</p><div class="notes"><h4>Notes</h4><p>Previous XR chest 2 views done on 11/04/2026 was normal.</p></div>`);
    expect(a.ageBasis).toBe('today');
    expect(b.ageBasis).toBe('today');
  });
});

describe('no exam shown: the visit date is the reference', () => {
  test('a school nurse\'s office-visit form (label cells): "Visit date: 12/02/2026 10:40"; the printed footer is not', () => {
    const a = read(`<div class="top">Lincoln Unified School District — Health Office</div><h2>Office Visit</h2>
      <table class="form"><tr><td>Student:</td><td>Reyes, Mateo</td><td>Grade:</td><td>4</td></tr>
      <tr><td>Date of birth:</td><td>03/14/2016</td><td>Student ID:</td><td>2044198</td></tr>
      <tr><td>Visit date:</td><td>12/02/2026 10:40</td><td>Nurse:</td><td>K. Dunn, RN</td></tr></table>
      <p>Complaint: headache since recess; no fever. Rested 20 minutes, returned to class.</p><p class="foot">Printed 12/04/2026 08:15</p>`);
    expect([a.ageBasis, a.ageDays, a.pediatric, a.modality]).toEqual(['visit', AT['2026-12-02'], true, null]);
  });
  test('a clinic note: "Encounter date", "DOS" and "Date of visit" inline', () => {
    const a = read(`${banner}<h2>Clinic Visit Note</h2><p>Encounter date: 12/02/2026 10:40 AM &nbsp; Provider: L. Park, MD</p>
      <p>Subjective: cough for 2 weeks. Objective: lungs clear. Plan: supportive care.</p>`);
    expect(basisAndDays(a)).toEqual(['visit', AT['2026-12-02']]);
    const b = read(`${banner}<div class="hdr"><span class="k">DOS</span> <span>12/02/2026</span></div><p>Well-child check. Growth normal.</p>`);
    expect(basisAndDays(b)).toEqual(['visit', AT['2026-12-02']]);
    const c = read(`${banner}<dl><dt>Date of visit</dt><dd>12/02/2026 10:40</dd><dt>Reason</dt><dd>Ear pain</dd></dl>`);
    expect(basisAndDays(c)).toEqual(['visit', AT['2026-12-02']]);
  });
  test('Spanish: "Fecha de atención" and "Fecha de consulta" (DMY)', () => {
    const a = read(`${bannerDmy}<div class="f"><span class="k">Fecha de atención</span><span>02/12/2026 10:40</span></div><p>Motivo: otalgia.</p>`);
    expect(basisAndDays(a)).toEqual(['visit', AT['2026-12-02']]);
    const b = read(`${bannerDmy}<table><tr><th>Fecha de consulta</th><td>02/12/2026</td></tr><tr><th>Motivo</th><td>Control de niño sano</td></tr></table>`);
    expect(basisAndDays(b)).toEqual(['visit', AT['2026-12-02']]);
  });
  test('with no exam, a next visit, a last visit and a printed date are not the reference', () => {
    const a = read(`${banner}<h2>Office Visit</h2><p>Last visit: 10/02/2026</p><p>Next visit: 12/30/2026</p><p>Printed: 12/04/2026</p>`);
    expect(basisAndDays(a)).toEqual(['today', AT['2026-12-07']]);
  });
});

describe("the exam's own row in a dated list of services or procedures", () => {
  test('a dental chart grouped by date (a date row, then that day\'s services): the exam\'s group date', () => {
    const a = read(`${banner}<h3>Procedures</h3><table><thead><tr><th>Code</th><th>Description</th><th>Status</th><th>Provider</th></tr></thead><tbody>
      <tr class="grp"><td colspan="4">12/04/2026</td></tr>
      <tr><td>D0120</td><td>Periodic oral evaluation</td><td>Complete</td><td>DDS1</td></tr>
      <tr><td>D0272</td><td>Bitewings - two radiographic images</td><td>Complete</td><td>DDS1</td></tr>
      <tr class="grp"><td colspan="4">06/15/2025</td></tr>
      <tr><td>D0272</td><td>Bitewings - two radiographic images</td><td>Complete</td><td>DDS1</td></tr></tbody></table>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'IO']);
  });
  test('an EHR procedures grid of divs with date titles between its rows', () => {
    const a = read(`${banner}<div class="proc-grid"><div class="hd"><span>Procedure</span><span>Status</span><span>Provider</span></div><div class="day">Fri Dec 4, 2026</div>
      <div class="proc"><span>XR chest 2 views</span><span>Completed</span><span>Ames, T</span></div><div class="proc"><span>CBC with differential</span><span>Resulted</span><span>Ames, T</span></div>
      <div class="day">Mar 18, 2025</div><div class="proc"><span>XR chest 2 views</span><span>Completed</span><span>Hale, R</span></div></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('the exam named outside the list (the appointment\'s procedure): its latest row in the services list', () => {
    const a = read(`${banner}<div class="appt"><h3>Appointment</h3><p>Procedure: D0330 Panoramic radiographic image</p></div>
      <table><tr><th>Date</th><th>Code</th><th>Description</th><th>Status</th></tr>
      <tr><td>12/04/2026</td><td>D0120</td><td>Periodic oral evaluation</td><td>Completed</td></tr>
      <tr><td>12/04/2026</td><td>D0330</td><td>Panoramic radiographic image</td><td>Completed</td></tr>
      <tr><td>06/15/2025</td><td>D0330</td><td>Panoramic radiographic image</td><td>Completed</td></tr></table>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'PX']);
    const b = read(`${banner}<div class="kv"><span class="k">Order</span><span>CT HEAD WITHOUT CONTRAST</span></div>
      <div role="grid"><div role="row"><div role="columnheader">Procedure</div><div role="columnheader">Date</div><div role="columnheader">Status</div></div>
      <div role="row"><div role="gridcell">CT head without contrast</div><div role="gridcell">12/11/2026</div><div role="gridcell">Scheduled</div></div>
      <div role="row"><div role="gridcell">CT head without contrast</div><div role="gridcell">03/18/2025</div><div role="gridcell">Completed</div></div></div>`);
    expect([a.ageBasis, b.ageBasis, b.ageDays]).toEqual(['exam', 'scheduled', AT['2026-12-11']]);
  });
  test('a to-be-done row\'s bare "Date" is the date it is scheduled for', () => {
    const a = read(`${banner}<div role="grid" aria-label="Procedures"><div role="row"><div role="columnheader">Date</div><div role="columnheader">Procedure</div><div role="columnheader">Status</div></div>
      <div role="row"><div role="gridcell">Dec 11, 2026</div><div role="gridcell">XR chest 2 views</div><div role="gridcell">Scheduled</div></div>
      <div role="row"><div role="gridcell">Mar 18, 2025</div><div role="gridcell">XR chest 2 views</div><div role="gridcell">Completed</div></div></div>`);
    expect(basisAndDays(a)).toEqual(['scheduled', AT['2026-12-11']]);
    const b = read(`${banner}<table><tr><th>Fecha</th><th>Código</th><th>Prestación</th><th>Estado</th></tr>
      <tr><td>12/11/2026</td><td>D0210</td><td>Serie periapical completa</td><td>Propuesto</td></tr><tr><td>06/15/2025</td><td>D0272</td><td>Aletas de mordida, dos</td><td>Realizado</td></tr></table>`);
    expect([b.ageBasis, b.ageDays, b.modality]).toEqual(['scheduled', AT['2026-12-11'], 'IO']);
  });
  test('an earlier row of the same exam is history: the exam named outside with only an old row → today', () => {
    const a = read(`${banner}<div class="appt"><h3>Appointment</h3><p>Procedure: D0330 Panoramic radiographic image</p></div>
      <table><tr><th>Date</th><th>Code</th><th>Description</th><th>Status</th></tr>
      <tr><td>12/04/2026</td><td>D1120</td><td>Prophylaxis - child</td><td>Completed</td></tr>
      <tr><td>06/15/2025</td><td>D0330</td><td>Panoramic radiographic image</td><td>Completed</td></tr></table>`);
    expect(basisAndDays(a)).toEqual(['today', AT['2026-12-07']]);
  });
});

describe("a weekday beside an ambiguous date gives the page's day/month order", () => {
  // Every numeric date reads both ways: born 06/11/2023 (11 June 2023, MDY), the chosen slot is Friday 11 December 2026.
  test('US scheduler: "Selected: Fri 12/11/2026" makes the page MDY, so the DOB and the slot are read', () => {
    const a = read(`<div class="hdr"><span>Leo Fischer</span> <span>3 yrs</span> <span>Male</span> <span>DOB 06/11/2023</span> <span>PRN: 55120934</span></div>
      <p>Procedure: XR CHEST 2 VIEWS</p><p>Order received: 12/02/2026</p><ul class="slots"><li>Thu 12/10/2026 9:00 AM</li></ul>
      <p>Selected: Fri 12/11/2026 3:40 PM — Westside Imaging</p>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 1279]);
  });
  test('Spanish agenda (table): "Turno: viernes 11/12/2026" makes the page DMY', () => {
    const a = read(`<table><tr><th>Paciente</th><td>FISCHER, Leo</td></tr><tr><th>F. nac.</th><td>11/06/2023</td></tr><tr><th>Estudio</th><td>Rx de tórax</td></tr>
      <tr><th>Turno</th><td>viernes 11/12/2026 15:40</td></tr></table>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 1279]);
  });
  const unsure = (orderDate: string) =>
    read(`<div class="hdr"><span>Leo Fischer</span> <span>3 yrs</span> <span>Male</span> <span>DOB 06/11/2023</span> <span>PRN: 55120934</span></div>
      <div class="card"><div class="t">Imaging order</div><div><span class="k">Study</span> <span>XR chest 2 views</span></div><div><span class="k">Order date</span> <span>${orderDate}</span></div></div>`);
  test('no weekday, no setting, no date of these days: the ambiguous dates stay unread (the age as shown, today)', () => {
    // 10/04/2026: 4 October or 10 April, neither near 7 December.
    expect(((a) => [a.ageBasis, a.ageDays])(unsure('10/04/2026'))).toEqual(['today', 1095]);
  });
  test('no weekday, no setting, but an order of three days ago as M/D (12/04): the page is M/D', () => {
    expect(((a) => [a.ageBasis, a.ageDays])(unsure('12/04/2026'))).toEqual(['order', 1272]);
  });
});

describe('a DOB inline in a header line and an order card\'s order date (labels in sibling spans/divs, small caps, capitals)', () => {
  // Every numeric date reads both ways: the order comes from the per-site setting (MDY) or the page's language.
  const header = '<div class="chart-header"><div class="hdr-row"><span class="pt-name">Leo Fischer</span><span>3 yrs</span><span>Male</span><span>DOB 06/11/2023</span><span>PRN: 55120934</span></div></div>';
  const mdy = (body: string, lang = 'en') =>
    analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title><style>.lbl{font-variant:small-caps}</style></head><body>${body}</body></html>`), 'https://ehr.example.org/chart', {
      now: NOW,
      ...(lang === 'en' ? { dateOrder: 'MDY' as const } : {}),
    });
  test('card of label/value divs ("Study", "Order date", "Imaging center"): the age at the order date from the DOB', () => {
    const a = mdy(`${header}<div class="card"><div class="card-title">Imaging order</div>
      <div class="fld"><div class="lbl">Study</div><div class="val">CT abdomen and pelvis with IV contrast</div></div>
      <div class="fld"><div class="lbl">Order date</div><div class="val">12/04/2026</div></div>
      <div class="fld"><div class="lbl">Imaging center</div><div class="val">Northside Imaging</div></div></div><p>Printed 12/07/2026 09:12</p>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['order', 1272, 'CT']);
  });
  test('capital labels in spans ("STUDY", "ORDER DATE") and a header of one line of text; the page says en-US', () => {
    const a = mdy(`<header class="pt-banner"><strong>FISCHER, LEO</strong> &nbsp; 3 yrs &nbsp; Male &nbsp; DOB 06/11/2023 &nbsp; PRN: 55120934</header>
      <section class="order-card"><h4>IMAGING ORDER</h4><div class="row"><span class="k">STUDY</span><span class="v">XR chest 2 views</span></div>
      <div class="row"><span class="k">ORDER DATE</span><span class="v">12/04/2026</span></div><div class="row"><span class="k">IMAGING CENTER</span><span class="v">Northside Imaging</span></div></section>`, 'en-US');
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['order', 1272, 'DX']);
  });
  test('labels stacked above values in a two-row grid ("Study | Order date | Imaging center")', () => {
    const a = mdy(`${header}<div class="card"><div class="t">Imaging order</div><div class="grid"><div class="r"><span class="lbl">Study</span><span class="lbl">Order date</span><span class="lbl">Imaging center</span></div>
      <div class="r"><span>XR chest 2 views</span><span>12/04/2026</span><span>Northside Imaging</span></div></div></div>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['order', 1272, 'DX']);
  });
});

describe("a services list's description column by its longer names", () => {
  test('"Procedure Description" (a dental ledger) and "Descripción de la prestación" name the exam of each row', () => {
    const a = read(`${banner}<table><tr><th>Date</th><th>Tooth</th><th>Surface</th><th>Procedure Code</th><th>Procedure Description</th><th>Status</th><th>Provider</th></tr>
      <tr><td>12/04/2026</td><td></td><td></td><td>D0120</td><td>Periodic oral evaluation</td><td>Completed</td><td>DDS1</td></tr>
      <tr><td>12/04/2026</td><td></td><td></td><td>D0330</td><td>Panoramic radiographic image</td><td>Completed</td><td>DDS1</td></tr>
      <tr><td>06/15/2025</td><td></td><td></td><td>D0272</td><td>Bitewings - two radiographic images</td><td>Completed</td><td>DDS1</td></tr>
      <tr><td>12/18/2026</td><td>30</td><td>O</td><td>D1351</td><td>Sealant - per tooth</td><td>Proposed</td><td>DDS1</td></tr></table>`);
    expect([a.ageBasis, a.ageDays, a.modality]).toEqual(['exam', AT['2026-12-04'], 'PX']);
    const b = read(`${bannerDmy}<table><tr><th>Fecha</th><th>Código</th><th>Descripción de la prestación</th><th>Estado</th></tr>
      <tr><td>04/12/2026</td><td>D0272</td><td>Radiografías de aleta de mordida, dos</td><td>Realizado</td></tr>
      <tr><td>15/06/2025</td><td>D1120</td><td>Profilaxis infantil</td><td>Realizado</td></tr></table>`);
    expect([b.ageBasis, b.ageDays, b.modality]).toEqual(['exam', AT['2026-12-04'], 'IO']);
  });
});
