import { describe, expect, it } from 'vitest';
import { loopbackHttpFeedsAllowed } from '../../settings/hosts';
import { sampleReferenceTable } from '../helpers/reference-tables';
import { sampleRecipe } from '../helpers/recipes';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  normalizeFeedUrl,
  normalizeHttpUrl,
  normalizeOrigin,
  REPAIR,
  repairSettings,
} from '../../settings/schema';

describe('normalizeOrigin', () => {
  it.each([
    ['https://pacs.example.org', 'https://pacs.example.org'],
    ['https://PACS.Example.org/', 'https://pacs.example.org'],
    ['http://127.0.0.1:8042', 'http://127.0.0.1:8042'],
    ['https://pacs.example.org:443', 'https://pacs.example.org'],
    ['  https://pacs.example.org  ', 'https://pacs.example.org'],
  ])('%s → %s', (input, expected) => expect(normalizeOrigin(input)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://pacs.example.org',
    'https://pacs.example.org/app/viewer',
    'https://user:pw@pacs.example.org',
    'https://pacs.example.org/?q=1',
    'pacs.example.org',
    '',
    'x'.repeat(5000),
  ])('rejects %s', (input) => expect(normalizeOrigin(input)).toBeNull());
});

describe('normalizeHttpUrl', () => {
  it('keeps http(s) URLs with paths and queries', () => {
    expect(normalizeHttpUrl('https://feeds.example.org/rss.xml?x=1')).toBe('https://feeds.example.org/rss.xml?x=1');
  });
  it.each(['javascript:alert(1)', 'data:text/html,hi', 'https://u:p@x.org/feed', 'not a url'])('rejects %s', (input) =>
    expect(normalizeHttpUrl(input)).toBeNull(),
  );
});

describe('normalizeFeedUrl: https only; http on loopback only where the build allows it (the e2e builds)', () => {
  it('takes https feeds in every build', () => {
    expect(normalizeFeedUrl('https://feeds.example.org/ig.xml')).toBe('https://feeds.example.org/ig.xml');
    expect(normalizeFeedUrl('https://127.0.0.1:8443/news', { loopbackHttp: false })).toBe('https://127.0.0.1:8443/news');
  });
  it('the shipping build refuses http, loopback included', () => {
    const rule = { loopbackHttp: loopbackHttpFeedsAllowed('production') };
    expect(rule.loopbackHttp).toBe(false);
    for (const url of ['http://127.0.0.1:8080/news', 'http://localhost/news', 'http://feeds.example.org/ig.xml']) {
      expect(normalizeFeedUrl(url, rule)).toBeNull();
      expect(normalizeFeedUrl(url)).toBeNull();
    }
  });
  it.each(['e2e', 'e2e-runtime'])('the %s build takes http on loopback only', (mode) => {
    const rule = { loopbackHttp: loopbackHttpFeedsAllowed(mode) };
    expect(normalizeFeedUrl('http://127.0.0.1:8080/news', rule)).toBe('http://127.0.0.1:8080/news');
    expect(normalizeFeedUrl('http://localhost/news', rule)).toBe('http://localhost/news');
    expect(normalizeFeedUrl('http://feeds.example.org/ig.xml', rule)).toBeNull();
    expect(normalizeFeedUrl('http://127.0.0.2/news', rule)).toBeNull();
  });
  it.each(['development', 'test', 'E2E'])('no other mode (%s) takes http', (mode) => {
    expect(loopbackHttpFeedsAllowed(mode)).toBe(false);
  });
});

