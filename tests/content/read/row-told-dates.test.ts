/**
 * A date told in an order's running text — its reason, its history, a sentence about an earlier exam — is not the
 * order's date: the order's labelled appointment is (layouts written for the test). The exam's own line still dates
 * it, and an order whose only date is a short unlabelled cell keeps that date.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>Orders</title></head><body>${body}</body></html>`), 'https://ehr.example.org/orders/5', { now: NOW });
const got = (a: PageAnalysis) => ({ basis: a.ageBasis, days: a.ageDays });

describe("an order's running text dates its own events, not the order", () => {
  test('a plan card: a paragraph tells the earlier films\' day, the order line below is "Scheduled" on its own day', () => {
    const a = read(`<div class="pt"><span>Ella Moss</span> <span>DOB 02/10/2012</span></div>
      <div class="card"><div class="t">Assessment &amp; Plan</div><div class="c">
      <p><b>Osgood-Schlatter disease, left</b> – tibial tubercle fragmentation on 10/02/2026 films; more pain with sport since, no trauma.</p>
      <div class="ord cur"><span><b>XR KNEE LEFT 3 VIEWS</b></span><span>Scheduled 11/25/2026 09:10</span><span>Ordered 11/20/2026<br>Status: SCHEDULED</span></div>
      <div class="ord"><span>Sports medicine referral</span><span>Status: PENDING</span></div></div></div>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 5402 });
  });
  test('a printed requisition: the reason field names an earlier study\'s day, the appointment box its "Date"', () => {
    const a = read(`<div class="box"><div class="t">Patient</div><div><span class="l">Name</span> KOWAL, Ben</div><div><span class="l">Date of birth</span> 12/01/2008</div></div>
      <div class="box"><div class="t">Order</div><div><span class="l">Procedure</span> CT ABDOMEN PELVIS WITH CONTRAST</div><div><span class="l">Status</span> Active</div>
      <div><span class="l">Reason for exam / ICD-10</span> Right lower quadrant pain for a week; US abdomen 11/12/2026 inconclusive, appendix not seen · R10.31</div></div>
      <div class="box"><div class="t">Appointment</div><div><span class="l">Date</span> 12/02/2026 (Wednesday)</div><div><span class="l">Time</span> 8:00 AM</div></div>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 6575 });
  });
  test("negative: the exam's own line keeps its date", () => {
    const a = read(`<div class="pt"><span>Ella Moss</span> <span>DOB 05/05/2015</span></div>
      <div class="orders"><div class="order cur"><span><b>XR CHEST 2 VIEWS</b> to be done on 11/24/2026 at the children's imaging department, arrive 15 minutes early please</span><span>Status: Active</span></div>
      <div class="order"><span>Physical therapy referral</span><span>Status: Pending</span></div></div>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4221 });
  });
  test('negative: a short unlabelled date cell of the order still dates it', () => {
    const a = read(`<div class="pt"><span>Ella Moss</span> <span>DOB 05/05/2015</span></div>
      <div class="orders"><div class="order cur"><span><b>XR CHEST 2 VIEWS</b></span><span>11/24/2026</span><span>Status: Scheduled</span></div>
      <div class="order"><span>Physical therapy referral</span><span>Status: Pending</span></div></div>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4221 });
  });
});
