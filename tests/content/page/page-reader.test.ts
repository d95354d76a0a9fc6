import { afterEach, describe, expect, it } from 'vitest';
import { borrowPageReader, lendPageReader, type PageReader } from '@/content/page/page-reader';
import { readAndAnalyze } from '@/content/read/analyze';
import { decide } from '@/content/read/decide';
import { testRecipe } from '@/content/read/recipe/read';
import { routeContainerOf } from '@/content/page/route-container';

const KEY = Symbol.for('image-gently-companion.page-reader');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('page reader lent by reader.js', () => {
  it('is null in a frame where reader.js was not injected', () => {
    expect(borrowPageReader()).toBeNull();
  });

  it('gives the scripts of the frame the very functions reader.js lent', () => {
    const reader: PageReader = { read: readAndAnalyze, routeContainer: routeContainerOf, decide, testRecipe };
    lendPageReader(reader);
    expect(borrowPageReader()).toBe(reader);
  });
});
