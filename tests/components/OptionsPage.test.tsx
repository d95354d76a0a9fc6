// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/options/OptionsPage';
import { checkDicomWebPath, checkFeedUrl } from '@/settings/options-controller';
import type { OptionsActions, OptionsView } from '@/settings/options-view';
import { mergePolicy, type Policy } from '@/settings';
import { defaultSettings, type Settings } from '@/settings/schema';
import { setTestLocale } from '../setup/i18n-shim';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function view(user: Partial<Settings> = {}, policy: Policy = {}, extra: Partial<OptionsView> = {}): OptionsView {
  const u = { ...defaultSettings(), ...user };
  const merged = mergePolicy(u, policy);
  return {
    user: u,
    effective: merged.settings,
    policy,
    managed: merged.managed,
    policyIssues: [],
    settingsIssues: [],
    sites: [],
    approvedPending: [],
    feedsOnSites: [],
    recipeStatus: {},
    policyKnown: true,
    ...extra,
  };
}

function actions(): OptionsActions & { [K in keyof OptionsActions]: ReturnType<typeof vi.fn> } {
  return {
    checkFeedUrl: vi.fn(checkFeedUrl),
    checkDicomWebPath: vi.fn(checkDicomWebPath),
    save: vi.fn(async () => {}),
    removeSite: vi.fn(async () => {}),
    enableApproved: vi.fn(async () => true),
    addFeed: vi.fn(async () => true),
    exportSettings: vi.fn(),
    exportPolicy: vi.fn(),
    importSettings: vi.fn(async () => ({ ok: true, skipped: 0 })),
    importTable: vi.fn(async () => ({ ok: true, message: 'T' })),
    exportTable: vi.fn(),
    deleteRecipe: vi.fn(async () => {}),
    exportRecipes: vi.fn(),
    importRecipes: vi.fn(async () => ({ ok: true, imported: 1, skipped: 0 })),
    testRecipe: vi.fn(async () => ({ kind: 'tested', found: ['birthDate', 'procedure'], missing: ['examDate'] })),
  } as never;
}

function show(v: OptionsView, a: OptionsActions) {
  act(() => render(<OptionsPage view={v} actions={a} />, root));
}
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
const status = () => root.querySelector('[role="status"]')!.textContent;
const flush = () => act(async () => {});

