/**
 * Synthetic CT instances with dcmjs 0.51.1 (Part-10 file, explicit VR little endian, uncompressed),
 * UIDs are derived from a seed string (2.25.<hash>), so the same options
 * always give the same UIDs and therefore the same Orthanc ids.
 *
 * Seed data: `PEDIATRIC_CT` (born 2020-08-15, CT abdomen-pelvis on 2026-11-20 → 6 years old at the
 * exam) and `ADULT_CT` (born 1980-03-02, CT chest on 2026-11-20); `seedOrthanc()` uploads both.
 */
import dcmjs from 'dcmjs';
import { createHash } from 'node:crypto';
import type { OrthancServer } from './orthanc';

const { DicomMetaDictionary, DicomDict, DicomMessage } = dcmjs.data;

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** CTDI phantom codes, DICOM CID 4052 "Phantom Devices" (DCM 113690 head 16 cm, 113691 body 32 cm). */
export const CTDI_PHANTOM = {
  head16: { CodeValue: '113690', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Head Dosimetry Phantom' },
  body32: { CodeValue: '113691', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Body Dosimetry Phantom' },
} as const;

/** Returns HU at pixel (x, y), or null for a padding pixel (written as PixelPaddingValue). */
export type PixelFunction = (x: number, y: number, cols: number, rows: number, spacingMm: number) => number | null;

export interface CtOptions {
  /** Seed for deterministic UIDs (default: patientId + studyDate + seriesNumber + instanceNumber). */
  uidSeed?: string;
  patientName: string;
  patientId: string;
  /** DICOM DA, YYYYMMDD ('' to leave empty). */
  birthDate: string;
  sex?: 'F' | 'M' | 'O';
  /** DICOM AS such as '006Y'; omitted when undefined. */
  patientAge?: string;
  /** kg; omitted when undefined. */
  patientWeight?: number;
  studyDate: string;
  studyTime?: string;
  studyDescription: string;
  seriesDescription?: string;
  protocolName?: string;
  bodyPart?: string;
  accessionNumber?: string;
  institutionName?: string;
  /** mGy, (0018,9345); omitted when undefined. */
  ctdiVol?: number;
  /** CTDIPhantomTypeCodeSequence (0018,9346); omitted when undefined. */
  phantom?: keyof typeof CTDI_PHANTOM;
  kvp?: number;
  rows?: number;
  cols?: number;
  pixelSpacingMm?: number;
  sliceThicknessMm?: number;
  /** HU per pixel (default: a water ellipse in air, see `waterEllipse`). */
  pixel?: PixelFunction;
  /** 0 = unsigned (default, intercept −1024), 1 = signed (intercept 0). */
  pixelRepresentation?: 0 | 1;
  /** PixelPaddingValue (0028,0120) in stored units; written for null pixels (and as the tag when set). */
  pixelPaddingValue?: number;
  studyInstanceUid?: string;
  seriesInstanceUid?: string;
  seriesNumber?: number;
  instanceNumber?: number;
  sliceLocationMm?: number;
}

export interface CtInstance {
  buffer: Buffer;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

/** A deterministic UID under the 2.25 (UUID-derived) root. */
export function uidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

/** A water ellipse (HU 0) of the given full axes in mm, centred, in air (HU −1000). */
export function waterEllipse(latMm: number, apMm: number, insideHu = 0, outsideHu = -1000): PixelFunction {
  return (x, y, cols, rows, spacing) => {
    const dx = (x + 0.5 - cols / 2) * spacing;
    const dy = (y + 0.5 - rows / 2) * spacing;
    return (dx / (latMm / 2)) ** 2 + (dy / (apMm / 2)) ** 2 <= 1 ? insideHu : outsideHu;
  };
}

export function makeCtInstance(o: CtOptions): CtInstance {
  const rows = o.rows ?? 128;
  const cols = o.cols ?? 128;
  const spacing = o.pixelSpacingMm ?? 2;
  const signed = (o.pixelRepresentation ?? 0) === 1;
  const intercept = signed ? 0 : -1024;
  const pixel = o.pixel ?? waterEllipse(180, 140);
  const seriesNumber = o.seriesNumber ?? 2;
  const instanceNumber = o.instanceNumber ?? 1;
  const seed = o.uidSeed ?? `${o.patientId}|${o.studyDate}|${seriesNumber}|${instanceNumber}`;
  const studyUid = o.studyInstanceUid ?? uidFrom(`${o.uidSeed ?? `${o.patientId}|${o.studyDate}`}|study`);
  const seriesUid = o.seriesInstanceUid ?? uidFrom(`${studyUid}|series|${seriesNumber}`);
  const sopUid = uidFrom(`${seed}|${seriesUid}|sop|${instanceNumber}`);
  const forUid = uidFrom(`${studyUid}|for`);

  const px = signed ? new Int16Array(rows * cols) : new Uint16Array(rows * cols);
  const [min, max] = signed ? [-32768, 32767] : [0, 65535];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const hu = pixel(x, y, cols, rows, spacing);
      const stored = hu === null ? (o.pixelPaddingValue ?? min) : Math.round(hu - intercept);
      px[y * cols + x] = Math.max(min, Math.min(max, stored));
    }
  }

  const sliceLocation = o.sliceLocationMm ?? 0;
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 100',
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    SOPClassUID: CT_IMAGE_STORAGE,
    SOPInstanceUID: sopUid,
    StudyDate: o.studyDate,
    SeriesDate: o.studyDate,
    ContentDate: o.studyDate,
    StudyTime: o.studyTime ?? '101500',
    SeriesTime: o.studyTime ?? '101500',
    ContentTime: o.studyTime ?? '101500',
    AccessionNumber: o.accessionNumber ?? `ACC-${o.patientId}`,
    Modality: 'CT',
    Manufacturer: 'IGC-SYNTHETIC',
    InstitutionName: o.institutionName ?? 'Synthetic Test Hospital',
    ReferringPhysicianName: 'Doe^Referrer',
    StudyDescription: o.studyDescription,
    SeriesDescription: o.seriesDescription ?? 'AXIAL 5MM',
    PatientName: o.patientName,
    PatientID: o.patientId,
    PatientBirthDate: o.birthDate,
    PatientSex: o.sex ?? 'O',
    ...(o.patientAge !== undefined ? { PatientAge: o.patientAge } : {}),
    ...(o.patientWeight !== undefined ? { PatientWeight: o.patientWeight } : {}),
    ...(o.bodyPart !== undefined ? { BodyPartExamined: o.bodyPart } : {}),
    SliceThickness: o.sliceThicknessMm ?? 5,
    ...(o.kvp !== undefined ? { KVP: o.kvp } : {}),
    ...(o.protocolName !== undefined ? { ProtocolName: o.protocolName } : {}),
    PatientPosition: 'FFS',
    ...(o.ctdiVol !== undefined ? { CTDIvol: o.ctdiVol } : {}),
    ...(o.phantom !== undefined ? { CTDIPhantomTypeCodeSequence: [{ ...CTDI_PHANTOM[o.phantom] }] } : {}),
    StudyInstanceUID: studyUid,
    SeriesInstanceUID: seriesUid,
    StudyID: 'S0001',
    SeriesNumber: seriesNumber,
    InstanceNumber: instanceNumber,
    ImagePositionPatient: [(-cols * spacing) / 2, (-rows * spacing) / 2, sliceLocation],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    FrameOfReferenceUID: forUid,
    SliceLocation: sliceLocation,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: rows,
    Columns: cols,
    PixelSpacing: [spacing, spacing],
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: signed ? 1 : 0,
    ...(o.pixelPaddingValue !== undefined ? { PixelPaddingValue: o.pixelPaddingValue } : {}),
    WindowCenter: 40,
    WindowWidth: 400,
    RescaleIntercept: intercept,
    RescaleSlope: 1,
    RescaleType: 'HU',
    PixelData: [px.buffer],
    _vrMap: { PixelData: 'OW', ...(o.pixelPaddingValue !== undefined ? { PixelPaddingValue: signed ? 'SS' : 'US' } : {}) },
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: CT_IMAGE_STORAGE,
    MediaStorageSOPInstanceUID: sopUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: '2.25.98112476094153911427165340186416120923',
    ImplementationVersionName: 'IGC_DCMJS',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return {
    buffer: Buffer.from(dict.write()),
    studyInstanceUid: studyUid,
    seriesInstanceUid: seriesUid,
    sopInstanceUid: sopUid,
  };
}

/** Reads a Part-10 buffer back into a naturalized dataset (for tests of the generator itself). */
export function readDataset(buffer: Uint8Array): Record<string, unknown> {
  const ab = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  const file = DicomMessage.readFile(ab);
  return DicomMetaDictionary.naturalizeDataset(file.dict);
}

/** Geometry of the seed phantoms, for tests that compute water-equivalent diameters from the pixels. */
export const PEDIATRIC_PHANTOM = { latMm: 180, apMm: 140, pixelSpacingMm: 2, rows: 128, cols: 128 } as const;
export const ADULT_PHANTOM = { latMm: 340, apMm: 250, pixelSpacingMm: 3.5, rows: 128, cols: 128 } as const;

/** The child: 6 years old at the exam (born 2020-08-15, CT abdomen-pelvis on 2026-11-20). */
export const PEDIATRIC_CT: CtOptions = {
  patientName: 'TEST^PEDS^SIX',
  patientId: 'PEDS0006',
  birthDate: '20200815',
  sex: 'F',
  patientAge: '006Y',
  patientWeight: 20,
  studyDate: '20261120',
  studyTime: '101500',
  studyDescription: 'CT ABDOMEN PELVIS W CONTRAST',
  seriesDescription: 'AXIAL 5MM',
  protocolName: 'PEDS ABD/PEL',
  bodyPart: 'ABDOMEN',
  accessionNumber: 'ACC0001',
  institutionName: 'Synthetic Childrens Hospital',
  ctdiVol: 5.2,
  phantom: 'body32',
  kvp: 80,
  rows: PEDIATRIC_PHANTOM.rows,
  cols: PEDIATRIC_PHANTOM.cols,
  pixelSpacingMm: PEDIATRIC_PHANTOM.pixelSpacingMm,
  pixel: waterEllipse(PEDIATRIC_PHANTOM.latMm, PEDIATRIC_PHANTOM.apMm),
};

/** The adult negative: 46 years old at the exam (born 1980-03-02, CT chest on 2026-11-20). */
export const ADULT_CT: CtOptions = {
  patientName: 'TEST^ADULT^FORTYSIX',
  patientId: 'ADLT0046',
  birthDate: '19800302',
  sex: 'M',
  patientAge: '046Y',
  patientWeight: 82,
  studyDate: '20261120',
  studyTime: '111500',
  studyDescription: 'CT CHEST W CONTRAST',
  seriesDescription: 'AXIAL 5MM',
  protocolName: 'ADULT CHEST',
  bodyPart: 'CHEST',
  accessionNumber: 'ACC0002',
  ctdiVol: 11.8,
  phantom: 'body32',
  kvp: 120,
  rows: ADULT_PHANTOM.rows,
  cols: ADULT_PHANTOM.cols,
  pixelSpacingMm: ADULT_PHANTOM.pixelSpacingMm,
  pixel: waterEllipse(ADULT_PHANTOM.latMm, ADULT_PHANTOM.apMm),
};

export interface SeededStudy {
  patient: string;
  study: string;
  series: string;
  instance: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

/** Uploads the pediatric and the adult CT; returns their Orthanc ids and DICOM UIDs. */
export async function seedOrthanc(orthanc: OrthancServer): Promise<{ child: SeededStudy; adult: SeededStudy }> {
  const up = async (o: CtOptions): Promise<SeededStudy> => {
    const inst = makeCtInstance(o);
    const r = await orthanc.upload(inst.buffer);
    return {
      patient: r.ParentPatient,
      study: r.ParentStudy,
      series: r.ParentSeries,
      instance: r.ID,
      studyInstanceUid: inst.studyInstanceUid,
      seriesInstanceUid: inst.seriesInstanceUid,
      sopInstanceUid: inst.sopInstanceUid,
    };
  };
  return { child: await up(PEDIATRIC_CT), adult: await up(ADULT_CT) };
}
