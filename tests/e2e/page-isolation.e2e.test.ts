/**
 * The page must not read or steer the panel — the shipping build's scripts (productionOnLoopback: the
 * chrome-mv3 build, its manifest granting loopback as a user's per-site grant would) on an order page whose own
 * scripts try:
 * - to read it: no open shadow root anywhere, no attribute on our host, no `data-*` attribute in the document;
 *   nothing posted to the page by our scripts (WXT 0.21 posted an event name holding the extension id);
 * - to switch it off: the `CustomEvent` WXT 0.21's content-script context ended itself on, for both scripts,
 *   with the real extension id — the panel stays and keeps answering the extension;
 * - to act for the user: a click on Snooze made by a script in the page's world — the panel stays and no setting
 *   changes; the user's own click still snoozes.
 * The closed shadow root is reached through the DevTools protocol (the test's privilege, not the page's).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  describeE2E,
  launchChromium,
  productionOnLoopback,
  serveStatic,
  type ChromiumSession,
  type StaticServer,
} from './harness';

/** The extension API in the popup page (the functions passed to `popup.evaluate` run there). */
declare const chrome: typeof import('wxt/browser').browser;

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>New imaging order</title>
<script>
  // The page's own script, as an analytics or session-replay script would be: it records what it can see.
  window.seen = { messages: [], removedHosts: 0 };
  addEventListener('message', (e) => window.seen.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) if (n.nodeName === 'IMAGE-GENTLY-PANEL') window.seen.removedHosts++;
  }).observe(document.documentElement, { childList: true });
</script></head>
<body>
<main>
  <section class="banner">
    <dl class="patient">
      <dt>Patient</dt><dd>Demo, Child</dd>
      <dt>DOB</dt><dd>2019-05-30</dd>
      <dt>Sex</dt><dd>M</dd>
    </dl>
  </section>
  <form id="order">
    <label for="proc">Procedure</label>
    <select id="proc" name="proc"><option value="CTAPW" selected>CT ABDOMEN PELVIS W CONTRAST</option></select>
    <label>Order date <input type="date" name="odate" value="2026-11-20"></label>
    <button type="submit">Sign order</button>
  </form>
</main>
</body></html>`;

const SNOOZE = 'Snooze on this site for 8 hours';

interface Seen {
  messages: string[];
  removedHosts: number;
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: Seen }).seen);
const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('image-gently-panel').length);

type DomNode = { nodeId: number; nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };

/** A node of the panel (inside its closed shadow root) through the DevTools protocol. */
async function panelNode(cdp: CDPSession, match: (n: DomNode, text: string) => boolean): Promise<number | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const text = (n: DomNode): string => (n.nodeValue ?? '') + [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(text).join('');
  const find = (n: DomNode): number | null => {
    if (match(n, text(n).trim())) return n.nodeId;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(c);
      if (hit !== null) return hit;
    }
    return null;
  };
  return find(root);
}
const button = (cdp: CDPSession, label: string) => panelNode(cdp, (n, text) => n.nodeName === 'BUTTON' && text === label);

describeE2E('the page cannot read or steer the panel (shipping build, Chromium)', ['chromium'], () => {
  let session: ChromiumSession;
  let site: StaticServer;
  let extension: { path: string; remove(): void };

  beforeAll(async () => {
    extension = productionOnLoopback();
    site = await serveStatic({ routes: { '/orders/new': PAGE } });
    session = await launchChromium({ extensionPath: extension.path });
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
    extension?.remove();
  });

  it('reads nothing of it, cannot end it, and its scripted click on Snooze does nothing', async () => {
    const popup = await session.openPopup();
    // The background registers content.js for the granted hosts after install (reconcile).
    await expect.poll(() => popup.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length), { timeout: 20_000 }).toBeGreaterThan(0);
    const storage = () => popup.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    await popup.evaluate(() => {
      (window as unknown as { changes: string[] }).changes = [];
      chrome.storage.onChanged.addListener((c, area) => {
        if (area === 'local') (window as unknown as { changes: string[] }).changes.push(...Object.keys(c));
      });
    });

    const page = await session.newPage();
    await page.goto(site.url('/orders/new'));
    await page.waitForFunction(() => document.querySelector('image-gently-panel'), null, { timeout: 30_000 });
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    // The panel is there, and rendered inside its (closed) root.
    await expect.poll(() => panelNode(cdp, (n) => n.nodeName === 'BUTTON' && /igp-pill/.test(JSON.stringify(n))), { timeout: 30_000 }).not.toBeNull();
    const before = await storage();

    // (c) What a page script can read.
    const exposed = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const host = document.querySelector('image-gently-panel')!;
      return {
        openRoots: all.filter((e) => e.shadowRoot !== null).map((e) => e.nodeName),
        hostAttributes: host.getAttributeNames(),
        dataAttributes: all.flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('data-')).map((a) => `${e.nodeName}[${a}]`)),
      };
    });
    expect(exposed).toEqual({ openRoots: [], hostAttributes: [], dataAttributes: [] });
    expect.soft((await seen(page)).messages.filter((m) => m.includes(session.extensionId))).toEqual([]);

    // (a) WXT 0.21's invalidation event, with the real id (a page learnt it from WXT's postMessage), for both scripts.
    await page.evaluate((id) => {
      for (const name of ['content', 'panel']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'page' } }),
        );
      }
      document.dispatchEvent(new CustomEvent('image-gently-companion:script-started'));
    }, session.extensionId);
    expect(await hostCount(page)).toBe(1);
    // Still alive: the focus-panel command (the extension asking the tab) expands and focuses the card.
    await popup.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'focus-panel' });
    }, page.url());
    await page.waitForFunction(() => document.activeElement?.nodeName === 'IMAGE-GENTLY-PANEL', null, { timeout: 30_000 });

    // (b) A click on Snooze made by a script in the page's world (handed the button it could not reach itself).
    const snooze = await button(cdp, SNOOZE);
    expect(snooze).not.toBeNull();
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: snooze! })) as { object: { objectId: string } };
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
    expect(await hostCount(page)).toBe(1);
    expect((await seen(page)).removedHosts).toBe(0);

    // The user's own click snoozes: the one write of the whole test.
    const box = (await cdp.send('DOM.getBoxModel', { nodeId: (await button(cdp, SNOOZE))! })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = box.model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
    await page.waitForFunction(() => !document.querySelector('image-gently-panel'), null, { timeout: 30_000 });
    await popup.waitForFunction(() => (window as unknown as { changes: string[] }).changes.includes('settings.snoozeBySite'), null, { timeout: 30_000 });
    const after = JSON.parse(await storage()) as Record<string, unknown>;
    expect(Object.keys(after['settings.snoozeBySite'] as object)).toEqual([site.origin]);
    expect((await popup.evaluate(() => (window as unknown as { changes: string[] }).changes)).filter((k) => k === 'settings.snoozeBySite')).toEqual([
      'settings.snoozeBySite',
    ]);
    // Nothing else of the user's settings changed (the install secret may have been created meanwhile).
    const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'settings.snoozeBySite' && k !== 'settings.dismissalSecret'));
    expect(strip(after)).toEqual(strip(JSON.parse(before) as Record<string, unknown>));
    expect((await seen(page)).messages.filter((m) => m.includes(session.extensionId))).toEqual([]);
    await page.close();
    await popup.close();
  });
});
