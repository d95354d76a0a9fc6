import { describe, expect, it } from 'vitest';
import {
  codeOf,
  DicomJsonArraySchema,
  firstCode,
  numberOf,
  numbersOf,
  OrthancShortTagsSchema,
  parseDicomNumber,
  TAG,
  tagText,
  viewDicomJson,
  viewOrthancTags,
} from '../../../content/pacs/dicom-data';
import { fixture, fixtureIndex } from '../../helpers/fake-pacs';

const dicomweb = () => DicomJsonArraySchema.parse(fixture('dicomweb-child-axial-metadata')).map(viewDicomJson);

describe('DICOM JSON (DICOMweb metadata as Orthanc returns it)', () => {
  it('reads strings, numbers, person names and code sequences', () => {
    const view = dicomweb()[0]!;
    expect(view.values(TAG.ImageType)).toEqual(['ORIGINAL', 'PRIMARY', 'AXIAL']);
    expect(tagText(view, TAG.PatientAge)).toBe('004Y');
    expect(tagText(view, TAG.PatientBirthDate)).toBe('20221101');
    expect(numberOf(view, TAG.CTDIvol)).toBe(5);
    expect(numbersOf(view, TAG.ImageOrientationPatient)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(numberOf(view, TAG.PixelPaddingValue)).toBe(-2000);
    expect(tagText(view, '00100010')).toBe('TEST^CHILD^FOUR');
    expect(firstCode(view, TAG.CTDIPhantomTypeCodeSequence)).toEqual({ value: '113691', scheme: 'DCM', meaning: 'IEC Body Dosimetry Phantom' });
    expect(view.bulkDataUri(TAG.PixelData)).toMatch(/\/bulk\/7fe00010$/);
  });

  it('treats lower-case tag keys like upper-case ones', () => {
    const view = viewDicomJson({ '0008103e': { vr: 'LO', Value: ['AXIAL'] } });
    expect(tagText(view, TAG.SeriesDescription)).toBe('AXIAL');
  });

  it('drops sequence items that are not datasets instead of trusting them', () => {
    const view = viewDicomJson({
      '00189346': { vr: 'SQ', Value: ['not a dataset', { '00080100': { vr: 'SH', Value: ['113690'] } }, { bad: 1 }] },
    });
    const items = view.items(TAG.CTDIPhantomTypeCodeSequence);
    expect(items).toHaveLength(1);
    expect(codeOf(items[0]!)).toEqual({ value: '113690', scheme: '', meaning: '' });
    expect(view.values(TAG.CTDIPhantomTypeCodeSequence)).toEqual([]);
  });

  it('rejects a response that is not the DICOM JSON model', () => {
    expect(DicomJsonArraySchema.safeParse([{ '00100010': 'TEST' }]).success).toBe(false);
    expect(DicomJsonArraySchema.safeParse([{ 'PatientName': { vr: 'PN' } }]).success).toBe(false);
    expect(DicomJsonArraySchema.safeParse({ '00100010': { vr: 'PN' } }).success).toBe(false);
  });
});

describe("Orthanc's short tags", () => {
  it('reads the same facts as DICOMweb for the same instance', () => {
    const json = dicomweb();
    for (const n of Object.keys(fixtureIndex().child.instances)) {
      const orthanc = viewOrthancTags(OrthancShortTagsSchema.parse(fixture(`orthanc-child-tags-${n}`)));
      const sop = tagText(orthanc, TAG.SOPInstanceUID);
      const twin = json.find((v) => tagText(v, TAG.SOPInstanceUID) === sop);
      expect(twin, `instance ${sop} in both`).toBeDefined();
      for (const tag of [TAG.ImagePositionPatient, TAG.PixelSpacing, TAG.RescaleIntercept, TAG.RescaleSlope, TAG.Rows, TAG.BitsStored, TAG.PixelRepresentation, TAG.PixelPaddingValue, TAG.CTDIvol]) {
        expect(numbersOf(orthanc, tag), tag).toEqual(numbersOf(twin!, tag));
      }
      for (const tag of [TAG.PatientAge, TAG.PatientBirthDate, TAG.StudyDate, TAG.Modality, TAG.BodyPartExamined, TAG.IrradiationEventUID]) {
        expect(tagText(orthanc, tag), tag).toBe(tagText(twin!, tag));
      }
      expect(firstCode(orthanc, TAG.CTDIPhantomTypeCodeSequence)).toEqual(firstCode(twin!, TAG.CTDIPhantomTypeCodeSequence));
      expect(orthanc.values(TAG.ImageType)).toEqual(twin!.values(TAG.ImageType));
      expect(orthanc.values(TAG.PixelData)).toEqual([]); // null in Orthanc's answer
    }
  });

  it('refuses keys that are not tags', () => {
    expect(OrthancShortTagsSchema.safeParse({ PatientAge: '004Y' }).success).toBe(false);
    expect(OrthancShortTagsSchema.safeParse({ '0010,1010': 4 }).success).toBe(false);
  });
});

describe('numbers', () => {
  it('parses DS/IS text and refuses what is not a number', () => {
    expect(parseDicomNumber(' 5.2000000000000002 ')).toBeCloseTo(5.2, 12);
    expect(parseDicomNumber('-1024')).toBe(-1024);
    expect(parseDicomNumber('1e1')).toBe(10);
    expect(parseDicomNumber('')).toBeNull();
    expect(parseDicomNumber('abc')).toBeNull();
    expect(parseDicomNumber(undefined)).toBeNull();
    const view = viewOrthancTags({ '0028,0030': '0.5\\x' });
    expect(numbersOf(view, TAG.PixelSpacing)).toBeNull();
  });
});
