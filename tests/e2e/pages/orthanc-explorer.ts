/**
 * Page object: Orthanc Explorer (jQuery Mobile, hash routes). Works with Playwright and puppeteer
 * pages (only `goto` and `evaluate` are used).
 */
export interface EvalPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export type Route = 'patient' | 'study' | 'series';

/** Wait until Explorer shows `route` with its info cards rendered. */
export async function waitForRoute(page: EvalPage, route: Route, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await page
      .evaluate((id: string) => document.querySelector('.ui-page-active')?.id === id && !!document.querySelector(`#${id}-info li h3`), route)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Orthanc Explorer did not show #${route}`);
}

/** Explorer's own navigation: change the hash (no reload) and wait for the route. */
export async function hashNavigate(page: EvalPage, route: Route, uuid: string): Promise<void> {
  await page.evaluate((h: string) => {
    location.hash = h;
  }, `#${route}?uuid=${uuid}`);
  await waitForRoute(page, route);
}
