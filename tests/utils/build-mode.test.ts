import { describe, expect, it } from 'vitest';
import { isE2eMode } from '@/utils/build-mode';

describe('isE2eMode', () => {
  it.each([
    ['e2e', true],
    ['e2e-runtime', true],
    ['production', false],
    ['development', false],
    ['test', false],
    ['E2E', false],
    ['e2e-other', false],
    ['', false],
  ])('%j → %s', (mode, expected) => {
    expect(isE2eMode(mode)).toBe(expected);
  });
});
