/**
 * An adult's page that mentions childhood ages (layouts written for the test): past events told with an age
 * ("at age 8 months", "since age 6", "when she was 4 years old") and the ages of relatives or household members
 * in a social history are not the patient's age; the patient's own age or birth date still is.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');
const read = (body: string): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://emr.example.org/chart/note', { now: NOW });

describe('past events told with an age are history, not the patient\'s age', () => {
  test('a note under a banner with an unlabelled adult age', () => {
    const a = read(`<div class="banner"><span class="n">Marsh, Colin</span><span>52 yrs</span><span>M</span><span>MRN 770312</span></div>
      <div class="note"><h3>History</h3><p>Febrile seizure at age 8 months. Tonsillectomy at age 6. Asthma since age 4, resolved.</p>
      <h3>Plan</h3><p>CT head without contrast today.</p></div>`);
    expect([a.pediatric, a.ageDays, a.modality]).toEqual([false, 18993, 'CT']);
  });
  test('a two-column chart with only a birth date; the history speaks of the patient as a child', () => {
    const a = read(`<table class="demo"><tr><td>Patient</td><td>Quint, Rosa</td></tr><tr><td>Date of birth</td><td>1979-05-02</td></tr></table>
      <section><h4>Past history</h4><div>Broke her left wrist when she was 9 years old; hip dysplasia treated at the age of 3 months.</div>
      <div>Order: XR wrist left 3 views</div></section>`);
    expect([a.pediatric, a.ageBasis, a.modality]).toEqual([false, 'today', 'DX']);
    expect(a.ageDays).toBe(17369);
  });
  test('history ages alone (no age or birth date of the patient) give no age at all', () => {
    const a = read(`<div class="hdr"><span>Patient: Oduya, Ken</span><span>MRN 5510023</span></div>
      <p>Childhood asthma, diagnosed at age 5 years; appendectomy age 12 years.</p><h2>CT chest with contrast</h2>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, null]);
  });
});

describe('ages of people in the patient\'s household are theirs', () => {
  test('a social history with children and their ages', () => {
    const a = read(`<div class="banner"><span>Brandt, Helena</span><span>41 y.o. F</span></div>
      <div><b>Social history:</b> married, two kids (ages 4 and 7 years); her youngest, age 4, has eczema.</div><h2>CT abdomen pelvis with contrast</h2>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, 14975]);
  });
  test('a household table of names and ages beside an adult whose age is a labelled field', () => {
    const a = read(`<div class="pt"><div><span class="lbl">Name</span><span>Ferro, Luca</span></div><div><span class="lbl">Age</span><span>36</span></div></div>
      <h4>Social history</h4><p>Lives with partner and child, age 4 years. Works nights.</p><p>Exam: XR chest 2 views</p>`);
    expect([a.pediatric, a.ageDays]).toEqual([false, 13149]);
  });
});
