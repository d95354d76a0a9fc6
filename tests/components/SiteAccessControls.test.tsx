// @vitest-environment happy-dom
/**
 * The popup's site controls on in-memory permissions/scripting. The fake permissions refuse
 * `request` outside the synchronous part of a user gesture, so "Turn on" succeeding proves the
 * click handler calls permissions.request before awaiting anything.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccessControls } from '@/components/SiteAccessControls';
import { browserSiteAccess, siteStatusForTab, type SiteStatus } from '@/settings/site-access-client';
import { STATEMENT_HOSTS, OPTIONAL_SITE_HOSTS, LOOPBACK_HOSTS } from '@/settings/hosts';
import { installFakePermissions, type FakePermissions } from '../helpers/fake-permissions';
import { installFakeScripting, type FakeScripting } from '../helpers/fake-scripting';
import { setTestLocale } from '../setup/i18n-shim';
import { writeSetting } from '@/settings';
import { readTurnedOn } from '@/settings/site-grants';

let root: HTMLElement;
let perms: FakePermissions;
let scripting: FakeScripting;

function setup(opts: { granted?: string[]; respond?: 'accept' | 'deny'; required?: string[] } = {}) {
  fakeBrowser.reset();
  const required = [...STATEMENT_HOSTS, ...(opts.required ?? [])];
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({ host_permissions: required });
  perms = installFakePermissions(fakeBrowser, {
    required: { origins: required },
    optional: { origins: [...OPTIONAL_SITE_HOSTS] },
    granted: opts.granted,
    respond: opts.respond,
  });
  scripting = installFakeScripting(fakeBrowser, { permissions: perms, files: ['content-scripts/content.js'] });
}

async function mount(url: string | undefined): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  const resolveSite = (): Promise<SiteStatus> => siteStatusForTab(tab);
  await act(async () => {
    render(<SiteAccessControls access={{ ...browserSiteAccess, resolve: resolveSite }} />, root);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return tab.id!;
}

const section = () => root.querySelector<HTMLElement>('section.igc-site-access')!;
const button = (cls: string) => root.querySelector<HTMLButtonElement>(`button.${cls}`);
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  });

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  setup();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('SiteAccessControls', () => {
  it('offers nothing on pages the panel cannot run on', async () => {
    await mount('chrome://extensions/');
    expect(section().dataset.state).toBe('unsupported');
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('says the statements source is not a place for the panel', async () => {
    await mount('https://www.imagegently.org/Roles-What-can-I-do/Parent');
    expect(section().dataset.state).toBe('statements');
  });

  it('shows the host (no port) as off, with turn-on and check-once', async () => {
    await mount('http://pacs.local:8042/app/explorer.html#study?uuid=1');
    expect(section().dataset.state).toBe('off');
    expect(root.textContent).toContain('Off for pacs.local');
    expect(root.textContent).not.toContain('8042');
    expect(button('igc-site-access-on')).not.toBeNull();
    expect(button('igc-site-access-once')).not.toBeNull();
  });

  it('turn on: asks for http://host/* inside the click (no await first) and shows it on', async () => {
    await mount('http://pacs.local:8042/app/explorer.html');
    perms.userGesture(() => button('igc-site-access-on')!.click());
    await settle();
    expect(perms.prompts).toEqual([['http://pacs.local/*']]);
    expect(await perms.contains({ origins: ['http://pacs.local/*'] })).toBe(true);
    expect(section().dataset.state).toBe('on');
    expect(root.querySelector('[role=status]')?.textContent).toContain('Turned on for pacs.local');
  });

  it('turn on outside a user gesture fails visibly instead of silently', async () => {
    await mount('http://pacs.local:8042/');
    button('igc-site-access-on')!.click();
    await settle();
    expect(section().dataset.state).toBe('off');
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/user input handler/);
  });

  it('a refused prompt leaves the site off and says so', async () => {
    setup({ respond: 'deny' });
    await mount('https://ris.example.org/orders/123');
    perms.userGesture(() => button('igc-site-access-on')!.click());
    await settle();
    expect(section().dataset.state).toBe('off');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Not turned on — access was not granted.');
  });

  it('turn off gives the host back', async () => {
    setup({ granted: ['https://ris.example.org/*'] });
    await mount('https://ris.example.org/orders/123');
    expect(section().dataset.state).toBe('on');
    button('igc-site-access-off')!.click();
    await settle();
    expect(await perms.contains({ origins: ['https://ris.example.org/*'] })).toBe(false);
    expect(section().dataset.state).toBe('off');
  });

  it("a host granted only for a statement feed is off here; turning it on records the site, without a prompt", async () => {
    setup({ granted: ['https://news.example.org/*'] });
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml'] });
    await mount('https://news.example.org/viewer');
    expect(section().dataset.state).toBe('off');
    perms.userGesture(() => button('igc-site-access-on')!.click());
    await settle();
    expect(perms.prompts).toEqual([]);
    expect(await readTurnedOn()).toEqual(['https://news.example.org/*']);
    expect(section().dataset.state).toBe('on');
  });

  it('turning on records the site; turning off forgets it, and keeps the grant a statement feed of the user needs', async () => {
    await mount('https://ris.example.org/orders/123');
    perms.userGesture(() => button('igc-site-access-on')!.click());
    await settle();
    expect(await readTurnedOn()).toEqual(['https://ris.example.org/*']);
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://ris.example.org/feed.json'] });
    button('igc-site-access-off')!.click();
    await settle();
    expect(section().dataset.state).toBe('off');
    expect(await readTurnedOn()).toEqual([]);
    expect(await perms.contains({ origins: ['https://ris.example.org/*'] })).toBe(true);
  });

  it('a refused prompt records nothing', async () => {
    setup({ respond: 'deny' });
    await mount('https://ris.example.org/orders/123');
    perms.userGesture(() => button('igc-site-access-on')!.click());
    await settle();
    expect(await readTurnedOn()).toEqual([]);
  });

  it('check once injects the content script into this tab through activeTab', async () => {
    const tabId = await mount('https://ris.example.org/orders/123');
    scripting.grantActiveTab(tabId); // the user opened our popup on this tab
    button('igc-site-access-once')!.click();
    await settle();
    expect(scripting.injections).toEqual([expect.objectContaining({ tabId, files: ['content-scripts/content.js'] })]);
    expect(root.querySelector('[role=status]')?.textContent).toContain('Checked this page once');
    expect(await perms.contains({ origins: ['https://ris.example.org/*'] })).toBe(false);
  });

  it('check once without activeTab reports the failure', async () => {
    await mount('https://ris.example.org/orders/123');
    button('igc-site-access-once')!.click();
    await settle();
    expect(scripting.injections).toEqual([]);
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/Cannot access/);
  });

  it('a host granted by the manifest (e2e-runtime loopback) is shown as always on, without on/off buttons', async () => {
    setup({ required: [...LOOPBACK_HOSTS] });
    await mount('http://127.0.0.1:8042/app/explorer.html');
    expect(section().dataset.state).toBe('required');
    expect([...root.querySelectorAll('button')].map((b) => b.className)).toEqual(['igc-site-access-teach']);
  });

  it('"Teach this page" on an enabled site starts the picker in the tab and closes the popup', async () => {
    setup({ granted: ['http://pacs.local/*'] });
    const tab = await fakeBrowser.tabs.create({ url: 'http://pacs.local:8042/orders/1' });
    const started: number[] = [];
    let closedPopup = 0;
    await act(async () => {
      render(
        <SiteAccessControls
          access={{ ...browserSiteAccess, resolve: () => siteStatusForTab(tab), startPicker: async (id) => (started.push(id), true) }}
          onPickerStarted={() => closedPopup++}
        />,
        root,
      );
    });
    await settle();
    await act(async () => button('igc-site-access-teach')!.click());
    await settle();
    expect([started, closedPopup]).toEqual([[tab.id], 1]);
  });

  it('no "Teach this page" on a site that is not enabled (the picker runs only where the user turned it on)', async () => {
    setup();
    await mount('http://pacs.local:8042/');
    expect(button('igc-site-access-teach')).toBeNull();
  });

  it('speaks Spanish', async () => {
    setTestLocale('es');
    await mount('http://pacs.local:8042/');
    expect(root.textContent).toContain('Desactivado en pacs.local');
    expect(button('igc-site-access-on')!.textContent).toBe('Activar en este sitio');
  });
});
