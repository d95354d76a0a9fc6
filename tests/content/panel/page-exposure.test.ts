import { describe, expect, it } from 'vitest';
import { BUILD_EXPOSURE, CLOSED, OPEN_FOR_TESTS, panelExposure } from '@/content/panel/page-exposure';

describe('panelExposure', () => {
  it('closes the shadow root and drops the host attributes in every build but the e2e ones', () => {
    for (const mode of ['production', 'development', 'test', '', 'E2E']) expect(panelExposure(mode)).toEqual(CLOSED);
    expect(CLOSED).toEqual({ shadowMode: 'closed', hostAttributes: false });
  });

  it('keeps them open in the e2e builds, whose tests read them', () => {
    expect(panelExposure('e2e')).toEqual(OPEN_FOR_TESTS);
    expect(panelExposure('e2e-runtime')).toEqual(OPEN_FOR_TESTS);
    expect(OPEN_FOR_TESTS).toEqual({ shadowMode: 'open', hostAttributes: true });
  });

  it('is read from the build mode (vitest runs in mode "test": closed)', () => {
    expect(import.meta.env.MODE).toBe('test');
    expect(BUILD_EXPOSURE).toEqual(CLOSED);
  });
});
