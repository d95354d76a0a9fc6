import type { BodyPart } from '@/clinical/ssde';
import type { BodyRegion } from '@/content/read/types';

/** The SSDE module's body part for a region read from the exam (the AAPM 204 caveats depend on it). */
export function bodyPartOf(region: BodyRegion | null): BodyPart | undefined {
  switch (region) {
    case 'abdomen':
    case 'pelvis':
    case 'abdomen-pelvis':
      return 'abdomen-pelvis';
    case 'chest':
      return 'chest';
    case 'chest-abdomen-pelvis':
      return 'chest-abdomen-pelvis';
    case null:
      return undefined;
    default:
      return 'other';
  }
}
