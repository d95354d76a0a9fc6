/**
 * @file DICOM Part 10 files (a CT image instance) → HU slice plus the tags SSDE needs, with dicom-parser.
 *
 * Decodes uncompressed pixel data (Implicit or Explicit VR Little Endian); any other transfer syntax —
 * JPEG, JPEG-LS, JPEG 2000, RLE, deflate, big endian — gives a clear "cannot decode <syntax>" result.
 * The pixel conversion itself is `frameToHu` (ct-frame.ts), shared with the raw-frame route of the PACS
 * APIs; this module only adds the Part 10 parser, so the page bundle does not need to carry it.
 *
 * Why dicom-parser: it is small, has no dependencies, reads only what is asked for (offsets into the
 * caller's bytes, no copy of the pixel data) and parses implicit and explicit VR, sequences and
 * encapsulated pixel data; dcmjs (kept for writing test data) naturalizes whole datasets instead.
 */
import dicomParser, { type DataSet } from 'dicom-parser';
import { cannotDecode, frameToHu, isDecodableTransferSyntax, type CtFrameTags } from './ct-frame';

/** A coded entry as it appears in a DICOM code sequence item. */
export interface CodedEntry {
  codeValue: string | null;
  codingSchemeDesignator: string | null;
  codeMeaning: string | null;
}

/** What the instance says about itself, for choosing the slice and computing SSDE. */
export interface CtInstanceTags {
  transferSyntaxUid: string | null;
  sopClassUid: string | null;
  modality: string | null;
  /** (0008,0008), e.g. ['ORIGINAL', 'PRIMARY', 'AXIAL']. */
  imageType: string[];
  rows: number;
  columns: number;
  numberOfFrames: number;
  pixelSpacingMm: [number, number] | null;
  /** (0018,9345) CTDIvol in mGy, when present. */
  ctdiVolMGy: number | null;
  /**
   * (0018,9346) CTDIPhantomTypeCodeSequence, first item, as written. Not mapped to 16/32 cm here: the
   * code values are to be checked against DICOM CID 4052 by the caller (content/pacs/phantom.ts).
   */
  ctdiPhantomCode: CodedEntry | null;
  /** (0020,0032) ImagePositionPatient in mm. */
  imagePositionPatientMm: [number, number, number] | null;
  /** (0020,1041) SliceLocation in mm. */
  sliceLocationMm: number | null;
  /** (0018,0090) DataCollectionDiameter and (0018,1100) ReconstructionDiameter in mm. */
  dataCollectionDiameterMm: number | null;
  reconstructionDiameterMm: number | null;
  /** The image-pixel tags as read (for frameToHu). */
  pixel: CtFrameTags;
}

export type Part10Result =
  | { ok: true; hu: Float32Array; rows: number; cols: number; pixelSpacingMm: [number, number] | null; paddingPixels: number; tags: CtInstanceTags }
  | { ok: false; reason: 'cannot-decode'; transferSyntaxUid: string; message: string; tags: CtInstanceTags }
  | { ok: false; reason: 'not-dicom' | 'no-pixel-data' | 'invalid-tags' | 'frame-too-short' | 'frame-out-of-range'; message: string; tags?: CtInstanceTags };

const num = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

function floats(ds: DataSet, tag: string, count: number): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = ds.floatString(tag, i);
    if (v === undefined || !Number.isFinite(v)) return null;
    out.push(v);
  }
  return out;
}

/** US or SS by PixelRepresentation (implicit VR files do not say which). */
function ussOrSs(ds: DataSet, tag: string, signed: boolean): number | undefined {
  if (!ds.elements[tag]) return undefined;
  return signed ? ds.int16(tag) : ds.uint16(tag);
}

