/**
 * Whose age: a birth date in the patient's header (beside the patient's name or record number) against an age told
 * elsewhere on the page that disagrees with it ("Linked accounts: Ana Ruiz (age 9)", "Also booked today: Leo Marsh,
 * Age: 7") — the age is that other person's, the birth date is the patient's (layouts written for the test): a
 * definition-list card with a side panel of linked accounts, a table of label cells with a proxy-access line below, a
 * banner of label spans with a messages box.
 * Negatives: an age that agrees with the birth date stays; an age in the patient's header still wins over a birth date
 * elsewhere; a child's header birth date beside an adult's stray age reads as the child; with no birth date in a
 * header the labelled age is kept.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>Appointment</title></head><body>${body}</body></html>`), 'https://portal.example-clinic.org/appt/88', { now: NOW });
const got = (a: PageAnalysis) => ({ pediatric: a.pediatric, days: a.ageDays });
const days = (iso: string) => Math.round((Date.UTC(2026, 11, 7) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000);

const dlCard = (name: string, dob: string, exam: string, aside: string) =>
  `<div class="main"><div class="card"><h1>Your appointment</h1><dl><dt>Patient</dt><dd>${name}</dd><dt>Date of birth</dt><dd>${dob}</dd><dt>Procedure</dt><dd>${exam}</dd></dl></div></div>
   <div class="side"><div class="card"><h3>Linked accounts</h3>You can see: <br>${aside}</div></div>`;
const labelTable = (name: string, dob: string, exam: string, aside: string) =>
  `<table class="info"><tr><th>Name</th><td>${name}</td></tr><tr><th>DOB</th><td>${dob}</td></tr><tr><th>Exam</th><td>${exam}</td></tr></table>
   <div class="more"><p>Proxy access</p><p>${aside}</p></div>`;
const spanBanner = (name: string, dob: string, exam: string, aside: string) =>
  `<div class="banner"><span class="k">Name:</span> <span>${name}</span> <span class="k">Born:</span> <span>${dob}</span> <span class="k">MRN:</span> <span>00418832</span></div>
   <div class="order"><span class="k">Ordered:</span> <span>${exam}</span></div>
   <div class="box"><div>Messages</div><div>${aside}</div></div>`;

const adult = ['LINDGREN, Maria', '03/14/1970'] as const;
const child = ['OKORO, Tobi', '05/22/2019'] as const;
const layouts = [
  ['definition-list card with a linked-accounts panel', dlCard],
  ['table of label cells with a proxy-access line', labelTable],
  ['banner of label spans with a messages box', spanBanner],
] as const;

describe("a birth date in the patient's header wins over a disagreeing age told elsewhere", () => {
  test.each(layouts)("%s: an adult's birth date beside a child's '(age 9)' reads as the adult", (_, layout) => {
    const a = read(layout(adult[0], adult[1], 'XR CHEST 2 VIEWS', '<b>Ana Lindgren</b> (age 9) — limited access'));
    expect(got(a)).toEqual({ pediatric: false, days: days('1970-03-14') });
  });

  test.each(layouts)("%s: an adult's birth date beside 'Age: 7' of another person reads as the adult", (_, layout) => {
    const a = read(layout(adult[0], adult[1], 'CT HEAD WITHOUT CONTRAST', 'Leo Marsh, Age: 7'));
    expect(got(a)).toEqual({ pediatric: false, days: days('1970-03-14') });
  });

  test.each(layouts)("%s: a child's birth date beside an adult's '(age 44)' reads as the child", (_, layout) => {
    const a = read(layout(child[0], child[1], 'XR CHEST 2 VIEWS', '<b>Grace Okoro</b> (age 44)'));
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-05-22') });
  });
});

describe('negatives', () => {
  test.each(layouts)('%s: an age that agrees with the birth date is kept', (_, layout) => {
    const a = read(layout(child[0], child[1], 'XR CHEST 2 VIEWS', '<b>Tobi Okoro</b> (age 7)'));
    expect(got(a)).toEqual({ pediatric: true, days: days('2019-05-22') });
  });

  test("an age in the patient's header wins over a birth date outside any header", () => {
    const a = read(
      `<div class="banner"><span>OKORO, Tobi</span> <span>Age: 7 y</span> <span>MRN 00418832</span></div>
       <p>Exam: XR CHEST 2 VIEWS</p><div class="notes"><p>Reminder</p><p>Renew card by 01/05/1979</p></div>`,
    );
    expect(got(a).pediatric).toBe(true);
  });

  test('with no birth date in a patient header the labelled age is kept', () => {
    const a = read(`<div class="order"><div>Exam: XR WRIST 3 VIEWS</div><div>Age: 6</div></div>`);
    expect(got(a).pediatric).toBe(true);
    expect(got(a).days).toBeGreaterThanOrEqual(6 * 365);
  });
});
