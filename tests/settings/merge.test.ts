import { describe, expect, it } from 'vitest';
import { sampleReferenceTable } from '../helpers/reference-tables';
import { mergePolicy } from '../../settings/merge';
import { defaultSettings, type Settings } from '../../settings/schema';

function user(): Settings {
  return {
    ...defaultSettings(),
    pediatricCutoffYears: 16,
    disabledCampaigns: ['dental'],
    statementSources: { imagegently: false, extraUrls: ['https://mine.example.org/feed.xml'] },
    supportContact: { name: 'Me' },
  };
}

describe('mergePolicy', () => {
  it('without policy, the user settings are the effective settings and nothing is managed', () => {
    const u = user();
    const r = mergePolicy(u, {});
    expect(r.managed).toEqual([]);
    expect(r.settings).toEqual({ ...u, approvedSites: [] });
  });

  it('policy wins field by field and says which fields it manages', () => {
    const r = mergePolicy(user(), { pediatricCutoffYears: 21, disabledCampaigns: [], approvedSites: ['https://pacs.example.org'] });
    expect(r.settings.pediatricCutoffYears).toBe(21);
    expect(r.settings.disabledCampaigns).toEqual([]);
    expect(r.settings.approvedSites).toEqual(['https://pacs.example.org']);
    expect(r.settings.supportContact).toEqual({ name: 'Me' });
    expect(r.managed.sort()).toEqual(['approvedSites', 'disabledCampaigns', 'pediatricCutoffYears']);
  });

  it('statementsEnabled: false turns off every source, including the policy feeds', () => {
    const r = mergePolicy(user(), { statementsEnabled: false, statementUrls: ['https://org.example.org/feed'] });
    expect(r.settings.statementSources).toEqual({ imagegently: false, extraUrls: [] });
    expect(r.managed.sort()).toEqual(['statementUrls', 'statementsEnabled']);
  });

  it('statementsEnabled: true turns imagegently.org on; policy URLs replace the user list', () => {
    const r = mergePolicy(user(), { statementsEnabled: true, statementUrls: ['https://org.example.org/feed'] });
    expect(r.settings.statementSources).toEqual({ imagegently: true, extraUrls: ['https://org.example.org/feed'] });
  });

  it('policy URLs alone keep the user imagegently.org switch', () => {
    const r = mergePolicy(user(), { statementUrls: [] });
    expect(r.settings.statementSources).toEqual({ imagegently: false, extraUrls: [] });
  });

  it('a policy table replaces the user tables', () => {
    const table = sampleReferenceTable({ id: 'org' });
    const u = { ...user(), referenceLevelTables: [sampleReferenceTable({ id: 'mine' })] };
    expect(mergePolicy(u, { referenceLevelTable: table }).settings.referenceLevelTables).toEqual([table]);
  });

  it('does not change its inputs', () => {
    const u = user();
    const before = structuredClone(u);
    const policy = { statementUrls: ['https://org.example.org/feed'] };
    const r = mergePolicy(u, policy);
    r.settings.statementSources.extraUrls.push('https://x.org');
    expect(u).toEqual(before);
    expect(policy.statementUrls).toEqual(['https://org.example.org/feed']);
  });
});