describe('OptionsPage', () => {
  it('lists enabled sites and removes one', async () => {
    const a = actions();
    show(view({}, {}, { sites: ['https://pacs.example.org/*'] }), a);
    expect(root.querySelector('.igo-sites')!.textContent).toContain('https://pacs.example.org');
    act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove https://pacs.example.org"]')!.click());
    expect(a.removeSite).toHaveBeenCalledWith('https://pacs.example.org/*');
    await flush();
    expect(status()).toBe('Removed https://pacs.example.org.');
  });

  it('offers one click for the sites the organisation approved, calling the request synchronously', () => {
    const a = actions();
    const pending = ['https://a.example.org/*', 'https://b.example.org/*'];
    show(view({}, { approvedSites: ['https://a.example.org', 'https://b.example.org'] }, { approvedPending: pending }), a);
    const b = button('Enable the 2 sites your organisation approved');
    expect(b).toBeTruthy();
    b!.click(); // no act(): the action must have been called before any microtask runs
    expect(a.enableApproved).toHaveBeenCalledTimes(1);
  });

  it('shows no approval button without approved sites', () => {
    show(view(), actions());
    expect(root.textContent).not.toContain('your organisation approved');
  });

  it('managed settings are read-only, marked, and show the policy value', () => {
    show(view({ pediatricCutoffYears: 12 }, { pediatricCutoffYears: 21, disabledCampaigns: ['dental'] }), actions());
    const cutoff = root.querySelector<HTMLInputElement>('#igo-cutoff')!;
    expect(cutoff.disabled).toBe(true);
    expect(cutoff.value).toBe('21');
    const dental = root.querySelector<HTMLInputElement>('input[value="dental"]')!;
    expect(dental.disabled).toBe(true);
    expect(dental.checked).toBe(false);
    expect(root.querySelectorAll('.igo-managed').length).toBeGreaterThanOrEqual(2);
    expect(root.textContent).toContain('Some settings are managed by your organisation');
  });

  it('while the policy is not known yet: the user settings, editable, and a line saying it is being checked', () => {
    show(view({ pediatricCutoffYears: 15 }, {}, { policyKnown: false }), actions());
    const cutoff = root.querySelector<HTMLInputElement>('#igo-cutoff')!;
    expect(cutoff.value).toBe('15');
    expect(cutoff.disabled || cutoff.readOnly).toBe(false);
    expect(root.textContent).toContain('Checking whether your organisation manages any of these settings');
    show(view({ pediatricCutoffYears: 15 }), actions());
    expect(root.textContent).not.toContain('Checking whether');
  });

  it('saves a valid cutoff and refuses an invalid one', async () => {
    const a = actions();
    show(view(), a);
    const input = root.querySelector<HTMLInputElement>('#igo-cutoff')!;
    act(() => {
      input.value = '25';
      input.dispatchEvent(new Event('input'));
    });
    expect(root.querySelector('#igo-cutoff-help')!.textContent).toBe('Enter a whole number from 1 to 21.');
    act(() => void input.dispatchEvent(new Event('blur')));
    expect(a.save).not.toHaveBeenCalled();
    act(() => {
      input.value = '16';
      input.dispatchEvent(new Event('input'));
    });
    act(() => void input.dispatchEvent(new Event('blur')));
    expect(a.save).toHaveBeenCalledWith('pediatricCutoffYears', 16);
    await flush();
    expect(status()).toBe('Saved.');
  });

  it('turning a campaign off saves it in the disabled list', () => {
    const a = actions();
    show(view({ disabledCampaigns: ['dental'] }), a);
    const fluoro = root.querySelector<HTMLInputElement>('input[value="fluoroscopy"]')!;
    expect(fluoro.checked).toBe(true);
    act(() => fluoro.click());
    expect(a.save).toHaveBeenCalledWith('disabledCampaigns', ['dental', 'fluoroscopy']);
  });

  it('adding a feed: a bad or plain-http URL is refused before any permission request; an https one is asked for', () => {
    const a = actions();
    show(view(), a);
    const input = root.querySelector<HTMLInputElement>('#igo-feed')!;
    const form = input.closest('form')!;
    act(() => {
      input.value = 'javascript:alert(1)';
      input.dispatchEvent(new Event('input'));
    });
    act(() => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(a.addFeed).not.toHaveBeenCalled();
    expect(status()).toBe('Enter an https URL.');
    // Feeds are https only: a plain-http feed could be rewritten by anyone on the network path.
    act(() => {
      input.value = 'http://feeds.example.org/ig.xml';
      input.dispatchEvent(new Event('input'));
    });
    act(() => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(a.addFeed).not.toHaveBeenCalled();
    expect(status()).toBe('Enter an https URL.');
    act(() => {
      input.value = 'https://feeds.example.org/ig.xml';
      input.dispatchEvent(new Event('input'));
    });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(a.addFeed).toHaveBeenCalledWith('https://feeds.example.org/ig.xml');
  });

  it('a feed on a site the panel runs on says so (removing the feed leaves the site on)', () => {
    show(
      view({ statementSources: { imagegently: true, extraUrls: ['https://pacs.example.org/ig.xml', 'https://feeds.example.org/ig.xml'] } }, {}, {
        sites: ['https://pacs.example.org/*'],
        feedsOnSites: ['https://pacs.example.org/ig.xml'],
      }),
      actions(),
    );
    const items = [...root.querySelectorAll('.igo-feeds li')].map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Also a site the panel runs on');
    expect(items[1]).not.toContain('Also a site the panel runs on');
  });

  it('policy feeds are listed without remove buttons, and "off" is explained', () => {
    show(view({}, { statementsEnabled: false }), actions());
    expect(root.textContent).toContain('Your organisation turned statement fetching off');
    expect(root.querySelector<HTMLInputElement>('input[name="imagegently"]')!.disabled).toBe(true);
    expect(root.querySelector('#igo-feed')).toBeNull();
  });

  it('shows ignored policy values and the support contact as text', () => {
    show(
      view({}, { supportContact: { name: 'Radiology IT <b>', email: 'it@example.org', url: 'https://help.example.org/' } }, { policyIssues: ['policy value ignored: pediatricCutoffYears: must be from 1 to 21'] }),
      actions(),
    );
    expect(root.textContent).toContain('policy value ignored: pediatricCutoffYears');
    expect(root.textContent).toContain('Radiology IT <b>');
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector<HTMLAnchorElement>('.igo-support a')!.href).toBe('https://help.example.org/');
  });

  it('date order per site: enabled sites and recorded origins, saved per origin', () => {
    const a = actions();
    show(view({ dateOrderBySite: { 'http://ris.example.org:8080': 'DMY' } }, {}, { sites: ['https://pacs.example.org/*'] }), a);
    const selects = [...root.querySelectorAll<HTMLSelectElement>('.igo-table select')];
    expect(selects.map((s) => s.value)).toEqual(['DMY', '']);
    act(() => {
      selects[1]!.value = 'MDY';
      selects[1]!.dispatchEvent(new Event('change'));
    });
    expect(a.save).toHaveBeenCalledWith('dateOrderBySite', { 'http://ris.example.org:8080': 'DMY', 'https://pacs.example.org': 'MDY' });
  });

  it('DICOMweb path per site: shown, saved when valid, refused when not a path on the site, cleared when emptied', async () => {
    const a = actions();
    show(view({ dicomWebPathBySite: { 'http://ris.example.org:8080': '/orthanc/dicom-web' } }, {}, { sites: ['https://pacs.example.org/*'] }), a);
    const inputs = () => [...root.querySelectorAll<HTMLInputElement>('input[id^="igo-dicomweb-"]')];
    expect(inputs().map((i) => i.value)).toEqual(['/orthanc/dicom-web', '']);
    const type = (i: number, value: string) =>
      act(() => {
        const input = inputs()[i]!;
        input.value = value;
        input.dispatchEvent(new Event('input'));
        input.dispatchEvent(new Event('change'));
      });

    await type(1, 'https://evil.example/rs');
    expect(a.save).not.toHaveBeenCalled();
    expect(status()).toMatch(/starts with \//);
    expect(inputs()[1]!.value).toBe('https://evil.example/rs'); // what was typed stays, to be corrected

    await type(1, ' /dcm4chee-arc/aets/DCM4CHEE/rs ');
    await flush();
    expect(a.save).toHaveBeenLastCalledWith('dicomWebPathBySite', {
      'http://ris.example.org:8080': '/orthanc/dicom-web',
      'https://pacs.example.org': '/dcm4chee-arc/aets/DCM4CHEE/rs',
    });

    await type(0, '');
    await flush();
    expect(a.save).toHaveBeenLastCalledWith('dicomWebPathBySite', {});
  });

  it('renders in Spanish', () => {
    setTestLocale('es');
    show(view({}, {}, { approvedPending: ['https://a.example.org/*'] }), actions());
    expect(root.querySelector('h1')!.textContent).toBe('Image Gently Companion — opciones');
    expect(button('Habilitar el sitio aprobado por su organización')).toBeTruthy();
    expect(root.textContent).toContain('TC');
  });

  describe('site recipes', () => {
    const mine = { v: 1 as const, id: 'mine', origin: 'https://ris.example.org', pathPrefix: '/orders/', name: 'RIS orders', fields: [{ kind: 'birthDate' as const, locators: [{ css: '#dob' }] }] };
    const org = { ...mine, id: 'org', origin: 'https://pacs.example.org', pathPrefix: '/', name: 'PACS' };

    it('lists the recipes, flags one that needs attention, and the organisation\'s cannot be deleted', async () => {
      const a = actions();
      show(view({ siteRecipes: [mine] }, { siteRecipes: [org] }, { recipeStatus: { mine: true, org: false } }), a);
      const items = [...root.querySelectorAll<HTMLElement>('.igo-recipe-list li')];
      expect(items.map((li) => li.dataset.recipe)).toEqual(['org', 'mine']);
      expect(items[0]!.textContent).toContain('Set by your organisation');
      expect(items[0]!.querySelector('[aria-label^="Delete"]')).toBeNull();
      expect(items[1]!.dataset.needsAttention).toBe('true');
      expect(items[1]!.textContent).toContain('Needs attention');
      expect(items[1]!.textContent).toContain('https://ris.example.org/orders/');
      act(() => items[1]!.querySelector<HTMLButtonElement>('[aria-label="Delete the recipe RIS orders"]')!.click());
      expect(a.deleteRecipe).toHaveBeenCalledWith('mine');
      await flush();
      expect(status()).toBe('Deleted RIS orders.');
    });

    it('tests a recipe on the open tab and says which fields were found', async () => {
      const a = actions();
      show(view({ siteRecipes: [mine] }), a);
      await act(async () => button('Test on the current tab')!.click());
      await flush();
      expect(a.testRecipe).toHaveBeenCalledWith('mine');
      expect(root.querySelector('.igo-recipe-test')!.textContent).toBe('Found on the current tab: birth date, exam. Not found on the current tab: exam date.');
    });

    it('without recipes: says so; export is off', () => {
      show(view(), actions());
      expect(root.querySelector('.igo-recipes')!.textContent).toContain('No site recipe yet.');
      expect(button('Export recipes')!.disabled).toBe(true);
    });
  });
});
