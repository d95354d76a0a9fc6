/**
 * Tells the content script when the page may be showing something else: an SPA route change or
 * the route's content being (re)rendered. It listens, it never patches the page's own scripts
 * (no wrapping of history.pushState):
 *
 * - the Navigation API's `currententrychange` where the browser has it (same-document
 *   navigations, including the page's own pushState/replaceState);
 * - `hashchange` and `popstate` (Orthanc Explorer's hash routes; browsers without the API);
 * - a MutationObserver on the profile's route container, debounced with a max wait (a continuous
 *   stream of mutations is reported at least every `maxWaitMs`), with a URL check: a mutation
 *   burst that comes with a new URL counts as a navigation (the fallback for pushState where the
 *   Navigation API is missing), otherwise as a re-render of the same route (Orthanc Explorer
 *   fills its page after its REST call returns);
 * - a second, shallow observer on the route level (the container's parent): routes added or
 *   removed there, or a sibling route switched visible by class (jQuery Mobile moves
 *   `ui-page-active` from `#lookup` to `#study` after a direct load, without a URL change);
 * - `load` of same-origin iframes (OpenEMR opens each tab in an iframe).
 *
 * Everything stops when `signal` aborts.
 */

export type ChangeReason = 'navigation' | 'mutation' | 'frame-load';

export interface NavigationWatchOptions {
  win: Window;
  signal: AbortSignal;
  /** The element whose subtree matters (the profile's route container); asked again after each change. */
  container(): Node | null;
  /** Mutations of these nodes are ours (the panel host) and are ignored. */
  isOwnNode?(node: Node): boolean;
  onChange(reason: ChangeReason): void;
  /** Quiet time after the last mutation before reacting (ms). */
  debounceMs?: number;
  /** Longest a continuous mutation burst can postpone a reaction (ms). */
  maxWaitMs?: number;
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/** Attributes whose change can switch the visible route (jQuery Mobile's `ui-page-active`, hidden panels). */
const ROUTE_ATTRIBUTES = ['class', 'hidden', 'style', 'aria-hidden'];

const PRIORITY: Record<ChangeReason, number> = { mutation: 0, 'frame-load': 1, navigation: 2 };

export function hasNavigationApi(win: Window): boolean {
  return typeof (win as Window & { navigation?: NavigationLike }).navigation?.addEventListener === 'function';
}

export function watchNavigation(options: NavigationWatchOptions): void {
  const { win, signal } = options;
  if (signal.aborted) return;
  const debounceMs = options.debounceMs ?? 80;
  const maxWaitMs = options.maxWaitMs ?? 400;
  const doc = win.document;

  let lastUrl = win.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer is due (Date.now() time). */
  let dueAt = 0;
  let pendingReason: ChangeReason | null = null;
  /** The latest time the pending reaction may run: its first change + maxWaitMs, or a navigation's time. */
  let deadline = 0;
  let observed: Node | null = null;
  let observedParent: Node | null = null;

  const fire = () => {
    timer = undefined;
    const reason = pendingReason ?? 'mutation';
    pendingReason = null;
    if (signal.aborted) return;
    lastUrl = win.location.href;
    // The change is read first (synchronously, once the settings are loaded), then the container asked for: the
    // reading has found the page's profile by then, so the container costs no reading of its own.
    options.onChange(reason);
    observe();
  };

  /**
   * Debounce with a max wait. Each change may restart the quiet time, but never past the deadline
   * (the burst's first change + maxWaitMs; at once after a navigation). A timer already due at
   * the deadline is left where it is.
   * NOTE: re-creating it instead (clear + setTimeout(0) once the deadline had passed) let a change
   * that ran first (a page mutating in every task, or any timer that was due with ours after the
   * event loop stalled) move it behind the page's next task, again and again: a continuous
   * stream could postpone the reaction indefinitely, and mutations following a navigation held
   * the navigation back until they were quiet.
   */
  const schedule = (reason: ChangeReason, delay: number) => {
    if (signal.aborted) return;
    const now = Date.now();
    if (pendingReason === null) {
      pendingReason = reason;
      deadline = now + maxWaitMs;
    } else if (PRIORITY[reason] > PRIORITY[pendingReason]) {
      pendingReason = reason;
    }
    if (reason === 'navigation') deadline = Math.min(deadline, now);
    const at = Math.min(now + delay, deadline);
    if (timer !== undefined && at === dueAt) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(fire, Math.max(0, at - now));
  };

  const onNavigation = () => schedule('navigation', 0);

  const react = () => {
    if (win.location.href !== lastUrl) schedule('navigation', 0);
    else schedule('mutation', debounceMs);
  };

  /** Our own host changing, or being added or removed: not the page's doing. */
  const isOwnRecord = (r: MutationRecord): boolean => {
    const isOwn = options.isOwnNode;
    if (!isOwn) return false;
    if (isOwn(r.target)) return true;
    if (r.type !== 'childList') return false;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    return nodes.length > 0 && nodes.every((n) => isOwn(n));
  };

  const observer = new MutationObserver((records) => {
    if (records.every(isOwnRecord)) return;
    react();
  });

  // Route level: only the parent's own children matter (deeper changes are the container's, or
  // belong to other, hidden routes).
  const routeLevel = new MutationObserver((records) => {
    for (const r of records) {
      if (isOwnRecord(r)) continue;
      if (r.type === 'childList' ? r.target === observedParent : r.target.parentNode === observedParent) return react();
    }
  });

  const observe = () => {
    const container = options.container();
    const target = container ?? doc.body ?? doc.documentElement;
    if (target === observed) return;
    observer.disconnect();
    routeLevel.disconnect();
    observed = target;
    observedParent = null;
    if (!target) return;
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ROUTE_ATTRIBUTES,
    });
    const parent = container?.parentNode;
    if (parent) {
      observedParent = parent;
      routeLevel.observe(parent, { childList: true, subtree: true, attributes: true, attributeFilter: ROUTE_ATTRIBUTES });
    }
  };

  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (hasNavigationApi(win) && navigation) {
    navigation.addEventListener('currententrychange', onNavigation, { signal });
  }
  win.addEventListener('hashchange', onNavigation, { signal });
  win.addEventListener('popstate', onNavigation, { signal });
  // iframe load events do not bubble, but they can be captured on the parent document.
  doc.addEventListener(
    'load',
    (e) => {
      if ((e.target as Element | null)?.tagName === 'IFRAME') schedule('frame-load', debounceMs);
    },
    { capture: true, signal },
  );

  observe();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      routeLevel.disconnect();
      clearTimeout(timer);
      timer = undefined;
    },
    { once: true },
  );
}
