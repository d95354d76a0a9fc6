/** Field labels: the kind a label names, and the Modality labels that name an intervention's guidance. */
import { describe, expect, it } from 'vitest';
import { labelKind, labelNamesGuidance } from '../../../../content/read/profiles/labels';

describe('labelNamesGuidance', () => {
  it.each([
    ['Guidance:', true],
    ['Imaging guidance', true],
    ['IMAGE GUIDANCE *', true],
    ['Guided by', true],
    ['Guía de imagen:', true],
    ['Guiado por', true],
    ['Modality:', false],
    ['Modalidad', false],
    ['Modalité', false],
    ['Guide', false],
    ['Patient guide', false],
    ['Date of birth', false],
    ['', false],
    ['Imaging guidance '.repeat(4), false],
  ])('%j → %s', (label, expected) => {
    expect(labelNamesGuidance(label)).toBe(expected);
  });

  it('every guidance label is a Modality label', () => {
    for (const label of ['Guidance', 'Imaging guidance', 'Image guidance', 'Guidance modality', 'Guided by', 'Guía', 'Guía de imagen', 'Guiado por', 'Guiada por']) {
      expect(labelNamesGuidance(label)).toBe(true);
      expect(labelKind(label)).toBe('modality');
    }
  });
});
