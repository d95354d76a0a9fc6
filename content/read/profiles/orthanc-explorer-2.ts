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
 * Every study row is a record; the expanded study (if any) is the open record, and its details (`Label: value` items of
 * the study's and the patient's tags — `StudyDate: 20261207`, `PatientAge: 012Y`, `Patient Birth Date: …` — and the
 * Modality and Body Part columns of its series table) give what the list's configured columns do not show.
 *
 * Test URLs (synthetic fixtures in tests/fixtures/pages/orthanc-explorer-2/):
 *   http://127.0.0.1:8042/ui/app/#/                       (study list, one study expanded)
 *   http://127.0.0.1:8042/ui/app/#/filtered-studies?StudyDate=20261120  (filtered list, none expanded)
 */
import type { Fact, FactKind } from '../types';
import { labelKind } from './labels';
import { findings, pushFact, type SiteProfile } from './profile';
import { bodiesOf, mapColumns, pushLabelled, rowFacts, rowsOf } from './table';

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
        if (details) detailFacts(primary, details);
      }
    }
    return findings(this.id, primary, rows, notes);
  },
};

/** Items and series rows of an expanded study's details read at most (a study has a few dozen tags and series). */
const MAX_DETAIL_ITEMS = 80;
/** Kinds a study's details add to its row; the row's own columns come first. */
const DETAIL_KINDS: ReadonlySet<string> = new Set(['age', 'birthDate', 'examDate', 'procedure', 'modality', 'bodyPart']);
const ITEM = /^\s*([^:]{1,40}):\s*([^]*)$/;

/** The expanded study's details → facts of kinds its row does not hold already (see the file comment). */
function detailFacts(primary: Fact[], details: Element): void {
  const had = new Set<FactKind | 'age'>(primary.map((f) => (f.kind === 'patientAge' || f.kind === 'ageText' ? 'age' : f.kind)));
  const where = `${NAME} · expanded study`;
  const items = details.querySelectorAll('li');
  for (let i = 0; i < items.length && i < MAX_DETAIL_ITEMS; i++) {
    const m = ITEM.exec(items[i]!.textContent ?? '');
    const kind = m ? labelKind(m[1]!.trim()) : undefined;
    if (!kind || !DETAIL_KINDS.has(kind) || had.has(kind)) continue;
    pushLabelled(primary, kind, m![2]!, `${where} · ${m![1]!.trim()}`, m![1]!);
  }
  // The series table: each series' modality and body part (a study of CR series whose list row shows no modality).
  for (const table of Array.from(details.querySelectorAll('table')).slice(0, 4)) {
    const header = table.querySelector('thead tr');
    if (!header) continue;
    const cols = mapColumns(header.children).filter((c) => (c.kind === 'modality' || c.kind === 'bodyPart') && !had.has(c.kind));
    if (cols.length === 0) continue;
    const body = table.querySelector('tbody');
    const rows = body ? rowsOf(body as HTMLTableSectionElement) : [];
    const seen = new Set<string>();
    for (let r = 0; r < rows.length && r < MAX_DETAIL_ITEMS; r++) {
      for (const c of cols) {
        const text = (rows[r]!.cells[c.index]?.textContent ?? '').trim();
        if (!text || seen.has(`${c.kind}|${text}`)) continue;
        seen.add(`${c.kind}|${text}`);
        pushLabelled(primary, c.kind, text, `${where} · series · ${c.label}`);
      }
    }
  }
}
