// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasNavigationApi, watchNavigation, type ChangeReason } from '@/content/runtime/navigation-watcher';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait until something was reported (or 2 s), then a little longer to catch extra reports. */
async function reported() {
  const end = Date.now() + 2000;
  while (calls.length === 0 && Date.now() < end) await sleep(5);
  await sleep(20);
}

let controller: AbortController;
let calls: ChangeReason[];
let route: HTMLElement;
let outside: HTMLElement;

function start(extra: Partial<Parameters<typeof watchNavigation>[0]> = {}) {
  watchNavigation({
    win: window,
    signal: controller.signal,
    container: () => route,
    onChange: (r) => calls.push(r),
    debounceMs: 30,
    maxWaitMs: 120,
    ...extra,
  });
}

beforeEach(() => {
  controller = new AbortController();
  calls = [];
  document.body.replaceChildren();
  route = document.createElement('main');
  outside = document.createElement('aside');
  document.body.append(route, outside);
  history.replaceState(null, '', '/app/explorer.html');
});
afterEach(() => {
  controller.abort();
  delete (window as { navigation?: unknown }).navigation;
});

describe('watchNavigation', () => {
  it('reports a hash route change as a navigation', async () => {
    start();
    location.hash = '#patient?uuid=1';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await reported();
    expect(calls).toEqual(['navigation']);
  });

  it('reports popstate as a navigation', async () => {
    start();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await reported();
    expect(calls).toEqual(['navigation']);
  });

  it("listens to the Navigation API's currententrychange where the browser has it", async () => {
    const navigation = new EventTarget();
    (window as { navigation?: unknown }).navigation = navigation;
    expect(hasNavigationApi(window)).toBe(true);
    start();
    navigation.dispatchEvent(new Event('currententrychange'));
    await reported();
    expect(calls).toEqual(['navigation']);
  });

  it('turns a burst of mutations in the route container into one re-render', async () => {
    start();
    for (let i = 0; i < 20; i++) route.append(document.createElement('li'));
    await sleep(5);
    expect(calls).toEqual([]);
    await reported();
    expect(calls).toEqual(['mutation']);
  });

  it('treats mutations that come with a new URL as a navigation (pushState without the Navigation API)', async () => {
    start();
    history.pushState(null, '', '/viewer/study-2');
    route.append(document.createElement('section'));
    await reported();
    expect(calls).toEqual(['navigation']);
  });

  it('reacts to the visible route switching by class (jQuery Mobile)', async () => {
    const page = document.createElement('div');
    route.append(page);
    start();
    page.className = 'ui-page ui-page-active';
    await reported();
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
    await reported();
    expect(calls).toEqual(['mutation']);
    // …and from then on observes the new route.
    calls = [];
    study.append(document.createElement('ul'));
    await reported();
    expect(calls).toEqual(['mutation']);
  });

  it('does not react to deep changes inside a hidden sibling route', async () => {
    const active = document.createElement('div');
    const hidden = document.createElement('div');
    route.append(active, hidden);
    start({ container: () => active });
    hidden.append(document.createElement('p'));
    hidden.firstElementChild!.className = 'x';
    await sleep(80);
    expect(calls).toEqual([]);
  });

  it('ignores mutations outside the route container and in its own nodes', async () => {
    const host = document.createElement('image-gently-panel');
    route.append(host);
    start({ isOwnNode: (n) => n === host });
    outside.append(document.createElement('p'));
    host.setAttribute('data-mode', 'exam');
    await sleep(60);
    expect(calls).toEqual([]);
  });

  it('ignores its own host being added to or removed from the route level (the panel mounting on <html>)', async () => {
    const host = document.createElement('image-gently-panel');
    start({ isOwnNode: (n) => n === host });
    document.documentElement.append(host); // route's parent here is <body>; also try <html>
    route.parentNode!.append(host);
    host.remove();
    await sleep(80);
    expect(calls).toEqual([]);
    // …while the page's own additions there still count.
    route.parentNode!.append(document.createElement('section'));
    await reported();
    expect(calls).toEqual(['mutation']);
  });

  it('does not let a continuous stream of mutations postpone the reaction forever', async () => {
    start();
    const until = Date.now() + 400;
    while (Date.now() < until) {
      route.append(document.createElement('i'));
      await sleep(10);
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });

  it('follows the container when a navigation swaps it', async () => {
    let current: HTMLElement = route;
    start({ container: () => current });
    const next = document.createElement('main');
    document.body.append(next);
    current = next;
    window.dispatchEvent(new PopStateEvent('popstate'));
    await reported();
    calls = [];
    next.append(document.createElement('p'));
    await reported();
    expect(calls).toEqual(['mutation']);
  });

  it('reports an iframe load (OpenEMR tabs)', async () => {
    start();
    const frame = document.createElement('iframe');
    route.append(frame);
    await sleep(60);
    calls = [];
    frame.dispatchEvent(new Event('load'));
    await reported();
    expect(calls).toEqual(['frame-load']);
  });

  it('stops everything when aborted', async () => {
    start();
    route.append(document.createElement('p'));
    controller.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await sleep(60);
    expect(calls).toEqual([]);
  });
});
