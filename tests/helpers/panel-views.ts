/**
 * Hand-written PanelView values for component tests. Each is what a view builder would produce
 * for a situation the panel must handle; the strings are deliberately distinctive so a test can
 * find them in the rendered DOM.
 */
import type { PanelView } from '@/content/panel/view-model';

export function examView(overrides: Partial<PanelView> = {}): PanelView {
  return {
    mode: 'exam',
    pillText: 'Child · CT',
    ageText: '6 y 3 mo at the exam',
    examText: 'CT · CT ABDOMEN PELVIS W CONTRAST',
    list: null,
    campaigns: [
      {
        id: 'ct',
        title: 'Image Gently CT',
        reminders: ['Child-size the kVp and mA', 'One phase is usually enough'],
        link: { href: 'https://www.imagegently.org/Procedures/Computed-Tomography', label: 'Image Gently CT campaign' },
      },
    ],
    numbers: [
      {
        id: 'ssde-age',
        label: 'SSDE from age',
        value: '7.9 mGy',
        detail: 'CTDIvol 5.2 mGy (page text) × f 1.52',
        source: 'AAPM Report 204, Tables 1D and 3',
        estimate: true,
      },
    ],
    notes: [],
    evidence: [
      { kind: 'birthDate', text: 'Saturday, August 15, 2020', where: 'Patient card · PatientBirthDate', conflict: false, note: null },
      { kind: 'age', text: '006Y', where: 'Instance tags · PatientAge', conflict: true, note: 'birth date preferred' },
    ],
    canDismiss: true,
    ...overrides,
  };
}
