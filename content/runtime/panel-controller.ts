/**
 * The content script's loop: read the page, decide, show/update/remove the panel, report tab
 * facts, run enrichers — again on every navigation or re-render of the route.
 *
 * Activations: each distinct page state (URL + analysis) is one activation with its own
 * AbortController, child of the content script's signal. A new state aborts the previous one
 * (its enrichers' requests with it); a re-render that reads the same (a mutation burst that
 * changes nothing we read) keeps the activation and touches nothing.
 *
 * All browser and page dependencies come in through `ControllerDeps`, so the loop is tested
 * under happy-dom without a browser (tests/content/runtime/panel-controller.test.tsx).
 */
import type { PanelCampaign, PanelCorner, PanelProps } from '@/components/Panel';
import type { TabFacts } from '@/content/messages';
import type { Campaign, PageAnalysis } from '@/content/types';
import type { DateOrder, PageSettings } from '@/settings/page';
import { chooseCorner, DEFAULT_GEOMETRY } from './corner';
import { decidePanel, hostAttributes, shownCampaigns, tabFactsFrom, type PanelDecision } from './decide';
import { diagnosticReport } from './diagnostic-report';
import type { Enrichment, PanelEnricher } from './enrichment';
import { DISMISSAL_TTL_MS, dismissalHash, SNOOZE_MS } from './exam-dismissal';
import { hasNavigationApi, watchNavigation, type ChangeReason } from './navigation-watcher';
import { buildPanelView } from './panel-view';

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
  analyze(doc: Document, url: string, options: { now: Date; pediatricCutoffYears: number; dateOrder?: DateOrder }): PageAnalysis;
  /** The profile's route container for the MutationObserver; null → body. */
  routeContainer(doc: Document, url: string): Element | null;
  loadSettings(origin: string): Promise<PageSettings>;
  /** Calls back when a setting the page reads changes; returns the unwatch function. */
  watchSettings(cb: () => void): () => void;
  dismissExam(hash: string, expiresAt: number): Promise<void>;
  snoozeSite(origin: string, until: number): Promise<void>;
  getDismissalSecret(): Promise<string>;
  sendFacts(facts: TabFacts): void;
  ui: PanelUi;
  /** Reminder blocks for the campaigns shown (clinical/campaigns.ts via the entrypoint). */
  campaignBlocks(campaigns: Campaign[], analysis: PageAnalysis): PanelCampaign[];
  enrichers: readonly PanelEnricher[];
  copyText(text: string): Promise<boolean>;
  locale: string;
  extensionVersion: string;
  frame: 'top' | 'sub';
  now(): number;
}

/** What the loop uses when settings cannot be read: the product defaults. */
export const FALLBACK_SETTINGS: PageSettings = {
  pediatricCutoffYears: 18,
  disabledCampaigns: [],
  dateOrder: null,
  snoozedUntil: null,
  referenceLevelTables: [],
  supportContact: null,
  managed: [],
  dismissed: () => false,
};

interface Activation {
  signature: string;
  url: string;
  pageAnalysis: PageAnalysis;
  controller: AbortController;
  enrichment: Enrichment;
  notes: string[];
}

export interface PanelController {
  start(): void;
  /** The `focus-panel` command: expand and focus the panel; false when none is shown. */
  focusPanel(): boolean;
  /** The allow-listed facts for `get-tab-facts`. */
  facts(): TabFacts;
  /** Re-read the page now (tests and benches; the watcher calls it on its own). */
  refresh(reason?: ChangeReason | 'initial' | 'settings'): Promise<void>;
}