describe('REPAIR: each setting on its own', () => {
  it('valid values pass unchanged with no issues', () => {
    const value = {
      pediatricCutoffYears: 21,
      disabledCampaigns: ['dental', 'ct'],
      statementSources: { imagegently: false, extraUrls: ['https://feeds.example.org/atom.xml'] },
      refreshIntervalHours: 24,
      dateOrderBySite: { 'https://pacs.example.org': 'DMY' },
      dicomWebPathBySite: { 'https://pacs.example.org': '/dcm4chee-arc/aets/DCM4CHEE/rs' },
      snoozeBySite: { 'https://pacs.example.org': 1_900_000_000_000 },
      dismissals: [{ hash: 'a'.repeat(64), expiresAt: 1_900_000_000_000 }],
      referenceLevelTables: [sampleReferenceTable()],
      supportContact: { name: 'Radiology IT', email: 'radit@example.org', phone: '+1 555 0100 x12' },
      siteRecipes: [sampleRecipe(), sampleRecipe({ id: 'pacs', origin: 'http://10.1.2.3:8042', pathPrefix: '/', name: 'PACS' })],
    };
    const r = repairSettings(value);
    expect(r.issues).toEqual([]);
    // Campaigns come back in the canonical order; everything else as stored.
    expect(r.value).toEqual({ ...value, disabledCampaigns: ['ct', 'dental'] });
  });

  it('a wonky object as a whole gives the defaults, with an issue for each bad value', () => {
    const r = repairSettings({
      pediatricCutoffYears: '18',
      disabledCampaigns: 'ct',
      statementSources: 7,
      refreshIntervalHours: 0.5,
      dateOrderBySite: [],
      dicomWebPathBySite: 'dicom-web',
      snoozeBySite: 'x',
      dismissals: {},
      referenceLevelTables: 'none',
      supportContact: 42,
    });
    expect(r.value).toEqual(DEFAULT_SETTINGS);
    expect(r.issues).toHaveLength(10);
  });

  it('missing values are defaults without issues', () => {
    expect(repairSettings({})).toEqual({ value: DEFAULT_SETTINGS, issues: [] });
  });

  it.each([0, 22, 17.5, -1, Number.NaN, Infinity])('cutoff %s is out of range → 18', (bad) => {
    const r = REPAIR.pediatricCutoffYears(bad);
    expect(r.value).toBe(18);
    expect(r.issues[0]).toMatch(/^pediatricCutoffYears: /);
  });

  it.each([0, 169, 1.5])('refresh interval %s → 12', (bad) => {
    expect(REPAIR.refreshIntervalHours(bad).value).toBe(12);
  });

  it('drops bad list entries and keeps the good ones', () => {
    const r = REPAIR.disabledCampaigns(['ct', 'typo', 3, 'dental']);
    expect(r.value).toEqual(['ct', 'dental']);
    expect(r.issues).toHaveLength(2);
  });

  it('drops bad map entries and keeps the good ones; keys are normalised origins', () => {
    const r = REPAIR.dateOrderBySite({
      'https://a.example.org': 'MDY',
      'https://B.example.org/': 'DMY',
      'javascript:x': 'MDY',
      'https://c.example.org': 'YMD',
    });
    expect(r.value).toEqual({ 'https://a.example.org': 'MDY', 'https://b.example.org': 'DMY' });
    expect(r.issues).toHaveLength(2);
  });

  it('DICOMweb paths: only a path on the site itself is kept (no other host, query, fragment or scheme)', () => {
    const r = REPAIR.dicomWebPathBySite({
      'https://pacs.example.org': '/dicom-web',
      'http://ris.example.org:8080': '/orthanc/dicom-web/',
      'https://a.example.org': 'https://evil.example/rs',
      'https://b.example.org': '//evil.example/rs',
      'https://c.example.org': '/rs?token=1',
      'https://d.example.org': '/rs#x',
      'https://e.example.org': 'dicom-web',
      'https://f.example.org': '/with space',
      'https://g.example.org': `/${'x'.repeat(300)}`,
      'https://h.example.org': 42,
    });
    expect(r.value).toEqual({ 'https://pacs.example.org': '/dicom-web', 'http://ris.example.org:8080': '/orthanc/dicom-web/' });
    expect(r.issues).toHaveLength(8);
    expect(r.issues.every((i) => i.startsWith('dicomWebPathBySite['))).toBe(true);
  });

  it('statement sources: a bad URL is dropped, the switch is kept, duplicates collapse', () => {
    const r = REPAIR.statementSources({
      imagegently: false,
      extraUrls: ['https://x.org/feed', 'javascript:alert(1)', 'https://x.org/feed'],
    });
    expect(r.value).toEqual({ imagegently: false, extraUrls: ['https://x.org/feed'] });
    expect(r.issues).toHaveLength(1);
  });

  it('statement sources: a bad switch is reset, the URLs are kept', () => {
    const r = REPAIR.statementSources({ imagegently: 'yes', extraUrls: ['https://x.org/feed'] });
    expect(r.value).toEqual({ imagegently: true, extraUrls: ['https://x.org/feed'] });
    expect(r.issues).toHaveLength(1);
  });

  it('dismissals must be hashes, never ids', () => {
    const r = REPAIR.dismissals([
      { hash: '1.2.840.113619.2.55.3.604688119', expiresAt: 1 },
      { hash: 'f'.repeat(64), expiresAt: 1 },
    ]);
    expect(r.value).toEqual([{ hash: 'f'.repeat(64), expiresAt: 1 }]);
  });

  it('caps lists so a hostile import cannot fill storage', () => {
    const many = Array.from({ length: LIMITS.extraStatementUrls + 5 }, (_, i) => `https://x.org/${i}`);
    const r = REPAIR.statementSources({ imagegently: true, extraUrls: many });
    expect(r.value.extraUrls).toHaveLength(LIMITS.extraStatementUrls);
    // One note for the entries past the limit (not one each: a list of 50,000 gave 50,000 notes).
    expect(r.issues).toEqual([`statementSources.extraUrls: more than ${LIMITS.extraStatementUrls} entries; 5 dropped`]);
  });

  it.each(['+1 555 0100 ext 4', '(555) 010-0100', '0800-123 x12'])('support phone %s is accepted', (phone) => {
    expect(REPAIR.supportContact({ name: 'IT', phone }).issues).toEqual([]);
  });

  it.each(['call me', '<b>1</b>', '12'])('support phone %s is refused', (phone) => {
    expect(REPAIR.supportContact({ name: 'IT', phone }).value).toBeNull();
  });

  it('support contact: a javascript: url voids the contact', () => {
    const r = REPAIR.supportContact({ name: 'IT', url: 'javascript:alert(1)' });
    expect(r.value).toBeNull();
    expect(r.issues).toHaveLength(1);
  });

  it('issue messages never echo the stored value', () => {
    const secret = 'https://evil.example.org/<script>';
    const r = repairSettings({ supportContact: { name: secret, url: secret }, disabledCampaigns: [secret] });
    expect(r.issues.join(' ')).not.toContain('<script>');
  });
});
