// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chooseCorner, DEFAULT_GEOMETRY } from '@/content/panel/corner';

const geometry = { ...DEFAULT_GEOMETRY, viewportWidth: 1280, viewportHeight: 800 };

/** A page laid out as rectangles; elementAt returns the element whose rectangle holds the point. */
function layout(boxes: { el: Element; x: number; y: number; w: number; h: number }[]) {
  const body = document.createElement('div');
  return (x: number, y: number) =>
    boxes.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)?.el ?? body;
}
const el = (tag: string, attrs: Record<string, string> = {}, child?: Element) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (child) e.append(child);
  return e;
};

describe('chooseCorner', () => {
  it('takes the bottom-right corner of an empty page', () => {
    expect(chooseCorner(geometry, layout([]))).toBe('bottom-right');
  });

  it('moves away from a Save button in the bottom-right corner', () => {
    const save = el('button');
    expect(chooseCorner(geometry, layout([{ el: save, x: 1100, y: 740, w: 170, h: 50 }]))).toBe('bottom-left');
  });

  it('counts elements inside a control (an icon inside a link) as the control', () => {
    const span = el('span');
    el('a', { href: '/next' }, span);
    const boxes = [
      { el: span, x: 0, y: 700, w: 1280, h: 100 }, // a pager along the bottom
    ];
    expect(chooseCorner(geometry, layout(boxes))).toBe('top-right');
  });

  it('prefers covering a viewer image over covering a control', () => {
    const canvas = el('canvas');
    const tab = el('div', { role: 'tab' });
    const boxes = [
      { el: tab, x: 0, y: 0, w: 1280, h: 60 },
      { el: el('input'), x: 0, y: 740, w: 400, h: 60 },
      { el: canvas, x: 400, y: 60, w: 880, h: 740 },
    ];
    expect(chooseCorner(geometry, layout(boxes))).toBe('bottom-right');
  });

  it('does not take a page-sized focusable container (a jQuery Mobile page) for a control', () => {
    const page = el('div', { tabindex: '0' });
    page.getBoundingClientRect = () => ({ x: 0, y: 0, width: 1280, height: 800, top: 0, left: 0, right: 1280, bottom: 800, toJSON: () => ({}) }) as DOMRect;
    const save = el('button');
    save.getBoundingClientRect = () => ({ x: 1100, y: 740, width: 170, height: 50, top: 740, left: 1100, right: 1270, bottom: 790, toJSON: () => ({}) }) as DOMRect;
    page.append(save);
    const boxes = [
      { el: save, x: 1100, y: 740, w: 170, h: 50 },
      { el: page, x: 0, y: 0, w: 1280, h: 800 },
    ];
    expect(chooseCorner(geometry, layout(boxes))).toBe('bottom-left');
  });

  it('falls back to the least covered corner when every corner has controls', () => {
    const b = () => el('button');
    const boxes = [
      { el: b(), x: 1040, y: 740, w: 240, h: 60 }, // fully covers bottom-right
      { el: b(), x: 0, y: 740, w: 240, h: 60 }, // fully covers bottom-left
      { el: b(), x: 1250, y: 0, w: 30, h: 60 }, // one column of points top-right
      { el: b(), x: 0, y: 0, w: 240, h: 60 },
    ];
    expect(chooseCorner(geometry, layout(boxes))).toBe('top-right');
  });
});
