/**
 * Synthetic CT studies for the PACS data route (e2e, bench, fixture capture). CT images come from the
 * e2e harness generator (`tests/e2e/harness/dicom.ts` `makeCtInstance`, with our pixel function); this
 * file adds what the route needs on top: the Irradiation Event UID, RLE-compressed storage, a localizer,
 * a dose-screen capture and a CT Radiation Dose SR (TID 10011).
 *
 * The pediatric study of the PACS route's tests and benches: a 4-year-old (born 2022-11-01, study 2026-11-20 → 1480 days) whose CT
 * slices show a 16 cm water cylinder lying on a CT couch, 512×512, 250 mm field of view, signed stored
 * values, air outside the patient and PixelPaddingValue outside the reconstruction circle; CTDIvol 5.0 mGy
 * referenced to the 32 cm phantom (DCM 113691), with a dose SR saying the same. Analytic Dw = 16.0 cm, so
 * SSDE = f32(16) × 5.0 mGy = 3.704369·e^(−0.03671937·16) × 5.0 = 10.29 mGy (AAPM 204 fit,
 * docs/reference/ssde.md §1.1).
 *
 * UIDs are derived from a seed so the same options always give the same files (and Orthanc ids).
 */
import dcmjs from 'dcmjs';
import { CTDI_PHANTOM, makeCtInstance, readDataset, uidFrom, type PixelFunction } from '../e2e/harness/dicom';
import { couch, renderPhantom } from './phantoms';

const { DicomMetaDictionary, DicomDict } = dcmjs.data;

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
export const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
export const XRAY_DOSE_SR = '1.2.840.10008.5.1.4.1.1.88.67';
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

export interface Code {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning: string;
}
export type PhantomKey = keyof typeof CTDI_PHANTOM;
export const BODY_PHANTOM: PhantomKey = 'body32';
export const HEAD_PHANTOM: PhantomKey = 'head16';

export interface StudyOptions {
  seed: string;
  patientName: string;
  patientId: string;
  birthDate: string; // DA
  sex: 'M' | 'F';
  /** DICOM AS, or null to leave PatientAge out. */
  age: string | null;
  weightKg?: number;
  studyDate: string; // DA
  studyDescription: string;
  seriesDescription?: string;
  bodyPart: string;
  protocol: string;
  slices: number;
  size?: number; // rows = columns, default 512
  fovMm?: number; // default 250
  /** Water cylinder diameter in cm (the "patient"). */
  cylinderCm: number;
  couch?: boolean; // default true
  ctdiVolMGy: number;
  /** Image-header phantom; null leaves CTDIPhantomTypeCodeSequence out. */
  phantom: PhantomKey | null;
  /** Dose SR: omitted when false. */
  rdsr?: false | { ctdiVolMGy: number; phantom: PhantomKey | null; scannerSsdeMGy?: number; scannerDwMm?: number };
  transferSyntax?: typeof EXPLICIT_LE | typeof RLE_LOSSLESS;
  /** Adds a localizer series (ImageType ORIGINAL\PRIMARY\LOCALIZER) and a dose-screen capture. */
  extras?: boolean;
}

export interface StudyFiles {
  studyUid: string;
  axialSeriesUid: string;
  /** SOPInstanceUIDs of the axial series, in z order (first = most cranial … last). */
  axialSops: string[];
  srSeriesUid: string | null;
  files: { name: string; bytes: Uint8Array<ArrayBuffer> }[];
}

export const PADDING_STORED = -2000; // signed stored values, intercept 0 (the harness's signed mode)

/**
 * The slice of a water cylinder of `cylinderCm` lying on a CT couch, rendered with the clinical tests' phantom
 * renderer (tests/helpers/phantoms.ts: 4×4 sub-sampled edges, 0.6 mm blur, σ 10 HU noise, the closed
 * carbon-fibre couch box with its support rail, −3024 HU outside the reconstruction circle), as a harness
 * pixel function (null = padding). The cylinder's centre is 10 mm above the image centre.
 */
