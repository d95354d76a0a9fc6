/**
 * @file One uncompressed CT frame (raw little-endian stored values, as a PACS API serves it: Orthanc
 * `/instances/{id}/frames/0/raw`, DICOMweb `frames/1` as application/octet-stream) plus its image-pixel
 * tags → Hounsfield units, ready for `waterEquivalentDiameter`.
 *
 * DICOM PS3.3 Image Pixel module semantics: the stored value occupies BitsStored bits ending at HighBit
 * within BitsAllocated; PixelRepresentation 1 = two's complement; PixelPaddingValue (and
 * PixelPaddingRangeLimit) are compared with stored values; HU = stored × RescaleSlope + RescaleIntercept.
 * Padding pixels become NaN. Compressed transfer syntaxes give a "cannot decode <syntax>" result.
 *
 * No library dependency: this module is small enough for the page bundle (the Part 10 parser lives in
 * `dicom-part10.ts`, which the page does not need).
 */
import { own } from '../utils/own';

/** DICOM PS3.5/PS3.6 transfer syntaxes by UID: the two this module decodes, and names for the rest. */
const TRANSFER_SYNTAX_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian (retired)',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline (Process 1)',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (Process 2 & 4)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless, Non-Hierarchical (Process 14)',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless, Non-Hierarchical, First-Order Prediction',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Lossy (Near-Lossless)',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 (Lossless Only)',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 (Lossless Only)',
  '1.2.840.10008.1.2.4.202': 'High-Throughput JPEG 2000 with RPCL Options (Lossless Only)',
  '1.2.840.10008.1.2.4.203': 'High-Throughput JPEG 2000',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

/** The transfer syntaxes whose pixel data are raw little-endian stored values. */
export const DECODABLE_TRANSFER_SYNTAXES: readonly string[] = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];

/** The name of a transfer syntax, or the UID itself when it is not one we name. */
export function transferSyntaxName(uid: string): string {
  return own(TRANSFER_SYNTAX_NAMES, uid) ?? uid;
}

/** True when frames in this transfer syntax are raw little-endian values this module can convert. */
export function isDecodableTransferSyntax(uid: string): boolean {
  return DECODABLE_TRANSFER_SYNTAXES.includes(uid);
}

/** The image-pixel tags needed to read one frame. */
export interface CtFrameTags {
  rows: number; // (0028,0010)
  columns: number; // (0028,0011)
  bitsAllocated: number; // (0028,0100): 8, 16 or 32
  bitsStored: number; // (0028,0101)
  highBit?: number; // (0028,0102); default bitsStored − 1
  pixelRepresentation: number; // (0028,0103): 0 unsigned, 1 two's complement
  samplesPerPixel?: number; // (0028,0002): must be 1
  photometricInterpretation?: string; // (0028,0004): MONOCHROME1 or MONOCHROME2
  rescaleSlope?: number; // (0028,1053); default 1
  rescaleIntercept?: number; // (0028,1052); default 0
  pixelPaddingValue?: number; // (0028,0120), stored units
  pixelPaddingRangeLimit?: number; // (0028,0121), stored units
  pixelSpacingMm?: readonly number[]; // (0028,0030): [row spacing, column spacing]
  /** (0002,0010) of the instance, or the syntax the frame was requested in. */
  transferSyntaxUid?: string;
}

export type CtFrameFailure =
  | { ok: false; reason: 'cannot-decode'; transferSyntaxUid: string; message: string }
  | { ok: false; reason: 'invalid-tags' | 'frame-too-short'; message: string };

export type CtFrameResult =
  | {
      ok: true;
      /** HU, row-major; NaN where the pixel is padding. */
      hu: Float32Array;
      rows: number;
      cols: number;
      /** [row spacing, column spacing] in mm, or null when the tags have none. */
      pixelSpacingMm: [number, number] | null;
      /** Pixels equal to (or within the range of) PixelPaddingValue. */
      paddingPixels: number;
    }
  | CtFrameFailure;

/** Locale keys (section `clinical:`) of the failures; $1 = the transfer syntax name for `cannot-decode`. */
export const CT_FRAME_FAILURE_MESSAGE_KEY = {
  'cannot-decode': 'clinical.ctFrame.cannotDecode',
  'invalid-tags': 'clinical.ctFrame.invalidTags',
  'frame-too-short': 'clinical.ctFrame.frameTooShort',
} as const;

const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** "cannot decode <syntax>" for a transfer syntax other than implicit/explicit little endian. */
export function cannotDecode(transferSyntaxUid: string): CtFrameFailure {
  return {
    ok: false,
    reason: 'cannot-decode',
    transferSyntaxUid,
    message: `cannot decode ${transferSyntaxName(transferSyntaxUid)}`,
  };
}

/**
 * @name frameToHu
 * @category DICOM
 * @summary Convert one uncompressed CT frame and its tags to Hounsfield units.
 *
 * @description
 * `frame` holds the frame's bytes in little-endian order (a Uint8Array, DataView or ArrayBuffer), or
 * already-typed stored values (Int16Array/Uint16Array for 16 bits, Int32Array/Uint32Array for 32,
 * Int8Array/Uint8Array for 8). Stored values are masked to BitsStored at HighBit and sign-extended when
 * PixelRepresentation is 1, so overlay bits above HighBit are ignored. Padding → NaN.
 *
 * @param frame - the raw frame
 * @param tags - Rows, Columns, BitsAllocated, BitsStored, HighBit, PixelRepresentation, Rescale, padding, spacing
 * @returns HU as a Float32Array, or why it cannot be read (`cannot-decode` names the transfer syntax)
 *
 * @example
 * // A 2 × 1 frame of unsigned 16-bit values 1024 and 24, intercept −1024?
 * frameToHu(new Uint8Array([0, 4, 24, 0]), { rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0, rescaleIntercept: -1024 })
 * //=> { ok: true, hu: Float32Array [0, -1000], … }
 */
