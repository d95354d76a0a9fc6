import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageRequest, TabFacts } from '@/content/page/messages';
import { parsePageSettingsReply } from '@/content/page/page-requests';
import {
  getStoredTabFacts,
  handleCommand,
  handleMessage,
  type InjectPanel,
  type PanelTarget,
  mergeFrameFacts,
  queryTabFacts,
  registerTabFacts,
  shapeOf,
  storeTabFacts,
  type SendToTab,
} from '@/background/tab-facts';

const childCt: TabFacts = { pediatric: true, campaigns: ['ct'], modality: 'CT', siteEnabled: true };
const nothing: TabFacts = { pediatric: false, campaigns: [], modality: null, siteEnabled: true };
const fromTab = (tabId: number, frameId = 0) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId } as never, frameId });

/** Records what the background sends to tabs and answers like a content script would. */
function recordingSender(answer: (tabId: number, m: PageRequest) => unknown = () => undefined) {
  const sent: { tabId: number; message: PageRequest; options?: { frameId?: number } }[] = [];
  const send: SendToTab = async (tabId, message, options) => {
    sent.push({ tabId, message, options });
    return answer(tabId, message);
  };
  return { sent, send };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** fake-browser does not implement `commands`; this records the listeners registerTabFacts adds. */
let commandListeners: ((command: string, tab?: unknown) => void)[];

beforeEach(() => {
  fakeBrowser.reset();
  commandListeners = [];
  (fakeBrowser as unknown as { commands: unknown }).commands = {
    onCommand: { addListener: (l: (c: string, t?: unknown) => void) => commandListeners.push(l) },
  };
});

describe('tab-facts messages', () => {
  it('keeps valid facts per tab', async () => {
    handleMessage({ type: 'tab-facts', facts: childCt }, fromTab(7));
    await settle();
    expect(await getStoredTabFacts(7)).toEqual(childCt);
    expect(await getStoredTabFacts(8)).toBeNull();
  });

  it.each([
    ['an extra field (an age)', { type: 'tab-facts', facts: { ...childCt, ageDays: 2288 } }],
    ['a name in place of a campaign', { type: 'tab-facts', facts: { ...childCt, campaigns: ['DOE^JANE'] } }],
    ['an unknown type', { type: 'patient', name: 'DOE^JANE' }],
    ['a string', 'DOE^JANE'],
    ['nothing', undefined],
  ])('drops a message with %s', async (_label, message) => {
    handleMessage(message, fromTab(7));
    await settle();
    expect(await getStoredTabFacts(7)).toBeNull();
    const dump = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(dump).not.toContain('DOE');
    expect(dump).not.toContain('2288');
  });

  it('drops messages that do not come from a tab of this extension', async () => {
    handleMessage({ type: 'tab-facts', facts: childCt }, { id: 'another-extension', tab: { id: 7 } as never });
    handleMessage({ type: 'tab-facts', facts: childCt }, { id: fakeBrowser.runtime.id });
    await settle();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('joins the frames of one tab without one frame overwriting another', async () => {
    await Promise.all([
      storeTabFacts(3, 0, nothing),
      storeTabFacts(3, 2, { pediatric: true, campaigns: ['fluoroscopy'], modality: 'RF', siteEnabled: true }),
      storeTabFacts(3, 5, childCt),
    ]);
    expect(await getStoredTabFacts(3)).toEqual({
      pediatric: true,
      campaigns: ['fluoroscopy', 'ct'],
      modality: 'RF',
      siteEnabled: true,
    });
  });

  it('forgets a tab when it closes and when it loads a new page', async () => {
    registerTabFacts();
    await storeTabFacts(4, 0, childCt);
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading', url: 'http://127.0.0.1/x' }, { id: 4 } as never);
    await settle();
    expect(await getStoredTabFacts(4)).toBeNull();
    await storeTabFacts(4, 0, childCt);
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 0, isWindowClosing: false });
    await settle();
    expect(await getStoredTabFacts(4)).toBeNull();
  });

  it('ignores stored values that are not facts (a repaired or tampered session entry)', async () => {
    await fakeBrowser.storage.session.set({ 'tabFacts:9': { 0: { pediatric: 'yes' }, 1: childCt } });
    expect(await getStoredTabFacts(9)).toEqual(childCt);
    await fakeBrowser.storage.session.set({ 'tabFacts:9': 'garbage' });
    expect(await getStoredTabFacts(9)).toBeNull();
  });
});

describe('requests from content.js', () => {
  const fromFrame = (url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 2, url });

  it("answers get-page-settings with the sender origin's settings, which content.js accepts", async () => {
    await fakeBrowser.storage.local.set({
      'settings.pediatricCutoffYears': 16,
      'settings.dateOrderBySite': { 'http://127.0.0.1:8042': 'DMY', 'http://other.example': 'MDY' },
    });
    const reply = await handleMessage({ type: 'get-page-settings' }, fromFrame('http://127.0.0.1:8042/app/explorer.html#study?uuid=1'));
    expect(reply).toEqual({ pediatricCutoffYears: 16, dateOrder: 'DMY', disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] });
    expect(parsePageSettingsReply(reply)).toEqual(reply);
  });

  it('injects panel.js into the document that asked (its frame where the browser names no document), and says whether it could', async () => {
    const injected: [PanelTarget, readonly string[]][] = [];
    const record: InjectPanel = async (target, files) => void injected.push([target, files]);
    // Chromium names the asking document: panel.js goes there, never into whatever the frame shows by then.
    const fromDocument = { ...fromFrame('http://127.0.0.1:8042/x'), documentId: 'D0C1' };
    expect(await handleMessage({ type: 'load-panel' }, fromDocument, record)).toBe(true);
    // Firefox does not: the frame.
    const ok = await handleMessage({ type: 'load-panel' }, fromFrame('http://127.0.0.1:8042/x'), record);
    expect(ok).toBe(true);
    expect(injected).toEqual([
      [{ tabId: 3, documentIds: ['D0C1'] }, ['/content-scripts/panel.js']],
      [{ tabId: 3, frameIds: [2] }, ['/content-scripts/panel.js']],
    ]);
    const refused = await handleMessage({ type: 'load-panel' }, fromFrame('http://127.0.0.1:8042/x'), () =>
      Promise.reject(new Error('Cannot access contents of the page')),
    );
    expect(refused).toBe(false);
  });

  it('injects pacs.js beside panel.js on a PACS viewer’s page (`pacs: true`), never alone', async () => {
    const injected: readonly string[][] = [];
    const ok = await handleMessage({ type: 'load-panel', pacs: true }, fromFrame('http://127.0.0.1:8042/x'), async (_target, files) => {
      (injected as string[][]).push([...files]);
    });
    expect(ok).toBe(true);
    expect(injected).toEqual([['/content-scripts/panel.js', '/content-scripts/pacs.js']]);
    const never = () => Promise.reject(new Error('must not inject'));
    expect(handleMessage({ type: 'load-panel', pacs: false }, fromFrame('http://127.0.0.1:8042/x'), never)).toBeUndefined();
  });

  it('refuses requests with a payload or from elsewhere', () => {
    const never = () => Promise.reject(new Error('must not inject'));
    expect(handleMessage({ type: 'load-panel', url: 'x' }, fromFrame('http://127.0.0.1/'), never)).toBeUndefined();
    expect(handleMessage({ type: 'load-panel' }, { id: 'other', tab: { id: 3 } as never }, never)).toBeUndefined();
    expect(handleMessage({ type: 'get-page-settings' }, { id: fakeBrowser.runtime.id, tab: { id: 3 } as never })).toBeUndefined();
  });
});

