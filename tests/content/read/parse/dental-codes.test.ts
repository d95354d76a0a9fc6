import { describe, expect, test } from 'vitest';
import { dentalImagingCode } from '../../../../content/read/parse/dental-codes';

describe('dental imaging codes (CDT D0210–D0709) → modality', () => {
  test.each([
    ['D0210 Intraoral - complete series of radiographic images', 'IO'],
    ['D0220 intraoral periapical first image', 'IO'],
    ['D0230', 'IO'],
    ['D0240 occlusal', 'IO'],
    ['D0272 Bitewings - two radiographic images', 'IO'],
    ['D0274 bitewings - four images', 'IO'],
    ['D0277 vertical bitewings', 'IO'],
    ['D0330 Panoramic radiographic image', 'PX'],
    ['D0340 2D cephalometric radiographic image', 'PX'],
    ['D0364 Cone beam CT capture and interpretation, limited field of view', 'CT'],
    ['D0367', 'CT'],
    ['D0380 cone beam CT image capture', 'CT'],
    ['D0708 intraoral bitewing image capture only', 'IO'],
  ])('%s → %s', (text, modality) => {
    expect(dentalImagingCode(text)?.modality).toBe(modality);
  });
  test.each(['D0120 periodic oral evaluation', 'D0150 comprehensive oral evaluation', 'D1110 prophylaxis', 'tooth 3 MOD', 'D03300'])(
    'not imaging: %s',
    (text) => {
      expect(dentalImagingCode(text)).toBeNull();
    },
  );
});
