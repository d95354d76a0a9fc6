/**
 * Hostile settings files (an import the user picks) and policy objects (what an administrator's managed storage
 * holds): every one gives a result — values that pass the schema, plus notes on what was dropped — never an
 * exception, whatever the keys are called (prototype names included) and however the values are shaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_POLICY_PARSERS, parsePolicy } from '../../settings/policy';
import { repairSettings, REPAIR } from '../../settings/schema';
import { EXPORT_FORMAT, EXPORTED_KEYS, parseSettingsImport } from '../../settings/transfer';

const PROTO = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const key = (known: readonly string[]) => fc.oneof(fc.constantFrom(...known, ...PROTO), fc.string({ maxLength: 8 }));
const origin = fc.constantFrom('https://pacs.example.org', 'http://127.0.0.1:8042', 'javascript:alert(1)', 'file:///x', '__proto__', 'https://a.example.org/path');
/** Values shaped like settings and policies, and not: any JSON, with origins and prototype names as keys. */
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    origin,
    fc.constantFrom(1, 16, 18, 22, -1, 1e308, 'MDY', 'DMY', 'ct', 'fluoroscopy', true, null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(origin, key(['from', 'to', 'name', 'bins', 'email', 'url', 'imagegently', 'extraUrls'])), tie('v'), { maxKeys: 4 }),
  ),
})).v;
/** Through JSON, as both a file and managed storage deliver them ("__proto__" stays an own key). */
const viaJson = (x: unknown) => JSON.parse(JSON.stringify(x) ?? 'null') as unknown;

describe('settings files', () => {
  const settingsObject = fc.dictionary(key(EXPORTED_KEYS), value, { maxKeys: 10 });
  it('an export-shaped file with any settings inside: values for the known keys, notes for the rest', () => {
    fc.assert(
      fc.property(settingsObject, fc.constantFrom(1, 0, 2, '1'), (settings, version) => {
        const r = parseSettingsImport(JSON.stringify({ format: EXPORT_FORMAT, version, settings: viaJson(settings) }));
        if (!r.ok) return;
        for (const [k, v] of Object.entries(r.values)) {
          expect((EXPORTED_KEYS as readonly string[]).includes(k)).toBe(true);
          expect(REPAIR[k as (typeof EXPORTED_KEYS)[number]](v).issues).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any text at all: a result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((j) => JSON.stringify(j))), (text) => {
        expect(typeof parseSettingsImport(text).ok).toBe('boolean');
      }),
    );
  });

  it('stored settings of any shape are repaired, each key on its own', () => {
    fc.assert(
      fc.property(fc.dictionary(key(Object.keys(REPAIR)), value, { maxKeys: 12 }), (raw) => {
        const r = repairSettings(viaJson(raw) as Parameters<typeof repairSettings>[0]);
        for (const k of Object.keys(REPAIR) as (keyof typeof REPAIR)[]) expect(REPAIR[k](r.value[k]).issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('policy objects', () => {
  it('any managed-storage object: a policy of known keys whose values pass their own parser again unchanged', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(key(Object.keys(ALL_POLICY_PARSERS)), value, { maxKeys: 10 }), value), (raw) => {
        const r = parsePolicy(viaJson(raw));
        for (const [k, v] of Object.entries(r.value)) {
          kept++;
          expect(Object.hasOwn(ALL_POLICY_PARSERS, k)).toBe(true);
          expect(parsePolicy({ [k]: v })).toEqual({ value: { [k]: v }, issues: [] });
        }
      }),
      { numRuns: 500 },
    );
    expect(kept).toBeGreaterThan(0);
  });
});
