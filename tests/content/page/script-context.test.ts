// @vitest-environment happy-dom
/**
 * The content scripts' context, imported as the entrypoints import it (`wxt/utils/content-script-context`,
 * which the build and vitest.config.ts resolve to content/page/script-context.ts): a page script must not be
 * able to end it, nor learn the extension id from it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT 0.21's event name (utils/internal/custom-events.mjs getUniqueEventName), as a page learns it. */
const wxtStartedEvent = () => `${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

const contexts: ContentScriptContext[] = [];
const context = (name = 'content') => {
  const ctx = new ContentScriptContext(name);
  contexts.push(ctx);
  return ctx;
};

const EXTENSION_ID = fakeBrowser.runtime.id;
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  fakeBrowser.runtime.id = EXTENSION_ID;
});

describe('content-script context', () => {
  it("is not ended by a page's CustomEvent carrying WXT's name, nor by any event on document", () => {
    const ctx = context('content');
    const panel = context('panel');
    for (const name of ['content', 'panel']) {
      document.dispatchEvent(new CustomEvent(wxtStartedEvent(), { detail: { contentScriptName: name, messageId: 'page' } }));
    }
    document.dispatchEvent(new CustomEvent('image-gently-companion:script-started', { detail: { contentScriptName: 'content' } }));
    expect(ctx.isValid).toBe(true);
    expect(panel.isValid).toBe(true);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('posts nothing to the page when it starts (WXT posted its event name, which holds the extension id)', () => {
    const posted: unknown[] = [];
    const onMessage = (e: MessageEvent) => posted.push(e.data);
    window.addEventListener('message', onMessage);
    const post = vi.spyOn(window, 'postMessage');
    try {
      context('content');
      expect(post).not.toHaveBeenCalled();
    } finally {
      post.mockRestore();
      window.removeEventListener('message', onMessage);
    }
    expect(posted).toEqual([]);
  });

  it('is ended by a newer copy of the same script in this world, not by a copy of another script', () => {
    const first = context('content');
    const ended = vi.fn();
    first.onInvalidated(ended);
    const panel = context('panel');
    expect(first.isValid).toBe(true);
    const second = context('content');
    expect(first.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(second.isValid).toBe(true);
    expect(panel.isValid).toBe(true);
  });

  it('ends when the extension is gone from under it: when asked, or when another copy starts in the page', () => {
    const asked = context('content');
    const woken = context('panel');
    const ended = vi.fn();
    woken.onInvalidated(ended);
    fakeBrowser.runtime.id = undefined as unknown as string;
    // Another world's copy starting (its event reaches every world sharing the document).
    document.dispatchEvent(new Event('image-gently-companion:script-started'));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(asked.isInvalid).toBe(true);
  });

  it("stops its timers at the end and adds listeners that end with it", async () => {
    const ctx = context('content');
    const fired = vi.fn();
    expect(ctx.isValid).toBe(true);
    ctx.setTimeout(fired, 0);
    const clicks = vi.fn();
    ctx.addEventListener(document, 'click', clicks);
    document.body.click();
    ctx.abort();
    document.body.click();
    await new Promise((r) => setTimeout(r, 5));
    expect(fired).not.toHaveBeenCalled();
    expect(clicks).toHaveBeenCalledTimes(1);
  });
});
