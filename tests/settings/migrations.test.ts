import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIGRATIONS, referenceTablesV1ToV2, versionOf } from '../../settings/migrations';
import { sampleReferenceTable } from '../helpers/reference-tables';

/** What v1 stored: the development placeholder format. */
const v1Table = {
  id: 'local-2024',
  name: 'Our CT reference levels',
  source: 'Hospital dose committee, 2024',
  rows: [{ modality: 'CT', exam: 'Head', band: '1–5 y', quantity: 'CTDIvol', value: 30, unit: 'mGy' }],
};

describe('referenceTablesV1ToV2', () => {
  it('drops placeholder tables (no metric or phantom to convert without guessing)', () => {
    expect(referenceTablesV1ToV2([v1Table])).toEqual([]);
  });
  it('keeps tables that already have the v2 shape', () => {
    const v2 = sampleReferenceTable();
    expect(referenceTablesV1ToV2([v1Table, v2])).toEqual([v2]);
  });
  it.each([[null], ['x'], [{}]])('returns a non-list (%j) unchanged for the repair step', (odd) => {
    expect(referenceTablesV1ToV2(odd)).toBe(odd);
  });
});

describe('migration registry', () => {
  it('versions count up from 2 without gaps', () => {
    for (const [key, steps] of Object.entries(MIGRATIONS)) {
      const versions = Object.keys(steps!).map(Number).sort((a, b) => a - b);
      expect(versions, key).toEqual(versions.map((_, i) => i + 2));
      expect(versionOf(key as keyof typeof MIGRATIONS)).toBe(versions.at(-1));
    }
    expect(versionOf('pediatricCutoffYears')).toBe(1);
  });
});

describe('WXT runs the migration on stored v1 data', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('a v1 value (no version metadata) becomes v2 when the items are defined', async () => {
    await fakeBrowser.storage.local.set({ 'settings.referenceLevelTables': [v1Table, sampleReferenceTable()] });
    const items = await import('../../settings/items');
    expect(await items.readSetting('referenceLevelTables')).toEqual([sampleReferenceTable()]);
    const stored = await fakeBrowser.storage.local.get(['settings.referenceLevelTables', 'settings.referenceLevelTables$']);
    expect(stored['settings.referenceLevelTables']).toEqual([sampleReferenceTable()]);
    expect(stored['settings.referenceLevelTables$']).toEqual({ v: 2 });
  });
});
