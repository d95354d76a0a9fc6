/**
 * OpenMRS 3 (O3) patient chart, from saved pages written from its source (openmrs/openmrs-esm-patient-chart
 * `packages/esm-patient-banner-app/src/banner/patient-banner.component.tsx`, openmrs/openmrs-esm-core
 * `esm-styleguide/src/patient-banner/patient-info/patient-banner-patient-info.component.tsx`, `esm-utils` age helpers):
 * - Chart URL `/openmrs/spa/patient/<uuid>/chart[/<page>]`.
 * - Banner: a `role="banner"` container with CSS-module classes (hashed names keep the local name, so
 *   `[class*="patientName"]`, `[class*="demographics"]`); the demographics line shows the age (`4 yrs, 1 mth`,
 *   NHS CUI style, computed for today) and the birth date (`formatDate`, e.g. `15-Aug-2020`).
 * - The patient search overlay also renders banners (other patients): only the banner outside search results is read.
 * - Orders / imaging pages: tables whose headers name an order/study date and the order or study description
 *   → one record per row, with the banner's birth date (so each row has its own age at its own date).
 * - A chart with no banner of that shape is read by the generic reader (`unknownShape`).
 *
 * Test URLs (fixtures in tests/fixtures/pages/openmrs-o3/):
 *   http://127.0.0.1:8080/openmrs/spa/patient/5b3d8a3e-0000-4000-8000-000000000001/chart/Orders
 *   http://127.0.0.1:8080/openmrs/spa/patient/5b3d8a3e-0000-4000-8000-000000000002/chart/Imaging
 */
import { parseAgeText } from '../parse/age';
import { parseDate } from '../parse/dates';
import type { Fact, FactTable } from '../types';
import { findings, pushFact, type SiteProfile, textOf } from './profile';
import { readListTable } from './table';

const NAME = 'OpenMRS O3';
const CHART = /\/spa\/patient\/[^/]+\/chart/;

function chartBanner(doc: Document): Element | null {
  for (const b of Array.from(doc.querySelectorAll('[role="banner"]'))) {
    if (!b.querySelector('[class*="demographics"]')) continue;
    // Patient search results reuse the banner component for other patients.
    if (b.closest('[class*="searchResult"], [class*="search-result"], [class*="patientSearch"], [role="search"], [role="dialog"]')) continue;
    return b;
  }
  return null;
}

export const openmrsO3: SiteProfile = {
  id: 'openmrs-o3',
  name: NAME,
  tested: 'saved',
  ordersByGenericReader: true,
  matches(doc, url) {
    return CHART.test(url.pathname) || (url.pathname.includes('/openmrs/spa/') && doc.querySelector('[data-extension-slot-name]') !== null);
  },
  routeContainer(doc) {
    return doc.querySelector('main') ?? doc.body;
  },
  read(doc) {
    const primary: Fact[] = [];
    const banner = chartBanner(doc);
    if (banner) {
      const demographics = banner.querySelector('[class*="demographics"]')!;
      for (const span of Array.from(demographics.querySelectorAll('span'))) {
        if (span.childElementCount > 0) continue;
        const t = textOf(span);
        if (!t || t === '·') continue;
        if (parseDate(t).ok) pushFact(primary, 'birthDate', t, `${NAME} · patient banner · birth date`);
        else if (parseAgeText(t)) pushFact(primary, 'ageText', t, `${NAME} · patient banner · age`);
      }
    }
    const main = doc.querySelector('main') ?? doc.body;
    const patient = primary.filter((f) => f.kind === 'birthDate' || f.kind === 'ageText');
    const tables: FactTable[] = [];
    for (const table of Array.from(main.querySelectorAll('table')) as HTMLTableElement[]) {
      if (banner && banner.contains(table)) continue;
      const t = readListTable(table, (c) => `${NAME} · ${c.label}`, patient);
      if (t) tables.push(t);
    }
    const read = { ...findings(this.id, primary, [], [{ kind: 'profile', text: NAME, where: banner ? 'chart banner' : 'no chart banner' }]), tables };
    // No chart banner this profile knows (another O3 version, a reskinned banner): the generic reader reads the
    // patient and the exam of the whole page (its own lists included), rather than list rows with no patient.
    return banner ? read : { ...read, unknownShape: true };
  },
};
