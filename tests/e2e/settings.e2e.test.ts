/**
 * Settings end to end in Chromium: the options page keeps what the user sets across a page reload
 * and a new tab; an enterprise policy (a JSON file in /etc/chromium/policies/managed/)
 * reaches the extension through storage.managed and the options page shows it as managed.
 *
 * The policy test writes a system file, so it needs root; without root it is SKIPPED, loudly,
 * with the reason in the skip log. The file has a unique name and is removed in `finally`; it names a
 * copy of the e2e build with an id of its own, so no other browser on the machine gets the policy
 * (harness/policy.ts). The e2e build has a manifest `key` (tests/e2e/e2e-manifest-key.txt), so its id is stable.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeE2E, launchChromium, recordSkip, serveStatic, type ChromiumSession } from './harness';
import { canWriteChromiumPolicy, CHROMIUM_POLICY_DIR, E2E_EXTENSION_ID, ownIdBuild, writeChromiumPolicy } from './harness/policy';

const SUITE = 'settings (Chromium)';

/** The extension API inside the browser (page.evaluate / worker.evaluate callbacks run there). */
declare const chrome: {
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
    managed: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

/** An order-entry screen (generic profile) for a CT of a patient 20.5 years old at the order: a child only under a cutoff of 21. */
const ORDER_20_YEARS = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>New imaging order</title></head><body><main>
<dl class="patient"><dt>Patient</dt><dd>Demo, Young adult</dd><dt>DOB</dt><dd>2006-05-30</dd><dt>Sex</dt><dd>F</dd></dl>
<form><label for="proc">Procedure</label><select id="proc"><option value="CTH" selected>CT HEAD W/O CONTRAST</option></select>
<label>Order date <input type="date" name="odate" value="2026-11-20"></label></form></main></body></html>`;


interface HeldManaged {
  __managed: { asked: boolean; answered: boolean; answer(raw: Record<string, unknown>): void };
}

/**
 * Page init script: `chrome.storage.managed.get` answers only when the test calls `__managed.answer(policy)`, and
 * `chrome.storage.session` has no cached policy for the page (settings/policy-cache.ts). Callback or promise.
 */
const HOLD_MANAGED = `(() => {
  let answer;
  const answered = new Promise((resolve) => (answer = resolve));
  const state = (window.__managed = { asked: false, answered: false, answer: (raw) => { state.answered = true; answer(raw); } });
  const replace = (area, impl) => {
    Object.defineProperty(area, 'get', {
      configurable: true,
      writable: true,
      value: (...args) => {
        const callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        const result = impl(...args);
        if (!callback) return result;
        result.then(callback);
      },
    });
  };
  const realSession = chrome.storage.session.get.bind(chrome.storage.session);
  replace(chrome.storage.managed, () => ((state.asked = true), answered));
  replace(chrome.storage.session, (keys) => (keys === 'policyCache' ? Promise.resolve({}) : realSession(keys)));
})();`;

async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${session.extensionOrigin}/options.html`);
  await page.locator('#igo-cutoff').waitFor();
  return page;
}

/** Wait until storage.local holds `value` under the setting's key (the save went through). */
async function savedAs(page: Page, key: string, value: unknown) {
  await expect.poll(() => page.evaluate(async (k) => (await chrome.storage.local.get(null))[`settings.${k}`], key), { timeout: 30_000 }).toEqual(value);
}

