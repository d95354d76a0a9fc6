import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSetting, writeSetting } from '../../settings/items';
import { getDismissalSecret, readSettings, storageKey, watchSettingsRaw, writeSettingRaw } from '../../settings/raw';

beforeEach(() => fakeBrowser.reset());

describe('page-side raw storage and the WXT items read each other', () => {
  it('WXT item write → raw read', async () => {
    await writeSetting('dateOrderBySite', { 'https://pacs.example.org': 'DMY' });
    expect(await readSettings(['dateOrderBySite', 'pediatricCutoffYears'])).toEqual({
      dateOrderBySite: { 'https://pacs.example.org': 'DMY' },
      pediatricCutoffYears: 18,
    });
  });

  it('raw write → WXT item read', async () => {
    await writeSettingRaw('snoozeBySite', { 'https://pacs.example.org': 1_900_000_000_000 });
    expect(await readSetting('snoozeBySite')).toEqual({ 'https://pacs.example.org': 1_900_000_000_000 });
    expect(storageKey('snoozeBySite')).toBe('settings.snoozeBySite');
  });

  it('raw write refuses invalid values', async () => {
    await expect(writeSettingRaw('pediatricCutoffYears', 0)).rejects.toThrow(/pediatricCutoffYears/);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('watch fires for watched keys only', async () => {
    let calls = 0;
    const unwatch = watchSettingsRaw(['dismissals'], () => calls++);
    await writeSettingRaw('pediatricCutoffYears', 12);
    expect(calls).toBe(0);
    await writeSettingRaw('dismissals', [{ hash: 'a'.repeat(64), expiresAt: 1_900_000_000_000 }]);
    expect(calls).toBe(1);
    unwatch();
  });

  it('dismissal secret: 64 hex digits, stable, replaced when corrupt', async () => {
    const a = await getDismissalSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await getDismissalSecret()).toBe(a);
    await fakeBrowser.storage.local.set({ 'settings.dismissalSecret': 'short' });
    const b = await getDismissalSecret();
    expect(b).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe('short');
  });
});
