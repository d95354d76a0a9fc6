// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '@/components/Panel';
import { isHttpUrl } from '@/utils/http-url';
import { setTestLocale } from '../setup/i18n-shim';
import { examView } from '../helpers/panel-views';
import { childCtAnalysis } from '../helpers/analysis-factory';
import { decidePanel } from '@/content/page/panel-decision';
import { buildPanelView } from '@/content/panel/panel-view';
import { scriptedClick, userClick } from '../helpers/user-events';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function props(overrides: Partial<PanelProps> = {}): PanelProps {
  return {
    view: examView(),
    expanded: false,
    onExpandedChange: vi.fn(),
    onDismissExam: vi.fn(),
    onSnoozeSite: vi.fn(),
    onCopyDiagnostic: vi.fn(() => true),
    ...overrides,
  };
}

function show(p: PanelProps) {
  act(() => render(<Panel {...p} />, root));
}

const pill = () => root.querySelector<HTMLButtonElement>('.igp-pill')!;
const card = () => root.querySelector<HTMLElement>('.igp-card');
const buttonByText = (text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('Panel', () => {
  describe('collapsed (the default)', () => {
    it('shows only the pill, which says it is collapsed and what it controls', () => {
      show(props());
      expect(pill().textContent).toContain('Child · CT');
      expect(pill().getAttribute('aria-expanded')).toBe('false');
      expect(pill().getAttribute('aria-controls')).toBe('igp-card');
      expect(card()).toBeNull();
      expect(root.textContent).not.toContain('6 y 3 mo');
    });

    it('asks to expand when the pill is pressed', () => {
      const p = props();
      show(p);
      act(() => pill().click());
      expect(p.onExpandedChange).toHaveBeenCalledWith(true);
    });

    it('is a real button, reachable with the keyboard', () => {
      show(props());
      expect(pill().tagName).toBe('BUTTON');
      expect(pill().getAttribute('type')).toBe('button');
      expect(pill().tabIndex).not.toBe(-1);
    });
  });

  describe('expanded', () => {
    it('shows the age, the exam, the reminders, the numbers with source and estimate tag, the intended use', () => {
      show(props({ expanded: true }));
      const c = card()!;
      expect(c.getAttribute('role')).toBe('region');
      expect(c.getAttribute('aria-labelledby')).toBe('igp-title');
      expect(c.querySelector('.igp-age')!.textContent).toBe('6 y 3 mo at the exam');
      expect(c.querySelector('.igp-exam')!.textContent).toBe('CT · CT ABDOMEN PELVIS W CONTRAST');
      expect([...c.querySelectorAll('.igp-campaign li')].map((li) => li.textContent)).toEqual([
        'Child-size the kVp and mA',
        'One phase is usually enough',
      ]);
      const n = c.querySelector('[data-number="ssde-age"]')!;
      expect(n.querySelector('.igp-value')!.textContent).toBe('7.9 mGy');
      expect(n.querySelector('.igp-source')!.textContent).toBe('Source: AAPM Report 204, Tables 1D and 3');
      expect(n.querySelector('.igp-tag')!.textContent).toBe('estimate');
      expect(c.querySelector('.igp-intended')!.textContent).toMatch(/not a prescription/);
    });

    it('puts the evidence behind "why am I seeing this", flagging conflicts', () => {
      show(props({ expanded: true }));
      const d = card()!.querySelector('details.igp-evidence')!;
      expect(d.querySelector('summary')!.textContent).toBe('Why am I seeing this?');
      const items = [...d.querySelectorAll('li')];
      expect(items).toHaveLength(2);
      expect(items[0]!.textContent).toContain('Saturday, August 15, 2020');
      expect(items[1]!.getAttribute('data-conflict')).toBe('true');
      expect(items[1]!.textContent).toContain('sources disagree');
    });

    it('offers "Teach this page" under "why am I seeing this" for the user\'s own click only', () => {
      const onTeachPage = vi.fn();
      show(props({ expanded: true, onTeachPage }));
      const d = card()!.querySelector('details.igp-evidence')!;
      const teach = [...d.querySelectorAll('button')].find((b) => b.textContent === 'Teach this page')!;
      scriptedClick(teach);
      expect(onTeachPage).not.toHaveBeenCalled();
      userClick(teach);
      expect(onTeachPage).toHaveBeenCalledTimes(1);
      show(props({ expanded: true }));
      expect(buttonByText('Teach this page')).toBeUndefined();
    });

    it('renders page text as text, never as markup', () => {
      const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      show(
        props({
          expanded: true,
          view: examView({
            examText: hostile,
            evidence: [{ kind: 'modality', text: hostile, where: hostile, conflict: false, note: hostile }],
          }),
        }),
      );
      const c = card()!;
      c.querySelector('details')!.setAttribute('open', '');
      expect(c.querySelector('img')).toBeNull();
      expect(c.querySelector('b')).toBeNull();
      expect(c.querySelector('.igp-exam')!.textContent).toBe(hostile);
      expect(c.querySelector('.igp-ev-text')!.textContent).toBe(hostile);
    });

    it('links only http(s) campaign links; anything else stays text', () => {
      const view = examView();
      view.campaigns = [
        { id: 'ct', title: 'A', reminders: [], link: { href: 'javascript:alert(1)', label: 'bad link' } },
        { id: 'fluoroscopy', title: 'B', reminders: [], link: { href: 'https://www.imagegently.org/x', label: 'good link' } },
      ];
      show(props({ expanded: true, view }));
      const anchors = [...root.querySelectorAll('a')];
      expect(anchors.map((a) => a.textContent)).toEqual(['good link']);
      expect(anchors[0]!.getAttribute('rel')).toBe('noopener noreferrer');
      expect(root.textContent).toContain('bad link');
    });

    it('collapses on Escape and puts focus back on its own pill', async () => {
      const p = props({ expanded: true });
      show(p);
      const close = root.querySelector<HTMLButtonElement>('.igp-close')!;
      close.focus();
      act(() => {
        close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      });
      expect(p.onExpandedChange).toHaveBeenCalledWith(false);
      await Promise.resolve();
      expect(document.activeElement).toBe(pill());
    });

    it('offers "dismiss for this exam" only when the exam can be recognised again', () => {
      const p = props({ expanded: true });
      show(p);
      act(() => userClick(buttonByText('Dismiss for this exam')!));
      expect(p.onDismissExam).toHaveBeenCalledTimes(1);

      show(props({ expanded: true, view: examView({ canDismiss: false }) }));
      expect(buttonByText('Dismiss for this exam')).toBeUndefined();
      expect(buttonByText('Snooze on this site for 8 hours')).toBeDefined();
    });

    it('snoozes the site', () => {
      const p = props({ expanded: true });
      show(p);
      act(() => userClick(buttonByText('Snooze on this site for 8 hours')!));
      expect(p.onSnoozeSite).toHaveBeenCalledTimes(1);
    });

    it("ignores a page script's clicks on the buttons that write settings or the clipboard", () => {
      const p = props({ expanded: true });
      show(p);
      for (const text of ['Dismiss for this exam', 'Snooze on this site for 8 hours', 'Copy diagnostic report']) {
        act(() => {
          buttonByText(text)!.click();
          scriptedClick(buttonByText(text)!);
        });
      }
      expect(p.onDismissExam).not.toHaveBeenCalled();
      expect(p.onSnoozeSite).not.toHaveBeenCalled();
      expect(p.onCopyDiagnostic).not.toHaveBeenCalled();
      expect(root.querySelector('.igp-status')!.textContent).toBe('');
    });

    it.each([
      [true, 'Diagnostic report copied. It holds no patient data.'],
      [false, 'Could not copy the report.'],
    ])('reports in a live region whether the diagnostic report was copied (%s)', async (ok, message) => {
      show(props({ expanded: true, onCopyDiagnostic: () => Promise.resolve(ok) }));
      await act(async () => {
        userClick(buttonByText('Copy diagnostic report')!);
      });
      const status = root.querySelector('.igp-status')!;
      expect(status.getAttribute('aria-live')).toBe('polite');
      expect(status.textContent).toBe(message);
    });

    it('renders the PACS section where it is given', () => {
      const section = { numbers: [], lines: ['SSDE from pixels'], scanner: null, notes: ['one note'], canMeasureAlongScan: false };
      show(props({ expanded: true, pacs: { view: section, measureAlongScan: null } }));
      const c = card()!;
      const pacs = c.querySelector('.igp-pacs')!;
      expect(pacs.querySelector('.igp-detail')!.textContent).toBe('SSDE from pixels');
      // After the page-text numbers, before the evidence.
      const order = [...c.children];
      const at = (selector: string) => order.findIndex((el) => el.matches(selector));
      expect(at('.igp-pacs')).toBeGreaterThan(at('.igp-numbers:not(.igp-pacs)'));
      expect(at('.igp-pacs')).toBeLessThan(at('.igp-evidence'));
    });
  });

  describe('focus', () => {
    it('never takes focus on mount, expand or update', () => {
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      show(props());
      show(props({ expanded: true }));
      show(props({ expanded: true, view: examView({ pillText: 'Child · NM' }) }));
      expect(document.activeElement).toBe(input);
      input.remove();
    });

    it('focuses its card when the focus-panel command asks for it', () => {
      show(props({ expanded: true, focusRequest: 0 }));
      expect(document.activeElement).not.toBe(card());
      show(props({ expanded: true, focusRequest: 1 }));
      expect(document.activeElement).toBe(card());
    });
  });

  describe('list pages', () => {
    it('says how many pediatric exams the list holds and never shows one age as the patient’s', () => {
      const view = examView({
        mode: 'list',
        pillText: '3 pediatric exams',
        ageText: null,
        examText: null,
        list: {
          summary: '3 pediatric exams in this list',
          records: [{ description: 'CT HEAD', ageText: '4 y at the exam', modality: 'CT' }],
          more: 'and 2 more',
        },
      });
      show(props({ expanded: true, view }));
      expect(root.querySelector('.igp-list-summary')!.textContent).toBe('3 pediatric exams in this list');
      expect(root.querySelector('.igp-age')).toBeNull();
      expect(root.querySelector('.igp-records')!.textContent).toContain('CT HEAD');
      expect(root.querySelector('.igp-more')!.textContent).toBe('and 2 more');
    });
  });

  describe('an age the page does not tie to the patient', () => {
    // A body CT with CTDIvol and its phantom: with a sure age, the panel shows the age-based SSDE.
    const built = (ageUnsure: boolean) => {
      const analysis = { ...childCtAnalysis({ ctdi: { ctdiVolMGy: 10, phantomCm: 32, source: 'page text' } }), ageUnsure };
      const decision = decidePanel(analysis, { disabledCampaigns: [] });
      if (!decision.show) throw new Error('no panel');
      return buildPanelView({ analysis, decision, locale: 'en', disabledCampaigns: [], referenceTables: [], canDismiss: true });
    };

    it('asks "Child?", gives the reminders, no numbers, says why, and the evidence says the age is unsure', () => {
      show(props({ expanded: true, view: built(false) }));
      expect(root.querySelector('.igp-numbers')).not.toBeNull();

      show(props({ expanded: true, view: built(true) }));
      expect(pill().textContent).toBe('Child? · CT');
      expect(root.querySelector('.igp-numbers')).toBeNull();
      expect(root.querySelector('.igp-campaign[data-campaign="ct"] li')).not.toBeNull();
      expect([...root.querySelectorAll('.igp-notes li')].map((li) => li.textContent)).toEqual([
        "Unsure this age is the patient's, so no dose numbers are shown: check the patient's age.",
      ]);
      const first = root.querySelector('.igp-evidence li')!;
      expect(first.getAttribute('data-kind')).toBe('age-unsure');
      expect(first.textContent).toMatch(/no label and no patient header/);
    });
  });

  it('speaks Spanish when the browser does', () => {
    setTestLocale('es');
    show(props({ expanded: true }));
    expect(buttonByText('Descartar para este estudio')).toBeDefined();
    expect(root.querySelector('.igp-intended')!.textContent).toMatch(/no una prescripción/);
  });
});

describe('isHttpUrl (the links the panel renders)', () => {
  it.each([
    ['https://www.imagegently.org/', true],
    ['http://imagegently.org/a', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['  javascript:alert(1)', false],
    ['/relative', false],
    ['', false],
  ])('%s → %s', (href, ok) => {
    expect(isHttpUrl(href)).toBe(ok);
  });
});
