/**
 * The page loop shared by both content scripts: read the page, decide, report tab facts, again on
 * every navigation or re-render of the route; tell a consumer when the page state changed.
 *
 * - content.js (always injected, small) runs it to find out whether a child is shown, and if so
 *   asks the background to inject the panel;
 * - panel.js (injected on demand) runs it with the panel presenter as consumer.
 *
 * Activations: each distinct page state (URL + analysis) is one activation with its own
 * AbortController, child of the content script's signal. A new state aborts the previous one;
 * a re-render that reads the same keeps it and touches nothing.
 */
import type { TabFacts } from '@/content/page/messages';
import type { PageReading } from '@/content/read/analyze';
import type { SiteRecipe } from '@/content/read/recipe/recipe';
import type { AnalyzeOptions, PageAnalysis, PageFindings, RecipeStatus } from '@/content/read/types';
import { decidePanel, tabFactsFrom, type PanelDecision } from './panel-decision';
import { perfMark } from './perf-mark';
import { watchNavigation, type ChangeReason } from './navigation-watcher';

/** What the loop needs from settings (settings/page.ts PageSettings has all of it). */
export interface LoopSettings {
  pediatricCutoffYears: number;
  dateOrder: 'MDY' | 'DMY' | null;
  disabledCampaigns: readonly string[];
  /** Epoch ms until which the panel stays hidden on this site, or null. */
  snoozedUntil: number | null;
  /** The site recipes of this origin (content/read/recipe/). */
  siteRecipes: readonly SiteRecipe[];
}

/** The page reader's options from the settings: the one place both scripts and the enrichers build them. */
export function analyzeOptionsFrom(s: LoopSettings, now: Date): AnalyzeOptions & { now: Date; pediatricCutoffYears: number } {
  return {
    now,
    pediatricCutoffYears: s.pediatricCutoffYears,
    ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}),
    ...(s.siteRecipes.length ? { siteRecipes: s.siteRecipes } : {}),
  };
}

/** What a seed (an analysis made by content.js) was made with: it applies only under the same settings. */
export function readingKey(s: LoopSettings): string {
  return JSON.stringify([s.pediatricCutoffYears, s.dateOrder, s.siteRecipes]);
}

export type RefreshReason = ChangeReason | 'initial' | 'settings' | 'enrichment';

/**
 * A page state's signature: its URL and analysis, serialised when first compared with another state's (a static
 * page is never compared, and a 5,000-row list serialises in 10–30 ms). Made once, kept.
 */
export type Signature = () => string;

export function signatureOf(url: string, analysis: PageAnalysis): Signature {
  let text: string | null = null;
  return () => (text ??= `${url}\n${JSON.stringify(analysis)}`);
}

export interface Activation {
  url: string;
  signature: Signature;
  /** What the page text gave. */
  pageAnalysis: PageAnalysis;
  /** The raw facts it was decided from (an enricher adds its own to them and decides again). */
  findings: PageFindings;
  /** The analysis with facts an enricher added (PACS API), when there is one. */
  enriched: PageAnalysis | null;
  signal: AbortSignal;
}

export interface PageState<S extends LoopSettings> {
  activation: Activation;
  /** The analysis in force: enriched if an enricher gave one, else the page's. */
  analysis: PageAnalysis;
  decision: PanelDecision;
  settings: S;
  reason: RefreshReason;
  /** True on the first state of a new activation (start enrichers then). */
  fresh: boolean;
}

export interface PageLoopDeps<S extends LoopSettings> {
  win: Window;
  /** The content script's lifetime (WXT `ctx.signal`). */
  signal: AbortSignal;
  /** Reads the page: its facts and the analysis decided from them (content/read/analyze.ts readAndAnalyze). */
  read(doc: Document, url: string, options: AnalyzeOptions & { now: Date; pediatricCutoffYears: number }): PageReading;
  /** The profile's route container for the MutationObserver; null → body. */
  routeContainer(doc: Document, url: string): Element | null;
  loadSettings(origin: string): Promise<S>;
  /** Used when settings cannot be read. */
  fallbackSettings: S;
  /** Calls back when a setting the page reads changes; returns the unwatch function. */
  watchSettings(cb: () => void): () => void;
  sendFacts(facts: TabFacts): void;
  /** Report a site recipe's status (its id and a boolean, nothing else); called when it changes. */
  sendRecipeStatus?(status: RecipeStatus): void;
  /** Nodes of our own UI (their mutations are ignored). */
  isOwnNode?(node: Node): boolean;
  onState(state: PageState<S>): void | Promise<void>;
  now(): number;
  /** An analysis already made for this URL with the same cutoff and date order (handed over by content.js). */
  seed?: { url: string; analysis: PageAnalysis; findings: PageFindings; signature?: Signature; readingKey: string } | null;
}

export interface PageLoop<S extends LoopSettings> {
  start(): void;
  /** Re-read the page now (the watcher calls it on its own). */
  refresh(reason?: RefreshReason): Promise<void>;
  /** The allow-listed facts for `get-tab-facts`. */
  facts(): TabFacts;
  /** An enricher's analysis for an activation; ignored when the page has moved on. */
  enrich(activation: Activation, analysis: PageAnalysis): Promise<void>;
  current(): PageState<S> | null;
  /** The settings (loaded once, on first use; `start` reuses them). */
  settings(): Promise<S>;
  /** Stop watching (content.js hands the page over to panel.js). */
  stop(): void;
}

