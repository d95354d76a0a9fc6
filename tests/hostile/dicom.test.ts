/**
 * Hostile DICOM from the PACS: DICOM JSON (DICOMweb), Orthanc's short tags and Part 10 files. Whatever the server
 * sends, every reader returns a result (null, a refusal, or a value), and a dose report nested without end is read
 * to a fixed depth (the sequence items opened are counted, not the time).
 */
import dcmjs from 'dcmjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCtPart10 } from '../../clinical/dicom-part10';
import { DicomJsonArraySchema, OrthancShortTagsSchema, TAG, viewDicomJson, viewOrthancTags, type DicomView } from '../../content/pacs/dicom-data';
import { readFrameTags } from '../../content/pacs/pixel-module';
import { readCtDoseReport } from '../../content/pacs/rdsr';
import { studyFacts } from '../../content/pacs/study-facts';

const { DicomMetaDictionary, DicomDict } = dcmjs.data;

/** Every reader the PACS route runs over one dataset. */
function readAll(view: DicomView): void {
  studyFacts(view, 'API', ['CT']);
  readCtDoseReport(view);
  readFrameTags(view, '1.2.840.10008.1.2.1');
  readFrameTags(view);
}

/** A view that counts the sequence items it hands out. */
function counting(view: DicomView, count: { items: number }): DicomView {
  return {
    values: (tag) => view.values(tag),
    bulkDataUri: (tag) => view.bulkDataUri(tag),
    items: (tag) => view.items(tag).map((item) => (count.items++, counting(item, count))),
  };
}

const TAGS = [...Object.values(TAG), '0040A730', '0040A043', '00080100', '00080102', '0040A30A', '004008EA', '0040A300', '7FE00010', 'FFFFFFFF'];
const text = fc.oneof(
  fc.constantFrom('', ' ', '\\', '006Y', '20200101', '5.2', '-0', 'NaN', '1e309', 'mGy', 'DCM', '113819', '113701', '113830', 'constructor', '__proto__', '1.2.840.10008.1.2.1', '1.2.840.10008.5.1.4.1.1.88.67', '\u202e'),
  fc.string({ maxLength: 12 }),
);
const scalar = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null), fc.record({ Alphabetic: text }));
const vr = fc.constantFrom('CS', 'DA', 'DS', 'IS', 'LO', 'SH', 'UI', 'US', 'FD', 'PN', 'SQ', 'OB', 'XX');

/** DICOM JSON datasets: known and random tags, any VR with any values, sequences of the same, a few levels deep. */
const dicomJson = fc.letrec<{ dataset: Record<string, unknown> }>((tie) => ({
  dataset: fc.dictionary(
    fc.oneof(fc.constantFrom(...TAGS), fc.stringMatching(/^[0-9A-Fa-f]{8}$/), fc.constantFrom('__proto__', 'constructor', '0010,0010')),
    fc.oneof(
      { depthSize: 'small' },
      fc.record({ vr, Value: fc.array(scalar, { maxLength: 3 }) }, { requiredKeys: ['vr'] }),
      fc.record({ vr: fc.constant('SQ'), Value: fc.array(tie('dataset'), { maxLength: 2 }) }),
      fc.record({ vr, BulkDataURI: text }),
      scalar,
    ),
    { maxKeys: 8 },
  ),
})).dataset;

const orthancTags = fc.letrec<{ tags: Record<string, unknown> }>((tie) => ({
  tags: fc.dictionary(
    fc.oneof(fc.constantFrom(...TAGS.map((t) => `${t.slice(0, 4)},${t.slice(4)}`)), fc.constantFrom('__proto__', 'constructor')),
    fc.oneof({ depthSize: 'small' }, text, fc.constant(null), fc.array(tie('tags'), { maxLength: 2 }), fc.integer()),
    { maxKeys: 8 },
  ),
})).tags;

