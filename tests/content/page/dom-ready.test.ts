// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { whenParsed } from '@/content/page/dom-ready';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parts of WXT's context whenParsed uses. */
function fakeCtx(): ContentScriptContext & { abort(): void } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    get isValid() {
      return !controller.signal.aborted;
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    abort: () => controller.abort(),
  } as unknown as ContentScriptContext & { abort(): void };
}

let readyState: DocumentReadyState = 'complete';
Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
afterEach(() => {
  readyState = 'complete';
});

describe('whenParsed (panel.js injected while the page loads)', () => {
  it('runs at once on a parsed document', () => {
    let ran = 0;
    whenParsed(fakeCtx(), () => ran++);
    expect(ran).toBe(1);
  });

  it('waits for DOMContentLoaded, then for the page’s own handlers of it', async () => {
    readyState = 'loading';
    const order: string[] = [];
    whenParsed(fakeCtx(), () => order.push('panel'));
    document.addEventListener('DOMContentLoaded', () => order.push('page'), { once: true });
    await sleep(5);
    expect(order).toEqual([]);
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(order).toEqual(['page']);
    await sleep(5);
    expect(order).toEqual(['page', 'panel']);
  });

  it('runs nothing once the content script is invalidated', async () => {
    readyState = 'loading';
    const ctx = fakeCtx();
    let ran = 0;
    whenParsed(ctx, () => ran++);
    ctx.abort();
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await sleep(5);
    expect(ran).toBe(0);
  });
});
