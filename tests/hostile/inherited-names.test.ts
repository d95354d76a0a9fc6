/**
 * Names read from input (a policy key, a transfer syntax UID, a unit or phantom code, a tag in a page) are looked
 * up only among a table's own entries: "constructor", "__proto__" or "toString" are unknown names like any other,
 * never a function or an object inherited from Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { transferSyntaxName } from '../../clinical/ct-frame';
import { parseMultipart } from '../../content/pacs/multipart';
import { phantomFromCode } from '../../content/pacs/phantom';
import { DicomJsonArraySchema, viewDicomJson } from '../../content/pacs/dicom-data';
import { readCtDoseReport } from '../../content/pacs/rdsr';
import { readPage } from '../../content/analyze';
import { parsePolicy } from '../../settings/policy';
import { fixture } from '../helpers/fake-pacs';
import { loadFixture, parseHtml } from '../helpers/pages';

const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe.each(NAMES)('"%s" from input is an unknown name', (name) => {
  it('a policy key: reported as not recognised, nothing thrown', () => {
    const raw = JSON.parse(`{${JSON.stringify(name)}: 1, "pediatricCutoffYears": 16}`);
    const r = parsePolicy(raw);
    expect(r.value).toEqual({ pediatricCutoffYears: 16 });
    expect(r.issues).toEqual([`policy key not recognised: ${name}`]);
  });

  it('a transfer syntax UID: named by itself', () => {
    expect(transferSyntaxName(name)).toBe(name);
  });

  it('a CTDI phantom code or meaning: unknown', () => {
    expect(phantomFromCode({ scheme: 'DCM', value: name, meaning: '' }).kind).toBe('unknown');
    expect(phantomFromCode({ scheme: '99LOCAL', value: '', meaning: name }).kind).toBe('unknown');
  });

  it('a CTDIvol unit in a dose report: no value (not NaN)', () => {
    const sr = JSON.parse(JSON.stringify(fixture('dicomweb-child-sr-metadata')).replaceAll('"mGy"', JSON.stringify(name)));
    const event = readCtDoseReport(viewDicomJson(DicomJsonArraySchema.parse(sr)[0]!))!.events[1]!;
    expect(event.ctdiVolMGy).toBeNull();
  });

  it('a tag in Orthanc Explorer\'s tag tree: no fact', () => {
    const page = loadFixture('orthanc-explorer', 'child-instance.html');
    const doc = parseHtml(page.html.replace('<span class="title">0018,0015<', `<span class="title">${name}<`));
    const facts = readPage(doc, page.url).primary ?? [];
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => typeof f.kind === 'string')).toBe(true);
  });

  it('a multipart part header: kept as the header it is', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const body = enc(`--b\r\n${name}: x\r\nContent-Type: application/dicom\r\n\r\nDATA\r\n--b--\r\n`);
    const [part] = parseMultipart(body, 'multipart/related; boundary=b');
    expect(Object.entries(part!.headers)).toEqual([[name.toLowerCase(), 'x'], ['content-type', 'application/dicom']]);
  });
});
