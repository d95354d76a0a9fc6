/**
 * The demo pages (`npm run demo`, tests/fixtures/demo/) read as their README says, so the screenshots in
 * docs/screenshots/ show what they claim: a child's CT order, an unsure age ("Child?"), an adult's order.
 * The demo's browser run only screenshots; this is where a reader change that breaks a demo page shows up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '@/content/read/analyze';
import { parseHtml } from '../helpers/pages';

const DEMO = join(import.meta.dirname, '..', 'fixtures', 'demo');
const NOW = { now: new Date('2026-12-07T12:00:00Z') };

const CASES = [
  { file: 'orders/pediatric-ct.html', pediatric: true, unsure: false, modality: 'CT' },
  { file: 'orders/unsure-age-xr.html', pediatric: true, unsure: true, modality: 'DX' },
  { file: 'orders/adult-ct.html', pediatric: false, unsure: false, modality: 'CT' },
] as const;

describe('demo pages', () => {
  it.each(CASES)('$file: pediatric $pediatric, unsure $unsure, $modality', ({ file, pediatric, unsure, modality }) => {
    const doc = parseHtml(readFileSync(join(DEMO, file), 'utf8'));
    const a = analyzePage(doc, `http://127.0.0.1/${file}`, NOW);
    expect(a.pediatric).toBe(pediatric);
    expect(a.ageUnsure ?? false).toBe(unsure);
    expect(a.modality).toBe(modality);
  });
});