export function cylinderOnCouch(size: number, fovMm: number, cylinderCm: number, withCouch: boolean, seed: number): PixelFunction {
  const radiusMm = (cylinderCm * 10) / 2;
  const hu = renderPhantom({
    rows: size,
    cols: size,
    pixelSpacingMm: fovMm / size,
    shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: -10, rxMm: radiusMm, ryMm: radiusMm, hu: 0 }, ...(withCouch ? couch(-10 + radiusMm, 440) : [])],
    blurSigmaMm: 0.6,
    noiseSigmaHu: 10,
    seed,
    circle: { radiusMm: fovMm / 2, outsideHu: -3024 },
  });
  return (col, row, cols) => {
    const v = hu[row * cols + col]!;
    return v <= -3000 ? null : v;
  };
}

/** PackBits run-length encoding of one byte segment (DICOM PS3.5 §G.3.1). */
function packBits(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let run = 1;
    while (i + run < bytes.length && run < 128 && bytes[i + run] === bytes[i]) run++;
    if (run >= 2) {
      out.push(257 - run, bytes[i]!);
      i += run;
      continue;
    }
    let lit = 1;
    while (i + lit < bytes.length && lit < 128 && !(i + lit + 1 < bytes.length && bytes[i + lit] === bytes[i + lit + 1])) lit++;
    out.push(lit - 1, ...bytes.subarray(i, i + lit));
    i += lit;
  }
  if (out.length % 2) out.push(128); // segments are even length; 128 is a no-op
  return Uint8Array.from(out);
}

/** One frame of 16-bit little-endian pixels as DICOM RLE Lossless (two segments: high bytes, then low bytes). */
export function rleEncode16(u8: Uint8Array): Uint8Array {
  const n = u8.length / 2;
  const hi = new Uint8Array(n);
  const lo = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = u8[2 * i]!;
    hi[i] = u8[2 * i + 1]!;
  }
  const segments = [packBits(hi), packBits(lo)];
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, segments.length, true);
  header.setUint32(4, 64, true);
  header.setUint32(8, 64 + segments[0]!.length, true);
  const out = new Uint8Array(64 + segments[0]!.length + segments[1]!.length);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(segments[0]!, 64);
  out.set(segments[1]!, 64 + segments[0]!.length);
  return out;
}

/** Writes a naturalized dataset as Part 10 (one fragment per frame when encapsulated, as RLE requires). */
export function writePart10(dataset: Record<string, unknown>, transferSyntax: string): Uint8Array<ArrayBuffer> {
  const dict = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: dataset.SOPClassUID,
      MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
      TransferSyntaxUID: transferSyntax,
      ImplementationClassUID: '2.25.98112476094153911427165340186416120923',
      ImplementationVersionName: 'IGC_PACS',
    }),
  );
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
}

/** A harness CT image, re-written with extra attributes and, optionally, RLE-compressed pixels. */
function ctImage(over: Record<string, unknown>, base: Parameters<typeof makeCtInstance>[0], transferSyntax: string): Uint8Array<ArrayBuffer> {
  const dataset = { ...readDataset(makeCtInstance(base).buffer), ...over };
  if (transferSyntax === RLE_LOSSLESS) {
    const pixels = dataset.PixelData;
    const frame = Array.isArray(pixels) && pixels[0] instanceof ArrayBuffer ? new Uint8Array(pixels[0]) : null;
    if (!frame) throw new Error('no pixel data to compress');
    const rle = rleEncode16(frame);
    dataset.PixelData = [rle.buffer];
    dataset._vrMap = { ...(dataset._vrMap as object), PixelData: 'OB' };
  }
  return writePart10(dataset, transferSyntax);
}

