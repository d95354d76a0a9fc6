/**
 * The picker on a page: follows the pointer and the arrow keys over the page's fields, keeps the draft
 * (content/picker/draft.ts), shows what each field reads as, and saves the recipe through the background.
 * The browser parts come in as deps (the UI, the save call, the clock), so happy-dom tests drive it.
 *
 * Safety: only the user's own input counts (every pointer handler checks `isTrusted`; the card's handlers do
 * too, components/Picker.tsx); the page's clicks are swallowed while picking (the layer over the page takes
 * them), so a pick never follows a link or submits a form; nothing leaves the page but the recipe itself
 * (selectors and labels, never the picked text).
 */
import type { PickerPhase, PickerPick, PickerProps } from '@/components/Picker';
import { analyzePage } from '@/content/read/analyze';
import { recipeFor, recipeIdFor, RECIPE_STEPS, type RecipeStep, type SiteRecipe } from '@/content/read/recipe/recipe';
import { valueText } from '@/content/read/recipe/locate';
import { locatorsFor, labelTextOf } from '@/content/read/recipe/selector';
import type { DateOrder } from '@/content/read/types';
import { ageText } from '@/content/panel/panel-view';
import { candidateElements, fieldElementOf, moveIndex } from './candidates';
import {
  backStep,
  defaultPathPrefix,
  draftRecipe,
  emptyDraft,
  kindFor,
  pathPrefixes,
  readPick,
  skipStep,
  stepName,
  withKind,
  type Draft,
  type Pick,
} from './draft';

export type SaveResult = { ok: true } | { ok: false; reason: 'invalid' | 'other-site' | 'not-enabled' | 'managed' | 'no-answer' };

export interface PickerSettings {
  pediatricCutoffYears: number;
  dateOrder: DateOrder | null;
  /** This origin's recipes (to reuse the id of the one being replaced). */
  siteRecipes: readonly SiteRecipe[];
}

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PickerUi {
  render(props: PickerProps, highlight: Rect | null): void;
  /** The layer over the page that takes the pointer while picking. */
  layer(): HTMLElement;
  /** Is this node part of the picker itself (the host element)? */
  isOwnNode(node: Node): boolean;
  remove(): void;
}

export interface PickerDeps {
  win: Window;
  ui: PickerUi;
  settings: PickerSettings;
  save(recipe: SiteRecipe): Promise<SaveResult>;
  locale: string;
  now(): number;
  /** Called once the picker is closed (cancelled or done). */
  onClose(): void;
  /** Whether an element is shown (layout); tests without layout pass `() => true`. */
  visible?(el: Element): boolean;
}

export interface PickerController {
  /** The element selected now (tests). */
  selected(): Element | null;
  draft(): Draft;
  close(): void;
}

const isShown = (el: Element) => el.getClientRects().length > 0;

