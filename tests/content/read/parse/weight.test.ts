import { describe, expect, test } from 'vitest';
import { parseWeight } from '../../../../content/read/parse/weight';

describe('parseWeight', () => {
  test.each([
    // [text, value, unit, kg (by hand; 1 lb = 0.45359237 kg)]
    ['20 kg', 20, 'kg', 20],
    ['20kg', 20, 'kg', 20],
    ['20,5 kg', 20.5, 'kg', 20.5],
    ['Weight: 20.5 kgs', 20.5, 'kg', 20.5],
    ['44 lb', 44, 'lb', 19.95806428],
    ['44 lbs', 44, 'lb', 19.95806428],
    ['44 pounds', 44, 'lb', 19.95806428],
    ['7 lb 8 oz', 7.5, 'lb', 3.401942775],
    ['3200 g', 3200, 'g', 3.2],
    ['3,200 g', 3200, 'g', 3.2],
    ['850 grams', 850, 'g', 0.85],
  ] as const)('%j', (text, value, unit, kg) => {
    const w = parseWeight(text)!;
    expect(w.value).toBeCloseTo(value, 6);
    expect(w.unit).toBe(unit);
    expect(w.kg).toBeCloseTo(kg, 6);
    expect(w.date).toBeNull();
  });

  test('a bare number has no unit unless the source implies one', () => {
    expect(parseWeight('20')).toEqual({ value: 20, unit: null, kg: null, date: null });
    expect(parseWeight('20', 'kg')).toEqual({ value: 20, unit: 'kg', kg: 20, date: null });
  });

  test.each(['', 'heavy', '0 kg', '-3 kg', '900 kg', '2000 lb', 'kg'])('rejects %j', (t) => {
    expect(parseWeight(t)).toBeNull();
  });
});
