/**
 * The content scripts' lifetime: WXT's `ContentScriptContext` API, made so that only the extension can end it.
 * wxt.config.ts builds every entrypoint with this module in place of `wxt/utils/content-script-context` (and the
 * unit tests resolve it the same way: vitest.config.ts), so WXT's entrypoint wrapper constructs this class.
 *
 * WXT 0.21's own context announces each start to the page — `window.postMessage` of an event name that holds the
 * extension id — and ends itself on any `CustomEvent` of that name dispatched on `document`: any page script
 * could switch the panel off, and learned the extension id. This one ends only when
 * - the extension is gone from under it (updated, reloaded, disabled: `browser.runtime.id` is undefined), checked
 *   whenever it is asked (`isValid`) and whenever another copy of a script starts in the page;
 * - a newer copy of the same script starts in the same isolated world (injected again): the newer one ends the
 *   older through a global of that world, which page scripts cannot see or set.
 * A start is also announced to the other worlds of the page (an orphan of an update lives in the old extension's
 * world) with a document event that carries nothing; receiving it only makes a script check its own runtime, so
 * a page that dispatches it ends nothing that is alive. Nothing is posted to the page.
 *
 * Not supported: WXT's `wxt:locationchange` pseudo-event (`addEventListener` adds plain listeners; the page
 * watchers follow navigation themselves, navigation-watcher.ts).
 */
import { browser } from 'wxt/browser';

/** Dispatched on `document` at every start; carries nothing, and only wakes orphaned copies up. */
export const SCRIPT_STARTED_EVENT = 'image-gently-companion:script-started';

const endKey = (name: string) => Symbol.for(`image-gently-companion.context-end:${name}`);
type Registry = Record<symbol, (() => void) | undefined>;

export class ContentScriptContext implements AbortController {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: Record<string, unknown>,
  ) {
    const registry = globalThis as unknown as Registry;
    const key = endKey(contentScriptName);
    // An older copy of this script in this world ends here, before this one's main() runs.
    registry[key]?.();
    const end = () => this.notifyInvalidated();
    registry[key] = end;
    this.onInvalidated(() => {
      if (registry[key] === end) delete registry[key];
    });

    const doc = globalThis.document;
    if (!doc) return;
    const wake = () => void this.isInvalid;
    doc.addEventListener(SCRIPT_STARTED_EVENT, wake, { signal: this.signal });
    doc.dispatchEvent(new Event(SCRIPT_STARTED_EVENT));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** True once ended; ends it first when the extension is gone from under it. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionGone()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` when the context ends. Returns the function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles, for async code that must not go on after the end. */
  block<T>(): Promise<T> {
    return new Promise<T>(() => undefined);
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    const opts = typeof options === 'boolean' ? { capture: options } : options;
    target.addEventListener?.(type, handler, { ...opts, signal: this.signal });
  }

  /** Ends the context: aborts `signal` and runs every `onInvalidated` callback. */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}

function extensionGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}
