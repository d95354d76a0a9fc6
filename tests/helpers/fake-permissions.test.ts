import { describe, expect, it } from 'vitest';
import { FakePermissions, assertMatchPattern, patternCovers, patternMatchesUrl } from './fake-permissions';

const make = (o: ConstructorParameters<typeof FakePermissions>[0] = {}) =>
  new FakePermissions({
    required: { permissions: ['storage'], origins: ['https://www.imagegently.org/*'] },
    optional: { origins: ['http://*/*', 'https://*/*'] },
    ...o,
  });

describe('fake permissions: match patterns', () => {
  it('accepts patterns browsers accept and refuses the rest (ports, no path, bad scheme)', () => {
    for (const ok of ['http://127.0.0.1/*', 'https://*.example.org/*', '*://pacs/*', '<all_urls>', 'file:///*']) {
      expect(() => assertMatchPattern(ok), ok).not.toThrow();
    }
    for (const bad of ['http://127.0.0.1:8042/*', 'http://host', 'chrome://settings/*', 'http://*foo/*', 'pacs', '', 42]) {
      expect(() => assertMatchPattern(bad), String(bad)).toThrow();
    }
  });

  it('knows which patterns cover which', () => {
    expect(patternCovers('http://*/*', 'http://pacs.local/*')).toBe(true);
    expect(patternCovers('http://*/*', 'https://pacs.local/*')).toBe(false);
    expect(patternCovers('*://*.x.org/*', 'https://a.x.org/*')).toBe(true);
    expect(patternCovers('https://a.org/*', 'https://b.org/*')).toBe(false);
    expect(patternMatchesUrl('http://127.0.0.1/*', 'http://127.0.0.1:8042/app/explorer.html#study')).toBe(true);
    expect(patternMatchesUrl('http://127.0.0.1/*', 'http://localhost:8042/')).toBe(false);
  });
});

describe('fake permissions: request, remove, events', () => {
  it('refuses request outside a user gesture, and after an await inside one', async () => {
    const p = make();
    await expect(p.request({ origins: ['http://pacs.local/*'] })).rejects.toThrow(/user input handler/);
    const late = p.userGesture(() => Promise.resolve().then(() => p.request({ origins: ['http://pacs.local/*'] })));
    await expect(late).rejects.toThrow(/user input handler/);
    expect(p.prompts).toEqual([]);
  });

  it('grants during a gesture, fires onAdded with exactly what changed, and does not prompt twice', async () => {
    const p = make();
    const added: unknown[] = [];
    p.onAdded.addListener((x) => void added.push(x));
    expect(await p.userGesture(() => p.request({ origins: ['http://pacs.local/*'] }))).toBe(true);
    expect(await p.contains({ origins: ['http://pacs.local/*'] })).toBe(true);
    expect(added).toEqual([{ origins: ['http://pacs.local/*'], permissions: [] }]);
    expect(await p.userGesture(() => p.request({ origins: ['http://pacs.local/*'] }))).toBe(true);
    expect(p.prompts).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect((await p.getAll()).origins.sort()).toEqual(['http://pacs.local/*', 'https://www.imagegently.org/*']);
  });

  it('a denied prompt grants nothing and fires nothing', async () => {
    const p = make({ respond: 'deny' });
    let fired = 0;
    p.onAdded.addListener(() => void fired++);
    expect(await p.userGesture(() => p.request({ origins: ['https://pacs.example.org/*'] }))).toBe(false);
    expect(await p.contains({ origins: ['https://pacs.example.org/*'] })).toBe(false);
    expect(fired).toBe(0);
  });

  it('refuses what the manifest does not declare, and patterns with ports', async () => {
    const p = make({ optional: { origins: ['https://*/*'] } });
    await expect(p.userGesture(() => p.request({ origins: ['http://pacs.local/*'] }))).rejects.toThrow(/specified in the manifest/);
    await expect(p.userGesture(() => p.request({ origins: ['https://pacs.local:8443/*'] }))).rejects.toThrow(/ports/);
  });

  it('removes optional grants with onRemoved, refuses to remove required ones', async () => {
    const p = make({ granted: ['http://pacs.local/*'] });
    const removed: unknown[] = [];
    p.onRemoved.addListener((x) => void removed.push(x));
    await expect(p.remove({ origins: ['https://www.imagegently.org/*'] })).rejects.toThrow(/required/);
    expect(await p.remove({ origins: ['http://pacs.local/*'] })).toBe(true);
    expect(await p.remove({ origins: ['http://pacs.local/*'] })).toBe(false);
    expect(removed).toEqual([{ origins: ['http://pacs.local/*'], permissions: [] }]);
  });

  it('revoking in the browser UI fires onRemoved', async () => {
    const p = make({ granted: ['http://pacs.local/*'] });
    let fired = 0;
    p.onRemoved.addListener(() => void fired++);
    await p.revokeInBrowserUi('http://pacs.local/*');
    expect(fired).toBe(1);
    expect(p.canAccessUrl('http://pacs.local:8042/')).toBe(false);
    expect(p.canAccessUrl('https://www.imagegently.org/news')).toBe(true);
  });
});
