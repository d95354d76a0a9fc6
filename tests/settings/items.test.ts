import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  InvalidSettingError,
  readSetting,
  readUserSettings,
  SETTING_KEYS,
  updateSetting,
  writeSetting,
} from '../../settings/items';
import { getEffectiveSettings, getSettingsState } from '../../settings/index';
import { DEFAULT_SETTINGS } from '../../settings/schema';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('settings storage items', () => {
  it('empty storage reads as the defaults', async () => {
    expect(await readUserSettings()).toEqual({ value: DEFAULT_SETTINGS, issues: [] });
  });

  it('each setting is its own storage.local key', async () => {
    await writeSetting('pediatricCutoffYears', 16);
    await writeSetting('dateOrderBySite', { 'https://pacs.example.org': 'DMY' });
    const all = await fakeBrowser.storage.local.get();
    expect(all['settings.pediatricCutoffYears']).toBe(16);
    expect(all['settings.dateOrderBySite']).toEqual({ 'https://pacs.example.org': 'DMY' });
    expect(SETTING_KEYS).toContain('pediatricCutoffYears');
  });

  it('values survive a round trip', async () => {
    await writeSetting('statementSources', { imagegently: false, extraUrls: ['https://feeds.example.org/a.json'] });
    expect(await readSetting('statementSources')).toEqual({ imagegently: false, extraUrls: ['https://feeds.example.org/a.json'] });
  });

  it('an unreadable value falls back to its default and leaves the rest (and itself) alone', async () => {
    await fakeBrowser.storage.local.set({
      'settings.pediatricCutoffYears': { corrupt: true },
      'settings.refreshIntervalHours': 6,
      'settings.disabledCampaigns': ['ct', 'bogus'],
    });
    const r = await readUserSettings();
    expect(r.value.pediatricCutoffYears).toBe(18);
    expect(r.value.refreshIntervalHours).toBe(6);
    expect(r.value.disabledCampaigns).toEqual(['ct']);
    expect(r.issues).toHaveLength(2);
    // Reading repairs in memory only: the stored value is not overwritten (nothing saved is lost).
    expect((await fakeBrowser.storage.local.get('settings.pediatricCutoffYears'))['settings.pediatricCutoffYears']).toEqual({ corrupt: true });
    expect(console.warn).toHaveBeenCalled();
  });

  it('an invalid write is refused and the stored value kept', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    await expect(writeSetting('pediatricCutoffYears', 40)).rejects.toBeInstanceOf(InvalidSettingError);
    expect(await readSetting('pediatricCutoffYears')).toBe(12);
  });

  it('updateSetting reads, changes and writes', async () => {
    await updateSetting('disabledCampaigns', (c) => [...c, 'dental']);
    await updateSetting('disabledCampaigns', (c) => [...c, 'ct']);
    expect(await readSetting('disabledCampaigns')).toEqual(['ct', 'dental']);
  });
});

describe('getEffectiveSettings', () => {
  it('applies the managed policy over user settings and reports managed keys and issues', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    await writeSetting('refreshIntervalHours', 3);
    await fakeBrowser.storage.managed.set({ pediatricCutoffYears: 21, supportContact: { name: '' } });
    const state = await getSettingsState();
    expect(state.user.pediatricCutoffYears).toBe(12);
    expect(state.effective.pediatricCutoffYears).toBe(21);
    expect(state.effective.refreshIntervalHours).toBe(3);
    expect(state.managed).toEqual(['pediatricCutoffYears']);
    expect(state.policyIssues).toHaveLength(1);
    expect(state.policyIssues[0]).toMatch(/^policy value ignored: supportContact/);
    expect((await getEffectiveSettings()).pediatricCutoffYears).toBe(21);
  });

  it('works when storage.managed rejects (Firefox without policy)', async () => {
    const managed = fakeBrowser.storage.managed;
    const original = managed.get;
    managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      await writeSetting('pediatricCutoffYears', 10);
      expect((await getEffectiveSettings()).pediatricCutoffYears).toBe(10);
    } finally {
      managed.get = original;
    }
  });
});
