import { afterEach, describe, expect, it } from 'vitest';
import { ssde } from '../../../clinical/ssde';
import type { PacsDose } from '../../../content/pacs/measure';
import { alongScanView, buildPacsSection, noteText } from '../../../content/pacs/section-view';
import { setTestLocale } from '../../setup/i18n-shim';

afterEach(() => setTestLocale('en'));

const phantom32 = { kind: 'known' as const, cm: 32 as const, code: { value: '113691', scheme: 'DCM', meaning: 'IEC Body Dosimetry Phantom' } };
function dose(over: Partial<PacsDose> = {}): PacsDose {
  const ctdi = { mGy: 5, from: 'rdsr' as const, phantom: phantom32 };
  return {
    system: 'orthanc',
    sourceLabel: 'Orthanc REST API',
    ctdi,
    slice: { seriesDescription: 'AXIAL 5MM', seriesNumber: 2, instanceNumber: 3, zMm: -10, index: 3, count: 5 },
    dw: { dwCm: 16.02, areaCm2: 201.4, meanHu: -0.4, warnings: [] },
    region: 'body',
    ssde: ssde({ ctdiVolMGy: 5, phantom: 32, region: 'body', bodyPart: 'abdomen-pelvis', size: { metric: 'dw', dwCm: 16.02 } }),
    scanner: null,
    notes: [],
    ...over,
  };
}

describe('PACS section view', () => {
  it('shows SSDE, Dw and CTDIvol with their sources, the method, the slice and where it was read', () => {
    const v = buildPacsSection(dose(), [], 'en');
    expect(v.numbers.map((n) => [n.id, n.value])).toEqual([
      ['pacs-ssde', '10.3 mGy'],
      ['pacs-dw', '16.0 cm'],
      ['pacs-ctdi', '5.0 mGy'],
    ]);
    expect(v.numbers[0]!.detail).toBe('f 2.06 × CTDIvol 5.0 mGy');
    expect(v.numbers[0]!.source).toContain('AAPM 220');
    expect(v.numbers[2]!.detail).toContain('32 cm phantom');
    expect(v.numbers[2]!.detail).toContain('RDSR');
    expect(v.lines).toEqual([
      'Method: DICOM CID 10023 113988 (Estimated from Water Equivalent Diameter)',
      'Slice used: 3 of 5 along the scan (z = -10.0 mm), series "AXIAL 5MM"',
      "Read from the site's own Orthanc REST API (same-origin requests; nothing leaves this computer)",
    ]);
    expect(v.canMeasureAlongScan).toBe(true);
  });

  it('formats for Spanish readers (decimal comma, TC glossary)', () => {
    setTestLocale('es');
    const v = buildPacsSection(dose(), [], 'es');
    expect(v.numbers[0]!.value).toBe('10,3 mGy');
    expect(v.numbers[2]!.detail).toContain('maniquí de 32 cm');
  });

  it('labels both candidates when the phantom is unknown, and never shows one number', () => {
    const unknown = { kind: 'unknown' as const };
    const v = buildPacsSection(
      dose({
        ctdi: { mGy: 5, from: 'image-header', phantom: unknown },
        ssde: ssde({ ctdiVolMGy: 5, phantom: 'unknown', region: 'body', size: { metric: 'dw', dwCm: 16 } }),
        notes: [{ code: 'no-phantom' }],
      }),
      [],
      'en',
    );
    expect(v.numbers.filter((n) => n.id.startsWith('pacs-ssde')).map((n) => [n.label, n.value])).toEqual([
      ['If CTDIvol is referenced to the 16 cm phantom', '5.0 mGy'], // 1.874799·e^(−0.03871313·16) × 5 = 5.05
      ['If CTDIvol is referenced to the 32 cm phantom', '10.3 mGy'],
    ]);
    expect(v.notes.join(' ')).toContain('both');
    expect(v.canMeasureAlongScan).toBe(false);
  });

  it("shows the scanner's own values when they differ, and says so when they agree", () => {
    const differ = buildPacsSection(dose({ scanner: { ssdeMGy: 11.2, dwCm: 14, method: null } }), [], 'en');
    expect(differ.scanner).toBe("The scanner's own: Dw 14.0 cm, SSDE 11.2 mGy");
    const agree = buildPacsSection(dose({ scanner: { ssdeMGy: 10.2, dwCm: 16.1, method: null } }), [], 'en');
    expect(agree.scanner).toBe("The scanner's dose report gives the same (within 5%).");
  });

  it('turns every note into a sentence, with its detail', () => {
    expect(noteText({ code: 'cannot-decode', detail: 'RLE Lossless' })).toBe(
      'Cannot decode RLE Lossless: the images are stored compressed, so Dw cannot be measured here.',
    );
    expect(noteText({ code: 'api-unauthorized' })).toContain('HTTP 401');
    expect(noteText({ code: 'ssde-refused', detail: 'head-needs-16cm-phantom' })).toContain('16 cm');
    const v = buildPacsSection(null, [{ code: 'api-timeout' }], 'en');
    expect(v).toMatchObject({ numbers: [], notes: ['The PACS API did not answer in time.'] });
  });

  it('says "SSDE along the scan" as its mean with the method, or as the note of what went wrong', () => {
    const slices = [{ zMm: 0, dwCm: 16, ssdeMGy: 10.3 }, { zMm: -5, dwCm: 16.2, ssdeMGy: 10.2 }];
    expect(alongScanView({ methodCode: '113989', slices, meanSsdeMGy: 10.25, meanDwCm: 16.1 }, 'en')).toEqual({
      text: 'Mean SSDE along the scan: 10.3 mGy (Dw 16.1 cm on average, 2 slices)',
      method: true,
    });
    expect(alongScanView({ code: 'api-timeout' }, 'en')).toEqual({ text: 'The PACS API did not answer in time.', method: false });
  });
});
