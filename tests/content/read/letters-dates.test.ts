/**
 * Letters and notes (layouts written for the test): the exam asked for is the exam, not one named only as a
 * possible next step; a date in prose about an earlier exam is not the reference date; a scheduled date wins over
 * the date an order was received.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://docs.example.org/letter/88', { now: NOW });

describe('possible next steps are not the exam', () => {
  test('a referral letter: the requested ultrasound, not the CT it may lead to', () => {
    const a = read(`<div class="letter"><p>Re: Lopez, Ines — DOB 06/30/2017</p>
      <p>I have requested an ultrasound of the abdomen for this girl with recurrent pain. Depending on the result we may go on to a CT abdomen.</p></div>`);
    expect([a.pediatric, a.modality, a.campaigns]).toEqual([true, 'US', []]);
  });
  test('a clinic note plan: XR requested; MRI only "to be considered"', () => {
    const a = read(`<div class="hdr"><span>Patient: Chen, Max</span><span>Age: 13</span></div>
      <h3>Plan</h3><ol><li>XR knee right 2 views requested today.</li><li>MRI knee to be considered if pain persists.</li></ol>`);
    expect([a.modality, a.campaigns]).toEqual(['DX', ['radiography']]);
  });
});

describe('dates by role in prose and forms', () => {
  test('a prior exam\'s date in the clinical history is not the reference; the appointment is', () => {
    const a = read(`<div class="hdr"><span>Patient: Diaz, Rafa</span><span>DOB: 01/10/2015</span></div>
      <p>Exam: CT abdomen with contrast</p><p>History: abdominal pain; ultrasound on 10/02/2026 showed a mass.</p><p>Appointment: 11/25/2026</p>`);
    expect([a.ageBasis, a.ageDays]).toEqual(['scheduled', 4337]);
  });
  test('scheduled beats the date the order was received', () => {
    const a = read(`<div class="hdr"><span>Patient: Berg, Ola</span><span>DOB: 2012-12-01</span></div>
      <div><span class="k">Order received</span> <span>2026-11-02</span></div><div><span class="k">Scheduled for</span> <span>2026-12-03</span></div><h2>CT head without contrast</h2>`);
    expect([a.ageBasis, a.ageDays, a.pediatric]).toEqual(['scheduled', 5115, true]);
  });
});
