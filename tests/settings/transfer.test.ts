import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../settings/policy';
import { defaultSettings, type Settings } from '../../settings/schema';
import { sampleRecipe } from '../helpers/recipes';
import { EXPORT_FORMAT, exportSettings, MAX_IMPORT_BYTES, parseSettingsImport, settingsToPolicy } from '../../settings/transfer';

function customised(): Settings {
  return {
    ...defaultSettings(),
    pediatricCutoffYears: 21,
    disabledCampaigns: ['dental'],
    statementSources: { imagegently: false, extraUrls: ['https://feeds.example.org/a.xml'] },
    refreshIntervalHours: 6,
    dateOrderBySite: { 'https://pacs.example.org': 'DMY' },
    dicomWebPathBySite: { 'https://pacs.example.org': '/dicom-web' },
    snoozeBySite: { 'https://pacs.example.org': 1_900_000_000_000 },
    dismissals: [{ hash: 'a'.repeat(64), expiresAt: 1_900_000_000_000 }],
    supportContact: { name: 'Radiology IT', email: 'it@example.org' },
    siteRecipes: [sampleRecipe()],
  };
}

describe('export / import of all settings', () => {
  it('round-trips every exported setting', () => {
    const s = customised();
    const text = exportSettings(s, new Date('2025-01-02T03:04:05Z'));
    const r = parseSettingsImport(text);
    expect(r).toEqual({
      ok: true,
      issues: [],
      values: {
        pediatricCutoffYears: 21,
        disabledCampaigns: ['dental'],
        statementSources: { imagegently: false, extraUrls: ['https://feeds.example.org/a.xml'] },
        refreshIntervalHours: 6,
        dateOrderBySite: { 'https://pacs.example.org': 'DMY' },
        dicomWebPathBySite: { 'https://pacs.example.org': '/dicom-web' },
        referenceLevelTables: [],
        supportContact: { name: 'Radiology IT', email: 'it@example.org' },
        siteRecipes: [sampleRecipe()],
      },
    });
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-01-02T03:04:05.000Z' });
  });

  it('never exports dismissals, snoozes or the dismissal secret', () => {
    const text = exportSettings(customised(), new Date());
    expect(text).not.toContain('dismiss');
    expect(text).not.toContain('snooze');
    expect(text).not.toContain('a'.repeat(64));
  });

  it('imports only what the file has, repairing each value on its own', () => {
    const r = parseSettingsImport(
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        settings: { pediatricCutoffYears: 99, refreshIntervalHours: 24, disabledCampaigns: ['ct', 'nope'], colour: 'red' },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values).toEqual({ pediatricCutoffYears: 18, refreshIntervalHours: 24, disabledCampaigns: ['ct'] });
    expect(r.issues).toHaveLength(3);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ format: 'ublock', settings: {} }), /not an Image Gently/],
    ['a newer version', JSON.stringify({ format: EXPORT_FORMAT, version: 2, settings: {} }), /newer version/],
    ['no settings', JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: [] }), /no settings/],
    ['a huge file', ' '.repeat(MAX_IMPORT_BYTES + 1), /larger than 5 MB/],
  ])('refuses %s with a clear error', (_name, text, error) => {
    const r = parseSettingsImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('settingsToPolicy', () => {
  it('gives a policy that parses cleanly and reproduces the settings', () => {
    const s = customised();
    const policy = settingsToPolicy(s, ['https://pacs.example.org']);
    const parsed = parsePolicy(JSON.parse(JSON.stringify(policy)));
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({
      approvedSites: ['https://pacs.example.org'],
      pediatricCutoffYears: 21,
      disabledCampaigns: ['dental'],
      statementUrls: ['https://feeds.example.org/a.xml'],
      supportContact: { name: 'Radiology IT', email: 'it@example.org' },
      siteRecipes: [sampleRecipe()],
    });
  });

  it('statementsEnabled: true with imagegently.org on, false with every source off', () => {
    expect(settingsToPolicy(defaultSettings(), []).statementsEnabled).toBe(true);
    const off = { ...defaultSettings(), statementSources: { imagegently: false, extraUrls: [] } };
    expect(settingsToPolicy(off, []).statementsEnabled).toBe(false);
    expect(settingsToPolicy(off, []).approvedSites).toBeUndefined();
  });
});
