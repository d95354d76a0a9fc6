/**
 * analyzePage on pages that are not a patient's: bad, empty, unrelated or hostile input never crashes and never
 * says "pediatric". Property tests throw random markup and text at the page reader and the parsers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { parseAgeText, parseDicomAge } from '../../../content/read/parse/age';
import { parseDate } from '../../../content/read/parse/dates';
import { classifyProcedure } from '../../../content/read/parse/procedure';
import { parseWeight } from '../../../content/read/parse/weight';
import { loadFixture, parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-26T12:00:00Z');

describe('pages with no patient', () => {
  test.each(['login.html', 'news-children.html', 'empty.html'])('%s → not pediatric, no profile', (file) => {
    const p = loadFixture('_bad', file);
    const a = analyzePage(p.doc, p.url, { now: NOW });
    expect([a.pediatric, a.profileId, a.ageDays, a.records]).toEqual([false, null, null, []]);
  });
  test('a URL that is not a URL', () => {
    const p = loadFixture('generic', 'worklist.html');
    expect(analyzePage(p.doc, 'not a url').pediatric).toBe(false);
  });
  test('a document without a body', () => {
    const doc = parseHtml('<html></html>');
    doc.documentElement.removeChild(doc.body);
    expect(analyzePage(doc, 'http://127.0.0.1/x').pediatric).toBe(false);
  });
  test('a profile that throws while reading reports nothing instead of breaking the page', () => {
    const p = loadFixture('orthanc-explorer', 'child-study.html');
    const doc = p.doc;
    Object.defineProperty(doc, 'querySelector', { value: () => { throw new Error('boom'); } });
    const a = analyzePage(doc, p.url, { now: NOW });
    expect(a.pediatric).toBe(false);
  });
  test('an invalid clock falls back to the real one', () => {
    const p = loadFixture('orthanc-explorer', 'child-study.html');
    expect(analyzePage(p.doc, p.url, { now: new Date(Number.NaN) }).ageDays).toBe(2288);
  });
});

test('a path that looks like a known system does not hide an unrelated page from the generic reader', () => {
  const doc = parseHtml('<html><body><main><dl><dt>DOB</dt><dd>2020-08-15</dd></dl></main></body></html>');
  for (const url of ['http://h/ui/app/report', 'http://h/report?StudyInstanceUIDs=1.2.3']) {
    const a = analyzePage(doc, url, { now: NOW });
    expect([a.profileId, a.pediatric]).toEqual(['generic', true]);
  }
});

describe('random input never crashes', () => {
  const snippets = ['<table>', '<tr>', '<th>DOB</th>', '<td>', '08/15/2020', '<dt>Age</dt>', '<dd>', '6 y.o.', '<label for="x">Weight</label>',
    '<input id="x" value="20 kg">', '</table>', '<main>', 'Procedure: CT HEAD', '<dialog open>', 'Study date', '<thead>', '</div>', '<div hidden>', 'Ordered', '</dl>'];
  test('analyzePage over random markup made of page-like pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...snippets), { maxLength: 40 }), fc.constantFrom('http://127.0.0.1/app', 'http://h/ui/app/', 'http://h/interface/main/tabs/main.php', 'http://h/openmrs/spa/patient/x/chart'), (parts, url) => {
        const a = analyzePage(parseHtml(`<html><body>${parts.join('')}</body></html>`), url, { now: NOW });
        expect(typeof a.pediatric).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });
  test('parsers over arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        parseDate(s);
        parseDate(s, 'DMY');
        parseAgeText(s);
        parseDicomAge(s);
        parseWeight(s);
        classifyProcedure(s);
      }),
      { numRuns: 1000 },
    );
  });
});
