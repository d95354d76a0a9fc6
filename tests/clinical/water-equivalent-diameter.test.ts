/**
 * AAPM 220 water-equivalent diameter on synthetic slices (tests/helpers/phantoms.ts): noise σ = 20 HU,
 * edges blurred (Gaussian σ = 1 mm) and partial volume at the pixel level. The expected Dw is computed
 * from each phantom's geometry — Aw = Σ area·(1 + HU/1000), Dw = 2·√(Aw/π) — never from the code.
 */
import { describe, expect, it, test } from 'vitest';
import { waterEquivalentDiameter, waterEquivalentDiameterSteps, type WaterEquivalentDiameterResult } from '../../clinical/water-equivalent-diameter';
import {
  couch,
  ellipseAreaMm2,
  renderPhantom,
  waterEquivalentDiameterOf,
  type PhantomSpec,
  type Shape,
} from '../helpers/phantoms';

const NOISY = { blurSigmaMm: 1, noiseSigmaHu: 20, seed: 20141 } as const;

function dwOf(spec: PhantomSpec, options?: Parameters<typeof waterEquivalentDiameter>[4]) {
  const hu = renderPhantom(spec);
  return waterEquivalentDiameter(hu, spec.rows, spec.cols, spec.pixelSpacingMm, options);
}

const disk = (cxMm: number, cyMm: number, rMm: number, hu: number): Shape => ({ kind: 'ellipse', cxMm, cyMm, rxMm: rMm, ryMm: rMm, hu });
const within1Percent = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! / expected - 1)).toBeLessThan(0.01);
};

