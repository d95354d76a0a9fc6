import { beforeEach, describe, expect, it } from 'vitest';
import { FakePermissions } from './fake-permissions';
import { FakeScripting } from './fake-scripting';

const tabs = new Map<number, { id: number; url: string }>([
  [1, { id: 1, url: 'http://pacs.local:8042/app/explorer.html' }],
  [2, { id: 2, url: 'https://other.example.org/' }],
]);
let perms: FakePermissions;
let s: FakeScripting;
const script = (id: string, matches = ['http://pacs.local/*']) => ({ id, matches, js: ['content-scripts/content.js'] });

beforeEach(() => {
  perms = new FakePermissions({ optional: { origins: ['http://*/*', 'https://*/*'] }, granted: ['http://pacs.local/*'] });
  s = new FakeScripting({ permissions: perms, getTab: async (id) => tabs.get(id), files: ['content-scripts/content.js'] });
});

describe('fake scripting: registrations', () => {
  it('registers, reports Chrome defaults, and unregisters', async () => {
    await s.registerContentScripts([script('a')]);
    expect(await s.getRegisteredContentScripts()).toEqual([
      expect.objectContaining({ id: 'a', allFrames: false, persistAcrossSessions: true, runAt: 'document_idle' }),
    ]);
    await s.unregisterContentScripts({ ids: ['a'] });
    expect(await s.getRegisteredContentScripts()).toEqual([]);
  });

  it('refuses duplicate ids (existing and within one call) all-or-nothing', async () => {
    await s.registerContentScripts([script('a')]);
    await expect(s.registerContentScripts([script('a')])).rejects.toThrow(/Duplicate script ID 'a'/);
    await expect(s.registerContentScripts([script('b'), script('b')])).rejects.toThrow(/Duplicate/);
    expect((await s.getRegisteredContentScripts()).map((x) => x.id)).toEqual(['a']);
  });

  it('validates ids, matches and files', async () => {
    await expect(s.registerContentScripts([script('_x')])).rejects.toThrow(/must not start with '_'/);
    await expect(s.registerContentScripts([script('')])).rejects.toThrow(/empty/);
    await expect(s.registerContentScripts([script('x', [])])).rejects.toThrow(/matches/);
    await expect(s.registerContentScripts([script('x', ['http://pacs.local:80/*'])])).rejects.toThrow(/ports/);
    await expect(s.registerContentScripts([{ id: 'x', matches: ['http://a/*'], js: ['nope.js'] }])).rejects.toThrow(/Could not load/);
  });

  it('unregistering an unknown id throws and removes nothing', async () => {
    await s.registerContentScripts([script('a')]);
    await expect(s.unregisterContentScripts({ ids: ['a', 'zzz'] })).rejects.toThrow(/Nonexistent script ID 'zzz'/);
    expect(await s.getRegisteredContentScripts()).toHaveLength(1);
  });

  it('an update wipes every registration; a restart only the non-persistent ones', async () => {
    await s.registerContentScripts([script('keep'), { ...script('temp'), persistAcrossSessions: false } as never]);
    s.simulateRestart();
    expect((await s.getRegisteredContentScripts()).map((x) => x.id)).toEqual(['keep']);
    s.simulateUpdate();
    expect(await s.getRegisteredContentScripts()).toEqual([]);
  });
});

describe('fake scripting: executeScript', () => {
  it('injects where a host permission reaches the tab, and records it', async () => {
    await s.executeScript({ target: { tabId: 1, allFrames: true }, files: ['/content-scripts/content.js'] });
    expect(s.injections).toEqual([
      { tabId: 1, url: tabs.get(1)!.url, allFrames: true, files: ['content-scripts/content.js'], func: false },
    ]);
  });

  it('refuses tabs it cannot access unless activeTab was granted for that tab', async () => {
    await expect(s.executeScript({ target: { tabId: 2 }, files: ['content-scripts/content.js'] })).rejects.toThrow(/Cannot access/);
    s.grantActiveTab(2);
    await s.executeScript({ target: { tabId: 2 }, files: ['content-scripts/content.js'] });
    s.revokeActiveTab(2);
    await expect(s.executeScript({ target: { tabId: 2 }, files: ['content-scripts/content.js'] })).rejects.toThrow(/Cannot access/);
    expect(s.injections.map((i) => i.tabId)).toEqual([2]);
  });

  it('needs an existing tab and exactly one of files/func', async () => {
    await expect(s.executeScript({ target: { tabId: 99 }, files: ['content-scripts/content.js'] })).rejects.toThrow(/No tab/);
    await expect(s.executeScript({ target: { tabId: 1 } })).rejects.toThrow(/Exactly one/);
    await expect(s.executeScript({ target: { tabId: 1 }, files: ['x.js'] })).rejects.toThrow(/Could not load/);
  });
});