export function createPicker(deps: PickerDeps): PickerController {
  const { win, ui } = deps;
  const doc = win.document;
  const url = new URL(win.location.href);
  const life = new AbortController();
  const prefixes = pathPrefixes(url);
  const existing = recipeFor(deps.settings.siteRecipes, url);
  let prefix = existing && prefixes.includes(existing.pathPrefix) ? existing.pathPrefix : defaultPathPrefix(url);
  let draft: Draft = emptyDraft();
  let phase: PickerPhase = { phase: 'step', step: 'patient' };
  let dateKind: 'examDate' | 'orderDate' = 'examDate';
  let selected: Element | null = null;
  let candidates: Element[] | null = null;
  let index = -1;
  let closed = false;

  const dateOrder = deps.settings.dateOrder;

  const close = () => {
    if (closed) return;
    closed = true;
    life.abort();
    ui.remove();
    deps.onClose();
  };

  const listOfCandidates = () =>
    (candidates ??= candidateElements(doc, { exclude: (el) => ui.isOwnNode(el), visible: deps.visible ?? isShown }));

  /** The pick the selected element would make in the current step (null when it cannot be found again). */
  const candidatePick = (step: RecipeStep): Pick | null => {
    if (!selected) return null;
    const text = valueText(selected);
    const locators = locatorsFor(selected, doc);
    if (locators.length === 0) return null;
    const kind = step === 'date' ? dateKind : kindFor(step, text, labelTextOf(selected, doc), dateOrder);
    return { kind, locators, text };
  };

  const idFor = (pathPrefix: string) => {
    const same = deps.settings.siteRecipes.find((r) => r.origin === url.origin && r.pathPrefix === pathPrefix);
    return same ? same.id : recipeIdFor(url.origin, pathPrefix, new Set(deps.settings.siteRecipes.map((r) => r.id)));
  };

  let overallKey = '';
  let overallText: string | null = null;
  /** "→ 7 y 9 mo at the exam", from the reader run with the draft as the site's recipe (once per draft). */
  const overall = (d: Draft): string | null => {
    const recipe = draftRecipe(d, { id: 'draft', origin: url.origin, pathPrefix: '/' });
    const key = JSON.stringify(recipe);
    if (key !== overallKey) {
      overallKey = key;
      overallText = recipe ? readOverall(recipe) : null;
    }
    return overallText;
  };
  const readOverall = (recipe: SiteRecipe): string | null => {
    const a = analyzePage(doc, url, {
      now: new Date(deps.now()),
      pediatricCutoffYears: deps.settings.pediatricCutoffYears,
      ...(dateOrder ? { dateOrder } : {}),
      siteRecipes: [recipe],
    });
    if (a.ageDays === null) return null;
    const age = ageText(a.ageDetail, a.ageDays, a.ageBasis, deps.locale);
    return age ? `→ ${age}` : null;
  };

  const placement = (rect: Rect | null): 'top' | 'bottom' =>
    rect && rect.top + rect.height / 2 > win.innerHeight / 2 ? 'top' : 'bottom';

  const rectOf = (el: Element | null): Rect | null => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, left: r.left, width: r.width, height: r.height };
  };

  function render(): void {
    if (closed) return;
    const step = phase.phase === 'step' ? phase.step : null;
    const pick = step ? candidatePick(step) : null;
    const withCandidate = step && pick ? { ...draft, picks: { ...draft.picks, [step]: pick } } : draft;
    const picks: PickerPick[] = RECIPE_STEPS.flatMap(({ step: s }) => {
      const p = draft.picks[s];
      return p ? [{ step: s, kind: p.kind, text: p.text, reading: readPick(p.kind, p.text, dateOrder) }] : [];
    });
    const highlight = step ? rectOf(selected) : null;
    const props: PickerProps = {
      state: phase,
      stepNumber: Math.min(draft.step + 1, RECIPE_STEPS.length + 1),
      stepCount: RECIPE_STEPS.length + 1,
      candidate:
        step && selected
          ? pick
            ? { text: pick.text, reading: readPick(pick.kind, pick.text, dateOrder), usable: true }
            : { text: valueText(selected), reading: { kind: 'none', why: 'no-element' }, usable: false }
          : null,
      picks,
      dateKind,
      overall: phase.phase === 'step' || phase.phase === 'summary' ? overall(withCandidate) : null,
      origin: url.origin,
      prefixes,
      prefix,
      placement: placement(highlight),
      onMove: (delta) => {
        const list = listOfCandidates();
        index = moveIndex(list.length, selected ? list.indexOf(selected) : index, delta);
        select(list[index] ?? null, true);
      },
      onUse: () => use(),
      onSkip: () => goTo(skipStep(draft)),
      onBack: () => goTo(backStep(draft)),
      onCancel: close,
      onSave: () => void save(),
      onDateKind: (kind) => {
        dateKind = kind;
        draft = withKind(draft, 'date', kind);
        render();
      },
      onPrefix: (p) => {
        if (prefixes.includes(p)) prefix = p;
        render();
      },
    };
    ui.render(props, highlight);
  }

  function select(el: Element | null, scroll: boolean): void {
    if (el === selected) return;
    selected = el;
    if (el && scroll && typeof (el as HTMLElement).scrollIntoView === 'function') (el as HTMLElement).scrollIntoView({ block: 'nearest', inline: 'nearest' });
    render();
  }

  function goTo(next: Draft): void {
    draft = next;
    const step = stepName(draft);
    phase = step === 'summary' ? { phase: 'summary' } : { phase: 'step', step };
    const kept = step === 'summary' ? undefined : draft.picks[step];
    if (step === 'date') dateKind = kept?.kind === 'orderDate' ? 'orderDate' : 'examDate';
    selected = null;
    index = -1;
    render();
  }

  function use(): void {
    if (phase.phase !== 'step') return;
    const pick = candidatePick(phase.step);
    if (!pick) return;
    goTo({ step: draft.step + 1, picks: { ...draft.picks, [phase.step]: pick } });
  }

  async function save(): Promise<void> {
    const recipe = draftRecipe(draft, { id: idFor(prefix), origin: url.origin, pathPrefix: prefix });
    if (!recipe) return;
    phase = { phase: 'saving' };
    render();
    let result: SaveResult;
    try {
      result = await deps.save(recipe);
    } catch {
      result = { ok: false, reason: 'no-answer' };
    }
    phase = result.ok ? { phase: 'saved' } : { phase: 'failed', reason: result.reason };
    render();
  }

  // ----- the pointer, over the layer that covers the page -----
  const layer = ui.layer();
  const elementAt = (x: number, y: number): Element | null => {
    const stack = typeof doc.elementsFromPoint === 'function' ? doc.elementsFromPoint(x, y) : [];
    const hit = stack.find((el) => !ui.isOwnNode(el) && el !== doc.documentElement && el !== doc.body);
    return hit ? fieldElementOf(hit) : null;
  };
  layer.addEventListener(
    'mousemove',
    (e) => {
      if (!e.isTrusted || phase.phase !== 'step') return;
      select(elementAt(e.clientX, e.clientY), false);
    },
    { signal: life.signal, passive: true },
  );
  layer.addEventListener(
    'click',
    (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (!e.isTrusted || phase.phase !== 'step') return;
      select(elementAt(e.clientX, e.clientY), false);
      use();
    },
    { signal: life.signal },
  );
  let frame = 0;
  const follow = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
  win.addEventListener('scroll', follow, { signal: life.signal, passive: true, capture: true });
  win.addEventListener('resize', follow, { signal: life.signal, passive: true });

  render();
  return { selected: () => selected, draft: () => draft, close };
}