const code = (c: Code) => [{ ...c }];
const num = (concept: Code, value: number, unit: string, rel = 'CONTAINS', children?: unknown[]) => ({
  RelationshipType: rel,
  ValueType: 'NUM',
  ConceptNameCodeSequence: code(concept),
  MeasuredValueSequence: [
    { NumericValue: value, MeasurementUnitsCodeSequence: code({ CodeValue: unit, CodingSchemeDesignator: 'UCUM', CodeMeaning: unit }) },
  ],
  ...(children ? { ContentSequence: children } : {}),
});
const dcm = (v: string, m: string): Code => ({ CodeValue: v, CodingSchemeDesignator: 'DCM', CodeMeaning: m });

export function makeCtStudy(o: StudyOptions): StudyFiles {
  const size = o.size ?? 512;
  const fovMm = o.fovMm ?? 250;
  const ts = o.transferSyntax ?? EXPLICIT_LE;
  const u = (label: string) => uidFrom(`${o.seed}/${label}`);
  const studyUid = u('study');
  const axialSeriesUid = u('series/axial');
  const eventUid = u('event/1');
  const base = {
    uidSeed: o.seed,
    patientName: o.patientName,
    patientId: o.patientId,
    birthDate: o.birthDate,
    sex: o.sex,
    ...(o.age ? { patientAge: o.age } : {}),
    ...(o.weightKg ? { patientWeight: o.weightKg } : {}),
    studyDate: o.studyDate,
    studyDescription: o.studyDescription,
    protocolName: o.protocol,
    bodyPart: o.bodyPart,
    institutionName: 'Synthetic Childrens Hospital',
    kvp: 80,
    studyInstanceUid: studyUid,
  };
  const files: StudyFiles['files'] = [];
  const axialSops: string[] = [];
  // One rendering for the whole series: the cylinder is the same at every z.
  const pixel = cylinderOnCouch(size, fovMm, o.cylinderCm, o.couch ?? true, 1);
  for (let i = 0; i < o.slices; i++) {
    const bytes = ctImage(
      { IrradiationEventUID: eventUid },
      {
        ...base,
        seriesDescription: o.seriesDescription ?? 'AXIAL 5MM',
        seriesInstanceUid: axialSeriesUid,
        seriesNumber: 2,
        instanceNumber: i + 1,
        sliceLocationMm: -i * 5,
        ctdiVol: o.ctdiVolMGy,
        ...(o.phantom ? { phantom: o.phantom } : {}),
        rows: size,
        cols: size,
        pixelSpacingMm: fovMm / size,
        pixelRepresentation: 1,
        pixelPaddingValue: PADDING_STORED,
        pixel,
      },
      ts,
    );
    axialSops.push(String(readDataset(bytes).SOPInstanceUID));
    files.push({ name: `axial-${i + 1}.dcm`, bytes });
  }
  // What every other object of the study repeats: patient and study attributes of the first image.
  const first = readDataset(files[0]!.bytes);
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => first[k] !== undefined).map((k) => [k, first[k]]));
  const common = pick(
    'SpecificCharacterSet', 'StudyDate', 'StudyTime', 'AccessionNumber', 'Manufacturer', 'InstitutionName', 'ReferringPhysicianName',
    'StudyDescription', 'PatientName', 'PatientID', 'PatientBirthDate', 'PatientSex', 'PatientAge', 'PatientWeight', 'StudyInstanceUID', 'StudyID',
  );

  if (o.extras) {
    // A localizer: its own series, ImageType value 3 LOCALIZER, a coronal plane and another "patient" size.
    files.push({
      name: 'localizer.dcm',
      bytes: ctImage(
        { ImageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'], ImageOrientationPatient: [1, 0, 0, 0, 0, -1], ImagePositionPatient: [-128, 0, 128] },
        { ...base, seriesDescription: 'TOPOGRAM', seriesInstanceUid: u('series/localizer'), seriesNumber: 1, rows: 128, cols: 128, pixelSpacingMm: 2, pixel: cylinderOnCouch(128, 256, o.cylinderCm * 1.5, false, 99) },
        EXPLICIT_LE,
      ),
    });
    // A dose screen saved as Secondary Capture.
    files.push({
      name: 'dose-screen.dcm',
      bytes: writePart10(
        {
          ...common,
          Modality: 'OT',
          ImageType: ['DERIVED', 'SECONDARY', 'SCREEN SAVE'],
          SOPClassUID: SECONDARY_CAPTURE,
          SOPInstanceUID: u('dose-screen'),
          SeriesDescription: 'Dose Info',
          SeriesInstanceUID: u('series/dose-screen'),
          SeriesNumber: 999,
          InstanceNumber: 1,
          ConversionType: 'WSD',
          SamplesPerPixel: 1,
          PhotometricInterpretation: 'MONOCHROME2',
          Rows: 64,
          Columns: 64,
          BitsAllocated: 8,
          BitsStored: 8,
          HighBit: 7,
          PixelRepresentation: 0,
          PixelData: [new Uint8Array(64 * 64).fill(40).buffer],
          _vrMap: { PixelData: 'OB' },
        },
        EXPLICIT_LE,
      ),
    });
  }

  let srSeriesUid: string | null = null;
  if (o.rdsr) {
    srSeriesUid = u('series/sr');
    const r = o.rdsr;
    const dose: unknown[] = [
      num(dcm('113830', 'Mean CTDIvol'), r.ctdiVolMGy, 'mGy'),
      ...(r.phantom
        ? [{ RelationshipType: 'CONTAINS', ValueType: 'CODE', ConceptNameCodeSequence: code(dcm('113835', 'CTDIw Phantom Type')), ConceptCodeSequence: code(CTDI_PHANTOM[r.phantom]) }]
        : []),
      num(dcm('113838', 'DLP'), r.ctdiVolMGy * o.slices * 0.5, 'mGy.cm'),
    ];
    if (r.scannerSsdeMGy !== undefined) {
      dose.push(
        num(dcm('113930', 'Size Specific Dose Estimate'), r.scannerSsdeMGy, 'mGy', 'CONTAINS', [
          {
            RelationshipType: 'HAS CONCEPT MOD',
            ValueType: 'CODE',
            ConceptNameCodeSequence: code({ CodeValue: '370129005', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Measurement Method' }),
            ConceptCodeSequence: code(dcm('113988', 'Estimated from Water Equivalent Diameter')),
          },
          ...(r.scannerDwMm !== undefined ? [num(dcm('113980', 'Water Equivalent Diameter'), r.scannerDwMm, 'mm', 'INFERRED FROM')] : []),
        ]),
      );
    }
    const acquisition = (uid: string, type: Code, doseItems: unknown[]) => ({
      RelationshipType: 'CONTAINS',
      ValueType: 'CONTAINER',
      ContinuityOfContent: 'SEPARATE',
      ConceptNameCodeSequence: code(dcm('113819', 'CT Acquisition')),
      ContentSequence: [
        { RelationshipType: 'CONTAINS', ValueType: 'TEXT', ConceptNameCodeSequence: code(dcm('125203', 'Acquisition Protocol')), TextValue: o.protocol },
        { RelationshipType: 'CONTAINS', ValueType: 'CODE', ConceptNameCodeSequence: code(dcm('113820', 'CT Acquisition Type')), ConceptCodeSequence: code(type) },
        { RelationshipType: 'CONTAINS', ValueType: 'UIDREF', ConceptNameCodeSequence: code(dcm('113769', 'Irradiation Event UID')), UID: uid },
        ...(doseItems.length
          ? [{ RelationshipType: 'CONTAINS', ValueType: 'CONTAINER', ContinuityOfContent: 'SEPARATE', ConceptNameCodeSequence: code(dcm('113829', 'CT Dose')), ContentSequence: doseItems }]
          : []),
      ],
    });
    files.push({
      name: 'dose-sr.dcm',
      bytes: writePart10(
        {
          ...common,
          Modality: 'SR',
          SOPClassUID: XRAY_DOSE_SR,
          SOPInstanceUID: u('sr'),
          SeriesDescription: 'Dose Report',
          SeriesInstanceUID: srSeriesUid,
          SeriesNumber: 997,
          InstanceNumber: 1,
          ValueType: 'CONTAINER',
          ContinuityOfContent: 'SEPARATE',
          ConceptNameCodeSequence: code(dcm('113701', 'X-Ray Radiation Dose Report')),
          ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '10011' }],
          CompletionFlag: 'COMPLETE',
          VerificationFlag: 'UNVERIFIED',
          ContentSequence: [
            acquisition(u('event/localizer'), dcm('113805', 'Constant Angle Acquisition'), []),
            acquisition(eventUid, { CodeValue: '116152004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Spiral Acquisition' }, dose),
          ],
        },
        EXPLICIT_LE,
      ),
    });
  }
  return { studyUid, axialSeriesUid, axialSops, srSeriesUid, files };
}