export function createPageLoop<S extends LoopSettings>(deps: PageLoopDeps<S>): PageLoop<S> {
  const { win } = deps;
  const doc = win.document;
  const origin = win.location.origin;
  const life = new AbortController();
  deps.signal.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });

  let settings: S | null = null;
  let settingsLoad: Promise<S> | null = null;
  let activation: (Activation & { controller: AbortController }) | null = null;
  let state: PageState<S> | null = null;
  let lastFacts: TabFacts = { pediatric: false, campaigns: [], modality: null, siteEnabled: true };
  let lastFactsJson = '';
  let lastRecipeStatus = '';
  let seq = 0;
  let seed = deps.seed ?? null;

  const loadSettings = () =>
    (settingsLoad ??= deps
      .loadSettings(origin)
      .catch(() => deps.fallbackSettings)
      .then((s) => (settings = s)));

  const sendFacts = (facts: TabFacts, force: boolean) => {
    const json = JSON.stringify(facts);
    lastFacts = facts;
    if (!force && json === lastFactsJson) return;
    lastFactsJson = json;
    deps.sendFacts(facts);
  };

  async function publish(reason: RefreshReason, fresh: boolean, forceFacts: boolean): Promise<void> {
    const act = activation;
    if (!act || !settings) return;
    perfMark(`state-${reason}`);
    const analysis = act.enriched ?? act.pageAnalysis;
    const decision = decidePanel(analysis, settings);
    sendFacts(tabFactsFrom(analysis, decision, true, settings.disabledCampaigns), forceFacts);
    reportRecipe(act.pageAnalysis);
    state = { activation: act, analysis, decision, settings, reason, fresh };
    await deps.onState(state);
  }

  /** A site recipe's status on the page text, when it changed (a boolean per recipe id leaves the page, nothing else). */
  const reportRecipe = (analysis: PageAnalysis) => {
    const status = analysis.recipe;
    if (!status || !deps.sendRecipeStatus) return;
    const json = `${status.id} ${status.needsAttention}`;
    if (json === lastRecipeStatus) return;
    lastRecipeStatus = json;
    deps.sendRecipeStatus({ id: status.id, needsAttention: status.needsAttention });
  };

  /** The page's reading and its signature (URL + analysis), or the seed's when it still applies. */
  function readNow(s: S, url: string): PageReading & { signature: Signature } {
    const used = seed;
    seed = null;
    if (used && used.url === url && used.readingKey === readingKey(s)) {
      return { analysis: used.analysis, findings: used.findings, signature: used.signature ?? signatureOf(url, used.analysis) };
    }
    const reading = deps.read(doc, url, analyzeOptionsFrom(s, new Date(deps.now())));
    return { ...reading, signature: signatureOf(url, reading.analysis) };
  }

  /**
   * The navigation watcher starts right after the first reading, in the same task: the route container it asks for
   * is then the one of the profile that read the page (content/page/route-container.ts keeps it), so finding it
   * reads nothing more. No change of the page is missed meanwhile: the reading saw every change before it.
   */
  let started = false;
  let watching = false;
  const watch = () => {
    if (!started || watching || life.signal.aborted) return;
    watching = true;
    watchNavigation({
      win,
      signal: life.signal,
      container: () => deps.routeContainer(doc, win.location.href),
      ...(deps.isOwnNode ? { isOwnNode: deps.isOwnNode } : {}),
      onChange: (reason) => void refresh(reason),
    });
  };

  async function refresh(reason: RefreshReason = 'mutation'): Promise<void> {
    if (life.signal.aborted) return;
    const mine = ++seq;
    const s = settings ?? (await loadSettings());
    if (mine !== seq || life.signal.aborted) return;
    const url = win.location.href;
    const { analysis: pageAnalysis, findings, signature } = readNow(s, url);
    watch();
    const navigated = reason === 'navigation' || reason === 'initial';
    if (activation && (activation.signature === signature || signature() === activation.signature())) {
      if (reason === 'settings') await publish(reason, false, false);
      else if (navigated) sendFacts(lastFacts, true);
      return;
    }
    activation?.controller.abort();
    const controller = new AbortController();
    life.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    activation = { url, signature, pageAnalysis, findings, enriched: null, signal: controller.signal, controller };
    await publish(reason, true, navigated);
  }

  return {
    start() {
      if (life.signal.aborted) return;
      void loadSettings();
      const unwatch = deps.watchSettings(() => {
        settingsLoad = null;
        void loadSettings().then(() => refresh('settings'));
      });
      life.signal.addEventListener('abort', () => {
        unwatch();
        activation?.controller.abort();
      }, { once: true });
      started = true;
      void refresh('initial');
    },
    refresh,
    facts: () => lastFacts,
    async enrich(act, analysis) {
      if (act !== activation || act.signal.aborted) return;
      activation.enriched = analysis;
      await publish('enrichment', false, false);
    },
    current: () => state,
    settings: () => loadSettings(),
    stop: () => life.abort(),
  };
}