describe('waterEquivalentDiameter', () => {
  describe('acceptance phantoms (each within 1 % of the analytic Dw)', () => {
    test.each([
      { dMm: 90, spacing: 0.3 },
      { dMm: 160, spacing: 0.5 },
      { dMm: 320, spacing: 0.8 },
    ])('water cylinder, d = $dMm mm → Dw = d', ({ dMm, spacing }) => {
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: spacing, shapes: [disk(0, 0, dMm / 2, 0)], ...NOISY });
      within1Percent(r.dwCm, dMm / 10);
      expect(r.warnings).toEqual([]);
      expect(r.parts).toBe(1);
      expect(r.meanHu).not.toBeNull();
      // Aw = (meanHU/1000 + 1)·A over the summed ROI (patient + edge margin) reproduces the reported Dw exactly …
      expect(2 * Math.sqrt(((r.roiMeanHu! / 1000 + 1) * r.roiAreaCm2) / Math.PI)).toBeCloseTo(r.dwCm!, 10);
      // … and the patient's own area and mean HU (what the panel prints) reproduce it within 1 %.
      within1Percent(2 * Math.sqrt(((r.meanHu! / 1000 + 1) * r.areaCm2) / Math.PI), r.dwCm!);
      within1Percent(r.areaCm2 * 100, ellipseAreaMm2(dMm / 2, dMm / 2));
    });

    it('the same 16 cm water cylinder lying on a couch (whole closed-box couch in view, larger than the patient)', () => {
      // Couch: 440 × 40 mm closed box (area 176 cm², the cylinder's is 201 cm² — and see the neonate below).
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.98, shapes: [disk(0, 0, 80, 0), ...couch(80)], ...NOISY });
      within1Percent(r.dwCm, 16);
      expect(r.excludedParts).toBeGreaterThanOrEqual(1);
    });

    it('a 9 cm neonate-size cylinder on a couch that has more area than the patient (shape and position, not size)', () => {
      const couchAreaMm2 = 440 * 40;
      expect(couchAreaMm2).toBeGreaterThan(ellipseAreaMm2(45, 45) * 2);
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.98, shapes: [disk(0, 0, 45, 0), ...couch(45)], ...NOISY });
      within1Percent(r.dwCm, 9);
    });

    it('a cylinder on a couch cut by the image border, and on a foam mattress', () => {
      within1Percent(dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, -20, 80, 0), ...couch(60)], ...NOISY }).dwCm, 16);
      within1Percent(dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.7, shapes: [disk(0, -30, 80, 0), ...couch(50, 440, 30)], ...NOISY }).dwCm, 16);
    });

    it('ellipse a × b → √(ab)', () => {
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.6, shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 120, ryMm: 80, hu: 0 }], ...NOISY });
      within1Percent(r.dwCm, Math.sqrt(24 * 16));
    });

    it('cylinder of −100 HU → d·√0.9', () => {
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 100, -100)], ...NOISY });
      within1Percent(r.dwCm, 20 * Math.sqrt(0.9));
    });

    it('torso plus two arms 5 mm away', () => {
      const torso = { kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 130, ryMm: 90, hu: 20 } as const;
      const armR = 30;
      const armX = 130 + 5 + armR; // 5 mm gap at the closest point
      const r = dwOf({
        rows: 512,
        cols: 512,
        pixelSpacingMm: 0.85,
        shapes: [torso, disk(-armX, 0, armR, 50), disk(armX, 0, armR, 50)],
        ...NOISY,
      });
      const expected = waterEquivalentDiameterOf([
        { areaMm2: ellipseAreaMm2(130, 90), hu: 20 },
        { areaMm2: 2 * ellipseAreaMm2(armR, armR), hu: 50 },
      ]);
      within1Percent(r.dwCm, expected);
      expect(r.parts).toBe(3);
    });

    it('two legs', () => {
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.6, shapes: [disk(-60, 0, 55, 30), disk(60, 0, 55, 30)], ...NOISY });
      within1Percent(r.dwCm, waterEquivalentDiameterOf([{ areaMm2: 2 * ellipseAreaMm2(55, 55), hu: 30 }]));
      expect(r.parts).toBe(2);
    });

    it("areaCm2 is the patient's area (pixels above the threshold, holes filled), not the grown ROI: a 26 × 19 cm chest", () => {
      const lung = (x: number): Shape => ({ kind: 'ellipse', cxMm: x, cyMm: -5, rxMm: 40, ryMm: 55, hu: -850 });
      const r = dwOf({
        rows: 512,
        cols: 512,
        pixelSpacingMm: 0.7,
        shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 130, ryMm: 95, hu: 30 }, lung(-55), lung(55)],
        ...NOISY,
      });
      within1Percent(r.areaCm2 * 100, ellipseAreaMm2(130, 95)); // 388 cm², lungs included (holes filled)
      expect(r.roiAreaCm2 / r.areaCm2).toBeGreaterThan(1.02); // the ROI summed also holds a 3 mm margin of air
    });

    it('a chest with lungs (and a spine): lungs are part of the patient', () => {
      const lung = (x: number): Shape => ({ kind: 'ellipse', cxMm: x, cyMm: -5, rxMm: 35, ryMm: 50, hu: -850 });
      const r = dwOf({
        rows: 512,
        cols: 512,
        pixelSpacingMm: 0.55,
        shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 110, ryMm: 80, hu: 30 }, lung(-50), lung(50), disk(0, 62, 15, 500)],
        ...NOISY,
      });
      const lungs = 2 * ellipseAreaMm2(35, 50);
      const spine = ellipseAreaMm2(15, 15);
      const expected = waterEquivalentDiameterOf([
        { areaMm2: ellipseAreaMm2(110, 80) - lungs - spine, hu: 30 },
        { areaMm2: lungs, hu: -850 },
        { areaMm2: spine, hu: 500 },
      ]);
      within1Percent(r.dwCm, expected);
      // Without the lungs the answer would be well below: the ROI really contains them.
      const withoutLungs = waterEquivalentDiameterOf([
        { areaMm2: ellipseAreaMm2(110, 80) - lungs - spine, hu: 30 },
        { areaMm2: spine, hu: 500 },
      ]);
      expect(r.dwCm! - withoutLungs).toBeGreaterThan(0.2);
    });
  });

  describe('what is left out', () => {
    it('a thin strap across the patient and a head holder under the head', () => {
      const head = { kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 70, ryMm: 85, hu: 30 } as const;
      const skull = { kind: 'shell', cxMm: 0, cyMm: 0, rxMm: 70, ryMm: 85, thicknessMm: 5, hu: 800 } as const;
      const holder = { kind: 'shell', cxMm: 0, cyMm: 0, rxMm: 78, ryMm: 93, thicknessMm: 4, hu: 250, half: 'lower' } as const;
      const strap = { kind: 'rect', x0Mm: -110, y0Mm: -88, x1Mm: 110, y1Mm: -85, hu: 200 } as const;
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [holder, head, skull, strap], ...NOISY });
      const inner = ellipseAreaMm2(65, 80);
      const expected = waterEquivalentDiameterOf([
        { areaMm2: inner, hu: 30 },
        { areaMm2: ellipseAreaMm2(70, 85) - inner, hu: 800 },
      ]);
      within1Percent(r.dwCm, expected);
    });

    it('finds no patient in air, or when only a couch is in the slice', () => {
      for (const shapes of [[], couch(0)]) {
        const r = dwOf({ rows: 256, cols: 256, pixelSpacingMm: 1.9, shapes, ...NOISY });
        expect(r.dwCm).toBeNull();
        expect(r.warnings).toContain('no-patient-found');
      }
    });

    it('ignores padding pixels (PixelPaddingValue) and values below −1500 HU', () => {
      const spec: PhantomSpec = { rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 80, 0)], ...NOISY, circle: { radiusMm: 120, outsideHu: -2000 } };
      const r = dwOf(spec, { pixelPaddingValue: -2000 });
      within1Percent(r.dwCm, 16);
      expect(r.warnings).toEqual([]);
      const r2 = dwOf({ ...spec, circle: { radiusMm: 120, outsideHu: -3024 } });
      within1Percent(r2.dwCm, 16);
    });
  });

  describe('truncation', () => {
    it('flags a patient cut by the reconstruction circle (padding outside it)', () => {
      const r = dwOf({ rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 100, 0)], ...NOISY, circle: { radiusMm: 90, outsideHu: -3024 } });
      expect(r.warnings).toEqual(['truncated-by-reconstruction-circle']);
      expect(r.dwCm!).toBeLessThan(19.5);
    });

    it('flags it with a known circle when the scanner writes air outside', () => {
      const spec: PhantomSpec = { rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 100, 0)], ...NOISY, circle: { radiusMm: 90, outsideHu: -1000 } };
      const circle = { centerRowPx: 255.5, centerColPx: 255.5, radiusPx: 180 };
      expect(dwOf(spec).warnings).not.toContain('truncated-by-reconstruction-circle'); // nothing says where the data ends
      expect(dwOf(spec, { reconstructionCircle: circle }).warnings).toContain('truncated-by-reconstruction-circle');
    });

    it('flags a patient that reaches the image border', () => {
      const r = dwOf({ rows: 256, cols: 256, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 80, 0)], ...NOISY });
      expect(r.warnings).toEqual(['touches-image-edge']);
    });
  });

  describe('input forms', () => {
    it('accepts Int16Array HU and anisotropic [row, column] spacing', () => {
      const spec: PhantomSpec = { rows: 400, cols: 512, pixelSpacingMm: 0.5, shapes: [disk(0, 0, 70, 0)], ...NOISY };
      const hu = Int16Array.from(renderPhantom(spec), (v) => Math.round(v));
      within1Percent(waterEquivalentDiameter(hu, 400, 512, [0.5, 0.5]).dwCm, 14);
      // The same geometry sampled with rectangular pixels: the ellipse on the grid is a circle in mm.
      const ell = renderPhantom({ rows: 512, cols: 512, pixelSpacingMm: 0.5, shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 70, ryMm: 49, hu: 0 }], ...NOISY });
      within1Percent(waterEquivalentDiameter(ell, 512, 512, [0.5 / 0.7, 0.5]).dwCm, 14);
    });
  });

  describe('invalid input', () => {
    it('throws RangeError on a wrong pixel count, bad dimensions or spacing', () => {
      expect(() => waterEquivalentDiameter(new Float32Array(10), 4, 4, 1)).toThrow(RangeError);
      expect(() => waterEquivalentDiameter(new Float32Array(16), 4, 4, 0)).toThrow(RangeError);
      expect(() => waterEquivalentDiameter(new Float32Array(16), 4, 4, NaN)).toThrow(RangeError);
      expect(() => waterEquivalentDiameter(new Float32Array(16), 4.5, 4, 1)).toThrow(RangeError);
      expect(() => waterEquivalentDiameter(new Float32Array(16), 4, 4, [1, -1])).toThrow(RangeError);
    });
    it('returns no patient for an image of NaN', () => {
      const r = waterEquivalentDiameter(new Float32Array(64 * 64).fill(NaN), 64, 64, 1);
      expect(r.dwCm).toBeNull();
    });
  });

  describe('in steps (waterEquivalentDiameterSteps: a caller on a page gives the main thread back between stages)', () => {
    const run = (steps: Generator<void, WaterEquivalentDiameterResult, void>) => {
      let pauses = 0;
      for (;;) {
        const step = steps.next();
        if (step.done) return { result: step.value, pauses };
        pauses++;
      }
    };
    const child: PhantomSpec = { rows: 512, cols: 512, pixelSpacingMm: 0.98, shapes: [disk(0, 0, 80, 0), ...couch(80)], ...NOISY };
    const adult: PhantomSpec = { rows: 512, cols: 512, pixelSpacingMm: 0.98, shapes: [disk(0, 0, 150, 0), ...couch(150)], ...NOISY };

    it('pauses between its stages and ends with the same result as the one-call form', () => {
      const hu = renderPhantom(child);
      const { result, pauses } = run(waterEquivalentDiameterSteps(hu, 512, 512, 0.98));
      expect(pauses).toBeGreaterThanOrEqual(4);
      expect(result).toEqual(waterEquivalentDiameter(hu, 512, 512, 0.98));
      within1Percent(result.dwCm, 16);
    });

    it('two computations paused in turn do not share their working buffers (each gets its own slice’s Dw)', () => {
      const a = waterEquivalentDiameterSteps(renderPhantom(child), 512, 512, 0.98);
      const b = waterEquivalentDiameterSteps(renderPhantom(adult), 512, 512, 0.98);
      let ra: WaterEquivalentDiameterResult | null = null;
      let rb: WaterEquivalentDiameterResult | null = null;
      while (ra === null || rb === null) {
        if (ra === null) {
          const s = a.next();
          if (s.done) ra = s.value;
        }
        if (rb === null) {
          const s = b.next();
          if (s.done) rb = s.value;
        }
      }
      within1Percent(ra.dwCm, 16);
      within1Percent(rb.dwCm, 30);
      // And a computation abandoned half-way leaves the next one correct.
      const abandoned = waterEquivalentDiameterSteps(renderPhantom(adult), 512, 512, 0.98);
      abandoned.next();
      abandoned.next();
      within1Percent(waterEquivalentDiameter(renderPhantom(child), 512, 512, 0.98).dwCm, 16);
    });

    it('checks its arguments at the call, before the first step', () => {
      expect(() => waterEquivalentDiameterSteps(new Float32Array(10), 4, 4, 1)).toThrow(RangeError);
    });
  });
});
