/**
 * Panel updated ≤ 150 ms after an SPA route change, Chromium, e2e build.
 *
 * A small single-page order-entry app on loopback (read by the generic profile) switches between
 * two children and an adult with history.pushState and a synchronous re-render. The page itself
 * notes when its route changed and when `<image-gently-panel>` showed the new child's age (or went
 * away for the adult); the delay is the bench's figure. ≥ 15 changes of each kind, median and IQR.
 * Ages are worked out by hand: born 2020-08-15, ordered 2026-11-20 → 2288 days; born 2022-11-01 →
 * 1480 days.
 */
import { launchChromium } from '../tests/e2e/harness';
import { median, summary, verdict, serveHtml } from './support';

const RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 15));
const ROUTES = {
  '/orders/child-a': { dob: '2020-08-15', ageDays: '2288' },
  '/orders/child-b': { dob: '2022-11-01', ageDays: '1480' },
  '/orders/adult': { dob: '1980-03-02', ageDays: null },
} as const;
type RoutePath = keyof typeof ROUTES;

const app = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orders</title></head><body>
<main id="app"></main>
<script>
const ROUTES = ${JSON.stringify(ROUTES)};
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
function render(path) {
  const r = ROUTES[path];
  const option = el('option', {}, 'CT ABDOMEN PELVIS W CONTRAST');
  option.selected = true;
  document.getElementById('app').replaceChildren(
    el('section', { class: 'banner' }, el('dl', { class: 'patient' }, el('dt', {}, 'Patient'), el('dd', {}, 'Demo, Patient'), el('dt', {}, 'DOB'), el('dd', {}, r.dob))),
    el('form', { id: 'order' }, el('label', { for: 'proc' }, 'Procedure'), el('select', { id: 'proc' }, option),
      el('label', {}, 'Order date ', el('input', { type: 'date', name: 'odate', value: '2026-11-20' }))),
  );
}
window.__go = (path) => {
  const expected = ROUTES[path].ageDays;
  return new Promise((resolve) => {
    const host = () => document.querySelector('image-gently-panel');
    const done = () => (expected === null ? !host() : host()?.getAttribute('data-age-days') === expected);
    history.pushState(null, '', path);
    render(path);
    const t0 = performance.now();
    if (done()) return resolve(0);
    const mo = new MutationObserver(() => {
      if (done()) { mo.disconnect(); resolve(performance.now() - t0); }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-age-days'] });
    setTimeout(() => { mo.disconnect(); resolve(-1); }, 5000);
  });
};
render(location.pathname in ROUTES ? location.pathname : '/orders/child-a');
</script></body></html>`;

const server = await serveHtml(app);
const origin = server.origin;

const session = await launchChromium({ build: 'chrome-mv3-e2e' });
const delays: Record<'child → child' | 'child → adult' | 'adult → child', number[]> = {
  'child → child': [],
  'child → adult': [],
  'adult → child': [],
};
let timeouts = 0;
try {
  const page = await session.newPage();
  await page.goto(`${origin}/orders/child-a`);
  await page.waitForFunction(() => document.querySelector('image-gently-panel')?.getAttribute('data-age-days') === '2288', null, { timeout: 30_000 });
  const go = async (path: RoutePath) => page.evaluate((p) => (window as unknown as { __go(p: string): Promise<number> }).__go(p), path);
  // warm-up
  await go('/orders/child-b');
  await go('/orders/child-a');
  for (let i = 0; i < RUNS; i++) {
    for (const [path, kind] of [
      ['/orders/child-b', 'child → child'],
      ['/orders/adult', 'child → adult'],
      ['/orders/child-a', 'adult → child'],
    ] as const) {
      const ms = await go(path);
      if (ms < 0) timeouts++;
      else delays[kind].push(ms);
      await page.waitForTimeout(150);
    }
  }
} finally {
  await session.close();
  server.close();
}

console.log(`SPA route changes in Chromium (pushState + re-render), ${RUNS} of each kind:`);
let ok = verdict('updates that never came (5 s)', timeouts === 0, `${timeouts}`);
for (const [kind, values] of Object.entries(delays)) {
  ok = verdict(`panel updated after ${kind}`, values.length > 0 && median(values) <= 150, `${summary(values)} ms ≤ 150 ms`) && ok;
}
process.exit(ok ? 0 : 1);