/** The pediatric study (see the file comment). */
export function childStudyOptions(over: Partial<StudyOptions> = {}): StudyOptions {
  return {
    seed: 'child-4y',
    patientName: 'TEST^CHILD^FOUR',
    patientId: 'PEDS0004',
    birthDate: '20221101',
    sex: 'F',
    age: '004Y',
    weightKg: 16,
    studyDate: '20261120',
    studyDescription: 'CT ABDOMEN PELVIS W CONTRAST PEDS',
    bodyPart: 'ABDOMEN',
    protocol: 'PEDS ABD/PEL',
    slices: 5,
    cylinderCm: 16,
    ctdiVolMGy: 5.0,
    phantom: BODY_PHANTOM,
    rdsr: { ctdiVolMGy: 5.0, phantom: BODY_PHANTOM },
    extras: true,
    ...over,
  };
}

/** An adult CT study (45 y) with the same kind of images: the panel must not appear on it. */
export function adultStudyOptions(over: Partial<StudyOptions> = {}): StudyOptions {
  return {
    seed: 'adult-45y',
    patientName: 'TEST^ADULT^PACS',
    patientId: 'ADULT0045',
    birthDate: '19810102',
    sex: 'M',
    age: '045Y',
    weightKg: 80,
    studyDate: '20261120',
    studyDescription: 'CT ABDOMEN PELVIS W CONTRAST',
    bodyPart: 'ABDOMEN',
    protocol: 'ADULT ABD/PEL',
    slices: 3,
    cylinderCm: 30,
    ctdiVolMGy: 12.0,
    phantom: BODY_PHANTOM,
    rdsr: { ctdiVolMGy: 12.0, phantom: BODY_PHANTOM },
    ...over,
  };
}

export interface UploadedStudy extends StudyFiles {
  /** Orthanc ids. */
  patientId: string;
  studyId: string;
  axialSeriesId: string;
  /** Orthanc instance ids of the axial slices, in the order of `axialSops`. */
  axialInstanceIds: string[];
}

/** Uploads a generated study (one file at a time, through Orthanc's REST API) and returns its Orthanc ids. */
export async function uploadStudy(
  upload: (bytes: Uint8Array) => Promise<{ ID: string; ParentPatient: string; ParentStudy: string; ParentSeries: string }>,
  study: StudyFiles,
): Promise<UploadedStudy> {
  const axialInstanceIds: string[] = [];
  let ids = { patientId: '', studyId: '', axialSeriesId: '' };
  for (const f of study.files) {
    const r = await upload(f.bytes);
    if (f.name.startsWith('axial-')) {
      axialInstanceIds.push(r.ID);
      ids = { patientId: r.ParentPatient, studyId: r.ParentStudy, axialSeriesId: r.ParentSeries };
    }
  }
  return { ...study, ...ids, axialInstanceIds };
}
