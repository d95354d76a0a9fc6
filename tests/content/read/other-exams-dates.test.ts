/**
 * Which date belongs to the open exam when other exams are dated beside it (layouts written for the test): a line
 * that names another exam and tells it done ("XR Abdomen 2 views — Completed — 12/04/2026", "the ultrasound performed
 * on 02/12/2026", "Ecografía abdominal realizada 02/12/2026") dates THAT exam, never the open order or appointment;
 * a request's date ("Solicitud", "Petición", "Request") is the order's, never the exam's; an application's bar of
 * menu items ("Home | Schedule | Orders") beside its clock tells no appointment.
 * Patient born 2016-03-14 unless said otherwise; today is 2026-12-07.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`), 'https://his.example.org/app/view', { now: NOW });
const got = (a: PageAnalysis) => [a.ageBasis, a.ageDays, a.modality];

/** Days from 2016-03-14 to each date. */
const AT = { '2026-12-02': 3915, '2026-12-04': 3917, '2026-12-07': 3920, '2026-12-09': 3922, '2026-12-11': 3924 } as const;
const banner = '<div class="ban"><span>Moss, Ada</span><span>MRN 4410982</span><span>DOB: 03/14/2016</span><span>F</span></div>';
const bannerDmy = '<div class="ph"><span>Name</span> <b>MOSS, Ada</b> <span>Hosp No</span> <b>RX4410982</b> <span>DOB</span> <b>14/03/2016</b></div>';
const bannerEs = '<div class="cab"><span>Paciente</span> <b>MOSS GIL, Ada</b> <span>NHC</span> <b>4410982</b> <span>F. nac.</span> <b>14/03/2016</b></div>';

