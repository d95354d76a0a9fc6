/**
 * A course of treatment told done ("amoxicillin 3 weeks, completed 03/20/2026") is another event than the exam: its
 * date is no exam date (layouts written for the test). An exam told completed still is.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>Order</title></head><body>${body}</body></html>`), 'https://ehr.example.org/order/7', { now: NOW });
const got = (a: PageAnalysis) => ({ basis: a.ageBasis, days: a.ageDays });

describe('a course of treatment told done is no exam', () => {
  test('an order composer\'s sidebar: "Recent meds — azithromycin x10 days, completed"', () => {
    const a = read(`<div class="pt"><b>Ella Moss</b> · DOB 05/05/2015</div><h3>CT Temporal Bones w/o Contrast</h3>
      <div class="fr"><label>Requested date</label><input type="text" value="11/24/2026"></div>
      <div class="side"><div class="i"><b>Recent meds</b><br>azithromycin x10 days, completed 10/30/2026</div></div>`);
    expect(got(a)).toEqual({ basis: 'order', days: 4221 });
  });
  test('a chart line: "Steroid course done 11/02/2026" beside a scheduled X-ray', () => {
    const a = read(`<div>Patient: Ella Moss</div><div>DOB: 05/05/2015</div><div>Exam: XR chest 2 views</div>
      <div>Scheduled: 11/24/2026</div><ul><li>Oral steroid course done 11/02/2026</li></ul>`);
    expect(got(a)).toEqual({ basis: 'scheduled', days: 4221 });
  });
  test('negative: an exam told completed keeps its date', () => {
    const a = read(`<div>Patient: Ella Moss</div><div>DOB: 05/05/2015</div><div>Exam: XR chest 2 views</div><div>Completed: 11/18/2026</div>`);
    expect(got(a)).toEqual({ basis: 'exam', days: 4215 });
  });
});
