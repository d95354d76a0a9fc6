/**
 * Birth dates in more forms and places (layouts written for the test): a DOB followed by the age in brackets with no
 * label, "Born" in another block than the age, a letter's "Re:" lines. When a birth date is there, the age at the
 * reference date comes from it (exact days), not from the whole years shown.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://portal.example.org/doc', { now: NOW });

describe('the birth date gives the exact age', () => {
  test('DOB then the age in brackets, no label for the age; a scheduled date', () => {
    const a = read(`<div class="ban"><span>Tran, Vy</span><span>DOB 04/15/2016 (10y)</span><span>F</span></div>
      <p>Exam: CT chest without contrast</p><p>Scheduled: 11/27/2026</p>`);
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3878, 'scheduled']);
  });
  test('"Born" in another block than the age shown in years', () => {
    const a = read(`<div class="top"><span>Okoye, Ben</span> · <span>8 yrs</span> · <span>M</span></div>
      <div class="side"><div>Born 2018-02-03</div><div>Language: English</div></div><h2>XR chest 2 views</h2>`);
    expect([a.pediatric, a.ageDays, a.ageBasis]).toEqual([true, 3212, 'today']);
  });
  test('a letter: "Re:" lines with the date of birth', () => {
    const a = read(`<div class="letter"><p>Dear Dr Patel,</p><p>Re: Hana Sato<br>Date of birth: 12 March 2014<br>Hospital no: 55120</p>
      <p>Thank you for seeing this 12-year-old girl. I have requested a CT of the sinuses.</p></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([true, 4636]);
  });
});
