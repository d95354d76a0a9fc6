import * as z from 'zod/mini';
import { lazySchema } from '@/utils/lazy-schema';

/**
 * DICOM data as a PACS API serves it, validated with zod and read through one small view.
 *
 * Two wire shapes reach the page:
 * - the DICOM JSON model of DICOMweb (PS3.18 §F.2): `{"00100030": {"vr": "DA", "Value": ["20221101"]}}`,
 *   sequences as nested datasets, bulk data as `BulkDataURI`;
 * - Orthanc's REST "short" tags (`/instances/{id}/tags?short`): `{"0010,0030": "20221101"}`, multiple
 *   values joined by a backslash, sequences as arrays of the same shape, binary values as `null`.
 * Both become a `DicomView`. Nothing is cast: each level (including every sequence item) is checked
 * against its schema when read, and an item that does not match is dropped.
 */

const TAG_KEY = /^[0-9A-Fa-f]{8}$/;
const ORTHANC_TAG_KEY = /^[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}$/;

/** One attribute of the DICOM JSON model (PS3.18 §F.2.2). Sequence items are validated when read. */
const JsonAttributeSchema = lazySchema(() => z.object({
  vr: z.string().check(z.regex(/^[A-Z]{2}$/)),
  Value: z.optional(z.array(z.unknown())),
  BulkDataURI: z.optional(z.string()),
  InlineBinary: z.optional(z.string()),
}));
export const DicomJsonDatasetSchema = lazySchema(() => z.record(z.string().check(z.regex(TAG_KEY)), JsonAttributeSchema));
/** A QIDO-RS result or a WADO-RS metadata response: an array of datasets. */
export const DicomJsonArraySchema = lazySchema(() => z.array(DicomJsonDatasetSchema));
export type DicomJsonDataset = z.infer<typeof DicomJsonDatasetSchema>;

/** Orthanc `GET /instances/{id}/tags?short`. */
export const OrthancShortTagsSchema = lazySchema(() => z.record(
  z.string().check(z.regex(ORTHANC_TAG_KEY)),
  z.union([z.string(), z.null(), z.array(z.unknown())]),
));
export type OrthancShortTags = z.infer<typeof OrthancShortTagsSchema>;

/** Read-only access to one dataset. Tags are 8 hex digits, upper case (`TAG.*`). */
export interface DicomView {
  /** The values of a non-sequence attribute as text (numbers formatted, person names alphabetic); [] when absent. */
  values(tag: string): string[];
  /** The items of a sequence attribute; [] when absent or not a sequence. */
  items(tag: string): DicomView[];
  /** A BulkDataURI, when the server put one in place of the value. */
  bulkDataUri(tag: string): string | null;
}

const PersonNameSchema = lazySchema(() => z.object({ Alphabetic: z.optional(z.string()) }));

function jsonValueText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const pn = PersonNameSchema.safeParse(value);
  return pn.success && pn.data.Alphabetic !== undefined ? pn.data.Alphabetic : null;
}

/** A view over one DICOM JSON dataset (already validated). */
export function viewDicomJson(dataset: DicomJsonDataset): DicomView {
  const byTag = new Map<string, DicomJsonDataset[string]>();
  for (const [key, attribute] of Object.entries(dataset)) byTag.set(key.toUpperCase(), attribute);
  return itemsOnce({
    values(tag) {
      const attribute = byTag.get(tag);
      if (!attribute?.Value || attribute.vr === 'SQ') return [];
      const out: string[] = [];
      for (const v of attribute.Value) {
        const t = jsonValueText(v);
        if (t !== null) out.push(t);
      }
      return out;
    },
    items(tag) {
      const attribute = byTag.get(tag);
      if (!attribute?.Value || attribute.vr !== 'SQ') return [];
      const out: DicomView[] = [];
      for (const item of attribute.Value) {
        const parsed = DicomJsonDatasetSchema.safeParse(item);
        if (parsed.success) out.push(viewDicomJson(parsed.data));
      }
      return out;
    },
    bulkDataUri(tag) {
      return byTag.get(tag)?.BulkDataURI ?? null;
    },
  });
}

/**
 * The view with each sequence's items validated once: the SR reader asks for a content item's concept name,
 * its children and their concept names again and again (a 2 MiB report cost 0.5 s re-validating them).
 */
function itemsOnce(view: DicomView): DicomView {
  const seen = new Map<string, DicomView[]>();
  return {
    values: (tag) => view.values(tag),
    bulkDataUri: (tag) => view.bulkDataUri(tag),
    items(tag) {
      let items = seen.get(tag);
      if (!items) seen.set(tag, (items = view.items(tag)));
      return items;
    },
  };
}

