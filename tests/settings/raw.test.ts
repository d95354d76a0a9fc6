import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSetting, writeSetting } from '../../settings/items';
import * as raw from '../../settings/raw';

const { readSettings, storageKey, watchSettingsRaw } = raw;

beforeEach(() => fakeBrowser.reset());

describe('page-side raw storage reads what the WXT items write', () => {
  it('WXT item write → raw read', async () => {
    await writeSetting('dateOrderBySite', { 'https://pacs.example.org': 'DMY' });
    expect(await readSettings(['dateOrderBySite', 'pediatricCutoffYears'])).toEqual({
      dateOrderBySite: { 'https://pacs.example.org': 'DMY' },
      pediatricCutoffYears: 18,
    });
    await writeSetting('snoozeBySite', { 'https://pacs.example.org': 1_900_000_000_000 });
    expect((await readSettings(['snoozeBySite'])).snoozeBySite).toEqual(await readSetting('snoozeBySite'));
    expect(storageKey('snoozeBySite')).toBe('settings.snoozeBySite');
  });

  it('is read only: page-side scripts write no settings and never touch the dismissal secret', () => {
    expect(Object.keys(raw).sort()).toEqual(['readSettings', 'storageKey', 'watchSettingsRaw']);
  });

  it('a stored value that needs repair is used repaired, with nothing in the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    try {
      await fakeBrowser.storage.local.set({ 'settings.pediatricCutoffYears': 'eighteen' });
      expect((await readSettings(['pediatricCutoffYears'])).pediatricCutoffYears).toBe(18);
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it('watch fires for watched keys only', async () => {
    let calls = 0;
    const unwatch = watchSettingsRaw(['dismissals'], () => calls++);
    await writeSetting('pediatricCutoffYears', 12);
    expect(calls).toBe(0);
    await writeSetting('dismissals', [{ hash: 'a'.repeat(64), expiresAt: 1_900_000_000_000 }]);
    expect(calls).toBe(1);
    unwatch();
  });
});
