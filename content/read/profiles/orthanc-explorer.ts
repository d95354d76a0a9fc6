/**
 * Orthanc Explorer (the legacy jQuery Mobile UI at /app/explorer.html), tested against the real one:
 * fixtures are full documents captured from Orthanc 1.10.1 by tests/fixtures/pages/capture-orthanc-explorer.mjs.
 *
 * Markup (jodogne/OrthancMirror `OrthancExplorer/explorer.js`; dates: docs/reference/page-formats.md §2):
 * - Each route is a static `div[data-role=page]` (#patient, #study, #series, #instance, #find-patients …); the
 *   visible one has `.ui-page-active`. Earlier routes stay in the DOM with the previous patient's cards, so only
 *   the active page is read.
 * - Cards: `ul#<route>-info` with `li[data-role=list-divider]` section titles (Patient / Study / Series / Instance)
 *   followed by a card `li` holding `h3.ui-li-heading` and `p.ui-li-desc` = `TagName: <strong>value</strong>`.
 * - Dates are Datejs 'dddd, MMMM d, yyyy' (English, e.g. "Saturday, August 15, 2020"); the instance page's tag tree
 *   (`#dicom-tree`, `span.title` = `gggg,eeee (Name): <strong>value</strong>`) shows raw DICOM (DA, AS, DS).
 * - PatientAge, PatientWeight and CTDIvol appear only in the instance page's tag tree.
 * - The patient page lists that patient's studies (`ul#list-studies`): one record per study, its own age at it.
 *
 * Test URLs (capture script: Orthanc on loopback, ids as in the fixtures):
 *   http://127.0.0.1:8042/app/explorer.html#patient?uuid=764f4b1f-32d52308-b124539a-a6e55339-f7f60d32  (child, 1 study)
 *   http://127.0.0.1:8042/app/explorer.html#study?uuid=d1983cbb-814fdf4f-db498fe8-bc2ec139-8549cc40    (child CT, 2288 days)
 *   http://127.0.0.1:8042/app/explorer.html#series?uuid=b6fecbda-26223841-8f0c3a54-ee0758d4-2a8e5370   (child CT series)
 *   http://127.0.0.1:8042/app/explorer.html#find-patients                                               (no record)
 */
import type { Fact } from '../types';
import { findings, pathEndsWith, pushFact, type SiteProfile, textOf } from './profile';
import { own } from '@/utils/own';

const NAME = 'Orthanc Explorer';

/** Card label (before the colon) → what it is. */
const CARD_FACTS: Record<string, Fact['kind']> = {
  PatientBirthDate: 'birthDate',
  StudyDate: 'examDate',
  Modality: 'modality',
  BodyPartExamined: 'bodyPart',
  ProtocolName: 'procedure',
  StudyInstanceUID: 'examKey',
};

/** Tag tree rows read on the instance page (group,element lower-case hex as Orthanc prints them). */
const TREE_FACTS: Record<string, [Fact['kind'], string, Partial<Fact>?]> = {
  '0010,1010': ['patientAge', 'PatientAge'],
  '0010,1030': ['weight', 'PatientWeight', { unit: 'kg' }], // DICOM PatientWeight is in kg (PS3.3 C.7.2.2)
  '0018,9345': ['ctdiVol', 'CTDIvol'],
  '0010,0030': ['birthDate', 'PatientBirthDate'],
  '0008,0020': ['examDate', 'StudyDate'],
  '0008,0060': ['modality', 'Modality'],
};

interface Card {
  section: string;
  heading: string;
  fields: Map<string, string>;
}

/** The cards of an info list, each tagged with the divider title above it. */
function readCards(list: Element | null): Card[] {
  const cards: Card[] = [];
  if (!list) return cards;
  let section = '';
  for (const li of Array.from(list.children)) {
    if (li.getAttribute('data-role') === 'list-divider') {
      section = textOf(li);
      continue;
    }
    cards.push(readCard(li, section));
  }
  return cards;
}

function readCard(li: Element, section: string): Card {
  const fields = new Map<string, string>();
  for (const p of Array.from(li.querySelectorAll('p.ui-li-desc'))) {
    const t = textOf(p);
    const colon = t.indexOf(':');
    if (colon > 0) fields.set(t.slice(0, colon).trim(), textOf(p.querySelector('strong')));
  }
  return { section, heading: textOf(li.querySelector('h3')), fields };
}

