// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasNavigationApi, watchNavigation, type ChangeReason } from '@/content/page/navigation-watcher';

// Fake timers (and Date): every wait below is exact, so no test depends on how busy the machine is.
// Mutation records still arrive as real microtasks; advanceTimersByTimeAsync lets them run between timers.
const DEBOUNCE = 30;
const MAX_WAIT = 120;
/** Let fake time pass (mutation observers and timers run in order). */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** Long enough for anything pending to be reported (several max waits). */
const settle = () => advance(MAX_WAIT * 5);

let controller: AbortController;
let calls: ChangeReason[];
/** Fake milliseconds since the watcher started, at each report. */
let times: number[];
let t0: number;
let route: HTMLElement;
let outside: HTMLElement;

function start(extra: Partial<Parameters<typeof watchNavigation>[0]> = {}) {
  t0 = Date.now();
  watchNavigation({
    win: window,
    signal: controller.signal,
    container: () => route,
    onChange: (r) => {
      calls.push(r);
      times.push(Date.now() - t0);
    },
    debounceMs: DEBOUNCE,
    maxWaitMs: MAX_WAIT,
    ...extra,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  calls = [];
  times = [];
  document.body.replaceChildren();
  route = document.createElement('main');
  outside = document.createElement('aside');
  document.body.append(route, outside);
  history.replaceState(null, '', '/app/explorer.html');
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  delete (window as { navigation?: unknown }).navigation;
});

describe('watchNavigation', () => {
  it('reports a change before it asks for the container again (the reading finds the profile first)', async () => {
    const log: string[] = [];
    start({ container: () => (log.push('container'), route), onChange: () => log.push('change') });
    expect(log).toEqual(['container']);
    route.append('new content');
    await settle();
    expect(log).toEqual(['container', 'change', 'container']);
  });
  it('reports a hash route change as a navigation, at once', async () => {
    start();
    // The event only: changing the hash in happy-dom (even by replaceState) makes it dispatch one
    // more hashchange later, on a real timer.
    window.dispatchEvent(new HashChangeEvent('hashchange', { newURL: `${location.href}#patient?uuid=1` }));
    await settle();
    expect(calls).toEqual(['navigation']);
    expect(times).toEqual([0]);
  });

  it('reports popstate as a navigation', async () => {
    start();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(calls).toEqual(['navigation']);
  });

  it("listens to the Navigation API's currententrychange where the browser has it", async () => {
    const navigation = new EventTarget();
    (window as { navigation?: unknown }).navigation = navigation;
    expect(hasNavigationApi(window)).toBe(true);
    start();
    navigation.dispatchEvent(new Event('currententrychange'));
    await settle();
    expect(calls).toEqual(['navigation']);
  });

  it('turns a burst of mutations in the route container into one re-render, after the quiet time', async () => {
    start();
    for (let i = 0; i < 20; i++) route.append(document.createElement('li'));
    await advance(DEBOUNCE - 1);
    expect(calls).toEqual([]);
    await settle();
    expect(calls).toEqual(['mutation']);
    expect(times).toEqual([DEBOUNCE]);
  });

  it('each mutation restarts the quiet time, within the max wait', async () => {
    start();
    route.append(document.createElement('li'));
    await advance(20);
    route.append(document.createElement('li')); // at 20: quiet until 50
    await advance(20);
    expect(calls).toEqual([]);
    await settle();
    expect(times).toEqual([20 + DEBOUNCE]);
  });

  it('a navigation during a mutation burst is reported at once, as one navigation', async () => {
    start();
    route.append(document.createElement('li'));
    await advance(10);
    window.dispatchEvent(new PopStateEvent('popstate'));
    route.append(document.createElement('li'));
    await settle();
    expect(calls).toEqual(['navigation']);
    expect(times).toEqual([10]);
  });

  it('treats mutations that come with a new URL as a navigation (pushState without the Navigation API)', async () => {
    start();
    history.pushState(null, '', '/viewer/study-2');
    route.append(document.createElement('section'));
    await settle();
    expect(calls).toEqual(['navigation']);
  });

  it('reacts to the visible route switching by class (jQuery Mobile)', async () => {
    const page = document.createElement('div');
    route.append(page);
    start();
    page.className = 'ui-page ui-page-active';
    await settle();
    expect(calls).toEqual(['mutation']);
  });

  it('notices a sibling route becoming the visible one without a URL change (jQuery Mobile after a direct load)', async () => {
    const lookup = document.createElement('div');
    const study = document.createElement('div');
    lookup.className = 'ui-page ui-page-active';
    study.className = 'ui-page';
    route.append(lookup, study);
    start({ container: () => route.querySelector('.ui-page-active') });
    study.className = 'ui-page ui-page-active';
    lookup.className = 'ui-page';
    await settle();
    expect(calls).toEqual(['mutation']);
    // …and from then on observes the new route.
    calls = [];
    study.append(document.createElement('ul'));
    await settle();
    expect(calls).toEqual(['mutation']);
  });

  it('does not react to deep changes inside a hidden sibling route', async () => {
    const active = document.createElement('div');
    const hidden = document.createElement('div');
    route.append(active, hidden);
    start({ container: () => active });
    hidden.append(document.createElement('p'));
    hidden.firstElementChild!.className = 'x';
    await settle();
    expect(calls).toEqual([]);
  });

  it('ignores mutations outside the route container and in its own nodes', async () => {
    const host = document.createElement('image-gently-panel');
    route.append(host);
    start({ isOwnNode: (n) => n === host });
    outside.append(document.createElement('p'));
    host.setAttribute('data-mode', 'exam');
    await settle();
    expect(calls).toEqual([]);
  });

  it('ignores its own host being added to or removed from the route level (the panel mounting on <html>)', async () => {
    const host = document.createElement('image-gently-panel');
    start({ isOwnNode: (n) => n === host });
    document.documentElement.append(host); // route's parent here is <body>; also try <html>
    route.parentNode!.append(host);
    host.remove();
    await settle();
    expect(calls).toEqual([]);
    // …while the page's own additions there still count.
    route.parentNode!.append(document.createElement('section'));
    await settle();
    expect(calls).toEqual(['mutation']);
  });

  it('does not let a continuous stream of mutations postpone the reaction forever', async () => {
    start();
    // A mutation every 10 ms (faster than the quiet time) for 400 ms.
    for (let t = 0; t < 400; t += 10) {
      route.append(document.createElement('i'));
      await advance(10);
    }
    // One report per max wait while the stream lasts (each report starts a new wait at the next
    // mutation: 0–120, 120–240, 240–360) …
    expect(times).toEqual([MAX_WAIT, 2 * MAX_WAIT, 3 * MAX_WAIT]);
    // … and the last burst (360–390) after its quiet time.
    await settle();
    expect(times).toEqual([MAX_WAIT, 2 * MAX_WAIT, 3 * MAX_WAIT, 390 + DEBOUNCE]);
    expect(new Set(calls)).toEqual(new Set(['mutation']));
  });

  it('a page that mutates in every task cannot push the reaction past the max wait', async () => {
    // The page keeps a 0 ms timer chain going from the moment the max wait is up (a progress
    // display, a render loop): each step mutates before our overdue timer gets its turn. Moving
    // that timer again on each step (as a plain reset does) would starve it for as long as the chain runs.
    const STEPS = 50;
    let steps = 0;
    let stepsAtReport: number | null = null;
    start({
      onChange: () => {
        stepsAtReport ??= steps;
        times.push(Date.now() - t0);
      },
    });
    const step = () => {
      steps++;
      route.append(document.createElement('i'));
      if (steps < STEPS) setTimeout(step, 0);
    };
    setTimeout(step, MAX_WAIT); // due with our timer, queued before it
    for (let t = 0; t < MAX_WAIT; t += 10) {
      route.append(document.createElement('i'));
      await advance(10);
    }
    await settle();
    expect(steps).toBe(STEPS);
    expect(times[0]).toBe(MAX_WAIT);
    // Reported after the page's first step at the deadline, not after its whole chain.
    expect(stepsAtReport).toBe(1);
  });

  it('follows the container when a navigation swaps it', async () => {
    let current: HTMLElement = route;
    start({ container: () => current });
    const next = document.createElement('main');
    document.body.append(next);
    current = next;
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    calls = [];
    next.append(document.createElement('p'));
    await settle();
    expect(calls).toEqual(['mutation']);
  });

  it('reports an iframe load (OpenEMR tabs)', async () => {
    start();
    const frame = document.createElement('iframe');
    route.append(frame);
    await settle();
    calls = [];
    frame.dispatchEvent(new Event('load'));
    await settle();
    expect(calls).toEqual(['frame-load']);
  });

  it('stops everything when aborted', async () => {
    start();
    route.append(document.createElement('p'));
    controller.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(calls).toEqual([]);
  });
});