function readTags(ds: DataSet): CtInstanceTags {
  const pr = ds.uint16('x00280103') ?? 0;
  const spacing = floats(ds, 'x00280030', 2);
  const position = floats(ds, 'x00200032', 3);
  const phantomItem = ds.elements.x00189346?.items?.[0]?.dataSet;
  const pixel: CtFrameTags = {
    rows: ds.uint16('x00280010') ?? 0,
    columns: ds.uint16('x00280011') ?? 0,
    bitsAllocated: ds.uint16('x00280100') ?? 0,
    bitsStored: ds.uint16('x00280101') ?? 0,
    pixelRepresentation: pr,
  };
  const optional: Partial<CtFrameTags> = {
    highBit: ds.uint16('x00280102'),
    samplesPerPixel: ds.uint16('x00280002'),
    photometricInterpretation: ds.string('x00280004'),
    rescaleSlope: ds.floatString('x00281053'),
    rescaleIntercept: ds.floatString('x00281052'),
    pixelPaddingValue: ussOrSs(ds, 'x00280120', pr === 1),
    pixelPaddingRangeLimit: ussOrSs(ds, 'x00280121', pr === 1),
    ...(spacing && { pixelSpacingMm: spacing }),
    transferSyntaxUid: ds.string('x00020010'),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (pixel as unknown as Record<string, unknown>)[k] = v;
  return {
    transferSyntaxUid: ds.string('x00020010') ?? null,
    sopClassUid: ds.string('x00080016') ?? null,
    modality: ds.string('x00080060') ?? null,
    imageType: (ds.string('x00080008') ?? '').split('\\').map((s) => s.trim()).filter(Boolean),
    rows: pixel.rows,
    columns: pixel.columns,
    numberOfFrames: ds.intString('x00280008') ?? 1,
    pixelSpacingMm: spacing ? [spacing[0]!, spacing[1]!] : null,
    ctdiVolMGy: num(ds.double('x00189345')),
    ctdiPhantomCode: phantomItem
      ? {
          codeValue: phantomItem.string('x00080100') ?? null,
          codingSchemeDesignator: phantomItem.string('x00080102') ?? null,
          codeMeaning: phantomItem.string('x00080104') ?? null,
        }
      : null,
    imagePositionPatientMm: position ? [position[0]!, position[1]!, position[2]!] : null,
    sliceLocationMm: num(ds.floatString('x00201041')),
    dataCollectionDiameterMm: num(ds.floatString('x00180090')),
    reconstructionDiameterMm: num(ds.floatString('x00181100')),
    pixel,
  };
}

/**
 * @name decodeCtPart10
 * @category DICOM
 * @summary Read a DICOM Part 10 CT instance: one frame in HU plus the tags SSDE needs.
 *
 * @param file - the file's bytes
 * @param frameIndex - which frame of a multi-frame instance (default 0)
 * @returns the slice in HU with its tags, "cannot decode <syntax>" for compressed pixel data, or why the
 *   file could not be read — never a thrown error
 *
 * @example
 * // An uncompressed CT instance?
 * const r = decodeCtPart10(bytes);
 * if (r.ok) waterEquivalentDiameter(r.hu, r.rows, r.cols, r.pixelSpacingMm!);
 */
export function decodeCtPart10(file: ArrayBuffer | Uint8Array, frameIndex = 0): Part10Result {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  let ds: DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch (e) {
    const message = typeof e === 'string' ? e : e instanceof Error ? e.message : 'unreadable';
    return { ok: false, reason: 'not-dicom', message: `not a readable DICOM Part 10 file: ${message.slice(0, 160)}` };
  }
  let tags: CtInstanceTags;
  try {
    tags = readTags(ds);
  } catch {
    // dicom-parser throws on some malformed values (a value length that leaves a multi-valued string empty).
    return { ok: false, reason: 'invalid-tags', message: 'the header holds a value that cannot be read' };
  }
  const ts = tags.transferSyntaxUid ?? '1.2.840.10008.1.2';
  if (!isDecodableTransferSyntax(ts)) return { ...cannotDecode(ts), tags };
  const pixelData = ds.elements.x7fe00010;
  if (!pixelData || pixelData.length <= 0) return { ok: false, reason: 'no-pixel-data', message: 'the instance has no pixel data', tags };
  if (pixelData.encapsulatedPixelData) return { ...cannotDecode(ts), tags };
  if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex >= tags.numberOfFrames) {
    return { ok: false, reason: 'frame-out-of-range', message: `frame ${frameIndex} of ${tags.numberOfFrames}`, tags };
  }
  const frameBytes = (tags.rows * tags.columns * tags.pixel.bitsAllocated) / 8;
  const start = pixelData.dataOffset + frameIndex * frameBytes;
  const end = Math.min(pixelData.dataOffset + pixelData.length, bytes.byteLength);
  const frame = bytes.subarray(start, Math.max(start, Math.min(end, start + frameBytes)));
  const r = frameToHu(frame, tags.pixel);
  if (!r.ok) return { ...r, tags } as Part10Result;
  return { ok: true, hu: r.hu, rows: r.rows, cols: r.cols, pixelSpacingMm: r.pixelSpacingMm, paddingPixels: r.paddingPixels, tags };
}
