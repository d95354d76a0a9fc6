/**
 * One patient's studies (an archive's patient page, a PACS navigation with one patient expanded over its study rows,
 * a viewer's study browser): the newest study is the open exam — its modality, region and date — and older ones are
 * priors. A link back to the list of patients ("← Patients") is navigation, not a section of other people.
 * Several patients are a list (nothing open). Layouts written for the test: a patient card of DICOM keywords beside a
 * list of studies, a table of one patient row over its study rows, a div grid with a back link.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T10:00:00Z');

function read(body: string, url = 'https://archive.example.org/app/patient'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>Archive</title></head><body>${body}</body></html>`), url, { now: NOW });
}

describe('a link back to the list of patients is not a section of other people', () => {
  test('a patient card of DICOM keywords under a header "← Patients · Patient" (list items)', () => {
    const a = read(`<div class="page-header"><a class="back">&#8592; Patients</a>Patient</div>
      <div class="page"><ul><li><b>PatientBirthDate</b>20150302</li><li><b>PatientName</b>LAMBERT^ZOE</li><li><b>PatientSex</b>F</li></ul></div>`);
    // Born 2015-03-02, today 2026-12-07.
    expect([a.pediatric, a.ageDays]).toEqual([true, 4298]);
  });
  test('label above value blocks after a "‹ Back to patient list" bar', () => {
    const a = read(`<h2>‹ Back to patient list</h2>
      <div class="card"><div class="f"><div class="l">Name</div><div class="v">Okafor, Ben</div></div>
      <div class="f"><div class="l">Date of birth</div><div class="v">1975-04-11</div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 18 * 365).toBe(true);
  });
  test('negative: a title naming a list of patients still marks its rows as other people\'s', () => {
    const a = read(`<h2>Recent patients</h2><ul><li>Roe, Tim · DOB 2018-01-01</li><li>Hale, Amy · DOB 2017-02-02</li></ul>`);
    expect(a.pediatric).toBe(false);
  });
});