function cardFacts(card: Card, facts: Fact[], opts: { description: boolean }): void {
  const where = `${NAME} · ${card.section || 'card'}`;
  // The heading is the StudyDescription on Study cards and the SeriesDescription on Series cards.
  if (opts.description && (card.section === 'Study' || card.section === 'Series')) {
    pushFact(facts, 'procedure', card.heading, `${where} · ${card.section}Description`);
  }
  for (const [label, kind] of Object.entries(CARD_FACTS)) {
    const v = card.fields.get(label);
    if (v) pushFact(facts, kind, v, `${where} · ${label}`);
  }
}

function section(cards: Card[], name: string): Card | undefined {
  return cards.find((c) => c.section === name);
}

export const orthancExplorer: SiteProfile = {
  id: 'orthanc-explorer',
  name: NAME,
  tested: 'live',
  matches(doc, url) {
    return (
      pathEndsWith(url, '/app/explorer.html') ||
      (doc.querySelector('div[data-role="page"]#find-patients') !== null && doc.querySelector('ul#patient-info') !== null)
    );
  },
  routeContainer(doc) {
    return doc.querySelector('div[data-role="page"].ui-page-active');
  },
  read(doc) {
    const page = this.routeContainer(doc);
    if (!page) {
      // Its pages but none shown yet: the app is loading. No page of its own at all: not its markup.
      if (doc.querySelector('div[data-role="page"]')) return findings(this.id, null, [], [{ kind: 'profile', text: NAME, where: 'no active page yet' }]);
      return { ...findings(this.id, null, [], [{ kind: 'profile', text: NAME, where: 'no jQuery Mobile page' }]), unknownShape: true };
    }
    const route = page.id;
    const notes = [{ kind: 'profile', text: NAME, where: `active page #${route}` }];
    const primary: Fact[] = [];
    const rows: Fact[][] = [];

    if (route === 'patient') {
      const patient = section(readCards(page.querySelector('ul#patient-info')), 'Patient');
      if (patient) cardFacts(patient, primary, { description: false });
      // The patient's studies: one record each (patient facts + that study's facts).
      for (const li of Array.from(page.querySelectorAll('ul#list-studies > li'))) {
        if (li.getAttribute('data-role') === 'list-divider') continue;
        const row = primary.slice();
        cardFacts({ ...readCard(li, 'Study'), section: 'Study' }, row, { description: true });
        if (row.length > primary.length) rows.push(row);
      }
    } else if (route === 'study' || route === 'series' || route === 'instance') {
      const cards = readCards(page.querySelector(`ul#${route}-info`));
      for (const name of ['Patient', 'Study', 'Series']) {
        const c = section(cards, name);
        if (c) cardFacts(c, primary, { description: true });
      }
      if (route === 'study') {
        // Modality and protocol appear only at series level: take them from the series list of this study.
        for (const li of Array.from(page.querySelectorAll('ul#list-series > li'))) {
          if (li.getAttribute('data-role') === 'list-divider') continue;
          const c = readCard(li, 'Series');
          pushFact(primary, 'modality', c.fields.get('Modality') ?? '', `${NAME} · series list · Modality`);
          pushFact(primary, 'procedure', c.fields.get('ProtocolName') ?? '', `${NAME} · series list · ProtocolName`);
          pushFact(primary, 'bodyPart', c.fields.get('BodyPartExamined') ?? '', `${NAME} · series list · BodyPartExamined`);
        }
      }
      if (route === 'instance') {
        for (const title of Array.from(page.querySelectorAll('#dicom-tree > ul.tree > li > div > span.title'))) {
          const tag = (title.firstChild?.textContent ?? '').trim();
          const spec = own(TREE_FACTS, tag);
          if (spec) pushFact(primary, spec[0], textOf(title.querySelector(':scope > strong')), `${NAME} · tag tree · ${tag} ${spec[1]}`, spec[2]);
        }
      }
    }
    return findings(this.id, primary, rows, notes);
  },
};
