/**
 * STAND-IN for clinical/'s raw-frame → HU function (issue #3, item 3), which had not landed when the PACS
 * route's tests were written. It implements the same rule for what the tests need (16-bit little-endian
 * grayscale, signed or unsigned, Rescale Slope/Intercept, PixelPaddingValue → NaN) so the route can be
 * tested end to end; the content script uses clinical's function. Replace with it once available.
 */
import type { FrameDecoder } from '../../content/pacs/measure';

export const standInFrameDecoder: FrameDecoder = (frame, p) => {
  if (p.BitsAllocated !== 16) return { problem: `BitsAllocated ${p.BitsAllocated}` };
  const n = p.Rows * p.Columns;
  if (frame.byteLength < n * 2) return { problem: 'short frame' };
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const hu = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const stored = p.PixelRepresentation === 1 ? view.getInt16(2 * i, true) : view.getUint16(2 * i, true);
    hu[i] = stored === p.PixelPaddingValue ? Number.NaN : stored * p.RescaleSlope + p.RescaleIntercept;
  }
  return hu;
};
