import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { CONFLICT_52_54, EANM_SETTINGS, eanmActivity } from '../../clinical/eanm-dosage-card';
import { MBQ_PER_MCI, NAGL_NOT_SHIPPED, NAGL_ROWS, naglActivity } from '../../clinical/nuclear-medicine';
import { plausibleWeightRangeKg, readWeight } from '../../clinical/patient-weight';

const kg = (value: number, date = '2026-11-20') => ({ value, unit: 'kg', date });
const at = (ageYears: number) => ({ ageYears, onDate: '2026-11-20' });

describe('NAGL_ROWS', () => {
  // docs/reference/nuclear-medicine.md §1.2, the rows marked [X2] in every value: [row, MBq/kg, min, max]
  test.each([
    ['123I-MIBG', 'i123-mibg', 5.2, 37, 370],
    ['99mTc-MAG3 without flow', 'tc99m-mag3-without-flow', 3.7, 37, 148],
    ['99mTc-MAG3 with flow', 'tc99m-mag3-with-flow', 5.55, 37, 148],
    ['99mTc-IDA (hepatobiliary)', 'tc99m-ida', 1.85, 18.5, null],
    ['99mTc-MAA, 99mTc ventilation done', 'tc99m-maa-with-ventilation', 2.59, 14.8, null],
    ['99mTc-MAA, no 99mTc ventilation', 'tc99m-maa-without-ventilation', 1.11, 14.8, null],
    ['99mTc-HMPAO / ECD (2016)', 'tc99m-hmpao-ecd', 11.1, 185, 740],
    ['Na-123I thyroid (2016)', 'na-i123-thyroid', 0.28, 1, 11],
    ['99mTc-pertechnetate thyroid (2016)', 'tc99m-pertechnetate-thyroid', 1.11, 7, 93],
  ] as const)('docs/reference/nuclear-medicine.md §1.2 row "%s"', (_, id, perKg, min, max) => {
    const row = NAGL_ROWS.find((r) => r.id === id);
    expect(row).toMatchObject({ mbqPerKg: perKg, minMBq: min, maxMBq: max });
    expect(row!.guidelineVersion).toMatch(/20(10|16)/);
  });
  it('ships no other row: single-source and conflicting rows are listed as not shipped', () => {
    expect(NAGL_ROWS).toHaveLength(9);
    for (const id of ['tc99m-mdp', 'f18-fdg-body', 'f18-fdg-brain', 'tc99m-dmsa', 'f18-naf', 'ga68-dotatoc']) {
      expect(naglActivity(id, kg(20), at(6))).toMatchObject({ ok: false, reason: 'unknown-row' });
    }
    const names = NAGL_NOT_SHIPPED.map((n) => n.radiopharmaceutical).join(' ');
    for (const name of ['MDP', 'FDG', 'DMSA', 'NaF', 'Meckel', 'sestamibi', 'DOTATOC', 'DOTATATE', 'DOPA', 'ammonia', '82Rb']) expect(names).toContain(name);
  });
});