describe('DICOM JSON and Orthanc tags from the server', () => {
  it('DICOM JSON: a dataset that passes the schema is read by every reader without throwing', () => {
    fc.assert(
      fc.property(fc.array(dicomJson, { maxLength: 3 }), (datasets) => {
        const parsed = DicomJsonArraySchema.safeParse(JSON.parse(JSON.stringify(datasets)));
        if (parsed.success) for (const d of parsed.data) readAll(viewDicomJson(d));
      }),
      { numRuns: 300 },
    );
  });

  it('Orthanc short tags: the same', () => {
    fc.assert(
      fc.property(orthancTags, (tags) => {
        const parsed = OrthancShortTagsSchema.safeParse(JSON.parse(JSON.stringify(tags)));
        if (parsed.success) readAll(viewOrthancTags(parsed.data));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a dose report nested without end', () => {
  const code = (v: string) => `{"00080100":{"vr":"SH","Value":["${v}"]},"00080102":{"vr":"SH","Value":["DCM"]}}`;
  /** Root → CT Acquisition → `depth` nested content items (2.3 MB at 16,000). */
  const nested = (depth: number) => {
    const open = `{"0040A043":{"vr":"SQ","Value":[${code('999')}]},"0040A730":{"vr":"SQ","Value":[`;
    const inner = open.repeat(depth) + '{}' + ']}}'.repeat(depth);
    return `{"0040A043":{"vr":"SQ","Value":[${code('113701')}]},"0040A730":{"vr":"SQ","Value":[{"0040A043":{"vr":"SQ","Value":[${code('113819')}]},"0040A730":{"vr":"SQ","Value":[${inner}]}}]}}`;
  };

  it('is read to a fixed depth: no stack overflow, and the items opened do not grow with the nesting', () => {
    const count = { items: 0 };
    const reading = readCtDoseReport(counting(viewDicomJson(DicomJsonArraySchema.parse([JSON.parse(nested(16_000))])[0]!), count));
    expect(reading?.events).toHaveLength(1);
    expect(count.items).toBeLessThan(100);
  });
});

describe('Part 10 files', () => {
  function ctFile(): Uint8Array {
    const pixels = new Uint16Array(16 * 16).fill(1000);
    const meta = {
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
      MediaStorageSOPInstanceUID: '2.25.4242',
      TransferSyntaxUID: '1.2.840.10008.1.2.1',
      ImplementationClassUID: '2.25.1',
    };
    const dataset = {
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.2', SOPInstanceUID: '2.25.4242', Modality: 'CT', SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2', Rows: 16, Columns: 16, PixelSpacing: [0.5, 0.5], BitsAllocated: 16,
      BitsStored: 16, HighBit: 15, PixelRepresentation: 0, RescaleIntercept: -1024, RescaleSlope: 1,
      PixelData: [pixels.buffer], _vrMap: { PixelData: 'OW' },
    };
    const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
    dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
    return new Uint8Array(dict.write());
  }
  const file = ctFile();

  it('the unmodified file decodes (the generator below starts from a real file)', () => {
    expect(decodeCtPart10(file)).toMatchObject({ ok: true, rows: 16, cols: 16 });
  });

  it('a file with bytes changed, cut short or inserted anywhere gives a result, never an exception', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(file.length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(file.length) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(file.length), bytes: fc.uint8Array({ maxLength: 16 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.integer({ min: -1, max: 3 }), (edits, frame) => {
        let bytes = file.slice();
        for (const e of edits) {
          if (e.kind === 'set') bytes[Math.min(e.at, bytes.length - 1)] = e.byte;
          else if (e.kind === 'cut') bytes = bytes.slice(0, e.at);
          else bytes = Uint8Array.from([...bytes.slice(0, e.at), ...e.bytes, ...bytes.slice(e.at)]);
        }
        const r = decodeCtPart10(bytes, frame);
        expect(typeof r.ok).toBe('boolean');
      }),
      {
        numRuns: Number(process.env.HOSTILE_RUNS ?? 500),
        // Found by this property: a zeroed length byte in PixelSpacing made dicom-parser throw on reading it.
        examples: [[[{ kind: 'set', at: 235, byte: 0 }], 0]],
      },
    );
  });

  it('random bytes and empty files are "not-dicom"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeCtPart10(bytes)).toMatchObject({ ok: false, reason: 'not-dicom' });
      }),
    );
  });
});

describe('a dose report of thousands of irradiation events', () => {
  it('is read up to 200 events', () => {
    const code = (v: string) => ({ '00080100': { vr: 'SH', Value: [v] }, '00080102': { vr: 'SH', Value: ['DCM'] } });
    const item = (concept: string, children: object[] = []) => ({ '0040A043': { vr: 'SQ', Value: [code(concept)] }, '0040A730': { vr: 'SQ', Value: children } });
    const report = item('113701', Array.from({ length: 3000 }, () => item('113819', [item('113822')])));
    const reading = readCtDoseReport(viewDicomJson(DicomJsonArraySchema.parse([report])[0]!));
    expect(reading?.events).toHaveLength(200);
  });
});
