/**
 * Dental cone-beam CT named by its CDT code (layouts written for the test): on an appointment card, a code alone in
 * its cell or span, a list of procedures. D0364–D0368 and D0380–D0386 are CT with the dental and CT campaigns. An
 * earlier image told in a note ("pano 08/2026 shows …", "Prior ceph on file") is history, never the exam.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://dental.example.org/chart/5512', { now: NOW });
const exam = (a: PageAnalysis) => [a.modality, a.campaigns];

describe('a CDT cone-beam code names the exam', () => {
  test('an appointment card: date and code in one line after "Appt:"', () => {
    const a = read(`<div class="hdr">Weber, Lena · DOB 2014-03-04 · F · Chart 5512</div>
      <div class="appt">Appt: Dec 17, 2026 — D0364 CBCT capture and interpretation, limited field</div>
      <div class="note">Note: pano 08/2026 shows impacted 13.</div>`);
    expect(exam(a)).toEqual(['CT', ['dental', 'ct']]);
    // 2014-03-04 → 2026-12-17, the appointment's day
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 4671]);
  });
  test('an appointment card of spans: the weekday date and the code alone in its own span', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div>
      <div class="appt"><b>Appt:</b> <span>Thu, Dec 17 · 10:30 AM</span> <span>D0367</span></div>`);
    expect(exam(a)).toEqual(['CT', ['dental', 'ct']]);
  });
  test('a list of appointments whose items are a date, a code and a status', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div>
      <ul class="appts"><li><span class="d">12/17/2026</span> <span class="c">D0382</span> <span class="s">Scheduled</span></li>
      <li><span class="d">08/02/2026</span> <span class="c">D0330</span> <span class="s">Complete</span></li></ul>`);
    expect(exam(a)).toEqual(['CT', ['dental', 'ct']]);
  });
  test('an appointment in a list item: "Appointment: 18/12/2026 — CBCT lower jaw"', () => {
    const a = read(`<div class="hdr">Weber, Lena · DOB 04/02/2014 · F</div><ul><li>Appointment: 18/12/2026 — CBCT lower jaw</li></ul>`);
    expect(exam(a)).toEqual(['CT', ['dental', 'ct']]);
    // 2014-02-04 → 2026-12-18
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 4700]);
  });
});

describe('the room beside a booked date is where, not what', () => {
  test('"Scheduled: 12/15/2026 10:00 · NLH CT 3" under an order for an ultrasound keeps its date as the scheduled day', () => {
    const a = read(`<div class="hdr">Weber, Lena · DOB 2014-03-04 · F</div><h2>US ABDOMEN COMPLETE</h2>
      <div class="row"><div class="lbl">Scheduled:</div><div class="val">12/15/2026 10:00 · NLH CT 3</div></div>`);
    expect([a.modality, a.ageBasis]).toEqual(['US', 'scheduled']);
  });
});

describe('an earlier image told in a note is history', () => {
  test('a note of earlier images and a plan with no imaging; today an exam without imaging', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div>
      <p>Note: pano 08/2026 shows impacted 13. Prior ceph on file. Plan: recall in 6 months.</p><div>Today: D0120 periodic oral evaluation</div>`);
    expect(exam(a)).toEqual([null, []]);
  });
  test('a progress note that reviews earlier images', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div>
      <p>Progress note: Reviewed pano from 08/2026 and prior ceph with parent. No new images today.</p><div>Procedures today: D0120, D1120</div>`);
    expect(exam(a)).toEqual([null, []]);
  });
  test('the planned cone-beam CT beside the earlier pano is the exam', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div>
      <p>Note: pano 08/2026 shows impacted 13. Prior ceph on file. Plan: CBCT D0364 to localize canine.</p>`);
    expect(exam(a)).toEqual(['CT', ['dental', 'ct']]);
  });
  test('a pano dated this month is not made history by its month', () => {
    const a = read(`<div class="hdr">Weber, Lena · 12 y.o. F</div><p>Imaging: pano 12/2026 today for ortho records.</p>`);
    expect(exam(a)).toEqual(['PX', ['dental']]);
  });
});
