/**
 * The bundled snapshot: recent statements shown before the first fetch, and whenever there is
 * no cached copy (offline install, statement fetching turned off by policy, site unreachable).
 *
 * Source: the dated items of imagegently.org's home page as captured in late 2019
 * (docs/reference/campaigns.md §2). Titles and dates only, exactly as the site
 * wrote them; no summaries. The capture holds no article URLs, so each item links to the
 * site's "In the News" page (docs/reference/campaigns.md §2), where the Alliance lists its news.
 *
 * Snapshot items count as read from the start (they are not news to anyone).
 * Newest first. tests/news/snapshot.test.ts checks this list against the home-page fixture.
 */
import { statementId, type Statement } from './statement';

export const IMAGEGENTLY_NEWS_URL = 'https://www.imagegently.org/Current-Events/In-the-News';

const PAEDIATRIC_ANGIOGRAPHY =
  'Radiation dose to the paediatric undergoing diagnostic coronary angiography and percutaneous intervention procedures';

// [day, title] as on the 2019 home page (the site itself gave 8/13 and 8/5 the same title).
const ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['2019-11-25', 'Statement: Improved Estimates of Radiation Dose During Pediatric Head CT Examinations'],
  ['2019-11-20', "Radiology efforts over past decade led to 20% drop in patient's radiation dose, report shows."],
  ['2019-11-12', 'Endorsement Statement of the AAPM Gonadal Shielding Position'],
  ['2019-10-31', 'Radiation protection and standardization'],
  ['2019-08-13', PAEDIATRIC_ANGIOGRAPHY],
  ['2019-08-05', PAEDIATRIC_ANGIOGRAPHY],
  ['2019-07-25', 'Simple preoperative radiation safety interventions significantly lower radiation doses during central venous line placement in children'],
  ['2019-07-03', 'Update: Image Gently and Nuclear Medicine at 10 Years'],
  ['2019-06-28', 'Radiation exposure during paediatric emergency CT: Time we took notice?'],
  ['2019-06-20', 'Effect of staff training on radiation dose in pediatric CT - European Journal of Radiology'],
  ['2019-06-04', 'Optimizing Communication With Parents on Benefits and Radiation Risks in Pediatric Imaging'],
  ['2019-05-31', "IAEA's Radiation Protection of Patients Newsletter"],
  ['2019-05-17', 'Impact of low dose settings on radiation exposure during pediatric fluoroscopic guided interventions'],
];

export const SNAPSHOT: readonly Statement[] = Object.freeze(
  ITEMS.map(([date, title]) => Object.freeze({ id: statementId(date, title), title, date, url: IMAGEGENTLY_NEWS_URL })),
);

export const SNAPSHOT_IDS: ReadonlySet<string> = new Set(SNAPSHOT.map((s) => s.id));
