/**
 * A patient portal's upcoming exam (layouts written for the test): the exam named as a card's heading with its long
 * date ("Thursday December 17, 2026", "Thu, Dec 17" with no year: the day near today on that weekday), the time
 * and the place, seen by a parent with proxy access; a scheduling screen's chosen slot written as text ("Your
 * appointment:", "Selected:") wins over the date the order was received. Past visits are history.
 * Maya Chen, born 2019-05-14; today is 2026-12-07 (a Monday).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>MyHealth - Visits</title></head><body>${body}</body></html>`), 'https://mychart.example.org/MyChart/Visits', { now: NOW });
const got = (a: PageAnalysis) => [a.ageBasis, a.ageDays, a.modality];
/** Days from 2019-05-14. */
const AT = { '2026-12-02': 2759, '2026-12-07': 2764, '2026-12-17': 2774 } as const;

const proxy = `<div class="topbar"><span>MyHealth</span> <span>Logged in as Laura Chen</span> <a>Log out</a></div>
  <div class="proxy"><img alt=""> You are viewing the record of <b>Maya Chen</b> · DOB 05/14/2019 <a>Switch</a></div>`;

describe("a portal's upcoming exam card gives the scheduled date", () => {
  test('cards with the exam as heading, the weekday and long date, arrival time and place (proxy view)', () => {
    const a = read(`${proxy}<h1>Visits</h1><div role="tablist"><button role="tab" aria-selected="true">Upcoming</button><button role="tab">Past</button></div>
      <div class="card"><h2>XR CHEST 2 VIEWS</h2><div class="when"><span class="dow">Thursday</span> <span>December 17, 2026</span></div>
        <div>Arrive by 10:15 AM · Starts at 10:30 AM</div><div>Children's Imaging Center, Floor 2</div><a>Details</a> <a>Cancel</a></div>
      <div class="card"><h2>Office Visit with Elena Ortiz, MD</h2><div class="when">Monday January 11, 2027</div><div>9:00 AM · Pediatrics West</div></div>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-17'], 'DX']);
  });
  test('a compact list: "Thu, Dec 17" with no year and the time, the exam beside it', () => {
    const a = read(`${proxy}<h2>Coming up</h2><ul class="appts">
      <li><div class="d">Thu, Dec 17 · 10:30 AM</div><div class="t"><b>CT Abdomen Pelvis with contrast</b></div><div>Radiology - Main Hospital</div></li>
      <li><div class="d">Mon, Jan 11 · 9:00 AM</div><div class="t">Well Child Visit</div></li></ul>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-17'], 'CT']);
  });
  test('a scheduling screen: "Your appointment: Thursday, December 17, 2026" beats "Order received"', () => {
    const a = read(`${proxy}<h2>Schedule an appointment</h2><dl><dt>Test</dt><dd>FL Upper GI series</dd><dt>Order received</dt><dd>12/02/2026</dd></dl>
      <div class="confirm">Your appointment: Thursday, December 17, 2026 at 10:30 AM, Children's Imaging Center</div>`);
    expect(got(a)).toEqual(['scheduled', AT['2026-12-17'], 'RF']);
    const b = read(`${proxy}<h2>Schedule an appointment</h2><p>Order: VCUG (voiding cystourethrogram)</p><p>Order received 12/02/2026</p>
      <p class="pick">Selected: Thu Dec 17, 10:30 AM</p><button>Schedule it</button>`);
    expect(got(b)).toEqual(['scheduled', AT['2026-12-17'], 'RF']);
  });
});

describe('what is not the upcoming exam', () => {
  test('a past visit card (Past tab) is history: aged today', () => {
    const a = read(`${proxy}<h1>Visits</h1><h2>Past Visits</h2>
      <div class="card"><h3>XR CHEST 2 VIEWS</h3><div class="when">Tuesday October 6, 2026</div><div>Children's Imaging Center</div></div>`);
    expect(a.ageBasis).toBe('today');
    expect(a.ageDays).toBe(AT['2026-12-07']);
  });
  test('a date with no year whose weekday matches no such day within half a year of today is not a date', () => {
    const a = read(`${proxy}<h2>Coming up</h2><ul class="appts"><li><div class="d">Wed, Dec 17 · 10:30 AM</div><div><b>CT Abdomen Pelvis with contrast</b></div></li></ul>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['today', AT['2026-12-07']]);
  });
});
