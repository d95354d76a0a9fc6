/** A label's key: lower case, accents dropped, runs of anything but letters, digits and `#` one space, trimmed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelKey } from '../../../../content/read/profiles/profile';

/** The definition, written out plainly. */
function plainKey(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9#]+/g, ' ').trim();
}

describe('labelKey', () => {
  it('keys labels as written on screens', () => {
    expect(labelKey('Date of Birth:')).toBe('date of birth');
    expect(labelKey('  Fecha de nacimiento ')).toBe('fecha de nacimiento');
    expect(labelKey('Accession #')).toBe('accession #');
    expect(labelKey('Patient\u00a0 Age')).toBe('patient age');
    expect(labelKey('ÁREA')).toBe('area');
    expect(labelKey('mrn')).toBe('mrn');
    expect(labelKey('')).toBe('');
    expect(labelKey('   ')).toBe('');
  });

  it('agrees with the plain definition on any text (keys already, ASCII and beyond)', () => {
    const chars = fc.constantFrom('a', 'z', 'Q', '0', '9', '#', ' ', '  ', '\t', '\n', ':', '-', '_', '.', '/', '\u00a0', 'é', 'Ñ', 'ü', '\u0301', 'İ', '~');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join('')), (s) => {
        expect(labelKey(s)).toBe(plainKey(s));
      }),
      { numRuns: 3000 },
    );
  });
});
