/**
 * Page object: the Image Gently panel as a user meets it — a pill, a card, buttons by their label.
 * Works with Playwright and puppeteer pages (only `evaluate` is used); reaches into the open shadow
 * root of `<image-gently-panel>`.
 */
import type { EvalPage } from './orthanc-explorer';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Press the pill (expand or collapse) the way a click would. */
export async function togglePanel(page: EvalPage): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('image-gently-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('.igp-pill')?.click();
  }, null);
}

export async function isExpanded(page: EvalPage): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card'), null);
}

/** The card's text (what a sighted user reads), or '' when collapsed. */
export async function cardText(page: EvalPage): Promise<string> {
  return page.evaluate(() => {
    const card = document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-card');
    if (!card) return '';
    card.querySelector('details')?.setAttribute('open', '');
    return (card.textContent ?? '').replace(/\s+/g, ' ').trim();
  }, null);
}

/** A page whose mouse makes real (trusted) input: Playwright's and puppeteer's both do. */
export interface MousePage extends EvalPage {
  mouse: { click(x: number, y: number): Promise<unknown> };
}

/**
 * Click a button of the card by its label with the mouse, as the user does (the panel ignores a page script's
 * `button.click()` on the buttons that write settings); false when there is none.
 */
export async function clickButton(page: MousePage, label: string): Promise<boolean> {
  const centre = await page.evaluate((text: string) => {
    const root = document.querySelector('image-gently-panel')?.shadowRoot;
    const b = [...(root?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === text);
    if (!b) return null;
    b.scrollIntoView({ block: 'center' });
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, label);
  if (!centre) return false;
  await page.mouse.click(centre.x, centre.y);
  return true;
}

export async function pillRect(page: EvalPage): Promise<Rect | null> {
  return page.evaluate(() => {
    const r = document.querySelector('image-gently-panel')?.shadowRoot?.querySelector('.igp-pill')?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  }, null);
}

/**
 * Rectangles of the page's own visible controls (links, buttons, inputs …). Focusable containers
 * as large as a quarter of the viewport (a jQuery Mobile page has tabindex=0) are not controls.
 */
export async function pageControlRects(page: EvalPage): Promise<Rect[]> {
  return page.evaluate(() => {
    const out: { x: number; y: number; width: number; height: number }[] = [];
    const quarter = (innerWidth * innerHeight) / 4;
    for (const el of Array.from(document.querySelectorAll('a[href],button,input,select,textarea,[role=button],[tabindex]'))) {
      if (el.closest('image-gently-panel')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width > 0 && r.height > 0 && r.width * r.height < quarter && style.visibility !== 'hidden' && style.display !== 'none') {
        out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
      }
    }
    return out;
  }, null);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
