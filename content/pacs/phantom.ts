import type { CodedConcept } from './dicom-data';
import { own } from '@/utils/own';

/**
 * The CTDI phantom a CTDIvol is referenced to, from CTDIPhantomTypeCodeSequence (0018,9346) in an image
 * header or the "CTDIw Phantom Type" row (DCM 113835) of an RDSR — both use DICOM CID 4052 "Phantom Device".
 *
 * Code values (checked 2026-11 against three independent copies of the standard's tables):
 * - DCM 113690 = 16 cm head phantom, DCM 113691 = 32 cm body phantom. pydicom's generated concept table
 *   (`src/pydicom/sr/_concepts_dict.py`: "IEC Head Dosimetry Phantom" / "IEC Body Dosimetry Phantom", CIDs 4051, 4052),
 *   dcm4che2 `org.dcm4che2.code.PhantomDevices` ("CID 4052 Phantom Devices"), and PixelMed
 *   `com/pixelmed/dose/CTPhantomType.java` (113690 → HEAD16, 113691 → BODY32) agree.
 * - Newer editions move these into CID 4053 "CTDI Phantom Device" (included by CID 4052) and reword the
 *   meanings to "IEC 160mm Head CT Dosimetry Phantom" / "IEC 320mm Body CT Dosimetry Phantom", adding
 *   DCM 130541 "100 mm Pediatric Head CT Dosimetry Phantom" (bvdh/dicom-terminology-in-fhir, ValueSet CID 4053,
 *   version 20250331). So the code value decides; the meaning is only a fallback when no DCM code is given.
 * - A 10 cm phantom is outside AAPM Reports 204/220/293: no SSDE factor exists for it.
 */
export type PhantomReading =
  | { kind: 'known'; cm: 16 | 32; code: CodedConcept }
  | { kind: 'unsupported'; code: CodedConcept }
  /** No phantom given, or a code that names no CTDI phantom we know (kept for display). */
  | { kind: 'unknown'; code?: CodedConcept };

/** DCM code values of CID 4052/4053 that name a CTDI phantom (sources above). */
const DCM_CTDI_PHANTOMS: Record<string, 16 | 32 | 10> = {
  '113690': 16, // IEC Head Dosimetry Phantom (16 cm)
  '113691': 32, // IEC Body Dosimetry Phantom (32 cm)
  '130541': 10, // 100 mm Pediatric Head CT Dosimetry Phantom
};

/** Code meanings seen for those codes across editions (lower case), for items that carry no DCM code value. */
const MEANINGS: Record<string, 16 | 32 | 10> = {
  'iec head dosimetry phantom': 16,
  'iec 160mm head ct dosimetry phantom': 16,
  'iec body dosimetry phantom': 32,
  'iec 320mm body ct dosimetry phantom': 32,
  '10 cm dosimetry phantom': 10,
  '100 mm pediatric head ct dosimetry phantom': 10,
};

export function phantomFromCode(code: CodedConcept | null): PhantomReading {
  if (!code) return { kind: 'unknown' };
  const byCode = code.scheme.toUpperCase() === 'DCM' ? own(DCM_CTDI_PHANTOMS, code.value) : undefined;
  const cm = byCode ?? (code.value === '' || code.scheme.toUpperCase() !== 'DCM'
    ? own(MEANINGS, code.meaning.trim().toLowerCase().replace(/\s+/g, ' '))
    : undefined);
  if (cm === 16 || cm === 32) return { kind: 'known', cm, code };
  if (cm === 10) return { kind: 'unsupported', code };
  // Another device of CID 4052 or a private code: the reference phantom stays unknown (both candidates are shown).
  return { kind: 'unknown', code };
}
