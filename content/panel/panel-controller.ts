/**
 * The panel side of the page loop (runs in panel.js): for each page state, run the enrichers,
 * check the dismissal, build the view and show, update or remove the panel. Plus the focus
 * command, dismiss/snooze and the diagnostic report.
 *
 * `createPanelController` = page loop (page-loop.ts) + this presenter. All browser and page
 * dependencies come in through `ControllerDeps`, so it is tested under happy-dom without a
 * browser (tests/content/panel/panel-controller.test.tsx).
 */
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import type { PanelProps } from '@/components/Panel';
import type { PanelCorner, PanelView } from './view-model';
import type { TabFacts } from '@/content/page/messages';
import type { PageReading } from '@/content/read/analyze';
import type { PageAnalysis, RecipeStatus } from '@/content/read/types';
import type { DateOrder, PageSettings } from '@/settings/page';
import { chooseCorner, DEFAULT_GEOMETRY } from './corner';
import { hostAttributes, type PanelDecision } from '@/content/page/panel-decision';
import { diagnosticReport } from './diagnostic-report';
import type { Enrichment, PanelEnricher } from './enrichment';
import { hasNavigationApi } from '@/content/page/navigation-watcher';
import { analyzeOptionsFrom, createPageLoop, type Activation, type PageLoopDeps, type PageState, type RefreshReason } from '@/content/page/page-loop';
import { buildPanelView } from './panel-view';
import { perfMark } from '@/content/page/perf-mark';

export interface PanelUi {
  /** Show or update the panel (mounting it on first use). */
  render(props: PanelProps, attributes: Record<string, string | null>): Promise<void> | void;
  /** Take it off the page (no-op when not mounted). */
  remove(): void;
  /** Whether a node is the panel's own host (its mutations are ignored). */
  isOwnNode(node: Node): boolean;
}

export interface ControllerDeps {
  win: Window;
  /** The content script's lifetime (WXT `ctx.signal`). */
  signal: AbortSignal;
  /** Reads the page: its facts and the analysis decided from them (content/read/analyze.ts readAndAnalyze). */
  read: PageLoopDeps<PageSettings>['read'];
  /** The profile's route container for the MutationObserver; null → body. */
  routeContainer(doc: Document, url: string): Element | null;
  loadSettings(origin: string): Promise<PageSettings>;
  /** Calls back when a setting the page reads changes; returns the unwatch function. */
  watchSettings(cb: () => void): () => void;
  /**
   * The keyed hash of an exam key, from the background (background/exam-dismissal.ts: the secret never comes to
   * the page); null when no dismissal is possible here.
   */
  examHash(examKey: string): Promise<string | null>;
  /** Asks the background to remember the dismissal (it decides the expiry). */
  dismissExam(hash: string): Promise<unknown>;
  /** Asks the background to snooze this frame's site (it takes the origin from the sender, and the length). */
  snoozeSite(): Promise<unknown>;
  sendFacts(facts: TabFacts): void;
  /** A site recipe's status on this page (its id and a boolean). */
  sendRecipeStatus?(status: RecipeStatus): void;
  /** "Teach this page": ask the background for the field picker in this frame. */
  startPicker?(): void;
  ui: PanelUi;
  enrichers: readonly PanelEnricher[];
  copyText(text: string): Promise<boolean>;
  locale: string;
  extensionVersion: string;
  frame: 'top' | 'sub';
  now(): number;
  /**
   * Resolves when the page's layout is up to date (after the browser's next frame: content/panel/after-frame.ts),
   * so that choosing the corner reads geometry without forcing a layout.
   */
  afterLayout(): Promise<void>;
  /** The analysis content.js already made, handed over with the page (saves reading it twice). */
  seed?: PageLoopDeps<PageSettings>['seed'];
}

/** What the loop uses when settings cannot be read: the product defaults. */
export const FALLBACK_SETTINGS: PageSettings = {
  pediatricCutoffYears: DEFAULT_PEDIATRIC_CUTOFF_YEARS,
  disabledCampaigns: [],
  dateOrder: null,
  siteRecipes: [],
  dicomWebPath: null,
  snoozedUntil: null,
  referenceLevelTables: [],
  supportContact: null,
  managed: [],
  dismissed: () => false,
};

