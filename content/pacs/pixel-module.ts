import type { CtFrameTags } from '@/clinical/ct-frame';
import { numberOf, numbersOf, tagText, TAG, type DicomView } from './dicom-data';

/**
 * The Image Pixel and CT Image attributes of one instance, read from the tags the PACS API served, in the
 * shape clinical/ct-frame.ts `frameToHu` takes (which checks them and converts the frame to HU).
 */
export interface FrameTags extends CtFrameTags {
  pixelSpacingMm: [number, number];
}

/** The tags, or what is missing for reading the frame as HU at a known pixel size. */
export function readFrameTags(tags: DicomView, transferSyntaxUid?: string): FrameTags | { problem: string } {
  const rows = numberOf(tags, TAG.Rows);
  const columns = numberOf(tags, TAG.Columns);
  const bitsAllocated = numberOf(tags, TAG.BitsAllocated);
  const pixelRepresentation = numberOf(tags, TAG.PixelRepresentation);
  const spacing = numbersOf(tags, TAG.PixelSpacing);
  if (rows === null || columns === null || bitsAllocated === null || pixelRepresentation === null) {
    return { problem: 'missing Rows/Columns/BitsAllocated/PixelRepresentation' };
  }
  if (!spacing || spacing.length !== 2) return { problem: 'missing PixelSpacing' };
  const optional = (key: keyof CtFrameTags, value: number | string | null) => (value === null ? {} : { [key]: value });
  return {
    rows,
    columns,
    bitsAllocated,
    bitsStored: numberOf(tags, TAG.BitsStored) ?? bitsAllocated,
    pixelRepresentation,
    pixelSpacingMm: [spacing[0]!, spacing[1]!],
    ...optional('highBit', numberOf(tags, TAG.HighBit)),
    ...optional('samplesPerPixel', numberOf(tags, TAG.SamplesPerPixel)),
    ...optional('photometricInterpretation', tagText(tags, TAG.PhotometricInterpretation)),
    // CT images carry Rescale Slope/Intercept (PS3.3 C.8.2.1.1.1); absent means identity.
    ...optional('rescaleSlope', numberOf(tags, TAG.RescaleSlope)),
    ...optional('rescaleIntercept', numberOf(tags, TAG.RescaleIntercept)),
    ...optional('pixelPaddingValue', numberOf(tags, TAG.PixelPaddingValue)),
    ...optional('pixelPaddingRangeLimit', numberOf(tags, TAG.PixelPaddingRangeLimit)),
    ...(transferSyntaxUid ? { transferSyntaxUid } : {}),
  };
}
