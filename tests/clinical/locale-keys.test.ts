/**
 * Every locale key that a clinical module hands to the UI exists in both catalogs (English and
 * Spanish), under the `clinical:` section, and the Spanish text is really Spanish (not a copy).
 */
import { describe, expect, test } from 'vitest';
import { SSDE_CAVEAT_MESSAGE_KEY, SSDE_REFUSAL_MESSAGE_KEY } from '../../clinical/ssde';
import { DW_WARNING_MESSAGE_KEY } from '../../clinical/water-equivalent-diameter';
import {
  REFERENCE_BUNDLED_EMPTY_MESSAGE_KEY,
  REFERENCE_NO_COMPARISON_MESSAGE_KEY,
  REFERENCE_POSITION_MESSAGE_KEY,
} from '../../clinical/reference-levels';
import { IMPORT_ERROR_MESSAGE_KEY } from '../../clinical/reference-level-import';
import { CAMPAIGNS, CHILD_PROTECTION, CURRENT_PRACTICE, DENTAL_PRACTICE } from '../../clinical/campaigns';
import { CT_FRAME_FAILURE_MESSAGE_KEY } from '../../clinical/ct-frame';
import { ACTIVITY_RULE_MESSAGE_KEY, NAGL_ROWS } from '../../clinical/nuclear-medicine';
import { EANM_REFUSAL_MESSAGE_KEY, EANM_SETTINGS } from '../../clinical/eanm-dosage-card';
import { WEIGHT_NOTE_MESSAGE_KEY, WEIGHT_REFUSAL_MESSAGE_KEY } from '../../clinical/patient-weight';
import { loadCatalog } from '../setup/i18n-shim';

const keyMaps: Record<string, Readonly<Record<string, string>>> = {
  SSDE_CAVEAT_MESSAGE_KEY,
  SSDE_REFUSAL_MESSAGE_KEY,
  DW_WARNING_MESSAGE_KEY,
  REFERENCE_POSITION_MESSAGE_KEY,
  REFERENCE_NO_COMPARISON_MESSAGE_KEY,
  IMPORT_ERROR_MESSAGE_KEY,
  CT_FRAME_FAILURE_MESSAGE_KEY,
  ACTIVITY_RULE_MESSAGE_KEY,
  EANM_REFUSAL_MESSAGE_KEY,
  WEIGHT_NOTE_MESSAGE_KEY,
  WEIGHT_REFUSAL_MESSAGE_KEY,
  NM_VARIANTS: Object.fromEntries(
    [...NAGL_ROWS, ...EANM_SETTINGS].filter((r) => r.variantKey).map((r) => [r.id, r.variantKey!]),
  ),
  NM_TEXT: {
    guidelineRow: 'clinical.nm.guidelineRow',
    versionNote: 'clinical.nm.versionNote',
    notShipped: 'clinical.nm.notShipped',
    eanmMethod: 'clinical.nm.eanmMethod',
    eanmInterpolated: 'clinical.nm.eanmInterpolated',
    eanmMinimum: 'clinical.nm.eanmMinimum',
  },
  CAMPAIGN_NAMES: Object.fromEntries(Object.values(CAMPAIGNS).map((c) => [c.id, c.nameKey])),
  extra: {
    currentPractice: CURRENT_PRACTICE.messageKey,
    dentalPractice: DENTAL_PRACTICE.messageKey,
    childProtection: CHILD_PROTECTION.messageKey,
    bundledEmpty: REFERENCE_BUNDLED_EMPTY_MESSAGE_KEY,
    phantomUnknown: 'clinical.ssdePhantomUnknown',
    phantomCandidate: 'clinical.ssdePhantomCandidate',
  },
};

const rows = Object.entries(keyMaps).flatMap(([map, keys]) => Object.entries(keys).map(([code, key]) => ({ map, code, key })));
const flat = (key: string) => key.replace(/\./g, '_');

describe('clinical locale keys', () => {
  const en = loadCatalog('en');
  const es = loadCatalog('es');
  test.each(rows)('$map[$code] → $key exists in en and es', ({ key }) => {
    expect(key.startsWith('clinical.')).toBe(true);
    const e = en[flat(key)]?.message;
    const s = es[flat(key)]?.message;
    expect(e, `missing in en.yml: ${key}`).toBeTruthy();
    expect(s, `missing in es.yml: ${key}`).toBeTruthy();
    expect(s).not.toBe(e);
  });
  test('Spanish uses "TC" for CT, never "CT" as a word', () => {
    for (const [k, v] of Object.entries(es)) {
      if (!k.startsWith('clinical_')) continue;
      expect(v.message, k).not.toMatch(/\bCT\b/);
    }
  });
});