/** A view over Orthanc's short tags (already validated). */
export function viewOrthancTags(tags: OrthancShortTags): DicomView {
  const byTag = new Map<string, OrthancShortTags[string]>();
  for (const [key, value] of Object.entries(tags)) byTag.set(key.replace(',', '').toUpperCase(), value);
  return itemsOnce({
    values(tag) {
      const value = byTag.get(tag);
      return typeof value === 'string' ? value.split('\\') : [];
    },
    items(tag) {
      const value = byTag.get(tag);
      if (!Array.isArray(value)) return [];
      const out: DicomView[] = [];
      for (const item of value) {
        const parsed = OrthancShortTagsSchema.safeParse(item);
        if (parsed.success) out.push(viewOrthancTags(parsed.data));
      }
      return out;
    },
    bulkDataUri() {
      return null;
    },
  });
}

/** First value as trimmed text, or null when absent or empty. */
export function tagText(view: DicomView, tag: string): string | null {
  const v = view.values(tag)[0]?.trim();
  return v ? v : null;
}

/** Parses a DICOM DS/IS/FD/US text value; null when it is not a finite number. */
export function parseDicomNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** First value as a number, or null. */
export function numberOf(view: DicomView, tag: string): number | null {
  return parseDicomNumber(view.values(tag)[0]);
}

/** Text values as numbers; null when there are none or any is not a number. */
export function numberList(values: readonly string[]): number[] | null {
  if (values.length === 0) return null;
  const out: number[] = [];
  for (const v of values) {
    const n = parseDicomNumber(v);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

/** All values as numbers; null when absent or when any value is not a number. */
export function numbersOf(view: DicomView, tag: string): number[] | null {
  return numberList(view.values(tag));
}

export interface CodedConcept {
  value: string;
  scheme: string;
  meaning: string;
}

/** Reads a Code Sequence Macro item (PS3.3 Table 8.8-1): CodeValue, or LongCodeValue / URNCodeValue. */
export function codeOf(item: DicomView): CodedConcept | null {
  const value = tagText(item, TAG.CodeValue) ?? tagText(item, TAG.LongCodeValue) ?? tagText(item, TAG.URNCodeValue);
  const meaning = tagText(item, TAG.CodeMeaning) ?? '';
  if (value === null && meaning === '') return null;
  return { value: value ?? '', scheme: tagText(item, TAG.CodingSchemeDesignator) ?? '', meaning };
}

/** First item of a code sequence attribute, as a concept. */
export function firstCode(view: DicomView, tag: string): CodedConcept | null {
  const item = view.items(tag)[0];
  return item ? codeOf(item) : null;
}

/** Attribute tags used by the PACS route (PS3.6 data dictionary). */
export const TAG = {
  TransferSyntaxUID: '00020010',
  ImageType: '00080008',
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  SeriesDate: '00080021',
  AcquisitionDate: '00080022',
  ContentDate: '00080023',
  Modality: '00080060',
  CodeValue: '00080100',
  CodingSchemeDesignator: '00080102',
  CodeMeaning: '00080104',
  LongCodeValue: '00080119',
  URNCodeValue: '00080120',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  IrradiationEventUID: '00083010',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  PatientAge: '00101010',
  PatientWeight: '00101030',
  BodyPartExamined: '00180015',
  ProtocolName: '00181030',
  WaterEquivalentDiameter: '00181271',
  WaterEquivalentDiameterCalculationMethodCodeSequence: '00181272',
  CTDIvol: '00189345',
  CTDIPhantomTypeCodeSequence: '00189346',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  ImagePositionPatient: '00200032',
  ImageOrientationPatient: '00200037',
  SliceLocation: '00201041',
  SamplesPerPixel: '00280002',
  PhotometricInterpretation: '00280004',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  PixelSpacing: '00280030',
  BitsAllocated: '00280100',
  BitsStored: '00280101',
  HighBit: '00280102',
  PixelRepresentation: '00280103',
  PixelPaddingValue: '00280120',
  PixelPaddingRangeLimit: '00280121',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  RescaleType: '00281054',
  MeasurementUnitsCodeSequence: '004008EA',
  RelationshipType: '0040A010',
  ValueType: '0040A040',
  ConceptNameCodeSequence: '0040A043',
  ConceptCodeSequence: '0040A168',
  MeasuredValueSequence: '0040A300',
  NumericValue: '0040A30A',
  TextValue: '0040A160',
  UID: '0040A124',
  ContentTemplateSequence: '0040A504',
  TemplateIdentifier: '0040DB00',
  ContentSequence: '0040A730',
  PixelData: '7FE00010',
} as const;