export function createPanelController(deps: ControllerDeps): PanelController {
  const { win } = deps;
  const doc = win.document;
  const origin = win.location.origin;

  let settings: PageSettings | null = null;
  let settingsLoad: Promise<PageSettings> | null = null;
  let secret: string | null | undefined;
  let activation: Activation | null = null;
  let decision: PanelDecision | null = null;
  let lastFacts: TabFacts = { pediatric: false, campaigns: [], modality: null, siteEnabled: true };
  let lastFactsJson = '';
  let mounted = false;
  let expanded = false;
  let focusRequest = 0;
  let corner: PanelCorner = 'bottom-right';
  let subject = '';
  let seq = 0;

  const loadSettings = () =>
    (settingsLoad ??= deps.loadSettings(origin).catch(() => FALLBACK_SETTINGS).then((s) => (settings = s)));

  const sendFacts = (facts: TabFacts, force: boolean) => {
    const json = JSON.stringify(facts);
    lastFacts = facts;
    if (!force && json === lastFactsJson) return;
    lastFactsJson = json;
    deps.sendFacts(facts);
  };

  const hide = () => {
    if (mounted) deps.ui.remove();
    mounted = false;
    expanded = false;
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

  /** Decide and render for the current activation (page analysis plus what enrichers added). */
  async function apply(reason: string, forceFacts: boolean): Promise<void> {
    const act = activation;
    if (!act || !settings) return;
    const s = settings;
    const analysis = act.enrichment.analysis ?? act.pageAnalysis;
    const d = decidePanel(analysis, s);
    decision = d;
    sendFacts(tabFactsFrom(analysis, d, true, s.disabledCampaigns), forceFacts);
    if (!d.show || (s.snoozedUntil !== null && s.snoozedUntil > deps.now())) return hide();

    let hash: string | null = null;
    if (analysis.examKey && d.mode !== 'list') {
      if (secret === undefined) secret = await deps.getDismissalSecret().catch(() => null);
      if (act !== activation) return;
      hash = secret ? dismissalHash(secret, origin, analysis.examKey) : null;
      if (hash && s.dismissed(hash)) return hide();
    }

    const view = buildPanelView({
      analysis,
      decision: d,
      locale: deps.locale,
      campaigns: deps.campaignBlocks(shownCampaigns(d, s.disabledCampaigns), analysis),
      canDismiss: hash !== null,
    });
    const newSubject = `${act.url}\n${d.mode}\n${analysis.examKey ?? ''}`;
    if (newSubject !== subject) {
      subject = newSubject;
      expanded = false;
    }
    if (!mounted || reason === 'navigation' || reason === 'initial') pickCorner();
    await render(view, d, analysis, hash);
  }

  let lastRender: Parameters<typeof render> | null = null;
  async function render(
    view: ReturnType<typeof buildPanelView>,
    d: PanelDecision & { show: true },
    analysis: PageAnalysis,
    hash: string | null,
  ): Promise<void> {
    lastRender = [view, d, analysis, hash];
    const act = activation!;
    const props: PanelProps = {
      view,
      expanded,
      focusRequest,
      corner,
      pacs: act.enrichment.section,
      onExpandedChange: (next) => {
        expanded = next;
        if (lastRender) void render(...lastRender);
      },
      onDismissExam: () => {
        if (!hash) return;
        hide();
        void deps.dismissExam(hash, deps.now() + DISMISSAL_TTL_MS).catch(() => undefined);
      },
      onSnoozeSite: () => {
        hide();
        void deps.snoozeSite(origin, deps.now() + SNOOZE_MS).catch(() => undefined);
      },
      onCopyDiagnostic: () =>
        deps.copyText(
          diagnosticReport({
            extensionVersion: deps.extensionVersion,
            userAgent: win.navigator.userAgent,
            frame: deps.frame,
            navigationApi: hasNavigationApi(win),
            analysis: act.enrichment.analysis ?? act.pageAnalysis,
            decision,
            notes: act.notes,
          }),
        ),
    };
    mounted = true;
    await deps.ui.render(props, { ...hostAttributes(analysis, d, settings?.disabledCampaigns ?? []), ...act.enrichment.attributes });
  }

  function runEnrichers(act: Activation): void {
    for (const enrich of deps.enrichers) {
      enrich({ doc, url: act.url, analysis: act.pageAnalysis, signal: act.controller.signal })
        .then((result) => {
          if (!result || act !== activation || act.controller.signal.aborted) return;
          act.enrichment = {
            analysis: result.analysis ?? act.enrichment.analysis,
            section: result.section ?? act.enrichment.section,
            attributes: { ...act.enrichment.attributes, ...result.attributes },
          };
          act.notes.push(...(result.notes ?? []));
          return apply('enrichment', false);
        })
        .catch(() => {
          if (act === activation) act.notes.push('enricher-failed');
        });
    }
  }

  async function refresh(reason: ChangeReason | 'initial' | 'settings' = 'mutation'): Promise<void> {
    if (deps.signal.aborted) return;
    const mine = ++seq;
    const s = settings ?? (await loadSettings());
    if (mine !== seq || deps.signal.aborted) return;
    const url = win.location.href;
    const pageAnalysis = deps.analyze(doc, url, {
      now: new Date(deps.now()),
      pediatricCutoffYears: s.pediatricCutoffYears,
      ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}),
    });
    const signature = `${url}\n${JSON.stringify(pageAnalysis)}`;
    const navigated = reason === 'navigation' || reason === 'initial';
    if (activation && signature === activation.signature) {
      if (reason === 'settings') await apply(reason, false);
      else if (navigated) sendFacts(lastFacts, true);
      return;
    }
    activation?.controller.abort();
    const controller = new AbortController();
    deps.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const act: Activation = { signature, url, pageAnalysis, controller, enrichment: {}, notes: [] };
    activation = act;
    await apply(reason, navigated);
    if (act === activation) runEnrichers(act);
  }

  return {
    start() {
      void loadSettings();
      const unwatch = deps.watchSettings(() => {
        settingsLoad = null;
        void loadSettings().then(() => refresh('settings'));
      });
      deps.signal.addEventListener('abort', () => {
        unwatch();
        activation?.controller.abort();
        hide();
      }, { once: true });
      watchNavigation({
        win,
        signal: deps.signal,
        container: () => deps.routeContainer(doc, win.location.href),
        isOwnNode: (n) => deps.ui.isOwnNode(n),
        onChange: (reason) => void refresh(reason),
      });
      void refresh('initial');
    },
    focusPanel() {
      if (!mounted || !lastRender) return false;
      expanded = true;
      focusRequest++;
      void render(...lastRender);
      return true;
    },
    facts: () => lastFacts,
    refresh,
  };
}
