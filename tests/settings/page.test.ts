import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeSetting } from '../../settings/items';
import * as page from '../../settings/page';
import { getPageSettings, parsePolicyReply, watchPageSettings, type PolicySource } from '../../settings/page';
import { sampleReferenceTable } from '../helpers/reference-tables';

const NOW = 1_800_000_000_000;
const SITE = 'https://pacs.example.org';
const hash = 'c'.repeat(64);

beforeEach(() => fakeBrowser.reset());

describe('page-side settings', () => {
  it('defaults for a site nobody configured', async () => {
    const s = await getPageSettings(SITE, NOW);
    expect(s.pediatricCutoffYears).toBe(18);
    expect(s.disabledCampaigns).toEqual([]);
    expect(s.dateOrder).toBeNull();
    expect(s.dicomWebPath).toBeNull();
    expect(s.snoozedUntil).toBeNull();
    expect(s.managed).toEqual([]);
    expect(s.dismissed(hash)).toBe(false);
  });

  it('date order and snooze are per site', async () => {
    await writeSetting('dateOrderBySite', { [SITE]: 'DMY' });
    await writeSetting('snoozeBySite', { [SITE]: NOW + 3_600_000 });
    const here = await getPageSettings(SITE, NOW);
    const elsewhere = await getPageSettings('https://other.example.org', NOW);
    expect(here.dateOrder).toBe('DMY');
    expect(here.snoozedUntil).toBe(NOW + 3_600_000);
    expect(elsewhere.dateOrder).toBeNull();
    expect(elsewhere.snoozedUntil).toBeNull();
    expect((await getPageSettings(SITE, NOW + 3_600_000)).snoozedUntil).toBeNull();
  });

  it('the DICOMweb path is per site (origin with its port)', async () => {
    await writeSetting('dicomWebPathBySite', { 'http://pacs.example.org:8042': '/dicom-web' });
    expect((await getPageSettings('http://pacs.example.org:8042', NOW)).dicomWebPath).toBe('/dicom-web');
    expect((await getPageSettings('http://pacs.example.org', NOW)).dicomWebPath).toBeNull();
    expect((await getPageSettings(SITE, NOW)).dicomWebPath).toBeNull();
  });

  it('reads dismissals (hash + expiry) and writes nothing: the background is the writer', async () => {
    await writeSetting('dismissals', [{ hash, expiresAt: NOW + 1000 }]);
    expect((await getPageSettings(SITE, NOW)).dismissed(hash)).toBe(true);
    expect((await getPageSettings(SITE, NOW + 1000)).dismissed(hash)).toBe(false);
    expect(Object.keys(page).filter((k) => /^(dismiss|undismiss|snooze|set|write|update)|secret/i.test(k))).toEqual([]);
  });

  it('policy wins on the page too', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    const policy: PolicySource = async () => ({ known: true, raw: { pediatricCutoffYears: 21, disabledCampaigns: ['dental'] } });
    const s = await getPageSettings(SITE, NOW, policy);
    expect(s.pediatricCutoffYears).toBe(21);
    expect(s.disabledCampaigns).toEqual(['dental']);
    expect(s.managed.sort()).toEqual(['disabledCampaigns', 'pediatricCutoffYears']);
  });

  it('before the policy is known: the user’s choices stand, no reference-level table, nothing managed', async () => {
    const table = sampleReferenceTable({ id: 'local-ct' });
    await writeSetting('pediatricCutoffYears', 16);
    await writeSetting('disabledCampaigns', ['dental']);
    await writeSetting('referenceLevelTables', [table]);
    const known = await getPageSettings(SITE, NOW, async () => ({ known: true, raw: {} }));
    expect(known.referenceLevelTables).toHaveLength(1); // the user's own table, no policy replacing it
    const unknown = await getPageSettings(SITE, NOW, async () => ({ known: false }));
    expect(unknown.pediatricCutoffYears).toBe(16);
    expect(unknown.disabledCampaigns).toEqual(['dental']);
    expect(unknown.referenceLevelTables).toEqual([]);
    expect(unknown.managed).toEqual([]);
  });

  it('panel.js asks the background, never storage.managed; no answer means "not known yet"', async () => {
    await fakeBrowser.storage.managed.set({ pediatricCutoffYears: 21 });
    // No background listening (fake-browser throws "No listeners available").
    expect((await getPageSettings(SITE, NOW)).pediatricCutoffYears).toBe(18);
    fakeBrowser.runtime.onMessage.addListener((m: unknown) =>
      (m as { type?: string }).type === 'get-page-policy' ? Promise.resolve({ known: true, raw: { pediatricCutoffYears: 20 } }) : undefined,
    );
    expect((await getPageSettings(SITE, NOW)).pediatricCutoffYears).toBe(20);
  });

  it.each([
    [{ known: true, raw: { pediatricCutoffYears: 21 } }, { known: true, raw: { pediatricCutoffYears: 21 } }],
    [{ known: false }, { known: false }],
    [{ known: true }, { known: false }],
    [{ known: true, raw: [1] }, { known: false }],
    [{ known: 'yes', raw: {} }, { known: false }],
    [undefined, { known: false }],
    ['policy', { known: false }],
  ])('parsePolicyReply(%j) → %j', (reply, expected) => {
    expect(parsePolicyReply(reply)).toEqual(expected);
  });

  it('watchPageSettings fires on a change and stops after unwatch', async () => {
    let calls = 0;
    const unwatch = watchPageSettings(() => calls++);
    await writeSetting('pediatricCutoffYears', 15);
    expect(calls).toBe(1);
    unwatch();
    await writeSetting('pediatricCutoffYears', 14);
    expect(calls).toBe(1);
  });

  it('watchPageSettings fires when the background says the policy changed', async () => {
    let calls = 0;
    const unwatch = watchPageSettings(() => calls++);
    await fakeBrowser.runtime.sendMessage({ type: 'page-settings-changed' }).catch(() => undefined);
    expect(calls).toBe(1);
    await fakeBrowser.runtime.sendMessage({ type: 'focus-panel' }).catch(() => undefined);
    expect(calls).toBe(1);
    unwatch();
  });
});
