/**
 * Tables whose header row is made of `<td>` cells (no `<th>`), with a selected row — by class, `aria-selected`, or the
 * one ticked check box of the list — in a progress note's imaging orders and in a RIS list: the header cells name the
 * columns, the selected row is the open order, the other rows (received, done, older) are not the exam. A list of
 * other people ("Worklist") with one selected row and no patient of the page's own outside it: that row is open.
 * Each layout is written for the test (none is a corpus page).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>EHR</title></head><body>${body}</body></html>`), 'https://ehr.example.org/app/x', { now: NOW });
}

const BANNER = `<div class="b"><span>DIAZ, ANA</span> · <span>6 y.o. F</span> · <span>MRN 0045120</span></div>`;

describe('a progress note\'s imaging orders under a header row of td cells', () => {
  test('a title row, then a header row of td cells; the selected (class) row is the open order, an MRI', () => {
    const a = read(`${BANNER}<h3>Progress note</h3><p>Seen for headaches. Plan below.</p>
      <table class="grid"><tr><td colspan="4" class="ttl">Diagnostic Imaging Orders</td></tr>
      <tr class="colhdr"><td>Order Name</td><td>Priority</td><td>Status</td><td>Order Date</td></tr>
      <tr><td>XR CHEST 2 VIEWS</td><td>Routine</td><td>Received</td><td>11/02/2026</td></tr>
      <tr class="selected"><td>MR BRAIN WO CONTRAST</td><td>Routine</td><td>Ordered</td><td>12/01/2026</td></tr>
      <tr><td>CT ABDOMEN PELVIS W CONTRAST</td><td>STAT</td><td>Received</td><td>11/20/2026</td></tr></table>`);
    expect(a.pediatric).toBe(true);
    expect(a.examDescription).toBe('MR BRAIN WO CONTRAST');
    expect(a.modality).toBe('MR');
    expect(a.campaigns).toEqual([]);
  });
  test('header cells in strong tags, the one ticked check box marks the open order (a fluoroscopy study)', () => {
    const a = read(`${BANNER}<p>Orders</p><table><tbody>
      <tr><td></td><td><strong>Procedure</strong></td><td><strong>Status</strong></td><td><strong>Ordered</strong></td></tr>
      <tr><td><input type="checkbox"></td><td>CT HEAD WO CONTRAST</td><td>Completed</td><td>10/02/2026</td></tr>
      <tr><td><input type="checkbox" checked></td><td>FL VCUG</td><td>Ordered</td><td>12/01/2026</td></tr>
      <tr><td><input type="checkbox"></td><td>US RENAL</td><td>Ordered</td><td>12/02/2026</td></tr></tbody></table>`);
    expect(a.examDescription).toBe('FL VCUG');
    expect(a.campaigns).toEqual(['fluoroscopy']);
  });
});

describe('a RIS list under a header row of td cells', () => {
  const LIST = (rows: string, title = 'CT Room 2') => `<h2>${title}</h2><table class="wl">
    <tr><td></td><td>Patient</td><td>Age</td><td>Procedure</td><td>Status</td><td>Sched Date</td></tr>${rows}</table>`;
  const row = (box: string, name: string, age: string, exam: string, extra = '') =>
    `<tr${extra}><td><input type="checkbox"${box}></td><td>${name}</td><td>${age}</td><td>${exam}</td><td>Scheduled</td><td>12/07/2026</td></tr>`;
  test('the one ticked row is the open order: its patient and exam', () => {
    const a = read(LIST(row('', 'KOVAC, IVO', '54 yrs', 'CT CHEST W CONTRAST') + row(' checked', 'NGUYEN, BAO', '7 yrs', 'XR ABDOMEN 1 VIEW') + row('', 'PARK, JIN', '33 yrs', 'US PELVIS')));
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(2556);
    expect(a.examDescription).toBe('XR ABDOMEN 1 VIEW');
  });
  test('under a "Worklist" title, the selected (class) row is the open order', () => {
    const a = read(LIST(row('', 'KOVAC, IVO', '54 yrs', 'CT CHEST W CONTRAST') + row('', 'NGUYEN, BAO', '7 yrs', 'XR ABDOMEN 1 VIEW', ' class="selected"') + row('', 'PARK, JIN', '33 yrs', 'US PELVIS'), 'Radiology worklist'));
    expect(a.pediatric).toBe(true);
    expect(a.examDescription).toBe('XR ABDOMEN 1 VIEW');
  });
  test('negative: two ticked rows are a batch, not an open order', () => {
    const a = read(LIST(row(' checked', 'KOVAC, IVO', '54 yrs', 'CT CHEST W CONTRAST') + row(' checked', 'NGUYEN, BAO', '7 yrs', 'XR ABDOMEN 1 VIEW') + row('', 'PARK, JIN', '33 yrs', 'US PELVIS')));
    expect(a.pediatric).toBe(false);
    expect(a.examDescription).toBeNull();
  });
  test('negative: a chart of its own beside a "Worklist" whose selected row is another patient\'s', () => {
    const a = read(`<div class="b"><span>LOPEZ, MARIA</span> · <span>45 yo F</span> · <span>MRN 0049911</span></div><div><b>Exam:</b> CT CHEST W CONTRAST</div>` +
      LIST(row('', 'KOVAC, IVO', '54 yrs', 'CT ABDOMEN W CONTRAST') + row('', 'NGUYEN, BAO', '7 yrs', 'XR ABDOMEN 1 VIEW', ' class="selected"'), 'Worklist'));
    expect(a.pediatric).toBe(false);
    expect(a.examDescription).toBe('CT CHEST W CONTRAST');
  });
});
