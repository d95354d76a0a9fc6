/**
 * Orthanc Explorer 2 (Vue app, `/ui/app/`), from saved pages written from its source
 * (orthanc-server/orthanc-explorer-2 `WebApplication/src/components/StudyList.vue`, `StudyItem.vue`,
 * `Plugin/DefaultConfiguration.json`):
 * - `table.study-table` with `thead.study-table-header th.study-table-title` = one title per configured column
 *   (`StudyListColumns`, default PatientBirthDate, PatientName, PatientID, StudyDescription, StudyDate, modalities,
 *   AccessionNumber, seriesAndInstancesCount), after a checkbox column (and optional viewer/PDF icon columns).
 * - One `tbody` per study (StudyItem): first `tr` (`study-row-collapsed` / `study-row-expanded`) has one `td` per
 *   header `th`; an expanded study also has `tr#study-details-<id>` with its details.
 * - Dates use the configured `DateFormat` (default `yyyyMMdd` = DICOM DA); a site with `dd/MM/yyyy` needs the
 *   per-site date order. Modalities are `ModalitiesInStudy` joined with ",".
 * Every study row is a record; the expanded study (if any) is the open record.
 *
 * Test URLs (synthetic fixtures in tests/fixtures/pages/orthanc-explorer-2/):
 *   http://127.0.0.1:8042/ui/app/#/                       (study list, one study expanded)
 *   http://127.0.0.1:8042/ui/app/#/filtered-studies?StudyDate=20261120  (filtered list, none expanded)
 */
import type { Fact } from '../types';
import { findings, pushFact, type SiteProfile } from './profile';
import { bodiesOf, mapColumns, rowFacts, rowsOf } from './table';

const NAME = 'Orthanc Explorer 2';

export const orthancExplorer2: SiteProfile = {
  id: 'orthanc-explorer-2',
  name: NAME,
  tested: 'saved',
  matches(doc, url) {
    // The OE2 route root (its Vue mount point, `#app`) or its study table anywhere.
    return (
      (url.pathname.toLowerCase().includes('/ui/app') && doc.getElementById('app') !== null) ||
      doc.querySelector('table.study-table > thead.study-table-header') !== null
    );
  },
  routeContainer(doc) {
    return doc.getElementById('app') ?? doc.querySelector('table.study-table')?.parentElement ?? null;
  },
  read(doc) {
    const table = doc.querySelector('table.study-table') as HTMLTableElement | null;
    const notes = [{ kind: 'profile', text: NAME, where: table ? 'study list' : 'no study list' }];
    if (!table) return findings(this.id, null, [], notes);
    const header = table.querySelector('thead.study-table-header tr');
    const cols = header ? mapColumns(header.children) : [];
    const wheres = cols.map((c) => `${NAME} · study list · ${c.label}`);
    const rows: Fact[][] = [];
    let primary: Fact[] | null = null;
    for (const body of bodiesOf(table)) {
      const first = rowsOf(body as HTMLTableSectionElement)[0];
      if (!first) continue;
      const facts = rowFacts(first.cells, cols, wheres, []);
      if (facts.length === 0) continue;
      rows.push(facts);
      if (first.classList.contains('study-row-expanded') && !primary) {
        primary = facts.slice();
        const details = body.querySelector('tr[id^="study-details-"]');
        const id = details?.id.slice('study-details-'.length);
        if (id) pushFact(primary, 'examKey', id, `${NAME} · expanded study`);
      }
    }
    return findings(this.id, primary, rows, notes);
  },
};
