// @vitest-environment happy-dom
/**
 * The picker on a page the reader cannot read (tests/fixtures/recipe/acme-ris), driven with the keyboard and the
 * pointer through the real card (components/Picker.tsx): what each pick reads as, the recipe it saves (locators
 * only), cancel, skip — and nothing a page script does moves it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Picker, type PickerProps } from '@/components/Picker';
import { createPicker, type PickerController, type PickerDeps, type PickerUi, type SaveResult } from '@/content/picker/picker-controller';
import type { SiteRecipe } from '@/content/read/recipe/recipe';
import { RECIPE_PAGES_DIR } from '../../helpers/recipe-pages';
import { scriptedClick, userClick } from '../../helpers/user-events';
import { userKey, userPointer } from '../../helpers/user-keys';

const NOW = Date.UTC(2026, 10, 26, 12);
let host: HTMLElement;
let layer: HTMLElement;
let last: PickerProps | null;
let removed: number;
let closed: number;
let saved: SiteRecipe[];
let picker: PickerController;

function fakeUi(): PickerUi {
  return {
    render(props) {
      last = props;
      act(() => render(<Picker {...props} />, host));
    },
    layer: () => layer,
    isOwnNode: (n) => host.contains(n) || n === layer,
    remove: () => {
      removed++;
      render(null, host);
    },
  };
}

function start(over: Partial<PickerDeps> = {}, answer: SaveResult = { ok: true }) {
  picker = createPicker({
    win: window,
    ui: fakeUi(),
    settings: { pediatricCutoffYears: 18, dateOrder: null, siteRecipes: [] },
    save: async (r) => {
      saved.push(r);
      return answer;
    },
    locale: 'en',
    now: () => NOW,
    onClose: () => closed++,
    visible: () => true,
    ...over,
  });
}

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('http://127.0.0.1:8080/acme/orders/4711');
  const html = readFileSync(join(RECIPE_PAGES_DIR, 'acme-ris', 'page-1.html'), 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  host = document.createElement('div');
  layer = document.createElement('div');
  document.documentElement.append(host, layer);
  last = null;
  removed = 0;
  closed = 0;
  saved = [];
});
afterEach(() => {
  picker?.close();
  host.remove();
  layer.remove();
});

const card = () => host.querySelector<HTMLElement>('.igk-card')!;
const button = (text: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
const press = (key: string, times = 1) => {
  for (let i = 0; i < times; i++) act(() => void userKey(card(), key));
};
const selectedText = () => picker.selected()?.textContent?.trim();

describe('picker, with the keyboard', () => {
  it('moves between the fields with the arrow keys, picks with Enter, shows what each reads as, saves locators only', async () => {
    start();
    expect(card().getAttribute('role')).toBe('dialog');
    expect(card().dataset.step).toBe('patient');
    // Candidates in page order: Acme RIS, tech.ward, HOPPER, ADA, 2019-03-04 …
    press('ArrowDown', 4);
    expect(selectedText()).toBe('2019-03-04');
    expect(host.textContent).toContain('reads as: born 2019-03-04');
    press('ArrowUp');
    expect(selectedText()).toBe('HOPPER, ADA');
    press('ArrowRight');
    press('Enter');
    expect(card().dataset.step).toBe('exam');
    press('ArrowDown', 7);
    expect(selectedText()).toBe('CT ABDOMEN PELVIS WITH CONTRAST');
    expect(host.textContent).toContain('reads as: exam “CT ABDOMEN PELVIS WITH CONTRAST” (CT)');
    press('Enter');
    press('ArrowDown', 8);
    expect(selectedText()).toBe('2026-11-20');
    // Each pick shows what the reader would make of it, with what was picked before.
    expect(host.textContent).toContain('reads as: exam date 2026-11-20');
    expect(host.textContent).toContain('→ 7 y 8 mo at the exam');
    press('Enter');
    expect(card().dataset.phase).toBe('summary');
    expect(last!.picks.map((p) => p.kind)).toEqual(['birthDate', 'procedure', 'examDate']);
    expect(last!.prefix).toBe('/acme/orders/');
    await act(async () => userClick(button('Save')));
    await vi.waitFor(() => expect(card().dataset.phase).toBe('saved'));
    expect(saved).toHaveLength(1);
    const recipe = saved[0]!;
    expect(recipe).toMatchObject({ v: 1, origin: 'http://127.0.0.1:8080', pathPrefix: '/acme/orders/', id: '127-0-0-1-8080-acme-orders' });
    expect(recipe.fields[0]!.locators[0]).toEqual({ css: '[data-testid="pt-born"]' });
    expect(JSON.stringify(recipe)).not.toMatch(/2019-03-04|2026-11-20|HOPPER|CONTRAST|88412077/);
  });

  it('Escape cancels: the picker is removed and nothing is saved', () => {
    start();
    press('ArrowDown', 4);
    press('Escape');
    expect([removed, closed, saved.length]).toEqual([1, 1, 0]);
  });

  it('every step can be skipped; with nothing picked there is nothing to save', () => {
    start();
    act(() => userClick(button('Skip this step')));
    act(() => userClick(button('Skip this step')));
    act(() => userClick(button('Skip this step')));
    expect(card().dataset.phase).toBe('summary');
    expect(button('Save').disabled).toBe(true);
    act(() => userClick(button('Back')));
    expect(card().dataset.step).toBe('date');
  });

  it('the date step can say it is the order date', async () => {
    start();
    act(() => userClick(button('Skip this step')));
    act(() => userClick(button('Skip this step')));
    const order = host.querySelector<HTMLInputElement>('input[value="orderDate"]')!;
    act(() => {
      order.checked = true;
      const e = new Event('change', { bubbles: true });
      Object.defineProperty(e, 'isTrusted', { value: true });
      order.dispatchEvent(e);
    });
    press('ArrowDown', 8);
    expect(host.textContent).toContain('reads as: order date 2026-11-20');
    press('Enter');
    await act(async () => userClick(button('Save')));
    expect(saved[0]!.fields).toEqual([expect.objectContaining({ kind: 'orderDate' })]);
  });

  it("reuses the id of this site's recipe for the same pages (a new recipe replaces it)", async () => {
    const old: SiteRecipe = { v: 1, id: 'acme', origin: 'http://127.0.0.1:8080', pathPrefix: '/acme/', fields: [{ kind: 'age', locators: [{ css: '#x' }] }] };
    start({ settings: { pediatricCutoffYears: 18, dateOrder: null, siteRecipes: [old] } });
    expect(last!.prefix).toBe('/acme/');
    press('ArrowDown', 4);
    press('Enter');
    act(() => userClick(button('Skip this step')));
    act(() => userClick(button('Skip this step')));
    await act(async () => userClick(button('Save')));
    expect(saved[0]!.id).toBe('acme');
  });

  it('shows why it was not saved', async () => {
    start({}, { ok: false, reason: 'managed' });
    press('ArrowDown', 4);
    press('Enter');
    act(() => userClick(button('Skip this step')));
    act(() => userClick(button('Skip this step')));
    await act(async () => userClick(button('Save')));
    await vi.waitFor(() => expect(card().dataset.phase).toBe('failed'));
    expect(host.textContent).toContain('your organisation set a recipe for these pages');
  });
});

describe('picker, with the pointer', () => {
  it('follows the pointer over the layer and picks on click', () => {
    const born = document.querySelector('[data-testid="pt-born"]')!;
    (document as unknown as { elementsFromPoint(x: number, y: number): Element[] }).elementsFromPoint = () => [layer, born.firstChild ? born : born, document.body];
    start();
    act(() => void userPointer(layer, 'mousemove', 10, 10));
    expect(selectedText()).toBe('2019-03-04');
    const click = userPointer(layer, 'click', 10, 10);
    expect(click.defaultPrevented).toBe(true);
    expect(card().dataset.step).toBe('exam');
  });
});

describe("the page's scripts cannot drive the picker", () => {
  it('ignores untrusted keys, clicks on its buttons and pointer events', () => {
    const born = document.querySelector('[data-testid="pt-born"]')!;
    (document as unknown as { elementsFromPoint(x: number, y: number): Element[] }).elementsFromPoint = () => [born];
    start();
    act(() => void userKey(card(), 'ArrowDown', false));
    expect(picker.selected()).toBeNull();
    act(() => void userPointer(layer, 'mousemove', 1, 1, false));
    act(() => void userPointer(layer, 'click', 1, 1, false));
    expect(picker.selected()).toBeNull();
    press('ArrowDown', 4);
    act(() => scriptedClick(button('Use this field')));
    act(() => scriptedClick(button('Cancel')));
    act(() => void userKey(card(), 'Escape', false));
    expect([card().dataset.step, removed]).toEqual(['patient', 0]);
  });
});
