/**
 * Part 10 decoding on files written by dcmjs 0.51.1: explicit and implicit VR little endian, signed
 * 12-bit data with padding, multi-frame, an encapsulated (JPEG Baseline) instance and garbage.
 */
import dcmjs from 'dcmjs';
import { describe, expect, it, test } from 'vitest';
import { decodeCtPart10 } from '../../clinical/dicom-part10';
import { waterEquivalentDiameter } from '../../clinical/water-equivalent-diameter';
import { couch, renderPhantom } from '../helpers/phantoms';

const { DicomMetaDictionary, DicomDict } = dcmjs.data;
const IMPLICIT = '1.2.840.10008.1.2';
const EXPLICIT = '1.2.840.10008.1.2.1';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

interface FileOptions {
  transferSyntax?: string;
  rows: number;
  cols: number;
  frames?: number;
  pixels: Uint16Array | Int16Array | Uint8Array;
  signed?: boolean;
  bitsStored?: number;
  intercept?: number;
  padding?: number;
  extra?: Record<string, unknown>;
}

function part10(o: FileOptions): Uint8Array {
  const ts = o.transferSyntax ?? EXPLICIT;
  const encapsulated = ts === JPEG_BASELINE;
  const dataset: Record<string, unknown> = {
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: '2.25.4242',
    Modality: 'CT',
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: o.rows,
    Columns: o.cols,
    ...(o.frames ? { NumberOfFrames: o.frames } : {}),
    PixelSpacing: [0.5, 0.5],
    BitsAllocated: encapsulated ? 8 : 16,
    BitsStored: o.bitsStored ?? 16,
    HighBit: (o.bitsStored ?? 16) - 1,
    PixelRepresentation: o.signed ? 1 : 0,
    RescaleIntercept: o.intercept ?? -1024,
    RescaleSlope: 1,
    ...(o.padding !== undefined ? { PixelPaddingValue: o.padding } : {}),
    PixelData: [o.pixels.buffer],
    _vrMap: { PixelData: encapsulated ? 'OB' : 'OW', ...(o.padding !== undefined ? { PixelPaddingValue: o.signed ? 'SS' : 'US' } : {}) },
    ...o.extra,
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    MediaStorageSOPInstanceUID: '2.25.4242',
    TransferSyntaxUID: ts,
    ImplementationClassUID: '2.25.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

describe('decodeCtPart10', () => {
  test.each([
    ['Explicit VR Little Endian', EXPLICIT],
    ['Implicit VR Little Endian', IMPLICIT],
  ])('decodes %s with its SSDE tags', (_, ts) => {
    const file = part10({
      transferSyntax: ts,
      rows: 2,
      cols: 2,
      pixels: new Uint16Array([24, 1024, 1064, 2024]),
      extra: {
        CTDIvol: 5.2,
        CTDIPhantomTypeCodeSequence: [{ CodeValue: '113691', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Body Dosimetry Phantom' }],
        ImagePositionPatient: [-64, -64, 12.5],
        SliceLocation: 12.5,
        DataCollectionDiameter: 500,
        ReconstructionDiameter: 250,
      },
    });
    const r = decodeCtPart10(file);
    if (!r.ok) throw new Error(r.message);
    expect(Array.from(r.hu)).toEqual([-1000, 0, 40, 1000]);
    expect(r.pixelSpacingMm).toEqual([0.5, 0.5]);
    expect(r.tags).toMatchObject({
      transferSyntaxUid: ts,
      modality: 'CT',
      imageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      ctdiVolMGy: 5.2,
      ctdiPhantomCode: { codeValue: '113691', codingSchemeDesignator: 'DCM', codeMeaning: 'IEC Body Dosimetry Phantom' },
      imagePositionPatientMm: [-64, -64, 12.5],
      sliceLocationMm: 12.5,
      dataCollectionDiameterMm: 500,
      reconstructionDiameterMm: 250,
    });
  });

  it('reads signed 12-bit data with PixelPaddingValue (SS) in an implicit VR file', () => {
    const stored = new Int16Array([-2000, -1000, 0, 40]);
    const r = decodeCtPart10(part10({ transferSyntax: IMPLICIT, rows: 2, cols: 2, pixels: stored, signed: true, bitsStored: 12, intercept: 0, padding: -2000 }));
    if (!r.ok) throw new Error(r.message);
    expect(r.paddingPixels).toBe(1);
    expect(Array.from(r.hu).slice(1)).toEqual([-1000, 0, 40]);
    expect(Number.isNaN(r.hu[0]!)).toBe(true);
  });

  it('reads the requested frame of a multi-frame instance', () => {
    const file = part10({ rows: 1, cols: 2, frames: 2, pixels: new Uint16Array([1024, 1024, 24, 2024]) });
    const second = decodeCtPart10(file, 1);
    expect(second.ok && Array.from(second.hu)).toEqual([-1000, 1000]);
    expect(decodeCtPart10(file, 2)).toMatchObject({ ok: false, reason: 'frame-out-of-range' });
  });

  it('says "cannot decode JPEG Baseline (Process 1)" for encapsulated pixel data, with the tags', () => {
    const r = decodeCtPart10(part10({ transferSyntax: JPEG_BASELINE, rows: 2, cols: 2, pixels: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), extra: { CTDIvol: 3 } }));
    expect(r).toMatchObject({ ok: false, reason: 'cannot-decode', transferSyntaxUid: JPEG_BASELINE, message: 'cannot decode JPEG Baseline (Process 1)' });
    expect(!r.ok && r.tags?.ctdiVolMGy).toBe(3);
  });

  it('does not crash on bytes that are not DICOM, or on a truncated file', () => {
    expect(decodeCtPart10(new Uint8Array(200))).toMatchObject({ ok: false, reason: 'not-dicom' });
    expect(decodeCtPart10(new TextEncoder().encode('hello'))).toMatchObject({ ok: false, reason: 'not-dicom' });
    const file = part10({ rows: 64, cols: 64, pixels: new Uint16Array(64 * 64).fill(1024) });
    const truncated = decodeCtPart10(file.subarray(0, file.length - 1000));
    expect(truncated.ok).toBe(false);
  });

  it('gives the same Dw as the phantom: a 16 cm cylinder over a couch, end to end', () => {
    const rows = 512;
    const hu = renderPhantom({ rows, cols: rows, pixelSpacingMm: 0.5, blurSigmaMm: 1, noiseSigmaHu: 20, seed: 5, shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: -20, rxMm: 80, ryMm: 80, hu: 0 }, ...couch(60)] });
    const r = decodeCtPart10(part10({ rows, cols: rows, pixels: Uint16Array.from(hu, (v) => Math.max(0, Math.round(v + 1024))) }));
    if (!r.ok) throw new Error(r.message);
    const dw = waterEquivalentDiameter(r.hu, r.rows, r.cols, r.pixelSpacingMm!);
    expect(Math.abs(dw.dwCm! / 16 - 1)).toBeLessThan(0.01);
  });
});
