import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Run `work` once the DOM is parsed, at the next idle moment (at most 500 ms later). Measured in
 * Chromium: a content script injected at document_end/idle delays a 5,000-row page's load event
 * by about a third; one injected at document_start that works from DOMContentLoaded costs nothing
 * measurable (shared/performance.md; bench/content-load.bench.ts).
 */
export function afterDomContentLoaded(ctx: ContentScriptContext, work: () => void): void {
  const idle = () => {
    if (ctx.isInvalid) return;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => ctx.isValid && work(), { timeout: 500 });
    else ctx.setTimeout(work, 0);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', idle, { once: true, signal: ctx.signal });
  } else {
    idle();
  }
}
