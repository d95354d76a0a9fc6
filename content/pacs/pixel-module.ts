import { numberOf, numbersOf, textOf, TAG, type DicomView } from './dicom-data';

/**
 * The Image Pixel and CT Image attributes needed to turn one stored frame into HU (PS3.3 C.7.6.3, C.8.2.1),
 * read from the tags the PACS API served, named by their DICOM keywords.
 */
export interface PixelModule {
  Rows: number;
  Columns: number;
  BitsAllocated: number;
  BitsStored: number;
  HighBit: number;
  PixelRepresentation: 0 | 1;
  SamplesPerPixel: number;
  PhotometricInterpretation: string;
  RescaleSlope: number;
  RescaleIntercept: number;
  /** Stored value (or lower end of a range with PixelPaddingRangeLimit) marking padding; null when absent. */
  PixelPaddingValue: number | null;
  PixelPaddingRangeLimit: number | null;
  /** [row spacing, column spacing] in mm. */
  PixelSpacing: [number, number];
  NumberOfFrames: number;
}

export type PixelModuleProblem = 'missing-attributes' | 'not-grayscale' | 'unsupported-bits' | 'bad-spacing';

/** Reads the pixel module; a problem code when the image cannot be read as one grayscale frame of HU. */
export function readPixelModule(tags: DicomView): PixelModule | { problem: PixelModuleProblem; detail: string } {
  const rows = numberOf(tags, TAG.Rows);
  const columns = numberOf(tags, TAG.Columns);
  const bitsAllocated = numberOf(tags, TAG.BitsAllocated);
  const pixelRepresentation = numberOf(tags, TAG.PixelRepresentation);
  const spacing = numbersOf(tags, TAG.PixelSpacing);
  if (rows === null || columns === null || bitsAllocated === null || pixelRepresentation === null || !spacing) {
    return { problem: 'missing-attributes', detail: 'Rows/Columns/BitsAllocated/PixelRepresentation/PixelSpacing' };
  }
  const samples = numberOf(tags, TAG.SamplesPerPixel) ?? 1;
  const photometric = (textOf(tags, TAG.PhotometricInterpretation) ?? 'MONOCHROME2').toUpperCase();
  if (samples !== 1 || (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2')) {
    return { problem: 'not-grayscale', detail: photometric };
  }
  if (bitsAllocated !== 8 && bitsAllocated !== 16 && bitsAllocated !== 32) {
    return { problem: 'unsupported-bits', detail: `BitsAllocated ${bitsAllocated}` };
  }
  if (spacing.length !== 2 || !spacing.every((s) => s > 0)) return { problem: 'bad-spacing', detail: spacing.join('\\') };
  const bitsStored = numberOf(tags, TAG.BitsStored) ?? bitsAllocated;
  return {
    Rows: rows,
    Columns: columns,
    BitsAllocated: bitsAllocated,
    BitsStored: bitsStored,
    HighBit: numberOf(tags, TAG.HighBit) ?? bitsStored - 1,
    PixelRepresentation: pixelRepresentation === 1 ? 1 : 0,
    SamplesPerPixel: samples,
    PhotometricInterpretation: photometric,
    // CT images carry Rescale Slope/Intercept (PS3.3 C.8.2.1.1.1); absent means identity.
    RescaleSlope: numberOf(tags, TAG.RescaleSlope) ?? 1,
    RescaleIntercept: numberOf(tags, TAG.RescaleIntercept) ?? 0,
    PixelPaddingValue: numberOf(tags, TAG.PixelPaddingValue),
    PixelPaddingRangeLimit: numberOf(tags, TAG.PixelPaddingRangeLimit),
    PixelSpacing: [spacing[0]!, spacing[1]!],
    NumberOfFrames: numberOf(tags, TAG.NumberOfFrames) ?? 1,
  };
}

/** Transfer syntaxes whose frames are the stored values as they are (little endian, not encapsulated). */
export const UNCOMPRESSED_TRANSFER_SYNTAXES: ReadonlySet<string> = new Set([
  '1.2.840.10008.1.2', // Implicit VR Little Endian
  '1.2.840.10008.1.2.1', // Explicit VR Little Endian
]);

/** A short name for a transfer syntax, for "cannot decode <syntax>" (PS3.6 Table A-1); the UID otherwise. */
export function transferSyntaxName(uid: string): string {
  const names: Record<string, string> = {
    '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
    '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
    '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
    '1.2.840.10008.1.2.4.51': 'JPEG Extended',
    '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
    '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
    '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
    '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
    '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
    '1.2.840.10008.1.2.4.91': 'JPEG 2000',
    '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
    '1.2.840.10008.1.2.4.203': 'HTJ2K',
    '1.2.840.10008.1.2.5': 'RLE Lossless',
  };
  return names[uid] ?? uid;
}
