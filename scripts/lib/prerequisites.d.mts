export type Need = 'chromium' | 'firefox' | 'orthanc';
export const NEEDS: readonly Need[];
export const DICOMWEB_PLUGIN_CANDIDATES: string[];
export interface Prerequisites {
  chromium: string | null;
  firefox: string | null;
  orthanc: string | null;
  dicomWebPlugin: string | null;
  /** Needs that are not met (orthanc counts as missing when its DICOMweb plugin is). */
  missing: Need[];
  /** `sudo apt-get install -y …` for exactly what is missing ('' when nothing is). */
  aptLine: string;
}
export function aptLine(missing: Need[]): string;
export function prerequisites(): Prerequisites;
