/**
 * panel.js's start-up, out of the entrypoint file: WXT evaluates entrypoint files at build and
 * `wxt prepare` time with `main` removed, so any top-level code there keeps its imports alive — and
 * `#i18n` (through the panel's components) does not exist yet on a fresh clone's first `wxt prepare`
 * (npm ci's postinstall). Code here is only reached from `main`.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { testRecipe } from '@/content/read/recipe/read';
import type { ContentMessage } from '@/content/page/messages';
import { copyText } from '@/content/panel/clipboard';
import type { PanelEnricher } from '@/content/panel/enrichment';
import { whenParsed } from '@/content/page/dom-ready';
import { afterNextFrame } from '@/content/panel/after-frame';
import { parseNumberSymbols, rememberNumberSymbols } from '@/content/panel/number-format';
import { frameRole, tabFactsAnswer } from '@/content/page/frame-role';
import { whenLessBusy } from '@/content/page/time-slice';
import { createPanelController, type PanelController } from '@/content/panel/panel-controller';
import { createPanelUi } from '@/content/panel/panel-ui';
import { isPageRequest } from '@/content/page/page-requests';
import type { HandoverSeed } from '@/content/page/page-watch';
import type { PageReader } from '@/content/page/page-reader';
import { getPageSettings, watchPageSettings, type PageSettings } from '@/settings/page';

const send = (message: ContentMessage): Promise<unknown> => browser.runtime.sendMessage(message);

/** The background's answer to `exam-hash`: a keyed hash (64 hex digits), or null. */
export function parseExamHashReply(reply: unknown): string | null {
  const hash = (reply as { hash?: unknown } | null)?.hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

/** This site's settings the enrichers read, once the panel's settings are loaded. */
export interface SiteState {
  dicomWebPath: string | null;
}

export function loadPageSettings(origin: string, site: SiteState): Promise<PageSettings> {
  return getPageSettings(origin).then((s) => {
    site.dicomWebPath = s.dicomWebPath;
    return s;
  });
}

/**
 * The UI locale's number symbols from the background (content/panel/number-format.ts: the page's main thread
 * never loads the locale's data, measured 13–48 ms in one task). Until they come, or if they do not, the panel
 * reads them itself.
 */
export function loadNumberSymbols(locale: string): void {
  const message: ContentMessage = { type: 'get-number-symbols' };
  browser.runtime.sendMessage(message).then(
    (reply) => {
      const symbols = parseNumberSymbols(reply);
      if (symbols) rememberNumberSymbols(locale, symbols);
    },
    () => undefined,
  );
}

/**
 * A one-time cost of a page's first panel, for a task of its own before the panel starts (measured in its first
 * render at 5–13 ms under a trace): Chromium loads the extension's messages with a synchronous round trip to the
 * browser process on a frame's first i18n lookup.
 */
export function loadMessages(): void {
  void i18n.t('panel.title');
}

export function start(
  ctx: ContentScriptContext,
  deps: {
    seed: HandoverSeed | null;
    /** content.js's page reader (content/page/page-reader.ts). */
    reader: PageReader;
    locale: string;
    loadSettings(origin: string): Promise<PageSettings>;
    enrichers: readonly PanelEnricher[];
  },
): PanelController {
  const { seed, locale, enrichers } = deps;
  const role = frameRole(window);
  const ui = createPanelUi(ctx);
  const controller = createPanelController({
    win: window,
    signal: ctx.signal,
    read: deps.reader.read,
    routeContainer: deps.reader.routeContainer,
    loadSettings: deps.loadSettings,
    watchSettings: (cb) => watchPageSettings(cb),
    // Settings are written by the background only, which holds the dismissal secret (background/exam-dismissal.ts).
    examHash: async (examKey) => parseExamHashReply(await send({ type: 'exam-hash', examKey })),
    dismissExam: (hash) => send({ type: 'dismiss-exam', hash }),
    snoozeSite: () => send({ type: 'snooze-site' }),
    sendFacts: (facts) => {
      const message: ContentMessage = { type: 'tab-facts', facts };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    sendRecipeStatus: ({ id, needsAttention }) => {
      const message: ContentMessage = { type: 'recipe-status', id, needsAttention };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    startPicker: () => {
      const message: ContentMessage = { type: 'start-picker' };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    ui,
    enrichers,
    copyText: (text) => copyText(text, ui.container()),
    locale,
    extensionVersion: browser.runtime.getManifest().version,
    frame: role === 'top' ? 'top' : 'sub',
    now: () => Date.now(),
    afterLayout: () => afterNextFrame(window),
    seed,
  });

  const onMessage = (message: unknown) => {
    if (!isPageRequest(message)) return undefined;
    if (message.type === 'test-recipe') return role === 'top' ? Promise.resolve(testRecipe(document, new URL(location.href), message.recipe)) : undefined;
    if (message.type === 'focus-panel') {
      controller.focusPanel();
      return undefined;
    }
    if (message.type !== 'get-tab-facts') return undefined; // page-settings-changed: watchPageSettings
    const answer = tabFactsAnswer(role, controller.facts());
    return answer ? Promise.resolve(answer) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Injected while the page is still loading (a PACS viewer: content.js asks early): the enrichers have
  // started above; the page is read once it is parsed and its own DOMContentLoaded handlers have run, and
  // after the responses the enrichers are waiting for (content/page/time-slice.ts whenLessBusy).
  void controller.settings();
  whenParsed(ctx, () => whenLessBusy(() => ctx.isValid && controller.start()));
  return controller;
}
