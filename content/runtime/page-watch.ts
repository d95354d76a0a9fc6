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
import type { PageAnalysis } from '@/content/types';
import { createPageLoop, type LoopSettings, type PageLoopDeps, type PageState } from './page-loop';

/** Key of the handover object in the isolated world's global scope. */
export const HANDOVER_KEY = Symbol.for('image-gently-companion.handover');

export interface HandoverSeed {
  url: string;
  analysis: PageAnalysis;
  /** The page-state signature made with it (saves serialising a long list twice). */
  signature: string;
  cutoffYears: number;
  dateOrder: 'MDY' | 'DMY' | null;
}

export interface Handover {
  /** panel.js calls this once: content.js stops watching and answering, and gives its last reading. */
  take(): HandoverSeed | null;
}

type Global = typeof globalThis & { [HANDOVER_KEY]?: Handover };

export interface PageWatchDeps<S extends LoopSettings> extends Omit<PageLoopDeps<S>, 'onState' | 'seed'> {
  /** Ask the background to inject panel.js into this frame; resolves whether it was done. */
  requestPanel(): Promise<boolean>;
  /** Profiles whose pages get panel.js even before a child is seen: its enrichers may find one in the site's API. */
  panelProfiles: ReadonlySet<string>;
  /** Called when panel.js takes over (remove message listeners etc.). */
  onHandover?(): void;
}

export interface PageWatch {
  start(): void;
  facts: ReturnType<typeof createPageLoop>['facts'];
  refresh: ReturnType<typeof createPageLoop>['refresh'];
  /** Whether panel.js was asked for (tests, diagnostics). */
  panelRequested(): boolean;
}

export function wantsPanel<S extends LoopSettings>(state: PageState<S>, panelProfiles: ReadonlySet<string>, now: number): boolean {
  const snoozed = state.settings.snoozedUntil !== null && state.settings.snoozedUntil > now;
  if (snoozed) return false;
  if (state.decision.show) return true;
  return state.analysis.profileId !== null && panelProfiles.has(state.analysis.profileId);
}

export function createPageWatch<S extends LoopSettings>(deps: PageWatchDeps<S>): PageWatch {
  let requested = false;
  let inFlight = false;
  let handedOver = false;

  const loop = createPageLoop<S>({
    ...deps,
    seed: null,
    onState: (state) => {
      if (requested || inFlight || !wantsPanel(state, deps.panelProfiles, deps.now())) return;
      inFlight = true;
      deps
        .requestPanel()
        .catch(() => false)
        .then((ok) => {
          inFlight = false;
          // Not injected (no permission in this frame, an old background): keep watching, try on the next page state.
          requested = ok;
        });
    },
  });

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
        signature: state.activation.signature,
        cutoffYears: state.settings.pediatricCutoffYears,
        dateOrder: state.settings.dateOrder,
      };
    },
  };
  (globalThis as Global)[HANDOVER_KEY] = handover;
  deps.signal.addEventListener('abort', () => {
    if ((globalThis as Global)[HANDOVER_KEY] === handover) delete (globalThis as Global)[HANDOVER_KEY];
  }, { once: true });

  return {
    start: () => loop.start(),
    facts: () => loop.facts(),
    refresh: (reason) => loop.refresh(reason),
    panelRequested: () => requested || inFlight,
  };
}

/** panel.js: take the page over from content.js, if it runs in this frame. */
export function takeOverPage(): HandoverSeed | null {
  return (globalThis as Global)[HANDOVER_KEY]?.take() ?? null;
}
