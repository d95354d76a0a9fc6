/**
 * Background side of the panel: what the content script may tell the background about a tab
 * (TabFacts: pediatric flag, campaigns, modality, site enabled — content/page/messages.ts), and the
 * `focus-panel` keyboard command.
 *
 * - `tab-facts` messages are validated with the allow-list schema; anything else is dropped.
 *   Valid facts are kept per tab and frame in `storage.session` (gone when the browser closes,
 *   cleared when the tab closes or loads a new page) for the popup.
 * - `queryTabFacts(tabId)` asks the tab's top frame first (the live answer) and falls back to
 *   the stored facts.
 * - `get-page-settings`: the always-on content script's settings (cutoff, date order, campaigns
 *   off, snooze) for the sender's origin, read here with settings/page.ts so the page carries no zod.
 *   The policy in them is the cached one (background/policy-cache.ts), so the answer never waits for
 *   storage.managed.
 * - `get-page-policy`: panel.js's view of that cache (only the policy keys the page reads).
 * - `load-reader`: inject the page reader, reader.js, into the sender's frame (content.js's gate saw a patient
 *   and an exam there, or a PACS viewer).
 * - `load-panel`: inject panel.js into the sender's frame (content.js found a child there), and pacs.js
 *   beside it when the frame shows a PACS viewer (`pacs: true`).
 * - `recipe-status`, `start-picker`, `save-recipe`: site recipes (background/recipes.ts).
 * - In the e2e builds only, every message received is logged as its *shape* (keys and value
 *   types, never values) plus whether it passed the schema, so the privacy e2e can check what
 *   crossed out of the page. Production builds drop this code (`import.meta.env.MODE`).
 *
 * Wiring: `registerTabFacts()` once, synchronously, at the top of the background's main().
 */
import { browser, type Browser } from 'wxt/browser';
import {
  ContentMessageSchema,
  TabFactsSchema,
  type ExamHashReply,
  type PageRequest,
  type PageSettingsReply,
  type TabFacts,
} from '@/content/page/messages';
import { dismissExam, examHash, snoozeSite } from './exam-dismissal';
import { numberSymbolsOf, type NumberSymbols } from '@/content/panel/number-format';
import { getPageSettings, PAGE_POLICY_KEYS } from '@/settings/page';
import { policyCache } from './policy-cache';
import { recordRecipeStatus, saveRecipe, startPicker, type SaveRecipeResult } from './recipes';
import type { PolicySnapshot } from '@/settings/policy';
import { isE2eMode } from '@/utils/build-mode';

/** The page reader (entrypoints/reader.content), injected where content.js's gate saw a patient and an exam. */
export const READER_SCRIPT_FILE = '/content-scripts/reader.js';
/** The panel script (entrypoints/panel.content), injected where content.js found a child. */
export const PANEL_SCRIPT_FILE = '/content-scripts/panel.js';
/** The PACS data route (entrypoints/pacs.content), injected beside the panel on a PACS viewer's page. */
export const PACS_SCRIPT_FILE = '/content-scripts/pacs.js';

const KEY_PREFIX = 'tabFacts:';
const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;

/** Per frame id (0 = top frame). */
type StoredFacts = Record<string, TabFacts>;

export const MESSAGE_SHAPE_LOG_PREFIX = '[image-gently:message-shape]';

/** The shape of a value: its keys and the types of its leaves, never the values themselves. */
export type Shape = string | Shape[] | { [key: string]: Shape };