describe('mergeFrameFacts', () => {
  it('is null for no frames', () => expect(mergeFrameFacts({})).toBeNull());
});

describe('shapeOf', () => {
  it('describes keys and types, never values', () => {
    const shape = shapeOf({ type: 'tab-facts', facts: { ...childCt, extra: ['DOE^JANE', 2288] } });
    expect(shape).toEqual({
      facts: {
        campaigns: ['string'],
        extra: ['number', 'string'],
        modality: 'string',
        pediatric: 'boolean',
        siteEnabled: 'boolean',
      },
      type: 'string',
    });
    expect(JSON.stringify(shape)).not.toContain('DOE');
    expect(shapeOf(null)).toBe('null');
  });
});

describe('focus-panel command', () => {
  it('asks the tab to focus its panel', async () => {
    const { sent, send } = recordingSender();
    await handleCommand('focus-panel', { id: 12 } as never, send);
    expect(sent).toEqual([{ tabId: 12, message: { type: 'focus-panel' }, options: undefined }]);
  });

  it('ignores other commands and tabs without a content script', async () => {
    const { sent, send } = recordingSender();
    await handleCommand('something-else', { id: 12 } as never, send);
    expect(sent).toEqual([]);
    const failing: SendToTab = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(handleCommand('focus-panel', { id: 12 } as never, failing)).resolves.toBeUndefined();
  });

  it('is wired to commands.onCommand by registerTabFacts', () => {
    registerTabFacts();
    expect(commandListeners).toHaveLength(1);
  });
});

describe('queryTabFacts', () => {
  it("prefers the top frame's live answer", async () => {
    await storeTabFacts(5, 0, nothing);
    const { sent, send } = recordingSender(() => childCt);
    expect(await queryTabFacts(5, send)).toEqual(childCt);
    expect(sent[0]).toEqual({ tabId: 5, message: { type: 'get-tab-facts' }, options: { frameId: 0 } });
  });

  it('falls back to the stored facts when the tab does not answer or answers nonsense', async () => {
    await storeTabFacts(5, 0, childCt);
    const silent: SendToTab = () => Promise.reject(new Error('no receiver'));
    expect(await queryTabFacts(5, silent)).toEqual(childCt);
    const { send } = recordingSender(() => ({ pediatric: true, name: 'DOE^JANE' }));
    expect(await queryTabFacts(5, send)).toEqual(childCt);
  });
});

describe('message-shape log', () => {
  it('stays silent outside the e2e builds', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    handleMessage({ type: 'tab-facts', facts: childCt }, fromTab(1));
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
