/**
 * Synthetic CT studies for the PACS data route (e2e, bench, fixture capture), written with dcmjs.
 *
 * The pediatric study of issue 5: a 4-year-old (born 2022-11-01, study 2026-11-20 → 1480 days) whose CT
 * slices show a 16 cm water cylinder lying over a CT couch, 512×512, 250 mm field of view, signed
 * stored values with RescaleIntercept −1024, air outside the patient and the reconstruction circle filled
 * with PixelPaddingValue; CTDIvol 5.0 mGy referenced to the 32 cm phantom (DCM 113691), with a CT
 * Radiation Dose SR (TID 10011) saying the same. Analytic Dw = 16.0 cm, so SSDE = f32(16) × 5.0 mGy
 * = 3.704369·e^(−0.03671937·16) × 5.0 = 10.29 mGy (AAPM 204 fit, shared/reference/clinical.md §1.1).
 *
 * UIDs are derived from a seed so the same options always give the same files (and Orthanc ids).
 */
import { createHash } from 'node:crypto';
import dcmjs from 'dcmjs';

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
export const BODY_PHANTOM: Code = { CodeValue: '113691', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Body Dosimetry Phantom' };
export const HEAD_PHANTOM: Code = { CodeValue: '113690', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Head Dosimetry Phantom' };

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
  phantom: Code | null;
  /** Dose SR: omitted when false. */
  rdsr?: false | { ctdiVolMGy: number; phantom: Code | null; scannerSsdeMGy?: number; scannerDwMm?: number };
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
  files: { name: string; bytes: Uint8Array }[];
}

/** A stable `2.25.` UID from a seed and a label. */
export function seededUid(seed: string, label: string): string {
  const hex = createHash('sha256').update(`${seed}/${label}`).digest('hex').slice(0, 30);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

/** Deterministic standard normal numbers (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
}

export const PADDING_STORED = -2000; // → −3024 HU, outside the reconstruction circle
const INTERCEPT = -1024;

/**
 * One slice in HU: a water cylinder (HU 0, σ 10 HU noise, edges anti-aliased 4×4) resting 3 mm above a
 * curved carbon-fibre couch (2 mm skins at +300 HU around a 40 mm foam core at −900 HU, 420 mm wide, cut by
 * the field of view), air (−1000 HU) elsewhere, padding outside the reconstruction circle.
 */
export function cylinderOverCouchHu(size: number, fovMm: number, cylinderCm: number, couch: boolean, noiseSeed: number): Float32Array {
  const spacing = fovMm / size;
  const hu = new Float32Array(size * size);
  const noise = gaussian(noiseSeed);
  const cx = (size - 1) / 2;
  const radiusMm = (cylinderCm * 10) / 2;
  const cyMm = -10; // cylinder centre 10 mm above the image centre (anterior is up)
  const couchTopMm = cyMm + radiusMm + 3;
  const couchLayers: [number, number, number][] = [
    [couchTopMm, couchTopMm + 2, 300],
    [couchTopMm + 2, couchTopMm + 42, -900],
    [couchTopMm + 42, couchTopMm + 44, 300],
  ];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const xMm = (col - cx) * spacing;
      const yMm = (row - cx) * spacing;
      if (Math.hypot(xMm, yMm) > fovMm / 2) {
        hu[row * size + col] = Number.NaN; // padding
        continue;
      }
      // Fraction of the pixel inside the cylinder (4×4 subsamples) → partial-volume edge.
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px = xMm + ((sx + 0.5) / 4 - 0.5) * spacing;
          const py = yMm + ((sy + 0.5) / 4 - 0.5) * spacing;
          if (Math.hypot(px, py - cyMm) <= radiusMm) inside++;
        }
      }
      let value = -1000 + (inside / 16) * 1000;
      if (couch && Math.abs(xMm) <= 210) {
        // A shallow cradle: the couch surface rises 15 mm towards its edges at ±200 mm.
        const lift = 15 * (xMm / 200) ** 2;
        for (const [top, bottom, layerHu] of couchLayers) if (yMm + lift >= top && yMm + lift < bottom) value = layerHu;
      }
      hu[row * size + col] = value + noise() * (value > -950 ? 10 : 3);
    }
  }
  return hu;
}

/** HU → stored int16 (PixelRepresentation 1, slope 1, intercept −1024), padding for NaN. */
export function storedFromHu(hu: Float32Array): Int16Array {
  const out = new Int16Array(hu.length);
  for (let i = 0; i < hu.length; i++) {
    const v = hu[i]!;
    out[i] = Number.isNaN(v) ? PADDING_STORED : Math.max(-32768, Math.min(32767, Math.round(v - INTERCEPT)));
  }
  return out;
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

/** One frame of 16-bit pixels as DICOM RLE Lossless (two segments: high bytes, then low bytes). */
export function rleEncode16(pixels: Int16Array): Uint8Array {
  const u8 = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const hi = new Uint8Array(pixels.length);
  const lo = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    lo[i] = u8[2 * i]!;
    hi[i] = u8[2 * i + 1]!;
  }
  const segments = [packBits(hi), packBits(lo)];
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((s, k) => {
    header.setUint32(4 + 4 * k, offset, true);
    offset += s.length;
  });
  const out = new Uint8Array(offset);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(segments[0]!, 64);
  out.set(segments[1]!, 64 + segments[0]!.length);
  return out;
}