describeE2E(SUITE, ['chromium'], () => {
  describe('options are kept', () => {
    let session: ChromiumSession | undefined;
    beforeAll(async () => {
      session = await launchChromium({ build: 'chrome-mv3-e2e' });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('the e2e build has the stable id of the committed test key', () => {
      expect(session!.extensionId).toBe(E2E_EXTENSION_ID);
    });

    it('across a page reload and a new tab, and the background sees them', async () => {
      let page = await openOptions(session!);
      expect(await page.locator('#igo-cutoff').inputValue()).toBe('18');

      await page.locator('#igo-cutoff').fill('16');
      await page.locator('#igo-cutoff').blur();
      await savedAs(page, 'pediatricCutoffYears', 16);
      expect(await page.locator('[role="status"]').innerText()).toBe('Saved.');
      await page.locator('input[value="dental"]').uncheck();
      await savedAs(page, 'disabledCampaigns', ['dental']);
      await page.locator('#igo-refresh').selectOption('24');
      await savedAs(page, 'refreshIntervalHours', 24);
      await page.locator('input[name="imagegently"]').uncheck();
      await savedAs(page, 'statementSources', { imagegently: false, extraUrls: [] });

      const check = async (p: Page) => {
        expect(await p.locator('#igo-cutoff').inputValue()).toBe('16');
        expect(await p.locator('input[value="dental"]').isChecked()).toBe(false);
        expect(await p.locator('input[value="ct"]').isChecked()).toBe(true);
        expect(await p.locator('#igo-refresh').inputValue()).toBe('24');
        expect(await p.locator('input[name="imagegently"]').isChecked()).toBe(false);
      };
      await page.reload();
      await page.locator('#igo-cutoff').waitFor();
      await check(page);
      // A new options tab after the old one is closed.
      await page.close();
      page = await openOptions(session!);
      await check(page);
      // The stored values are the validated shapes, under one key per setting.
      const stored = await page.evaluate(() => chrome.storage.local.get(null));
      expect(stored['settings.pediatricCutoffYears']).toBe(16);
      expect(stored['settings.disabledCampaigns']).toEqual(['dental']);
      expect(stored['settings.refreshIntervalHours']).toBe(24);
      // The background reads the same values.
      const fromWorker = await session!.serviceWorker!.evaluate(() => chrome.storage.local.get(null));
      expect(fromWorker['settings.pediatricCutoffYears']).toBe(16);
    });

    it("shows the user's settings before storage.managed answers, and the policy once it does", async () => {
      // storage.managed's first read in a browser that has just started takes seconds (3.4 s measured). Here the
      // options page's read is held until the test lets it go, and the background's cached reading is hidden from
      // the page, so the page can only show what it has before the policy: no timing is involved.
      const page = await session!.newPage();
      await page.addInitScript(HOLD_MANAGED);
      await page.goto(`${session!.extensionOrigin}/options.html`);
      await page.evaluate(() => chrome.storage.local.set({ 'settings.pediatricCutoffYears': 15 }));
      await page.reload();
      await page.locator('#igo-cutoff').waitFor();
      expect(await page.locator('#igo-cutoff').inputValue()).toBe('15');
      expect(await page.locator('#igo-cutoff').isDisabled()).toBe(false);
      await page.getByText('Checking whether your organisation manages any of these settings').waitFor();
      expect(await page.evaluate(() => (window as unknown as HeldManaged).__managed)).toMatchObject({ asked: true, answered: false });

      await page.evaluate(() => (window as unknown as HeldManaged).__managed.answer({ pediatricCutoffYears: 21 }));
      await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#igo-cutoff')?.disabled ?? false) === true);
      expect(await page.locator('#igo-cutoff').inputValue()).toBe('21');
      await page.getByText('Some settings are managed by your organisation').waitFor();
      expect(await page.getByText('Checking whether').count()).toBe(0);
      await page.evaluate(() => chrome.storage.local.remove('settings.pediatricCutoffYears'));
      await page.close();
    });

    it('refuses an out-of-range cutoff and keeps the saved one', async () => {
      const page = await openOptions(session!);
      // Its own saved value: the tests before it may have left another (or none).
      await page.locator('#igo-cutoff').fill('16');
      await page.locator('#igo-cutoff').blur();
      await savedAs(page, 'pediatricCutoffYears', 16);
      await page.locator('#igo-cutoff').fill('40');
      await page.locator('#igo-cutoff').blur();
      await page.locator('#igo-cutoff-help', { hasText: 'Enter a whole number from 1 to 21.' }).waitFor();
      await page.reload();
      await page.locator('#igo-cutoff').waitFor();
      expect(await page.locator('#igo-cutoff').inputValue()).toBe('16');
    });
  });

  describe('enterprise policy from /etc/chromium/policies/managed', () => {
    const isRoot = canWriteChromiumPolicy();
    if (!isRoot) {
      recordSkip(SUITE, `policy e2e needs root to write ${CHROMIUM_POLICY_DIR}/*.json (running as uid ${process.getuid?.() ?? '?'})`);
    }

    it.skipIf(!isRoot)('is applied, shown as managed, and invalid values are reported', async () => {
      // A build with an id of its own: the policy file is machine-wide (harness/policy.ts).
      const build = ownIdBuild('chrome-mv3-e2e');
      let written: ReturnType<typeof writeChromiumPolicy> | undefined;
      let session: ChromiumSession | undefined;
      try {
        written = writeChromiumPolicy(
          build.extensionId,
          {
            pediatricCutoffYears: 21,
            disabledCampaigns: ['dental'],
            approvedSites: ['https://pacs.example.test', 'https://ris.example.test:8443', 'http://127.0.0.1:8042'],
            statementsEnabled: false,
            statementUrls: ['javascript:alert(1)'],
            supportContact: { name: 'Radiology IT (e2e)', phone: '555-0100' },
          },
          'settings',
        );
        session = await launchChromium({ extensionPath: build.path });
        expect(session.extensionId).toBe(build.extensionId);

        // The browser hands the policy to the extension through storage.managed.
        const worker = session.serviceWorker!;
        let managed: Record<string, unknown> = {};
        for (const until = Date.now() + 20_000; Date.now() < until; ) {
          managed = await worker.evaluate(() => chrome.storage.managed.get(null));
          if (Object.keys(managed).length) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        expect(managed.pediatricCutoffYears).toBe(21);

        const page = await openOptions(session);
        await page.locator('#igo-cutoff[disabled]').waitFor({ timeout: 30_000 });
        expect(await page.locator('#igo-cutoff').inputValue()).toBe('21');
        expect(await page.locator('input[value="dental"]').isDisabled()).toBe(true);
        expect(await page.locator('input[value="dental"]').isChecked()).toBe(false);
        const text = await page.locator('main').innerText();
        expect(text).toContain('Some settings are managed by your organisation');
        expect(text).toContain('Radiology IT (e2e)');
        expect(text).toContain('Your organisation turned statement fetching off');
        expect(text).toContain('policy value ignored: statementUrls[0]: not an http(s) URL');
        // Loopback is already a host permission of the e2e build, so two sites are left to enable.
        expect(await page.getByRole('button', { name: 'Enable the 2 sites your organisation approved' }).count()).toBe(1);
        expect(text).toContain('https://ris.example.test');

        // The page side gets the policy too, through the background's cache (background/policy-cache.ts): in this
        // fresh profile the first storage.managed read may land after the page asked, and the page is then told
        // to ask again. Under the policy's cutoff of 21 the 20-year-old's CT order shows the panel.
        const site = await serveStatic({ '/orders/new': ORDER_20_YEARS });
        try {
          const order = await session.newPage();
          await order.goto(site.url('/orders/new'));
          await order.locator('image-gently-panel[data-pediatric="true"][data-campaign="ct"]').waitFor({ state: 'attached', timeout: 20_000 });
          await order.close();
        } finally {
          await site.close();
        }
      } finally {
        await session?.close();
        written?.remove();
        build.remove();
      }
    });
  });
});
