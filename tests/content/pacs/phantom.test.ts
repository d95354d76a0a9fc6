import { describe, expect, it } from 'vitest';
import { phantomFromCode } from '../../../content/pacs/phantom';

const code = (value: string, scheme: string, meaning: string) => ({ value, scheme, meaning });

describe('CTDI phantom from CID 4052 codes', () => {
  it('maps DCM 113690 to the 16 cm head phantom and 113691 to the 32 cm body phantom', () => {
    expect(phantomFromCode(code('113690', 'DCM', 'IEC Head Dosimetry Phantom'))).toMatchObject({ kind: 'known', cm: 16 });
    expect(phantomFromCode(code('113691', 'DCM', 'IEC Body Dosimetry Phantom'))).toMatchObject({ kind: 'known', cm: 32 });
  });

  it('lets the code value decide over a contradicting meaning', () => {
    expect(phantomFromCode(code('113691', 'DCM', 'IEC Head Dosimetry Phantom'))).toMatchObject({ cm: 32 });
  });

  it("accepts the newer editions' meanings", () => {
    expect(phantomFromCode(code('113690', 'DCM', 'IEC 160mm Head CT Dosimetry Phantom'))).toMatchObject({ cm: 16 });
    expect(phantomFromCode(code('', '', 'IEC 320mm Body CT Dosimetry Phantom'))).toMatchObject({ cm: 32 });
  });

  it('falls back to the meaning only when no DCM code value is given', () => {
    expect(phantomFromCode(code('', '', 'IEC Head Dosimetry Phantom'))).toMatchObject({ kind: 'known', cm: 16 });
    expect(phantomFromCode(code('X1', '99PRIV', 'iec  body dosimetry phantom'))).toMatchObject({ kind: 'known', cm: 32 });
    // A DCM code we do not know is not rescued by its meaning.
    expect(phantomFromCode(code('113682', 'DCM', 'IEC Body Dosimetry Phantom')).kind).toBe('unknown');
  });

  it('marks the 10 cm pediatric head phantom as outside the AAPM reports', () => {
    expect(phantomFromCode(code('130541', 'DCM', '100 mm Pediatric Head CT Dosimetry Phantom')).kind).toBe('unsupported');
  });

  it('says unknown for no code, free text and other phantoms — never a guess', () => {
    expect(phantomFromCode(null)).toEqual({ kind: 'unknown' });
    expect(phantomFromCode(code('', '', 'BODY')).kind).toBe('unknown');
    expect(phantomFromCode(code('113682', 'DCM', 'ACR Accreditation Phantom - CT')).kind).toBe('unknown');
  });
});