function write(dataset: Record<string, unknown>, sopClass: string, transferSyntax: string): Uint8Array {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sopClass,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: '1.2.826.0.1.3680043.10.1.1',
    ImplementationVersionName: 'IGC_TEST',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
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
  const u = (label: string) => seededUid(o.seed, label);
  const studyUid = u('study');
  const axialSeriesUid = u('series/axial');
  const frameOfReference = u('for');
  const eventUid = u('event/1');
  const common = {
    SpecificCharacterSet: 'ISO_IR 100',
    StudyDate: o.studyDate,
    StudyTime: '101500',
    SeriesDate: o.studyDate,
    ContentDate: o.studyDate,
    AccessionNumber: `ACC-${o.patientId}`,
    Modality: 'CT',
    Manufacturer: 'SYNTHETIC',
    InstitutionName: 'Synthetic Childrens Hospital',
    ReferringPhysicianName: 'Doe^Referrer',
    StudyDescription: o.studyDescription,
    PatientName: o.patientName,
    PatientID: o.patientId,
    PatientBirthDate: o.birthDate,
    PatientSex: o.sex,
    ...(o.age ? { PatientAge: o.age } : {}),
    ...(o.weightKg ? { PatientWeight: o.weightKg } : {}),
    StudyInstanceUID: studyUid,
    StudyID: `S-${o.patientId}`,
  };
  const files: StudyFiles['files'] = [];
  const axialSops: string[] = [];
  const spacing = fovMm / size;
  const hu = cylinderOverCouchHu(size, fovMm, o.cylinderCm, o.couch ?? true, 1);
  for (let i = 0; i < o.slices; i++) {
    const sop = u(`axial/${i}`);
    axialSops.push(sop);
    const stored = storedFromHu(i === 0 ? hu : cylinderOverCouchHu(size, fovMm, o.cylinderCm, o.couch ?? true, i + 1));
    const pixelData = ts === RLE_LOSSLESS ? rleEncode16(stored) : stored;
    const z = -i * 5;
    files.push({
      name: `axial-${i + 1}.dcm`,
      bytes: write(
        {
          ...common,
          ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
          SOPClassUID: CT_IMAGE_STORAGE,
          SOPInstanceUID: sop,
          SeriesDescription: o.seriesDescription ?? 'AXIAL 5MM',
          SeriesInstanceUID: axialSeriesUid,
          SeriesNumber: 2,
          InstanceNumber: i + 1,
          BodyPartExamined: o.bodyPart,
          ProtocolName: o.protocol,
          KVP: 80,
          SliceThickness: 5,
          PatientPosition: 'FFS',
          IrradiationEventUID: eventUid,
          CTDIvol: o.ctdiVolMGy,
          ...(o.phantom ? { CTDIPhantomTypeCodeSequence: code(o.phantom) } : {}),
          ImagePositionPatient: [-(fovMm / 2) + spacing / 2, -(fovMm / 2) + spacing / 2, z],
          ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
          FrameOfReferenceUID: frameOfReference,
          SliceLocation: z,
          SamplesPerPixel: 1,
          PhotometricInterpretation: 'MONOCHROME2',
          Rows: size,
          Columns: size,
          PixelSpacing: [spacing, spacing],
          BitsAllocated: 16,
          BitsStored: 16,
          HighBit: 15,
          PixelRepresentation: 1,
          PixelPaddingValue: PADDING_STORED,
          WindowCenter: 40,
          WindowWidth: 400,
          RescaleIntercept: INTERCEPT,
          RescaleSlope: 1,
          RescaleType: 'HU',
          PixelData: [pixelData.buffer.slice(pixelData.byteOffset, pixelData.byteOffset + pixelData.byteLength)],
          _vrMap: { PixelData: ts === RLE_LOSSLESS ? 'OB' : 'OW', PixelPaddingValue: 'SS' },
        },
        CT_IMAGE_STORAGE,
        ts,
      ),
    });
  }

  if (o.extras) {
    // A localizer: same study, its own series, ImageType value 3 LOCALIZER, a different "patient" size.
    const loc = storedFromHu(cylinderOverCouchHu(128, fovMm, o.cylinderCm * 1.5, false, 99));
    files.push({
      name: 'localizer.dcm',
      bytes: write(
        {
          ...common,
          ImageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'],
          SOPClassUID: CT_IMAGE_STORAGE,
          SOPInstanceUID: u('localizer'),
          SeriesDescription: 'TOPOGRAM',
          SeriesInstanceUID: u('series/localizer'),
          SeriesNumber: 1,
          InstanceNumber: 1,
          ImagePositionPatient: [-125, 0, 200],
          ImageOrientationPatient: [1, 0, 0, 0, 0, -1],
          FrameOfReferenceUID: frameOfReference,
          SamplesPerPixel: 1,
          PhotometricInterpretation: 'MONOCHROME2',
          Rows: 128,
          Columns: 128,
          PixelSpacing: [2, 2],
          BitsAllocated: 16,
          BitsStored: 16,
          HighBit: 15,
          PixelRepresentation: 1,
          RescaleIntercept: INTERCEPT,
          RescaleSlope: 1,
          PixelData: [loc.buffer],
          _vrMap: { PixelData: 'OW' },
        },
        CT_IMAGE_STORAGE,
        EXPLICIT_LE,
      ),
    });
    // A dose screen saved as Secondary Capture.
    const screen = new Uint8Array(64 * 64).fill(40);
    files.push({
      name: 'dose-screen.dcm',
      bytes: write(
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
          PixelData: [screen.buffer],
          _vrMap: { PixelData: 'OB' },
        },
        SECONDARY_CAPTURE,
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
        ? [{ RelationshipType: 'CONTAINS', ValueType: 'CODE', ConceptNameCodeSequence: code(dcm('113835', 'CTDIw Phantom Type')), ConceptCodeSequence: code(r.phantom) }]
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
      bytes: write(
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
        XRAY_DOSE_SR,
        EXPLICIT_LE,
      ),
    });
  }
  return { studyUid, axialSeriesUid, axialSops, srSeriesUid, files };
}

/** The pediatric study of issue 5 (see the file comment). */
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
