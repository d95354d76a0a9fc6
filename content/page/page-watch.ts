/**
 * What the always-on content script (content.js) does: run the page loop without any UI, report
 * tab facts, and when a child is shown ask the background to inject the panel script (panel.js)
 * into this frame. panel.js then takes the page over: content.js stops and hands it the analysis
 * it already made, so the page is read once.
 *
 * Why two scripts: the panel (Preact, its CSS, clinical tables, settings with zod, the PACS data
 * route) is several times the size of what it takes to recognise a child, and most pages of an
 * enabled site show no child. content.js stays within the page budget (`npm run bench`); panel.js
 * loads only where it is used. Both run in the extension's isolated world of the frame, which is
 * where the handover object lives (page scripts cannot see it).
 */
import type { PageAnalysis, PageFindings } from '@/content/read/types';
import { perfMark } from './perf-mark';
import { createPageLoop, readingKey, type LoopSettings, type PageLoopDeps, type PageState, type Signature } from './page-loop';

/** Key of the handover object in the isolated world's global scope. */
export const HANDOVER_KEY = Symbol.for('image-gently-companion.handover');

export interface HandoverSeed {
  url: string;
  analysis: PageAnalysis;
  /** The facts it was decided from. */
  findings: PageFindings;
  /** The page-state signature made with it (a long list is serialised once at most). */
  signature: Signature;
  /** The settings it was read with (page-loop.ts `readingKey`). */
  readingKey: string;
}

export interface Handover {
  /** panel.js calls this once: content.js stops watching and answering, and gives its last reading. */
  take(): HandoverSeed | null;
}

type Global = typeof globalThis & { [HANDOVER_KEY]?: Handover };

export interface PageWatchDeps<S extends LoopSettings> extends Omit<PageLoopDeps<S>, 'onState' | 'seed'> {
  /**
   * Ask the background to inject panel.js into this frame (and pacs.js beside it, on a PACS viewer's page);
   * resolves whether it was done.
   */
  requestPanel(options: { pacs: boolean }): Promise<boolean>;
  /**
   * PACS viewer profiles: their pages get panel.js and pacs.js even before a child is seen, since the study in
   * the site's API may show one.
   */
  panelProfiles: ReadonlySet<string>;
  /**
   * The id of the profile of `panelProfiles` the frame already matches (by its URL, or the DOM parsed so far),
   * or null. Used by `early()` before the page has loaded, so it must be cheap: no page reading.
   */
  earlyProfile?(doc: Document, url: URL): string | null;
  /** Called when panel.js takes over (remove message listeners etc.). */
  onHandover?(): void;
}

export interface PageWatch {
  /**
   * content.js at document_start: when the frame already matches a profile of `panelProfiles` (a PACS viewer
   * whose enrichers read the study from the site's API), ask for panel.js now — once the settings say the site
   * is not snoozed — instead of after the page has loaded and been read. panel.js and its enrichers then work
   * while the page loads. Checked now and again at DOMContentLoaded (profiles that need the page's DOM).
   */
  early(): void;
  /** The first reading, once the page has loaded (nothing when panel.js has taken the page over already). */
  start(): void;
  facts: ReturnType<typeof createPageLoop>['facts'];
  refresh: ReturnType<typeof createPageLoop>['refresh'];
  /** Whether panel.js was asked for (tests, diagnostics). */
  panelRequested(): boolean;
}

const isSnoozed = (s: LoopSettings, now: number) => s.snoozedUntil !== null && s.snoozedUntil > now;

export function wantsPanel<S extends LoopSettings>(state: PageState<S>, panelProfiles: ReadonlySet<string>, now: number): boolean {
  if (isSnoozed(state.settings, now)) return false;
  if (state.decision.show) return true;
  return state.analysis.profileId !== null && panelProfiles.has(state.analysis.profileId);
}

export function createPageWatch<S extends LoopSettings>(deps: PageWatchDeps<S>): PageWatch {
  let requested = false;
  let inFlight = false;
  let handedOver = false;

  const requestPanel = (pacs: boolean) => {
    if (requested || inFlight || handedOver) return;
    inFlight = true;
    perfMark('load-panel');
    deps
      .requestPanel({ pacs })
      .catch(() => false)
      .then((ok) => {
        inFlight = false;
        // Not injected (no permission in this frame, an old background): keep watching, try on the next page state.
        requested = ok;
      });
  };

  const isViewer = (profileId: string | null) => profileId !== null && deps.panelProfiles.has(profileId);

  const loop = createPageLoop<S>({
    ...deps,
    seed: null,
    onState: (state) => {
      if (wantsPanel(state, deps.panelProfiles, deps.now())) requestPanel(isViewer(state.analysis.profileId));
    },
  });

  const doc = deps.win.document;
  /** true when there is nothing more to check (asked, or matched and the settings decide). */
  const earlyCheck = (): boolean => {
    if (requested || inFlight || handedOver || deps.signal.aborted) return true;
    let url: URL;
    try {
      url = new URL(deps.win.location.href);
    } catch {
      return true;
    }
    const id = deps.earlyProfile?.(doc, url) ?? null;
    if (id === null || !deps.panelProfiles.has(id)) return false;
    void loop.settings().then((s) => {
      if (!isSnoozed(s, deps.now())) requestPanel(true);
    });
    return true;
  };

  const handover: Handover = {
    take() {
      if (handedOver) return null;
      handedOver = true;
      const state = loop.current();
      loop.stop();
      deps.onHandover?.();
      if (!state || state.activation.enriched) return null;
      return {
        url: state.activation.url,
        analysis: state.activation.pageAnalysis,
        findings: state.activation.findings,
        signature: state.activation.signature,
        readingKey: readingKey(state.settings),
      };
    },
  };
  (globalThis as Global)[HANDOVER_KEY] = handover;
  deps.signal.addEventListener('abort', () => {
    if ((globalThis as Global)[HANDOVER_KEY] === handover) delete (globalThis as Global)[HANDOVER_KEY];
  }, { once: true });

  return {
    early() {
      if (earlyCheck() || doc.readyState !== 'loading') return;
      doc.addEventListener('DOMContentLoaded', () => void earlyCheck(), { once: true, signal: deps.signal });
    },
    start: () => {
      if (!handedOver) loop.start();
    },
    facts: () => loop.facts(),
    refresh: (reason) => loop.refresh(reason),
    panelRequested: () => requested || inFlight,
  };
}

/** panel.js: take the page over from content.js, if it runs in this frame. */
export function takeOverPage(): HandoverSeed | null {
  return (globalThis as Global)[HANDOVER_KEY]?.take() ?? null;
}