export interface PanelController {
  start(): void;
  /** The settings, loaded on first use (call it before `start` to load them while the page is still loading). */
  settings(): Promise<PageSettings>;
  /** The `focus-panel` command: expand and focus the panel; false when none is shown. */
  focusPanel(): boolean;
  /** The allow-listed facts for `get-tab-facts`. */
  facts(): TabFacts;
  /** Re-read the page now (tests and benches; the watcher calls it on its own). */
  refresh(reason?: RefreshReason): Promise<void>;
  /**
   * An enricher that arrived after the panel started (pacs.js, injected beside panel.js): it runs for the page
   * state in force and for every later one.
   */
  addEnricher(enricher: PanelEnricher): void;
}

interface ActivationExtras {
  enrichment: Enrichment;
  /**
   * The analysis the enrichment's attributes were computed with (an SSDE belongs to the age and exam the API
   * gave), or null when the enricher gave no analysis. Its attributes are rendered only with that analysis.
   */
  attributesOf: PageAnalysis | null;
  notes: string[];
}

export function createPanelController(deps: ControllerDeps): PanelController {
  const { win } = deps;
  const doc = win.document;

  const extras = new WeakMap<Activation, ActivationExtras>();
  /** Whether the enrichment's attributes belong with this analysis (see `attributesOf`). */
  const ownAttributes = (e: ActivationExtras, analysis: PageAnalysis) => e.attributesOf === null || e.attributesOf === analysis;
  const extrasOf = (act: Activation) => {
    let e = extras.get(act);
    if (!e) extras.set(act, (e = { enrichment: {}, attributesOf: null, notes: [] }));
    return e;
  };

  /** Keyed hashes asked for, by exam key (a few: the exams of this tab's recent pages). */
  const hashes = new Map<string, Promise<string | null>>();
  const hashOf = (examKey: string): Promise<string | null> => {
    let hash = hashes.get(examKey);
    if (!hash) {
      hash = deps.examHash(examKey).catch(() => null);
      hashes.set(examKey, hash);
      if (hashes.size > 16) hashes.delete(hashes.keys().next().value!);
    }
    return hash;
  };
  let mounted = false;
  let expanded = false;
  let focusRequest = 0;
  let corner: PanelCorner = 'bottom-right';
  let subject = '';
  let shown: { view: PanelView; state: PageState<PageSettings>; hash: string | null } | null = null;

  const hide = () => {
    if (mounted) deps.ui.remove();
    mounted = false;
    expanded = false;
    shown = null;
  };

  const pickCorner = () => {
    try {
      corner = chooseCorner(
        { ...DEFAULT_GEOMETRY, viewportWidth: win.innerWidth, viewportHeight: win.innerHeight },
        (x, y) => doc.elementFromPoint(x, y),
      );
    } catch {
      corner = 'bottom-right';
    }
  };

  const enrichers: PanelEnricher[] = [...deps.enrichers];

  const loop = createPageLoop<PageSettings>({
    win,
    signal: deps.signal,
    read: deps.read,
    routeContainer: deps.routeContainer,
    loadSettings: deps.loadSettings,
    fallbackSettings: FALLBACK_SETTINGS,
    watchSettings: deps.watchSettings,
    sendFacts: deps.sendFacts,
    ...(deps.sendRecipeStatus ? { sendRecipeStatus: deps.sendRecipeStatus } : {}),
    isOwnNode: (n) => deps.ui.isOwnNode(n),
    now: deps.now,
    seed: deps.seed ?? null,
    onState: (state) => {
      if (state.fresh) runEnrichers(enrichers, state.activation, state.settings);
      return present(state);
    },
  });
  deps.signal.addEventListener('abort', hide, { once: true });

  function runEnrichers(list: readonly PanelEnricher[], act: Activation, s: PageSettings): void {
    const options = analyzeOptionsFrom(s, new Date(deps.now()));
    for (const enrich of list) {
      enrich({ doc, url: act.url, analysis: act.pageAnalysis, findings: act.findings, signal: act.signal, options })
        .then((result) => {
          if (!result || act.signal.aborted) return;
          const e = extrasOf(act);
          e.enrichment = {
            pacs: result.pacs ?? e.enrichment.pacs,
            attributes: { ...e.enrichment.attributes, ...result.attributes },
          };
          if (result.analysis && result.attributes) e.attributesOf = result.analysis;
          e.notes.push(...(result.notes ?? []));
          if (result.analysis) return loop.enrich(act, result.analysis);
          const current = loop.current();
          return current && current.activation === act ? present({ ...current, reason: 'enrichment', fresh: false }) : undefined;
        })
        .catch(() => {
          if (!act.signal.aborted) extrasOf(act).notes.push('enricher-failed');
        });
    }
  }

  /** Decide and render one page state. Only the newest call renders: an older one that was waiting gives way. */
  let presenting = 0;
  async function present(state: PageState<PageSettings>): Promise<void> {
    const mine = ++presenting;
    const { activation: act, analysis, decision: d, settings: s } = state;
    if (!d.show || (s.snoozedUntil !== null && s.snoozedUntil > deps.now())) return hide();

    let hash: string | null = null;
    if (analysis.examKey && d.mode !== 'list') {
      hash = await hashOf(analysis.examKey);
      if (act.signal.aborted || mine !== presenting) return;
      if (hash && s.dismissed(hash)) return hide();
    }

    const chooseCorner = !mounted || state.reason === 'navigation' || state.reason === 'initial';
    if (chooseCorner) {
      await deps.afterLayout();
      if (act.signal.aborted || mine !== presenting) return;
    }

    const e = extrasOf(act);
    const view = buildPanelView({
      analysis,
      decision: d,
      locale: deps.locale,
      disabledCampaigns: s.disabledCampaigns,
      referenceTables: s.referenceLevelTables,
      canDismiss: hash !== null,
      // A Dw measured on this exam's images (the PACS route): the age-based SSDE estimate gives way to it.
      measuredSize: ownAttributes(e, analysis) && !!e.enrichment.attributes?.['data-dw-cm'],
    });
    const newSubject = `${act.url}\n${d.mode}\n${analysis.examKey ?? ''}`;
    if (newSubject !== subject) {
      subject = newSubject;
      expanded = false;
    }
    if (chooseCorner) pickCorner();
    shown = { view, state, hash };
    await render();
    perfMark(`rendered-${state.reason}`);
  }

  async function render(): Promise<void> {
    if (!shown) return;
    const { view, state, hash } = shown;
    const act = state.activation;
    const e = extrasOf(act);
    const props: PanelProps = {
      view,
      expanded,
      focusRequest,
      corner,
      // The PACS section holds numbers: none beside an age the page does not tie to the patient.
      pacs: (state.decision as PanelDecision & { show: true }).ageUnsure ? undefined : e.enrichment.pacs,
      onExpandedChange: (next) => {
        expanded = next;
        void render();
      },
      onDismissExam: () => {
        if (!hash) return;
        hide();
        void deps.dismissExam(hash).catch(() => undefined);
      },
      onSnoozeSite: () => {
        hide();
        void deps.snoozeSite().catch(() => undefined);
      },
      ...(deps.startPicker ? { onTeachPage: deps.startPicker } : {}),
      onCopyDiagnostic: () =>
        deps.copyText(
          diagnosticReport({
            extensionVersion: deps.extensionVersion,
            userAgent: win.navigator.userAgent,
            frame: deps.frame,
            navigationApi: hasNavigationApi(win),
            analysis: state.analysis,
            decision: state.decision as PanelDecision,
            notes: e.notes,
          }),
        ),
    };
    mounted = true;
    // An enricher's attributes (the SSDE from the pixels) only with the analysis they were computed with: never
    // an SSDE next to a page state that lacks the age the API gave it.
    await deps.ui.render(props, {
      ...hostAttributes(state.analysis, state.decision as PanelDecision & { show: true }, state.settings.disabledCampaigns),
      ...(ownAttributes(e, state.analysis) ? e.enrichment.attributes : {}),
    });
  }

  return {
    start: () => loop.start(),
    settings: () => loop.settings(),
    focusPanel() {
      if (!mounted || !shown) return false;
      expanded = true;
      focusRequest++;
      void render();
      return true;
    },
    facts: () => loop.facts(),
    refresh: (reason) => loop.refresh(reason),
    addEnricher(enricher) {
      enrichers.push(enricher);
      const current = loop.current();
      if (current && !current.activation.signal.aborted) runEnrichers([enricher], current.activation, current.settings);
    },
  };
}