describe('naglActivity', () => {
  it('IDA for neonatal jaundice: the row keeps its 18.5 MBq minimum; the 37 MBq minimum is an option beside it (NAGL 2010 Table 1: "may be used")', () => {
    const row = NAGL_ROWS.find((r) => r.id === 'tc99m-ida')!;
    expect(row.optionalMinimum).toEqual({ minMBq: 37, whenKey: 'clinical.nmVariant.neonatalJaundice' });
    const r = naglActivity('tc99m-ida', kg(3.5), at(0.02), { optionalMinimum: true });
    if (!r.ok) throw new Error(r.message);
    expect([r.mbq, r.rule]).toEqual([18.5, 'minimum']);
    expect(r.optional).toEqual({ minMBq: 37, mbq: 37, mci: 1 });
    const heavy = naglActivity('tc99m-ida', kg(30), at(9), { optionalMinimum: true }); // 1.85 × 30 = 55.5 > 37
    expect(heavy.ok && heavy.optional!.mbq).toBeCloseTo(55.5, 10);
    const plain = naglActivity('tc99m-ida', kg(3.5), at(0.02));
    expect(plain.ok && plain.optional).toBeNull();
  });

  test.each([
    // [row, weight kg, age y, expected MBq, rule]
    ['i123-mibg', 5, 0.5, 37, 'minimum'], // 5.2 × 5 = 26 < 37
    ['i123-mibg', 20, 6, 104, 'per-kg'],
    ['i123-mibg', 80, 17, 370, 'maximum'], // 416 > 370
    ['tc99m-mag3-without-flow', 20, 6, 74, 'per-kg'],
    ['tc99m-mag3-with-flow', 40, 12, 148, 'maximum'], // 222 > 148
    ['tc99m-ida', 3.5, 0.02, 18.5, 'minimum'],
    ['tc99m-maa-without-ventilation', 30, 9, 33.3, 'per-kg'],
    ['tc99m-hmpao-ecd', 80, 17, 740, 'maximum'],
    ['na-i123-thyroid', 2, 0.1, 1, 'minimum'],
  ] as const)('%s, %d kg → %d MBq (%s)', (id, w, age, mbq, rule) => {
    const r = naglActivity(id, kg(w), at(age));
    if (!r.ok) throw new Error(r.message);
    expect(r.mbq).toBeCloseTo(mbq, 10);
    expect(r.mci).toBeCloseTo(mbq / 37, 10);
    expect(r.rule).toBe(rule);
    expect(r.source).toMatch(/NAGL 20(10|16)/);
  });

  it('converts pounds (explicit unit) and gives mCi', () => {
    const r = naglActivity('tc99m-mag3-without-flow', { value: 44, unit: 'lb', date: '2026-11-20' }, at(6));
    if (!r.ok) throw new Error(r.message);
    expect(r.weightKg).toBeCloseTo(19.958, 3);
    expect(r.mbq).toBeCloseTo(3.7 * 44 * 0.45359237, 10);
    expect(r.mci * MBQ_PER_MCI).toBeCloseTo(r.mbq, 10);
  });

  describe('no number without a clear weight', () => {
    test.each([
      ['no unit', { value: 20, unit: null }, 'unit-missing'],
      ['an empty unit', { value: 20, unit: ' ' }, 'unit-missing'],
      ['an unknown unit', { value: 3, unit: 'st' }, 'unit-unknown'],
      ['not a number', { value: NaN, unit: 'kg' }, 'not-a-number'],
      ['zero', { value: 0, unit: 'kg' }, 'not-a-number'],
      ['a weight implausible for a 1-year-old (70 kg)', { value: 70, unit: 'kg' }, 'implausible-for-age'],
      ['grams read as a weight for a 1-year-old (10 g)', { value: 10, unit: 'g' }, 'implausible-for-age'],
    ])('%s', (_, weight, reason) => {
      expect(naglActivity('tc99m-mag3-without-flow', weight, at(1))).toMatchObject({ ok: false, reason });
    });
  });

  it('notes an undated or old weight, and an unknown age', () => {
    const undated = naglActivity('i123-mibg', { value: 20, unit: 'kg' }, at(6));
    expect(undated.ok && undated.notes).toEqual(['weight-undated']);
    const old = naglActivity('i123-mibg', kg(20, '2026-09-01'), at(6));
    expect(old.ok && old.notes).toEqual(['weight-old']);
    const noAge = naglActivity('i123-mibg', kg(20), { onDate: '2026-11-20' });
    expect(noAge.ok && noAge.notes).toEqual(['weight-not-checked-against-age']);
  });

  it('is the row clamped: never below the minimum nor above the maximum, monotone in weight (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAGL_ROWS.map((r) => r.id)),
        fc.double({ min: 22, max: 200, noNaN: true }),
        fc.double({ min: 22, max: 200, noNaN: true }),
        (id, w1, w2) => {
          const [a, b] = [naglActivity(id, kg(Math.min(w1, w2)), at(18)), naglActivity(id, kg(Math.max(w1, w2)), at(18))];
          if (!a.ok || !b.ok) return false;
          const row = a.row;
          return a.mbq >= row.minMBq && (row.maxMBq === null || b.mbq <= row.maxMBq) && a.mbq <= b.mbq;
        },
      ),
    );
  });
});

