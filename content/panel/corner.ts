/**
 * Where the collapsed pill goes: the first corner (bottom-right, bottom-left, top-right,
 * top-left) where it covers none of the page's controls. The page is asked what is under a few
 * points of the pill's would-be rectangle (`elementFromPoint`, which skips our click-through host).
 * A control under the pill scores high, a canvas or video (a viewer's image) low; the lowest
 * score wins, ties in the order above.
 */
import type { PanelCorner } from './view-model';

export const CORNERS: readonly PanelCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** What counts as one of the page's controls. */
const CONTROL = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="checkbox"]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export interface CornerGeometry {
  viewportWidth: number;
  viewportHeight: number;
  /** Size of the collapsed pill plus a safety margin. */
  pillWidth: number;
  pillHeight: number;
  /** Distance from the viewport edges (matches panel.css). */
  inset: number;
}

export const DEFAULT_GEOMETRY: Omit<CornerGeometry, 'viewportWidth' | 'viewportHeight'> = {
  pillWidth: 220,
  pillHeight: 40,
  inset: 12,
};

/**
 * A control under the pill scores 10, a viewer image 1. An element matching CONTROL that covers a
 * quarter of the viewport or more is a container (jQuery Mobile gives each page `tabindex="0"`), not
 * a control.
 */
function score(el: Element | null, viewportArea: number): number {
  if (!el) return 0;
  const control = el.closest(CONTROL);
  if (control) {
    const r = control.getBoundingClientRect();
    if (r.width * r.height < viewportArea / 4) return 10;
  }
  if (el.closest('canvas,video,svg')) return 1;
  return 0;
}

export function chooseCorner(g: CornerGeometry, elementAt: (x: number, y: number) => Element | null): PanelCorner {
  let best: PanelCorner = CORNERS[0]!;
  let bestScore = Infinity;
  for (const corner of CORNERS) {
    const right = corner.endsWith('right');
    const bottom = corner.startsWith('bottom');
    const x0 = right ? g.viewportWidth - g.inset - g.pillWidth : g.inset;
    const y0 = bottom ? g.viewportHeight - g.inset - g.pillHeight : g.inset;
    const xs = [x0 + 2, x0 + g.pillWidth / 2, x0 + g.pillWidth - 2];
    const ys = [y0 + 2, y0 + g.pillHeight / 2, y0 + g.pillHeight - 2];
    let s = 0;
    for (const x of xs) for (const y of ys) s += score(elementAt(x, y), g.viewportWidth * g.viewportHeight);
    if (s < bestScore) {
      best = corner;
      bestScore = s;
      if (s === 0) break;
    }
  }
  return best;
}
