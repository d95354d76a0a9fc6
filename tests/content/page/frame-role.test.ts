import { describe, expect, it } from 'vitest';
import { tabFactsAnswer } from '@/content/page/frame-role';

const facts = (pediatric: boolean) => ({ pediatric, campaigns: [], modality: null, siteEnabled: true });

describe('tabFactsAnswer (get-tab-facts, the same in content.js and panel.js)', () => {
  it('the top frame always answers', () => {
    expect(tabFactsAnswer('top', facts(false))).toEqual(facts(false));
    expect(tabFactsAnswer('top', facts(true))).toEqual(facts(true));
  });

  it('a cross-origin subframe answers only when it found a child, so it never hides the top frame’s answer', () => {
    expect(tabFactsAnswer('sub', facts(false))).toBeNull();
    expect(tabFactsAnswer('sub', facts(true))).toEqual(facts(true));
  });
});
