/**
 * dcm4chee-arc-light UI (Angular, `/dcm4chee-arc/ui2/`), from saved pages written from its source
 * (dcm4che/dcm4chee-arc-light `dcm4chee-arc-ui2/src/app/helpers/dicom-studies-table/dicom-studies-table.component.html`,
 * `study/study/study.service.ts`):
 * - `div.j4care_dynamic_table` > `div.tr` per patient: `div.patient_block.table_item > div.td` cells (Patient's Name,
 *   Patient ID, Issuer, Birth Date, Sex, Patient Comments, #S), then, when expanded, `div.study_main_block > div.tr >
 *   div.study_block.table_item > div.td` per study (Study ID, Study Instance UID, Study Date, Study Time, SCU,
 *   Accession Number, Modalities, Study Description, #S, #I); on the MWL tab, `div.mwl_main_block > div.tr >
 *   div.mwl_block.table_item` per scheduled procedure step (Requested Procedure ID, SPS ID, SPS Start Date, SPS
 *   Start Time, SP Physician's Name, Accession Number, Modality, Description, SS AET, SPS Status): its date is
 *   the scheduled date.
 * - The single header row (`div.th`) switches with the hovered level, so cells cannot be mapped by header; they
 *   are recognised by shape: the patient's date cell is the birth date, a study's first date cell is its study date,
 *   its modality cell is a list of DICOM codes, its description is its longest cell with a space that is not a
 *   date, time or UID.
 * - Dates use `configuredDateTimeFormats` (default `yyyy-MM-dd`); other formats need the per-site date order.
 * Each study row is a record with its own patient's birth date; no study is "open" in this list view.
 *
 * Test URLs (fixtures in tests/fixtures/pages/dcm4chee/):
 *   http://127.0.0.1:8080/dcm4chee-arc/ui2/#/study/study   (patients with their studies expanded)
 */
import { parseDate } from '../parse/dates';
import { parseModalityCodes } from '../parse/procedure';
import type { Fact } from '../types';
import { findings, pushFact, type SiteProfile, textOf } from './profile';

const NAME = 'dcm4chee-arc';
const UID = /^\d+(?:\.\d+){3,}$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?$/;
const CODES = /^[A-Z]{2}(?:[\s,\\/]+[A-Z]{2})*$/;

function cellsOf(block: Element | null): string[] {
  if (!block) return [];
  return Array.from(block.children)
    .filter((c) => c.classList.contains('td'))
    .map((c) => textOf(c).replace(/\u00a0/g, ' ').trim());
}

export const dcm4chee: SiteProfile = {
  id: 'dcm4chee',
  name: NAME,
  tested: 'saved',
  matches(doc, url) {
    return url.pathname.toLowerCase().includes('/dcm4chee-arc/ui2') || doc.querySelector('div.j4care_dynamic_table div.patient_block') !== null;
  },
  routeContainer(doc) {
    return doc.querySelector('div.j4care_dynamic_table')?.parentElement ?? doc.querySelector('app-root');
  },
  read(doc, _url, options) {
    const table = doc.querySelector('div.j4care_dynamic_table');
    const rows: Fact[][] = [];
    if (table) {
      for (const patientRow of Array.from(table.children)) {
        if (!patientRow.classList.contains('tr')) continue;
        const patientCells = cellsOf(patientRow.querySelector(':scope > div.patient_block'));
        const patient: Fact[] = [];
        const birth = patientCells.find((t) => parseDate(t, options.dateOrder).ok);
        if (birth) pushFact(patient, 'birthDate', birth, `${NAME} · patient row · Birth Date`);
        const studies = patientRow.querySelectorAll(
          ':scope > div.study_main_block > div.tr > div.study_block, :scope > div.mwl_main_block > div.tr > div.mwl_block',
        );
        for (const studyBlock of Array.from(studies)) {
          const cells = cellsOf(studyBlock);
          const row = patient.slice();
          const date = cells.find((t) => !UID.test(t) && parseDate(t, options.dateOrder).ok);
          const step = studyBlock.classList.contains('mwl_block');
          if (date) pushFact(row, step ? 'scheduledDate' : 'examDate', date, `${NAME} · ${step ? 'scheduled step · SPS Start Date' : 'study row · Study Date'}`);
          const mod = cells.find((t) => CODES.test(t) && parseModalityCodes(t).length > 0);
          if (mod) pushFact(row, 'modality', mod, `${NAME} · study row · Modalities`);
          const description = cells
            .filter((t) => t.includes(' ') && t !== date && !UID.test(t) && !TIME.test(t))
            .sort((a, b) => b.length - a.length)[0];
          if (description) pushFact(row, 'procedure', description, `${NAME} · study row · Study Description`);
          if (row.length > patient.length) rows.push(row);
        }
      }
    }
    const read = findings(this.id, null, rows, [{ kind: 'profile', text: NAME, where: table ? 'patient/study list' : 'no list' }]);
    // No list of its own markup (a loading app, another version's or another screen's markup): the generic reader's
    // reading, when it finds a patient or a list (analyze.ts keeps this empty one when it finds nothing).
    return table ? read : { ...read, unknownShape: true };
  },
};
