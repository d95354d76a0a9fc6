/**
 * An open modal dialog over a chart (layouts written for the test). The dialog is the record the screen is about;
 * but an order composer or order-details dialog often names no patient — the patient is the chart's behind it, and
 * an alert with neither patient nor exam (a session timeout, a confirmation) leaves the chart as it was.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://ehr.example.org/chart/1', { now: NOW });

// The chart behind: a banner of spans (a 6-year-old born 2020-03-02) and a chart's own content.
const chart = `<div class="app"><div class="banner"><span class="nm">Quinn, Theo</span><span>6 y.o. M</span><span>DOB: 2020-03-02</span>
  <span>MRN 7730021</span></div><div class="activity"><h2>Chart Review</h2><p>Allergies: none known.</p></div></div>`;
// An adult's chart behind.
const adultChart = `<div class="app"><div class="banner"><span class="nm">Reyes, Ana</span><span>44 y.o. F</span><span>DOB: 1982-05-10</span>
  <span>MRN 7730022</span></div></div>`;

describe('an order dialog with no patient of its own: the patient is the chart behind it', () => {
  test('role=dialog aria-modal order composer (a chosen procedure, a scheduled date input)', () => {
    const a = read(`${chart}<div role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">Order Composer</h2>
      <div class="row"><span class="k">Procedure</span><select><option>MRI brain wo contrast</option><option selected>CT head wo contrast</option></select></div>
      <div class="row"><span class="k">Scheduled date</span><input value="2026-11-25"></div><button>Accept</button></div>`);
    expect([a.pediatric, a.modality, a.region, a.ageBasis, a.ageDays]).toEqual([true, 'CT', 'head', 'scheduled', 2459]);
  });
  test('<dialog open> order details: a table of fields', () => {
    const a = read(`${chart}<dialog open><h3>Order Details</h3><table><tr><td>Order</td><td>XR chest 2 views</td></tr>
      <tr><td>Priority</td><td>Routine</td></tr><tr><td>Requested date</td><td>2026-11-22</td></tr></table></dialog>`);
    expect([a.pediatric, a.modality, a.region, a.ageBasis, a.ageDays]).toEqual([true, 'DX', 'chest', 'order', 2456]);
  });
  test('the same dialog over an adult\'s chart: an adult', () => {
    const a = read(`${adultChart}<dialog open><h3>Order Details</h3><table><tr><td>Order</td><td>XR chest 2 views</td></tr></table></dialog>`);
    expect([a.pediatric, a.modality]).toEqual([false, 'DX']);
  });
  test('an exam dialog over a list of patients (no chart open): nobody\'s age', () => {
    const a = read(`<table><thead><tr><th>Patient</th><th>Age</th><th>Exam</th></tr></thead><tbody>
      <tr><td>Ada Moss</td><td>6 yo</td><td>XR chest</td></tr><tr><td>Ben Ruiz</td><td>54 yo</td><td>CT head</td></tr></tbody></table>
      <div role="dialog" aria-modal="true"><h2>Protocol</h2><p>Exam: CT abdomen with contrast</p></div>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
});

describe('a dialog with its own patient is read alone', () => {
  test('an appointment dialog naming its patient over another patient\'s chart', () => {
    const a = read(`${adultChart}<div role="dialog" aria-modal="true"><div class="cap">Edit Appointment</div>
      <table><tr><td>Name</td><td>Moss, Ada</td></tr><tr><td>Birthdate</td><td>2016-03-14</td></tr></table>
      <p>Procedure: XR chest 2 views</p></div>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 3903, 'DX']);
  });
});

describe('an alert with neither patient nor exam leaves the chart as it was', () => {
  test.each([
    ['a session timeout alertdialog', `<div role="alertdialog" aria-modal="true"><p>Your session will expire in 2 minutes.</p><button>Stay signed in</button></div>`],
    ['a confirmation <dialog open>', `<dialog open><p>Discard unsaved changes?</p><button>Discard</button><button>Cancel</button></dialog>`],
  ])('%s', (_name, dialog) => {
    const a = read(`${chart.replace('<p>Allergies: none known.</p>', '<p>Orders: XR left wrist 2 views — pending</p>')}${dialog}`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([true, 2454, 'DX']);
  });
});