describe('readWeight', () => {
  it('keeps the plausibility envelope wide: typical children of every age are accepted', () => {
    // Deliberately loose checks of the product guard, not growth data.
    for (const [age, w] of [[0, 3.5], [0.5, 7.5], [1, 10], [5, 18], [10, 32], [15, 55], [17, 70]] as const) {
      expect(readWeight(kg(w), at(age)).ok, `${w} kg at ${age} y`).toBe(true);
    }
    expect(plausibleWeightRangeKg(-1)).toBeNull();
    expect(plausibleWeightRangeKg(30)).toEqual(plausibleWeightRangeKg(18));
  });
});

describe('eanmActivity', () => {
  const settingOfClass = (c: 'A' | 'B' | 'C') => EANM_SETTINGS.find((s) => s.class === c)!.id;

  // docs/reference/nuclear-medicine.md §2.1, every row [X2] (52–54 kg: class A only): [kg, A, B, C]
  test.each([
    [3, 1.0, 1.0, 1.0], [4, 1.12, 1.14, 1.33], [6, 1.47, 1.71, 2.0], [8, 1.71, 2.14, 3.0], [10, 1.94, 2.71, 3.67],
    [12, 2.18, 3.14, 4.67], [14, 2.35, 3.57, 5.67], [16, 2.53, 4.0, 6.33], [18, 2.71, 4.43, 7.33], [20, 2.88, 4.86, 8.33],
    [22, 3.06, 5.29, 9.33], [24, 3.18, 5.71, 10.0], [26, 3.35, 6.14, 11.0], [28, 3.47, 6.43, 12.0], [30, 3.65, 6.86, 13.0],
    [32, 3.77, 7.29, 14.0], [34, 3.88, 7.72, 15.0], [36, 4.0, 8.0, 16.0], [38, 4.18, 8.43, 17.0], [40, 4.29, 8.86, 18.0],
    [42, 4.41, 9.14, 19.0], [44, 4.53, 9.57, 20.0], [46, 4.65, 10.0, 21.0], [48, 4.77, 10.29, 22.0], [50, 4.88, 10.71, 23.0],
    [53, 5.0, null, null], [57, 5.24, 12.0, 26.67], [61, 5.47, 12.71, 28.67], [65, 5.65, 13.43, 31.0], [68, 5.77, 14.0, 32.33],
  ] as const)('card row %d kg → A %d, B %s, C %s', (w, a, b, c) => {
    const age = w < 10 ? 0.5 : w < 20 ? 5 : 15;
    for (const [cls, expected] of [['A', a], ['B', b], ['C', c]] as const) {
      const r = eanmActivity(settingOfClass(cls), kg(w), at(age));
      if (expected === null) expect(r).toMatchObject({ ok: false, reason: 'card-row-conflict' });
      else {
        if (!r.ok) throw new Error(r.message);
        expect(r.multiple).toBe(expected);
        expect(r.interpolated).toBe(false);
      }
    }
  });

  test.each([
    // docs/reference/nuclear-medicine.md §2.3 "suggested unit tests" [CALC]
    ['tc99m-bisphosphonates', 20, 170.1, false],
    ['tc99m-mag3', 20, 34.272, false],
    ['i123-iodide-thyroid', 3, 3, true],
    ['tc99m-hmpao-brain', 3, 100, true],
    // docs/reference/nuclear-medicine.md §2: vdBruggen bone scan 50 kg → 375 MBq (35 × 10.71)
    ['tc99m-bisphosphonates', 50, 374.85, false],
  ] as const)('%s at %d kg → %d MBq', (id, w, mbq, minimumApplied) => {
    const r = eanmActivity(id, kg(w), at(w < 5 ? 0.1 : 10));
    if (!r.ok) throw new Error(r.message);
    expect(r.mbq).toBeCloseTo(mbq, 6);
    expect(r.minimumApplied).toBe(minimumApplied);
    expect(r.mci).toBeCloseTo(mbq / 37, 6);
    expect(r.source).toBe('EANM paediatric dosage card (2016)');
  });

  // docs/reference/nuclear-medicine.md §2.3: the French arrêté (24 Oct 2011) pediatric activities, rounded by the arrêté to 5–10 MBq.
  test.each([
    ['tc99m-bisphosphonates', [95, 170, 240, 310]],
    ['tc99m-mag3', [25, 35, 45, 50]],
    ['tc99m-maa', [15, 30, 40, 50]],
    ['tc99m-rbc-blood-pool', [150, 270, 400, 500]],
    ['tc99m-hmpao-brain', [140, 250, 355, 460]],
    ['f18-fdg-brain-3d', [40, 70, 100, 125]],
    ['tc99m-dtpa-normal-renal', [70, 100, 125, 150]],
    ['tc99m-dtpa-abnormal-renal', [40, 70, 100, 125]],
  ] as const)('%s reproduces the French arrêté at 10/20/30/40 kg within its rounding', (id, arrete) => {
    [10, 20, 30, 40].forEach((w, i) => {
      const r = eanmActivity(id, kg(w), at(10));
      if (!r.ok) throw new Error(r.message);
      expect(Math.abs(r.mbq - arrete[i]!) / arrete[i]!).toBeLessThan(0.1);
    });
  });

  describe('the 52–54 kg conflict (classes B and C)', () => {
    test.each([51, 52, 53, 54, 55.9])('class B at %d kg: no number, both transcriptions given', (w) => {
      expect(eanmActivity('tc99m-bisphosphonates', kg(w), at(15))).toEqual({
        ok: false,
        reason: 'card-row-conflict',
        message: expect.stringContaining('52–54 kg'),
        transcriptions: CONFLICT_52_54.B,
      });
    });
    it('class C likewise; class A is not affected', () => {
      expect(eanmActivity('i123-iodide-thyroid', kg(53), at(15))).toMatchObject({ ok: false, transcriptions: CONFLICT_52_54.C });
      const a = eanmActivity('tc99m-mag3', kg(53), at(15));
      expect(a.ok && a.multiple).toBe(5.0);
    });
    it('50 and 56 kg (printed rows next to it) still work for class B', () => {
      expect(eanmActivity('tc99m-bisphosphonates', kg(50), at(15)).ok).toBe(true);
      expect(eanmActivity('tc99m-bisphosphonates', kg(56), at(15)).ok).toBe(true);
    });
  });

  it('interpolates between printed rows and says so', () => {
    const r = eanmActivity('tc99m-bisphosphonates', kg(21), at(8));
    if (!r.ok) throw new Error(r.message);
    expect(r.multiple).toBeCloseTo((4.86 + 5.29) / 2, 10);
    expect(r.interpolated).toBe(true);
    expect(r.cardRowsKg).toEqual([20, 22]);
    const band = eanmActivity('tc99m-bisphosphonates', kg(57), at(16));
    expect(band.ok && [band.multiple, band.interpolated]).toEqual([12.0, false]);
  });

  test.each([2.9, 68.1])('gives no number outside the card (%d kg)', (w) => {
    expect(eanmActivity('tc99m-mag3', kg(w), at(w < 3 ? 0 : 17))).toMatchObject({ ok: false, reason: 'outside-card' });
  });

  it('refuses a setting that is not shipped (DMSA: class conflict) and a weight without unit', () => {
    expect(eanmActivity('tc99m-dmsa', kg(20), at(6))).toMatchObject({ ok: false, reason: 'unknown-setting' });
    expect(eanmActivity('tc99m-mag3', { value: 20, unit: null }, at(6))).toMatchObject({ ok: false, reason: 'unit-missing' });
  });
});