export function shapeOf(value: unknown, depth = 0): Shape {
  if (depth > 6) return '…';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const shapes = value.map((v) => JSON.stringify(shapeOf(v, depth + 1)));
    return [...new Set(shapes)].sort().map((s) => JSON.parse(s) as Shape);
  }
  if (typeof value === 'object') {
    const out: Record<string, Shape> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = shapeOf((value as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  return typeof value;
}

/** Join the facts of a tab's frames: the top frame's modality and site flag first. */
export function mergeFrameFacts(byFrame: StoredFacts): TabFacts | null {
  const frames = Object.entries(byFrame).sort(([a], [b]) => Number(a) - Number(b));
  if (frames.length === 0) return null;
  const campaigns = new Set<TabFacts['campaigns'][number]>();
  for (const [, f] of frames) for (const c of f.campaigns) campaigns.add(c);
  return {
    pediatric: frames.some(([, f]) => f.pediatric),
    campaigns: [...campaigns],
    modality: frames.find(([, f]) => f.modality !== null)?.[1].modality ?? null,
    siteEnabled: frames.some(([, f]) => f.siteEnabled),
  };
}

export async function getStoredTabFacts(tabId: number): Promise<TabFacts | null> {
  const got = await browser.storage.session.get(keyOf(tabId));
  const stored = got[keyOf(tabId)] as StoredFacts | undefined;
  if (!stored || typeof stored !== 'object') return null;
  const valid: StoredFacts = {};
  for (const [frame, facts] of Object.entries(stored)) {
    const parsed = TabFactsSchema.safeParse(facts);
    if (parsed.success) valid[frame] = parsed.data;
  }
  return mergeFrameFacts(valid);
}

/** Writes are serialised so two frames reporting at once do not overwrite each other. */
let writes: Promise<unknown> = Promise.resolve();
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = writes.then(job, job);
  writes = next.catch(() => undefined);
  return next;
}

export function storeTabFacts(tabId: number, frameId: number, facts: TabFacts): Promise<void> {
  return serialised(async () => {
    const key = keyOf(tabId);
    const got = await browser.storage.session.get(key);
    const stored = { ...((got[key] as StoredFacts | undefined) ?? {}) };
    stored[String(frameId)] = facts;
    await browser.storage.session.set({ [key]: stored });
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serialised(() => browser.storage.session.remove(keyOf(tabId)));
}

function isE2eBuild(): boolean {
  return isE2eMode(import.meta.env.MODE);
}

/** The cached policy, cut down to the keys the page reads. */
export async function pagePolicyReply(): Promise<PolicySnapshot> {
  const snapshot = await policyCache().snapshot();
  if (!snapshot.known) return snapshot;
  const raw: Record<string, unknown> = {};
  for (const key of PAGE_POLICY_KEYS) if (key in snapshot.raw) raw[key] = snapshot.raw[key];
  return { known: true, raw };
}

let numberSymbols: NumberSymbols | null = null;

/** The browser UI locale's number symbols (panel.js formats its numbers with them), read once. */
export function uiNumberSymbols(): NumberSymbols {
  numberSymbols ??= numberSymbolsOf(browser.i18n.getUILanguage());
  return numberSymbols;
}

/** The settings content.js needs, for one origin. */
export async function pageSettingsReply(origin: string, now = Date.now()): Promise<PageSettingsReply> {
  const s = await getPageSettings(origin, now, () => policyCache().snapshot());
  return {
    pediatricCutoffYears: s.pediatricCutoffYears,
    dateOrder: s.dateOrder,
    disabledCampaigns: [...s.disabledCampaigns],
    snoozedUntil: s.snoozedUntil,
    siteRecipes: s.siteRecipes,
  };
}

type InjectedScript = typeof READER_SCRIPT_FILE | typeof PANEL_SCRIPT_FILE | typeof PACS_SCRIPT_FILE;

/**
 * Where panel.js goes: the document that asked. Its frame may have loaded another document (another site) by the
 * time the background answers, so the document is named where the browser says which it is (`sender.documentId`,
 * Chromium); elsewhere (Firefox) the frame.
 */
export type PanelTarget = { tabId: number; documentIds: [string] } | { tabId: number; frameIds: [number] };

export function panelTarget(tabId: number, sender: Pick<Browser.runtime.MessageSender, 'frameId' | 'documentId'>): PanelTarget {
  return typeof sender.documentId === 'string' && sender.documentId !== ''
    ? { tabId, documentIds: [sender.documentId] }
    : { tabId, frameIds: [sender.frameId ?? 0] };
}

export type InjectPanel = (target: PanelTarget, files: readonly InjectedScript[]) => Promise<unknown>;

/**
 * One script per call, in order, so that each is compiled and run in a task of its own (panel.js and pacs.js
 * meet in the frame whichever runs first: content/panel/enricher-slot.ts). `injectImmediately`: without it the
 * browser holds the script until the frame's document_idle, and content.js asks for panel.js while a PACS viewer
 * page is still loading (page-watch.ts `early`). Resolves once the first script (the panel) is in.
 */
const injectPanel: InjectPanel = (target, files) => {
  const injections = files.map((file) => browser.scripting.executeScript({ target, files: [file], injectImmediately: true }));
  for (const later of injections.slice(1)) later.catch(() => undefined); // the panel works without the PACS route
  return injections[0] ?? Promise.resolve();
};

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** The sender's origin as the browser reports it (Chromium: `sender.origin`), else from its URL. */
function senderOrigin(sender: Browser.runtime.MessageSender): string | null {
  const origin = (sender as { origin?: unknown }).origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : originOf(sender.url);
}

/**
 * runtime.onMessage handler for content-script messages. Answers `get-page-settings` (settings),
 * `get-page-policy` (the cached policy), `get-number-symbols` (the UI locale's, read once), `load-reader` and
 * `load-panel` (whether reader.js, panel.js was injected), `exam-hash` (the keyed hash of an exam key), `dismiss-exam` and `snooze-site`
 * (once written); tab facts get no answer.
 */
export function handleMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  inject: InjectPanel = injectPanel,
): Promise<PageSettingsReply | PolicySnapshot | NumberSymbols | ExamHashReply | boolean | SaveRecipeResult> | undefined {
  const parsed = ContentMessageSchema.safeParse(message);
  if (isE2eBuild()) {
    console.log(
      MESSAGE_SHAPE_LOG_PREFIX,
      JSON.stringify({ shape: shapeOf(message), valid: parsed.success, fromTab: sender.tab?.id !== undefined }),
    );
  }
  if (!parsed.success || sender.id !== browser.runtime.id) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  const frameId = sender.frameId ?? 0;
  switch (parsed.data.type) {
    case 'tab-facts':
      void storeTabFacts(tabId, frameId, parsed.data.facts);
      return undefined;
    case 'get-page-settings': {
      const origin = originOf(sender.url);
      return origin ? pageSettingsReply(origin) : undefined;
    }
    case 'get-page-policy':
      return pagePolicyReply();
    case 'get-number-symbols':
      return Promise.resolve(uiNumberSymbols());
    case 'load-panel':
      return inject(panelTarget(tabId, sender), parsed.data.pacs ? [PANEL_SCRIPT_FILE, PACS_SCRIPT_FILE] : [PANEL_SCRIPT_FILE]).then(
        () => true,
        () => false,
      );
    case 'load-reader':
      return inject(panelTarget(tabId, sender), [READER_SCRIPT_FILE]).then(
        () => true,
        () => false,
      );
    case 'exam-hash':
      return examHash(senderOrigin(sender), parsed.data.examKey).then((hash) => ({ hash }));
    case 'dismiss-exam':
      return dismissExam(parsed.data.hash).then(
        () => true,
        () => false,
      );
    case 'snooze-site':
      return snoozeSite(senderOrigin(sender)).then(
        () => true,
        () => false,
      );
    case 'recipe-status':
      void recordRecipeStatus(sender.url, parsed.data.id, parsed.data.needsAttention).catch(() => undefined);
      return undefined;
    case 'start-picker':
      return startPicker(tabId, frameId, sender.url);
    case 'save-recipe':
      return saveRecipe(parsed.data.recipe, sender.url);
  }
}

export type SendToTab = (tabId: number, message: PageRequest, options?: { frameId?: number }) => Promise<unknown>;

const sendToTab: SendToTab = (tabId, message, options) =>
  options ? browser.tabs.sendMessage(tabId, message, options) : browser.tabs.sendMessage(tabId, message);

/** The `focus-panel` command: ask every frame of the tab; the one showing a panel focuses it. */
export async function handleCommand(command: string, tab: Browser.tabs.Tab | undefined, send: SendToTab = sendToTab): Promise<void> {
  if (command !== 'focus-panel') return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // No content script on this page (site not enabled): nothing to focus, and nothing to report.
  await send(tabId, { type: 'focus-panel' }).catch(() => undefined);
}

/** Facts for the popup: the tab's live answer, else what it last reported. */
export async function queryTabFacts(tabId: number, send: SendToTab = sendToTab): Promise<TabFacts | null> {
  try {
    const live = TabFactsSchema.safeParse(await send(tabId, { type: 'get-tab-facts' }, { frameId: 0 }));
    if (live.success) return live.data;
  } catch {
    // No content script in the top frame.
  }
  return getStoredTabFacts(tabId);
}

export function registerTabFacts(): void {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    // A new document: its content script reports again after it has read the page.
    if (info.status === 'loading' && info.url) void forgetTab(tabId);
  });
  browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab));
}