export function frameToHu(frame: ArrayBuffer | ArrayBufferView, tags: CtFrameTags): CtFrameResult {
  const ts = tags.transferSyntaxUid;
  if (ts !== undefined && !isDecodableTransferSyntax(ts)) return cannotDecode(ts);
  const { rows, columns: cols, bitsAllocated: ba, bitsStored: bs, pixelRepresentation: pr } = tags;
  const hb = tags.highBit ?? bs - 1;
  const bad = (message: string): CtFrameFailure => ({ ok: false, reason: 'invalid-tags', message });
  if (!int(rows) || !int(cols) || rows < 1 || cols < 1 || rows * cols > 64 * 1024 * 1024) return bad(`Rows × Columns ${rows} × ${cols} is not a valid size`);
  if (ba !== 8 && ba !== 16 && ba !== 32) return bad(`BitsAllocated ${ba} is not 8, 16 or 32`);
  if (!int(bs) || bs < 1 || bs > ba || !int(hb) || hb < bs - 1 || hb >= ba) return bad(`BitsStored ${bs} / HighBit ${hb} do not fit in ${ba} bits`);
  if (pr !== 0 && pr !== 1) return bad(`PixelRepresentation ${pr} is not 0 or 1`);
  if ((tags.samplesPerPixel ?? 1) !== 1) return bad(`SamplesPerPixel ${tags.samplesPerPixel} is not 1 (not a grey-scale CT image)`);
  const pi = tags.photometricInterpretation?.trim();
  if (pi !== undefined && pi !== 'MONOCHROME1' && pi !== 'MONOCHROME2') return bad(`PhotometricInterpretation ${pi} is not grey-scale`);
  const slope = tags.rescaleSlope ?? 1;
  const intercept = tags.rescaleIntercept ?? 0;
  if (!Number.isFinite(slope) || slope === 0 || !Number.isFinite(intercept)) return bad('RescaleSlope/RescaleIntercept are not valid numbers');
  let spacing: [number, number] | null = null;
  if (tags.pixelSpacingMm !== undefined) {
    const [r, c] = tags.pixelSpacingMm;
    if (!(r! > 0) || !(c! > 0) || !Number.isFinite(r) || !Number.isFinite(c)) return bad('PixelSpacing is not two positive numbers');
    spacing = [r!, c!];
  }

  const n = rows * cols;
  const bytesPer = ba / 8;
  // Typed stored values of the right width are used as they are; everything else is read as LE bytes.
  let values: ArrayLike<number> | null = null;
  let view: DataView | null = null;
  if (
    (ba === 16 && (frame instanceof Int16Array || frame instanceof Uint16Array)) ||
    (ba === 32 && (frame instanceof Int32Array || frame instanceof Uint32Array)) ||
    (ba === 8 && frame instanceof Int8Array)
  ) {
    values = frame as ArrayLike<number>;
    if (values.length < n) return { ok: false, reason: 'frame-too-short', message: `frame has ${values.length} values, expected ${n}` };
  } else {
    const buf = frame instanceof ArrayBuffer ? frame : (frame as ArrayBufferView).buffer;
    const offset = frame instanceof ArrayBuffer ? 0 : (frame as ArrayBufferView).byteOffset;
    const length = frame instanceof ArrayBuffer ? frame.byteLength : (frame as ArrayBufferView).byteLength;
    if (length < n * bytesPer) return { ok: false, reason: 'frame-too-short', message: `frame has ${length} bytes, expected ${n * bytesPer}` };
    // Fast path: aligned 16-bit little-endian data on a little-endian machine (every browser platform).
    if (ba === 16 && offset % 2 === 0 && LITTLE_ENDIAN) values = new Uint16Array(buf as ArrayBuffer, offset, n);
    else view = new DataView(buf as ArrayBuffer, offset, n * bytesPer);
  }

  const shift = hb + 1 - bs;
  const full = 2 ** bs;
  const mask = bs === 32 ? 0xffffffff : full - 1;
  const signBit = 2 ** (bs - 1);
  const decodeStored = (raw: number): number => {
    let v = bs === 32 && shift === 0 ? raw >>> 0 : ((raw >>> shift) & mask) >>> 0;
    if (pr === 1 && v >= signBit) v -= full;
    return v;
  };
  // Padding is compared with stored values (PS3.3 C.7.5.1.1.2); a range when the limit is present.
  const padA = tags.pixelPaddingValue;
  const padB = tags.pixelPaddingRangeLimit ?? padA;
  const hasPad = padA !== undefined && Number.isFinite(padA);
  const padLo = hasPad ? Math.min(padA!, padB!) : 0;
  const padHi = hasPad ? Math.max(padA!, padB!) : -1;

  const hu = new Float32Array(n);
  let padding = 0;
  for (let i = 0; i < n; i++) {
    let raw: number;
    if (values) raw = values[i]!;
    else if (ba === 16) raw = view!.getUint16(2 * i, true);
    else if (ba === 8) raw = view!.getUint8(i);
    else raw = view!.getUint32(4 * i, true);
    const stored = decodeStored(raw);
    if (stored >= padLo && stored <= padHi) {
      hu[i] = NaN;
      padding++;
    } else hu[i] = stored * slope + intercept;
  }
  return { ok: true, hu, rows, cols, pixelSpacingMm: spacing, paddingPixels: padding };
}
