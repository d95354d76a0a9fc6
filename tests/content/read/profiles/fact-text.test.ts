/** A fact's text: white space folded, trimmed, capped — the same answer whichever path computes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factText, MAX_FACT_CHARS } from '../../../../content/read/profiles/profile';

/** The definition, written out plainly. */
function folded(raw: string): string {
  const t = raw.slice(0, 4 * MAX_FACT_CHARS).replace(/\s+/g, ' ').trim();
  return t.length > MAX_FACT_CHARS ? t.slice(0, MAX_FACT_CHARS).trimEnd() : t;
}

describe('factText', () => {
  it('folds, trims and caps', () => {
    expect(factText('  CT\u00a0HEAD \n W/O  ')).toBe('CT HEAD W/O');
    expect(factText('20201105')).toBe('20201105');
    expect(factText('Ñandú  López')).toBe('Ñandú López');
    expect(factText('x'.repeat(MAX_FACT_CHARS + 5))).toHaveLength(MAX_FACT_CHARS);
    expect(factText(' ')).toBe('');
  });

  it('agrees with the plain definition on any text (clean cells and messy ones)', () => {
    const chars = fc.constantFrom('a', 'Z', '7', '/', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', 'é', '~', '\u007f');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(factText(s)).toBe(folded(s));
      }),
      { numRuns: 2000 },
    );
  });
});
