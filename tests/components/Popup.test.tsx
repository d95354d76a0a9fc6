// @vitest-environment happy-dom
/**
 * The popup as props in, markup out: statements (date, title, new mark, new tab), the status and
 * error lines, this tab's allow-listed facts, links; in English and Spanish.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup, POPUP_LINKS, type PopupProps } from '@/components/Popup';
import { StatementList } from '@/components/StatementList';
import { TabStatus } from '@/components/TabStatus';
import { formatAgo, formatStatementDate, statusLine } from '@/components/popup-format';
import type { StatementsView } from '@/news/view';
import { SNAPSHOT } from '@/news/snapshot';
import { setTestLocale } from '../setup/i18n-shim';

const DAY = 86_400_000;
const NOW = Date.UTC(2021, 2, 10, 12);
const view = (over: Partial<StatementsView> = {}): StatementsView => ({
  statements: [
    { id: 'a', title: 'Step Lightly for interventional radiology', date: '2021-03-04', url: 'https://json.example.org/step-lightly', isNew: true },
    { id: 'b', title: '<script>alert(1)</script> stays text', date: '2021-02-01', url: 'https://json.example.org/b', isNew: false },
  ],
  status: { updatedAt: NOW - 2 * 3_600_000, error: null },
  fromSnapshot: false,
  fetching: true,
  ...over,
});

let root: HTMLElement;
let opened: string[];
let refreshes: number;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  opened = [];
  refreshes = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(props: Partial<PopupProps> = {}) {
  const all: PopupProps = {
    locale: 'en-US',
    now: NOW,
    view: view(),
    newIds: new Set(['a']),
    refreshing: false,
    tabFacts: undefined,
    onOpenStatement: (id) => opened.push(id),
    onRefresh: () => refreshes++,
    ...props,
  };
  await act(async () => {
    render(<Popup {...all} />, root);
  });
}
const items = () => [...root.querySelectorAll<HTMLLIElement>('[data-testid="statements"] li')];

describe('Popup: statements', () => {
  it('lists date, title and the new mark; links open in a new tab without opener', async () => {
    await mount();
    expect(items().map((li) => [li.querySelector('time')!.textContent, li.querySelector('.igc-statement-title')!.textContent, li.dataset.new])).toEqual([
      ['Mar 4, 2021', 'Step Lightly for interventional radiology', 'true'],
      ['Feb 1, 2021', '<script>alert(1)</script> stays text', 'false'],
    ]);
    const a = items()[0]!.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://json.example.org/step-lightly');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items()[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2021-03-04');
    expect(root.querySelector('script')).toBeNull();
    expect(items()[0]!.querySelector('.igc-statement-newmark')!.textContent).toBe('New statement: New');
  });

  it('a click reports the statement opened', async () => {
    await mount();
    // Keep happy-dom from following the link (tests never reach the network).
    root.addEventListener('click', (e) => e.preventDefault());
    await act(async () => {
      items()[0]!.querySelector('a')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    });
    expect(opened).toEqual(['a']);
  });

  it('status: "Updated 2 hours ago"; failure: "updated 3 days ago — could not refresh: <reason>"', async () => {
    await mount();
    expect(root.querySelector('[data-testid="statements-status"]')!.textContent).toBe('Updated 2 hours ago');
    await mount({ view: view({ status: { updatedAt: NOW - 3 * DAY, error: { code: 'timeout' } } }) });
    const line = root.querySelector<HTMLElement>('[data-testid="statements-status"]')!;
    expect(line.textContent).toBe('updated 3 days ago — could not refresh: no answer within 10 seconds');
    expect(line.classList.contains('igc-status-error')).toBe(true);
  });

  it('the refresh button asks for a refresh, and is absent when fetching is off', async () => {
    await mount();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.igc-refresh')!.click();
    });
    expect(refreshes).toBe(1);
    await mount({ view: view({ fetching: false, fromSnapshot: true, statements: SNAPSHOT.map((s) => ({ ...s, isNew: false })) }) });
    expect(root.querySelector('.igc-refresh')).toBeNull();
    expect(root.querySelector('.igc-statements-note')!.textContent).toBe('Statement fetching is turned off. The list shipped with the extension is shown.');
  });

  it('the snapshot says so; at most 20 statements are listed', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `Item ${i}`, date: '2020-01-01', url: 'https://a.example/', isNew: false }));
    await mount({ view: view({ statements: many, fromSnapshot: true, status: { updatedAt: null, error: { code: 'network' } } }) });
    expect(items()).toHaveLength(20);
    expect(root.querySelector('.igc-statements-note')!.textContent).toBe('Shown from the list shipped with the extension until statements can be fetched.');
    expect(root.querySelector('[data-testid="statements-status"]')!.textContent).toBe('not updated yet — could not refresh: the site could not be reached');
  });

  it('while loading, the list area is busy and empty', async () => {
    await mount({ view: null });
    expect(root.querySelector('.igc-popup-news')!.getAttribute('aria-busy')).toBe('true');
    expect(items()).toHaveLength(0);
  });

  it('the calculator loads when its section is first opened', async () => {
    await mount();
    const details = root.querySelector<HTMLDetailsElement>('details.igc-popup-calc')!;
    expect(details.querySelector('[data-testid="ssde-calculator"]')).toBeNull();
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await act(async () => {
      for (let i = 0; i < 50 && !details.querySelector('[data-testid="ssde-calculator"]'); i++) await new Promise((r) => setTimeout(r, 10));
    });
    expect(details.querySelector('[data-testid="ssde-calculator"]')).not.toBeNull();
  });

  it('links: pledge, parents, campaigns, support — http(s), new tab', async () => {
    await mount();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.igc-popup-links a')];
    expect(links.map((a) => a.textContent)).toEqual(['Take the Image Gently pledge', 'Resources for parents', 'The campaigns', 'Support the campaign']);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(POPUP_LINKS).toHaveLength(4);
  });

  it('Spanish: dates, relative time, error wording', async () => {
    setTestLocale('es');
    await mount({ locale: 'es', view: view({ status: { updatedAt: NOW - 3 * DAY, error: { code: 'format' } } }) });
    expect(items()[0]!.querySelector('time')!.textContent).toBe('4 mar 2021');
    expect(root.querySelector('[data-testid="statements-status"]')!.textContent).toBe('actualizado hace 3 días — no se pudo actualizar: formato no reconocido');
    expect(root.querySelector('#igc-news-heading')!.textContent).toBe('Últimos comunicados');
  });
});

describe('StatementList', () => {
  it('never renders a non-http(s) URL as a link target; empty list says so', async () => {
    await act(async () => {
      render(<StatementList rows={[{ id: 'x', title: 'T', url: 'javascript:alert(1)', date: '2020-01-01', dateText: 'x', isNew: false }]} />, root);
    });
    expect(root.querySelector('a')!.hasAttribute('href')).toBe(false);
    await act(async () => {
      render(<StatementList rows={[]} />, root);
    });
    expect(root.textContent).toBe('No statements to show.');
  });
});

describe('TabStatus', () => {
  it('says what the allow-listed facts say, and nothing while asking', async () => {
    await act(async () => {
      render(<TabStatus facts={{ pediatric: true, campaigns: ['ct', 'nuclear-medicine'], modality: 'CT', siteEnabled: true }} />, root);
    });
    expect(root.textContent).toBe("A child's exam is shown on this page.Campaigns: CT, Nuclear medicine (Go With the Guidelines)Modality: CT");
    await act(async () => {
      render(<TabStatus facts={{ pediatric: false, campaigns: [], modality: null, siteEnabled: true }} />, root);
    });
    expect(root.textContent).toBe("No child's exam detected on this page.");
    await act(async () => {
      render(<TabStatus facts={null} />, root);
    });
    expect(root.textContent).toBe('The panel has not read this page.');
    await act(async () => {
      render(<TabStatus facts={undefined} />, root);
    });
    expect(root.textContent).toBe('');
  });
});

describe('popup-format', () => {
  it('formats statement days without shifting them by time zone', () => {
    expect(formatStatementDate('2019-11-25', 'en-US')).toBe('Nov 25, 2019');
    expect(formatStatementDate('2019-01-01', 'es')).toBe('1 ene 2019');
    expect(formatStatementDate('2019-01-01', 'not a locale!')).toBe('Jan 1, 2019');
  });

  it('relative times', () => {
    expect(formatAgo(NOW - 30_000, NOW, 'en')).toBe('now');
    expect(formatAgo(NOW - 5 * 60_000, NOW, 'en')).toBe('5 minutes ago');
    expect(formatAgo(NOW - DAY, NOW, 'en')).toBe('yesterday');
    expect(formatAgo(NOW - 3 * DAY, NOW, 'es')).toBe('hace 3 días');
    expect(formatAgo(NOW + DAY, NOW, 'en')).toBe('now');
  });

  it('statusLine: nothing before any attempt', () => {
    expect(statusLine({ updatedAt: null, error: null }, NOW, 'en')).toBeNull();
    expect(statusLine({ updatedAt: null, error: { code: 'http', status: 503 } }, NOW, 'en')).toEqual({
      text: 'not updated yet — could not refresh: the server answered HTTP 503',
      error: true,
    });
  });
});