describe('a line that names another exam and tells it done dates that exam, not the open one', () => {
  test('order details (label/value grid) over a profile of completed exams, one done today', () => {
    const a = read(`${banner}<h4>Order Details</h4><dl class="od"><dt>Procedure</dt><dd>FL Contrast Enema</dd><dt>Requested start</dt><dd>12/09/2026 09:00</dd>
      <dt>Priority</dt><dd>Routine</dd></dl>
      <div class="hist"><b>Radiology profile</b><ul><li>US Appendix — Completed — 12/04/2026 18:20</li><li>XR Abdomen 2 Views — Completed — 12/07/2026 08:10</li></ul></div>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-09'], 'RF']);
    const b = read(`${banner}<h4>Order Details</h4><dl class="od"><dt>Procedure</dt><dd>FL Contrast Enema</dd><dt>Requested start</dt><dd>12/09/2026 09:00</dd></dl>
      <div class="hist"><b>Radiology profile</b><br>US Appendix — Completed — 12/04/2026 18:20<br>XR Abdomen 2 Views — Completed — 12/07/2026 08:10</div>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-09'], 'RF']);
  });
  test('a card of the order beside paragraphs of earlier studies ("performed", "done")', () => {
    const a = read(`${banner}<div class="card"><div><span class="k">Order</span> <span>VCUG (fluoroscopic)</span></div><div><span class="k">Scheduled</span> <span>12/11/2026</span></div></div>
      <div class="recent"><p>MRI Spine wo contrast performed 12/02/2026</p><p>US Kidneys and bladder done 12/04/2026</p></div>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-11'], 'RF']);
  });
  test('a letter: booked for one exam on a day, after an ultrasound performed earlier (DMY)', () => {
    const a = read(`<p>Date: 30 November 2026</p><p>To the parent of:<br><b>Ada Moss</b><br>Date of birth: 14/03/2016</p><p>Dear Parent,</p>
      <p>Your child has an appointment for a <b>MAG3 renogram</b> on <b>Friday 11 December 2026</b> at 10:00. This follows the ultrasound performed on 02/12/2026 in clinic.</p>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-11'], 'NM']);
  });
  test('Spanish: a request card with its appointment, an earlier ultrasound "realizada" on its line', () => {
    const a = read(`${bannerEs}<div class="pet"><div><i>Prueba</i> TC de tórax sin contraste</div><div><i>Cita</i> 11/12/2026</div></div>
      <div class="ant"><p>Ecografía abdominal realizada el 02/12/2026</p><p>Rx de tórax PA — realizada — 04/12/2026</p></div>`, 'es');
    expect(got(a)).toEqual(['scheduled', AT['2026-12-11'], 'CT']);
  });
  test('an order not yet scheduled keeps its order date, whatever other exam was completed since', () => {
    const a = read(`${banner}<h4>Order Details</h4><dl><dt>Procedure</dt><dd>XR Chest PA and Lateral</dd><dt>Ordered</dt><dd>12/02/2026</dd></dl>
      <div class="hist"><b>Radiology profile</b><div>US Abdomen Complete — Completed — 12/04/2026 11:00</div></div>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test("negatives: the open exam's own line still dates it; so does a study line with its study date label", () => {
    const a = read(`${banner}<div class="rec"><div class="line">CT Head wo Contrast — Completed — 12/04/2026 15:20</div><div>Accession A55102</div></div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'CT']);
    const b = read(`${banner}<div class="hdr"><b>Exam</b> XR Chest PA and Lateral</div><div class="det">XR Chest PA and Lateral — Performed — 12/04/2026</div>`);
    expect(got(b)).toEqual(['exam', AT['2026-12-04'], 'DX']);
    const c = read(`${banner}<div class="hdr"><b>Exam</b> CT Head wo Contrast</div><div class="st">CT · Study date 12/04/2026</div>`);
    expect(got(c)).toEqual(['exam', AT['2026-12-04'], 'CT']);
  });
  test('a line naming the exam shorter tells it done, unless the page dates the exam as still to be done', () => {
    const a = read(`${banner}<h3>CT HEAD WO CONTRAST</h3><div class="det">CT Head — Completed — 12/04/2026 15:20</div><div>Accession A55102</div>`);
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'CT']);
    const b = read(`${banner}<h4>Order Details</h4><dl><dt>Procedure</dt><dd>XR Chest PA and Lateral</dd><dt>Requested start</dt><dd>12/09/2026</dd></dl>
      <div class="hist"><b>Radiology profile</b><div>XR Chest 1 View — Completed — 12/04/2026 06:12</div></div>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-09'], 'DX']);
  });
  test('negatives: an adult stays an adult and an MR order keeps MR with no campaign', () => {
    const a = read(`<div class="ban"><span>Hale, Ruth</span><span>MRN 0098713</span><span>DOB: 08/02/1954</span></div><dl><dt>Procedure</dt><dd>MRI Brain wo Contrast</dd><dt>Requested start</dt><dd>12/09/2026</dd></dl>
      <ul><li>CT Head wo Contrast — Completed — 12/04/2026</li></ul>`);
    expect([a.pediatric, a.ageBasis, a.modality, a.campaigns]).toEqual([false, 'scheduled', 'MR', []]);
  });
});

describe("a request's date is the order's; the exam's own date label is the exam's", () => {
  test('Spanish label above value: "Fecha de exploración" and "Solicitud" (dot dates)', () => {
    const a = read(`${bannerEs}<h3>Medicina Nuclear</h3><div><span class="et">Exploración</span><div>Gammagrafía renal DMSA</div></div>
      <div><span class="et">Fecha de exploración</span><div>04.12.2026</div></div><div><span class="et">Solicitud</span><div>02.11.2026</div></div>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'NM']);
  });
  test('Spanish table rows: "Petición" before "Fecha de la prueba"', () => {
    const a = read(`${bannerEs}<table class="fi"><tr><th>Prueba</th><td>Rx de tórax PA</td></tr><tr><th>Petición</th><td>02/12/2026</td></tr>
      <tr><th>Fecha de la prueba</th><td>04/12/2026</td></tr></table>`, 'es');
    expect(got(a)).toEqual(['exam', AT['2026-12-04'], 'DX']);
  });
  test('a request date alone is the order date, never the exam date (Spanish and English)', () => {
    const a = read(`${bannerEs}<div><span class="et">Exploración</span><div>Ecografía de caderas</div></div><div><span class="et">Solicitud</span><div>02.12.2026</div></div>`, 'es');
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'US']);
    const b = read(`${banner}<table><tr><td>Procedure:</td><td>XR Hand Left</td></tr><tr><td>Request:</td><td>12/02/2026</td></tr></table>`);
    expect(got(b)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
});

describe("an application's bar of menu items beside its clock tells no appointment", () => {
  test("a top bar of menu items apart by bars, the day's date at its end", () => {
    const a = read(`<div class="top">Chart &nbsp;|&nbsp; In Basket &nbsp; Patient Lists &nbsp; Schedule &nbsp; Results <span style="float:right">Mon 12/07/2026 09:05</span></div>
      ${banner}<table><tr><th>Order</th><th>Status</th><th>Ordered</th></tr><tr><td><b>FL Upper GI</b></td><td>Ordered - Pending Scheduling</td><td>12/02/2026</td></tr></table>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'RF']);
  });
  test('a header of links apart by bars and a bold date', () => {
    const a = read(`<div class="links"><a href="#">Home</a> | <a href="#">Schedule</a> | <a href="#">Orders</a> | <b>Wed 12/09/2026</b></div>
      ${banner}<dl><dt>Procedure</dt><dd>XR Chest PA and Lateral</dd><dt>Ordered</dt><dd>12/02/2026</dd></dl>`);
    expect(got(a)).toEqual(['order', AT['2026-12-02'], 'DX']);
  });
  test('negative: a sentence split by bold words still tells the appointment', () => {
    const a = read(`${banner}<p>Your child is booked for an <b>XR Chest PA and Lateral</b> on <b>Wednesday 12/09/2026</b>. Please arrive early.</p>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-09'], 'DX']);
  });
});
