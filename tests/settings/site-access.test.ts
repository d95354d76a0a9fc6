import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_FILE,
  SITE_SCRIPT_PREFIX,
  isSitePattern,
  originToMatchPattern,
  reconcile,
  sitePatterns,
  urlMatchesPattern,
  type ContentScriptRegistration,
} from '@/settings/site-access';

describe('originToMatchPattern', () => {
  it('drops the port and the path: the grant covers the host on every port', () => {
    expect(originToMatchPattern('http://127.0.0.1:8042')).toBe('http://127.0.0.1/*');
    expect(originToMatchPattern('https://PACS.Example.org:8443/app/explorer.html#study?uuid=1')).toBe('https://pacs.example.org/*');
    expect(originToMatchPattern('http://[::1]:3000/')).toBe('http://[::1]/*');
  });

  it('refuses what cannot be enabled', () => {
    for (const bad of ['chrome://extensions', 'about:blank', 'file:///tmp/x.html', 'moz-extension://abc/popup.html', 'not a url', '']) {
      expect(originToMatchPattern(bad), bad).toBeNull();
    }
  });
});

describe('urlMatchesPattern', () => {
  it('matches any port of the host, and only that host and scheme', () => {
    expect(urlMatchesPattern('http://127.0.0.1:8042/app/explorer.html', 'http://127.0.0.1/*')).toBe(true);
    expect(urlMatchesPattern('http://127.0.0.1/', 'http://127.0.0.1/*')).toBe(true);
    expect(urlMatchesPattern('https://127.0.0.1/', 'http://127.0.0.1/*')).toBe(false);
    expect(urlMatchesPattern('http://127.0.0.2/', 'http://127.0.0.1/*')).toBe(false);
    expect(urlMatchesPattern('http://a.pacs.org/', '*://*.pacs.org/*')).toBe(true);
    expect(urlMatchesPattern('http://evilpacs.org/', '*://*.pacs.org/*')).toBe(false);
    expect(urlMatchesPattern('http://x/viewer?StudyInstanceUIDs=1', 'http://x/viewer*')).toBe(true);
    expect(urlMatchesPattern('garbage', 'http://x/*')).toBe(false);
  });
});

describe('sitePatterns', () => {
  it('keeps concrete hosts, drops the statements source, broad grants and exclusions', () => {
    const granted = [
      'https://www.imagegently.org/*',
      'https://imagegently.org/*',
      'http://pacs.local/*',
      'https://*/*',
      '<all_urls>',
      '*://*.hospital.org/*',
      'https://ris.hospital.org/*',
      'http://127.0.0.1/*',
      'http://pacs.local/*',
    ];
    expect(isSitePattern('https://*/*')).toBe(false);
    expect(sitePatterns(granted, { exclude: ['http://127.0.0.1/*'] })).toEqual(['http://pacs.local/*', 'https://ris.hospital.org/*']);
  });
});

describe('reconcile', () => {
  const ours = (pattern: string, extra: Partial<ContentScriptRegistration> = {}): ContentScriptRegistration => ({
    id: SITE_SCRIPT_PREFIX + pattern,
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_start',
    persistAcrossSessions: true,
    ...extra,
  });

  it('registers one script per newly granted site, with the settings the panel needs', () => {
    const plan = reconcile(['https://www.imagegently.org/*', 'http://pacs.local/*'], []);
    expect(plan.unregister).toEqual([]);
    expect(plan.register).toEqual([
      {
        id: 'igc-site:http://pacs.local/*',
        matches: ['http://pacs.local/*'],
        js: ['content-scripts/content.js'],
        allFrames: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('is a no-op when registrations already match the grants (also with a leading-slash js path)', () => {
    const plan = reconcile(['http://pacs.local/*', 'https://ris.h.org/*'], [
      ours('http://pacs.local/*'),
      ours('https://ris.h.org/*', { js: ['/content-scripts/content.js'] }),
    ]);
    expect(plan).toEqual({ register: [], unregister: [] });
  });

  it('unregisters sites whose grant is gone, and leaves scripts that are not ours alone', () => {
    const plan = reconcile(['http://pacs.local/*'], [
      ours('http://pacs.local/*'),
      ours('http://old.local/*'),
      { id: 'someone-else', matches: ['http://old.local/*'], js: ['x.js'] },
    ]);
    expect(plan).toEqual({ register: [], unregister: ['igc-site:http://old.local/*'] });
  });

  it('replaces a registration whose settings differ (e.g. left by an older version)', () => {
    const stale = ours('http://pacs.local/*', { runAt: 'document_idle', allFrames: false });
    const plan = reconcile(['http://pacs.local/*'], [stale]);
    expect(plan.unregister).toEqual(['igc-site:http://pacs.local/*']);
    expect(plan.register.map((r) => r.id)).toEqual(['igc-site:http://pacs.local/*']);
  });

  it('after an update (registrations wiped) registers every granted site again', () => {
    const granted = ['http://a.local/*', 'https://b.local/*', 'https://imagegently.org/*'];
    expect(reconcile(granted, []).register.map((r) => r.matches[0])).toEqual(['http://a.local/*', 'https://b.local/*']);
  });

  it('drops duplicate registrations of one id', () => {
    const plan = reconcile(['http://pacs.local/*'], [ours('http://pacs.local/*'), ours('http://pacs.local/*')]);
    expect(plan.unregister).toEqual(['igc-site:http://pacs.local/*']);
    expect(plan.register).toHaveLength(1);
  });

  it('registers nothing for sites a static content script already covers', () => {
    const plan = reconcile(['http://127.0.0.1/*', 'http://localhost/*'], [], { exclude: ['http://127.0.0.1/*', 'http://localhost/*'] });
    expect(plan.register).toEqual([]);
  });
});

describe('feedPatterns', () => {
  it('turns statement feed URLs into port-less host patterns, dropping non-http(s) and duplicates', async () => {
    const { feedPatterns } = await import('@/settings/site-access');
    expect(
      feedPatterns(['https://news.example.org:8443/feed.xml', 'https://news.example.org/atom', 'javascript:alert(1)', 'http://Blog.Example.org/rss']),
    ).toEqual(['http://blog.example.org/*', 'https://news.example.org/*']);
  });
});
