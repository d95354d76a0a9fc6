import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** A page whose load event never comes (a hanging resource) still gets read this long after DOMContentLoaded. */
export const LOAD_WAIT_CAP_MS = 3000;

/**
 * Run `work` once the page has loaded, at the next idle moment (at most 500 ms later).
 *
 * Measured in Chromium: a content script injected at document_end/idle delays a 5,000-row page's
 * load event by about a third; one injected at document_start that works from DOMContentLoaded
 * costs nothing measurable (bench/content-load.bench.ts). Waiting for the load event as well keeps what
 * the first reading sets off — a round trip to the background, the panel script's injection —
 * out of the page's own loading on a busy machine (bench/content-load.bench.ts).
 */
export function afterPageLoad(ctx: ContentScriptContext, work: () => void): void {
  let started = false;
  const idle = () => {
    if (started || ctx.isInvalid) return;
    started = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => ctx.isValid && work(), { timeout: 500 });
    else ctx.setTimeout(work, 0);
  };
  if (document.readyState === 'complete') return idle();
  window.addEventListener('load', idle, { once: true, signal: ctx.signal });
  const cap = () => ctx.setTimeout(idle, LOAD_WAIT_CAP_MS);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', cap, { once: true, signal: ctx.signal });
  else cap();
}

/**
 * Run `work` once the document is parsed and the page's own DOMContentLoaded handlers have run (a task after
 * the event), or at once when that is already so.
 */
export function whenParsed(ctx: ContentScriptContext, work: () => void): void {
  if (document.readyState !== 'loading') return work();
  document.addEventListener('DOMContentLoaded', () => ctx.setTimeout(() => ctx.isValid && work(), 0), { once: true, signal: ctx.signal });
}
