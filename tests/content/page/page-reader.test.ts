import { afterEach, describe, expect, it } from 'vitest';
import { borrowPageReader, lendPageReader, type PageReader } from '@/content/page/page-reader';
import { readAndAnalyze } from '@/content/read/analyze';
import { decide } from '@/content/read/decide';
import { routeContainerOf } from '@/content/page/route-container';

const KEY = Symbol.for('image-gently-companion.page-reader');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('page reader lent by content.js', () => {
  it('is null in a frame where content.js never ran', () => {
    expect(borrowPageReader()).toBeNull();
  });

  it('gives later scripts of the frame the very functions content.js lent', () => {
    const reader: PageReader = { read: readAndAnalyze, routeContainer: routeContainerOf, decide };
    lendPageReader(reader);
    expect(borrowPageReader()).toBe(reader);
  });
});
