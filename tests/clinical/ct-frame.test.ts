import { describe, expect, it, test } from 'vitest';
import { cannotDecode, frameToHu, isDecodableTransferSyntax, transferSyntaxName, type CtFrameTags } from '../../clinical/ct-frame';
import { waterEquivalentDiameter } from '../../clinical/water-equivalent-diameter';
import { renderPhantom } from '../helpers/phantoms';

const base: CtFrameTags = { rows: 1, columns: 4, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0 };
const le16 = (...values: number[]) => new Uint8Array(new Uint16Array(values).buffer); // the test machine is little-endian

describe('frameToHu', () => {
  it('applies RescaleSlope and RescaleIntercept to unsigned stored values', () => {
    const r = frameToHu(le16(0, 24, 1024, 2024), { ...base, rescaleIntercept: -1024 });
    expect(r.ok && Array.from(r.hu)).toEqual([-1024, -1000, 0, 1000]);
    const s = frameToHu(le16(0, 100, 200, 300), { ...base, rescaleSlope: 0.5, rescaleIntercept: -10 });
    expect(s.ok && Array.from(s.hu)).toEqual([-10, 40, 90, 140]);
  });

  it('sign-extends two’s complement values (PixelRepresentation 1)', () => {
    const r = frameToHu(le16(0xfc18, 0, 40, 0x8000), { ...base, pixelRepresentation: 1 }); // −1000, 0, 40, −32768
    expect(r.ok && Array.from(r.hu)).toEqual([-1000, 0, 40, -32768]);
  });

  it('masks to BitsStored at HighBit, ignoring bits above (12-bit signed data with overlay bits set)', () => {
    // 12-bit two's complement: −1000 = 0xC18; 0x1000 above HighBit 11 is an overlay bit.
    const r = frameToHu(le16(0xf000 | 0xc18, 0x1000 | 40, 0x7ff, 0x800), { ...base, bitsStored: 12, highBit: 11, pixelRepresentation: 1 });
    expect(r.ok && Array.from(r.hu)).toEqual([-1000, 40, 2047, -2048]);
  });

  it('reads values stored at a HighBit above BitsStored − 1', () => {
    const r = frameToHu(le16(100 << 4, 5 << 4, 0, 1 << 4), { ...base, bitsStored: 12, highBit: 15 });
    expect(r.ok && Array.from(r.hu)).toEqual([100, 5, 0, 1]);
  });

  it('marks PixelPaddingValue (and a padding range) as NaN, compared with stored values', () => {
    const r = frameToHu(le16(0xf830, 1024, 0xf830, 24), { ...base, pixelRepresentation: 1, pixelPaddingValue: -2000, rescaleIntercept: -1024 });
    expect(r.ok && r.paddingPixels).toBe(2);
    expect(r.ok && Array.from(r.hu).map((v) => (Number.isNaN(v) ? 'pad' : v))).toEqual(['pad', 0, 'pad', -1000]);
    const range = frameToHu(le16(0, 1, 2, 3000), { ...base, pixelPaddingValue: 2, pixelPaddingRangeLimit: 0 });
    expect(range.ok && range.paddingPixels).toBe(3);
  });

  it('accepts typed stored values, unaligned bytes, 8- and 32-bit data', () => {
    const typed = frameToHu(new Int16Array([-1000, 0, 40, 1]), { ...base, pixelRepresentation: 1 });
    expect(typed.ok && Array.from(typed.hu)).toEqual([-1000, 0, 40, 1]);
    const bytes = new Uint8Array(9);
    bytes.set(le16(1, 2, 3, 4), 1); // odd offset: not a valid Uint16Array view
    const unaligned = frameToHu(bytes.subarray(1), base);
    expect(unaligned.ok && Array.from(unaligned.hu)).toEqual([1, 2, 3, 4]);
    const eight = frameToHu(new Uint8Array([0, 255, 128, 1]), { ...base, bitsAllocated: 8, bitsStored: 8, pixelRepresentation: 1 });
    expect(eight.ok && Array.from(eight.hu)).toEqual([0, -1, -128, 1]);
    const wide = frameToHu(new Uint8Array(new Int32Array([-100000, 5, 0, 70000]).buffer), { ...base, bitsAllocated: 32, bitsStored: 32, pixelRepresentation: 1 });
    expect(wide.ok && Array.from(wide.hu)).toEqual([-100000, 5, 0, 70000]);
  });

  it('returns the pixel spacing as [row, column]', () => {
    const r = frameToHu(le16(0, 0, 0, 0), { ...base, pixelSpacingMm: [0.7, 0.6] });
    expect(r.ok && r.pixelSpacingMm).toEqual([0.7, 0.6]);
  });

  describe('cannot decode', () => {
    test.each([
      ['1.2.840.10008.1.2.4.50', 'cannot decode JPEG Baseline (Process 1)'],
      ['1.2.840.10008.1.2.4.90', 'cannot decode JPEG 2000 (Lossless Only)'],
      ['1.2.840.10008.1.2.5', 'cannot decode RLE Lossless'],
      ['1.2.840.10008.1.2.1.99', 'cannot decode Deflated Explicit VR Little Endian'],
      ['1.2.840.10008.1.2.2', 'cannot decode Explicit VR Big Endian (retired)'],
      ['1.2.3.4.5', 'cannot decode 1.2.3.4.5'],
    ])('%s → "%s"', (uid, message) => {
      expect(frameToHu(le16(0, 0, 0, 0), { ...base, transferSyntaxUid: uid })).toEqual({ ok: false, reason: 'cannot-decode', transferSyntaxUid: uid, message });
    });
    it('decodes the two little-endian syntaxes', () => {
      expect(isDecodableTransferSyntax('1.2.840.10008.1.2')).toBe(true);
      expect(isDecodableTransferSyntax('1.2.840.10008.1.2.1')).toBe(true);
      expect(transferSyntaxName('1.2.840.10008.1.2')).toBe('Implicit VR Little Endian');
      expect(cannotDecode('1.2.840.10008.1.2.4.80').message).toBe('cannot decode JPEG-LS Lossless');
    });
  });

  describe('invalid input', () => {
    test.each([
      ['zero rows', { rows: 0 }],
      ['12 bits allocated', { bitsAllocated: 12 }],
      ['BitsStored above BitsAllocated', { bitsStored: 17 }],
      ['HighBit below BitsStored − 1', { bitsStored: 12, highBit: 10 }],
      ['PixelRepresentation 2', { pixelRepresentation: 2 }],
      ['colour data', { samplesPerPixel: 3 }],
      ['a palette image', { photometricInterpretation: 'PALETTE COLOR' }],
      ['slope 0', { rescaleSlope: 0 }],
      ['a bad spacing', { pixelSpacingMm: [0, 1] }],
    ] as const)('refuses %s', (_, patch) => {
      expect(frameToHu(le16(0, 0, 0, 0), { ...base, ...patch } as CtFrameTags)).toMatchObject({ ok: false, reason: 'invalid-tags' });
    });
    it('refuses a frame shorter than Rows × Columns', () => {
      expect(frameToHu(le16(0, 0, 0), base)).toMatchObject({ ok: false, reason: 'frame-too-short' });
      expect(frameToHu(new Int16Array(3), base)).toMatchObject({ ok: false, reason: 'frame-too-short' });
    });
  });

  it('feeds waterEquivalentDiameter: a 16 cm water cylinder stored as unsigned values with padding outside the circle', () => {
    const rows = 512;
    const hu = renderPhantom({
      rows, cols: rows, pixelSpacingMm: 0.5, blurSigmaMm: 1, noiseSigmaHu: 20, seed: 3,
      shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 80, ryMm: 80, hu: 0 }],
      circle: { radiusMm: 125, outsideHu: NaN },
    });
    const stored = Uint16Array.from(hu, (v) => (Number.isNaN(v) ? 0 : Math.max(1, Math.round(v + 1024)))); // 0 = padding
    const r = frameToHu(new Uint8Array(stored.buffer), { rows, columns: rows, bitsAllocated: 16, bitsStored: 16, pixelRepresentation: 0, rescaleIntercept: -1024, pixelPaddingValue: 0, pixelSpacingMm: [0.5, 0.5] });
    if (!r.ok) throw new Error(r.message);
    expect(r.paddingPixels).toBeGreaterThan(0);
    const dw = waterEquivalentDiameter(r.hu, r.rows, r.cols, r.pixelSpacingMm!);
    expect(Math.abs(dw.dwCm! / 16 - 1)).toBeLessThan(0.01);
    expect(dw.warnings).toEqual([]);
  });
});
