import { describe, expect, it } from 'vitest';
import { EANM_SETTINGS } from '@/clinical/eanm-dosage-card';
import { NAGL_NOT_SHIPPED, NAGL_ROWS } from '@/clinical/nuclear-medicine';
import { nmRowsFor } from '@/content/panel/nm-agents';

describe('nmRowsFor', () => {
  it.each([
    ['NM RENAL SCAN MAG3 WITH FLOW', ['tc99m-mag3-with-flow'], ['tc99m-mag3']],
    ['NM Renogram MAG-3 w/o flow', ['tc99m-mag3-without-flow'], ['tc99m-mag3']],
    ['NM RENAL MAG3', ['tc99m-mag3-with-flow', 'tc99m-mag3-without-flow'], ['tc99m-mag3']],
    ['NM I-123 MIBG WHOLE BODY', ['i123-mibg'], ['i123-mibg']],
    ['NM HIDA SCAN', ['tc99m-ida'], []],
    ['Hepatobiliary scan, neonatal jaundice', ['tc99m-ida'], []],
    ['NM LUNG PERFUSION MAA', ['tc99m-maa-without-ventilation'], ['tc99m-maa']],
    ['NM V/Q SCAN DTPA AEROSOL', ['tc99m-maa-with-ventilation'], ['tc99m-maa']],
    ['NM V/Q xenon', ['tc99m-maa-without-ventilation'], ['tc99m-maa']],
    ['NM VQ SCAN', ['tc99m-maa-with-ventilation', 'tc99m-maa-without-ventilation'], ['tc99m-maa']],
    ['NM BRAIN PERFUSION SPECT HMPAO', ['tc99m-hmpao-ecd'], ['tc99m-hmpao-brain']],
    ['NM brain perfusion ECD', ['tc99m-hmpao-ecd'], []],
    ['NM THYROID UPTAKE I-123', ['na-i123-thyroid'], ['i123-iodide-thyroid']],
    ['NM THYROID SCAN TC-99M PERTECHNETATE', ['tc99m-pertechnetate-thyroid'], ['tc99m-pertechnetate-thyroid']],
    ['NM THYROID SCAN', ['na-i123-thyroid', 'tc99m-pertechnetate-thyroid'], ['i123-iodide-thyroid', 'tc99m-pertechnetate-thyroid']],
  ])('%s', (description, nagl, eanm) => {
    const r = nmRowsFor(description);
    expect(r.nagl).toEqual(nagl);
    expect(r.eanm).toEqual(eanm);
  });

  it.each([
    ['PET/CT FDG WHOLE BODY', ['f18-fdg-brain-3d', 'f18-fdg-body-2d'], '18F-FDG (body, brain)'],
    ['NM BONE SCAN WHOLE BODY', ['tc99m-bisphosphonates'], '99mTc-MDP'],
    ['NM DMSA RENAL CORTICAL', [], '99mTc-DMSA'],
    ['NM MECKEL SCAN', [], '99mTc-pertechnetate (Meckel)'],
  ])('names %s as not verified for the North American table', (description, eanm, name) => {
    const r = nmRowsFor(description);
    expect(r.nagl).toEqual([]);
    expect(r.eanm).toEqual(eanm);
    expect(r.notShipped).toContain(name);
  });

  const NONE = { nagl: [], eanm: [], notShipped: [], withheld: [], neonatalJaundice: false };
  it('gives nothing for non-NM text and no text; no row, with the reason, for any I-131', () => {
    expect(nmRowsFor('I-131 MIBG therapy')).toEqual({ ...NONE, withheld: ['iodine-131'] });
    expect(nmRowsFor('THYROID UPTAKE I131')).toEqual({ ...NONE, withheld: ['iodine-131'] });
    expect(nmRowsFor('CT ABDOMEN PELVIS W CONTRAST')).toEqual(NONE);
    expect(nmRowsFor(null)).toEqual(NONE);
  });

  it('flags neonatal jaundice on the IDA row (the optional 37 MBq minimum), and only there', () => {
    expect(nmRowsFor('Hepatobiliary scan, neonatal jaundice').neonatalJaundice).toBe(true);
    expect(nmRowsFor('NM HIDA SCAN').neonatalJaundice).toBe(false);
  });

  it('only ever names rows and agents that clinical/ has', () => {
    const naglIds = new Set(NAGL_ROWS.map((r) => r.id));
    const eanmIds = new Set(EANM_SETTINGS.map((s) => s.id));
    const notShipped = new Set(NAGL_NOT_SHIPPED.map((r) => r.radiopharmaceutical));
    const samples = [
      'mag3', 'mag3 flow', 'mag3 without flow', 'mibg', 'hida', 'hida jaundice', 'maa', 'v/q dtpa', 'v/q', 'v/q xenon', 'hmpao',
      'ecd', 'thyroid', 'thyroid i-123', 'thyroid pertechnetate', 'thyroid cancer', 'fdg', 'fdg brain', 'bone scan', 'dtpa renal',
      'sestamibi', 'sestamibi stress', 'sestamibi rest', 'rbc', 'dotatate', 'dmsa', 'naf', 'meckel', 'wbc', 'gastric emptying',
    ];
    for (const s of samples) {
      const r = nmRowsFor(s);
      for (const id of r.nagl) expect(naglIds.has(id), `${s}: NAGL ${id}`).toBe(true);
      for (const id of r.eanm) expect(eanmIds.has(id), `${s}: EANM ${id}`).toBe(true);
      for (const n of r.notShipped) {
        if (n === 'Na-123I (thyroid cancer)') continue; // listed inside a combined NAGL_NOT_SHIPPED entry
        expect(notShipped.has(n), `${s}: not shipped ${n}`).toBe(true);
      }
    }
  });
});
