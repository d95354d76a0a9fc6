import { noteForRequestError, type PacsNote } from '../measure';
import { ageYearsAt, doseReadOrder, ionizingCounts, isoDay, listStudies, recentRepeat, type ModalityCount, type RecentRepeat, type StudyList } from './model';
import { inBatches, type HistorySource } from './sources';
import { studyDose, type StudyDose } from './study-dose';

/**
 * The "This child on this PACS" reading: started once (when the section is opened, or once the page is idle),
 * then kept in memory for the page's life and never stored. The list comes first (two or three GETs); the dose
 * reads follow, most recent CT first, at most `MAX_DOSE_READS`, two at a time, each reported as it arrives.
 */

export type DoseState =
  | { state: 'pending' }
  | { state: 'read'; dose: StudyDose | null }
  | { state: 'failed'; note: PacsNote };

export type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed'; note: PacsNote }
  | {
      status: 'ready';
      list: StudyList;
      counts: ModalityCount[];
      repeat: RecentRepeat | null;
      /** Per study key, for the CT studies whose dose is read. */
      doses: ReadonlyMap<string, DoseState>;
      /** `YYYY-MM-DD` the 12 months are counted back from. */
      today: string;
      /** The source label ("Orthanc REST API", "DICOMweb"). */
      source: string;
    };

export interface HistoryHandle {
  readonly state: HistoryState;
  /** Starts the reading (once; later calls do nothing). */
  start(): void;
  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: (state: HistoryState) => void): () => void;
}

/** Today as `YYYY-MM-DD` on the page's clock (local date). */
export function localToday(now = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function createHistory(source: HistorySource, options: { today?: () => string; signal?: AbortSignal; doseWidth?: number } = {}): HistoryHandle {
  let state: HistoryState = { status: 'idle' };
  const listeners = new Set<(s: HistoryState) => void>();
  const set = (next: HistoryState) => {
    state = next;
    for (const l of listeners) l(state);
  };
  const aborted = () => options.signal?.aborted === true;

  async function run() {
    set({ status: 'loading' });
    let patient;
    try {
      patient = await source.patientStudies();
    } catch (e) {
      const note = noteForRequestError(e);
      if (note && !aborted()) set({ status: 'failed', note });
      return;
    }
    if (aborted()) return;
    const list = listStudies(patient.studies, patient.currentKey);
    const today = (options.today ?? localToday)();
    const toRead = doseReadOrder(list.all);
    const doses = new Map<string, DoseState>(toRead.map((s) => [s.key, { state: 'pending' }]));
    const base = { status: 'ready' as const, list, counts: ionizingCounts(list.all, today), repeat: recentRepeat(list.all), today, source: source.label };
    set({ ...base, doses: new Map(doses) });
    const birth = isoDay(patient.birthDate);
    await inBatches(toRead, options.doseWidth ?? 2, async (study) => {
      if (aborted()) return;
      let next: DoseState;
      try {
        const read = await source.doseSources(study);
        next = { state: 'read', dose: studyDose({ ...read, region: study.region, ageYears: ageYearsAt(birth, study.date) }) };
      } catch (e) {
        const note = noteForRequestError(e);
        if (!note) return;
        next = { state: 'failed', note };
      }
      if (aborted()) return;
      doses.set(study.key, next);
      set({ ...base, doses: new Map(doses) });
    });
  }

  return {
    get state() {
      return state;
    },
    start() {
      if (state.status !== 'idle') return;
      void run().catch(() => set({ status: 'failed', note: { code: 'api-malformed' } }));
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
  };
}
