/**
 * Stone Web Viewer (Orthanc), from saved pages written from its source
 * (orthanc-mirrors/orthanc-stone `Applications/StoneWebViewer/WebApplication/index.html`):
 * - URL `…/stone-webviewer/index.html?study=<StudyInstanceUID>[,…]&series=…`; the app root is `#wv`.
 * - Viewports: `.wvSplitpane__cellBorder--selected` is the active one; its `.wv-overlay-topright` holds
 *   StudyDescription `<br>` FormatDate(StudyDate) `<br>` "SeriesNumber | SeriesDescription"; `.wv-overlay-topleft`
 *   holds PatientName and PatientID only (no birth date, no age: the PACS data route adds them).
 * - Series list: `li.wvSerieslist__seriesItem.highlighted .wvSerieslist__label` = "[CT] AXIAL …" for the series
 *   on screen.
 * - `DateFormat` is unset by default (raw `YYYYMMDD`); a site may configure e.g. `DD/MM/YYYY` → per-site date order.
 *
 * Test URLs (Stone is not in Debian's apt; fixtures in tests/fixtures/pages/stone/):
 *   http://127.0.0.1:8042/stone-webviewer/index.html?study=2.25.91822040815.1.1
 */
import type { Fact } from '../types';
import { findings, pushFact, type SiteProfile, textOf } from './profile';

const NAME = 'Stone Web Viewer';

/** Text lines of an element split at `<br>` (textContent alone would run the lines together). */
export function linesOf(el: Element): string[] {
  const lines: string[] = [''];
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 1 && (n as Element).tagName === 'BR') lines.push('');
    else lines[lines.length - 1] += n.textContent ?? '';
  }
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export const stone: SiteProfile = {
  id: 'stone',
  name: NAME,
  tested: 'saved',
  matches(doc, url) {
    return url.pathname.toLowerCase().includes('/stone-webviewer/') || (doc.getElementById('wv') !== null && doc.querySelector('.wvLayoutLeft') !== null);
  },
  routeContainer(doc) {
    return doc.getElementById('wv');
  },
  read(doc, url) {
    const primary: Fact[] = [];
    const viewport =
      doc.querySelector('.wvSplitpane__cellBorder--selected') ?? doc.querySelector('[class*="wvSplitpane__cellBorder"]');
    const overlay = viewport?.querySelector('.wv-overlay-topright');
    if (overlay) {
      const [description, date, series] = linesOf(overlay);
      pushFact(primary, 'procedure', description ?? '', `${NAME} · active viewport overlay · StudyDescription`);
      pushFact(primary, 'examDate', date ?? '', `${NAME} · active viewport overlay · StudyDate`);
      const seriesDescription = series?.split('|').slice(1).join('|') ?? '';
      pushFact(primary, 'procedure', seriesDescription, `${NAME} · active viewport overlay · SeriesDescription`);
    }
    for (const label of Array.from(doc.querySelectorAll('li.wvSerieslist__seriesItem.highlighted .wvSerieslist__label'))) {
      const m = /\[([A-Z]{2})\]/.exec(textOf(label));
      if (m) pushFact(primary, 'modality', m[1]!, `${NAME} · highlighted series · Modality`);
    }
    const study = url.searchParams.get('study')?.split(',')[0];
    if (study && primary.length > 0) pushFact(primary, 'examKey', study, `${NAME} · URL study`);
    return findings(this.id, primary, [], [{ kind: 'profile', text: NAME, where: overlay ? 'active viewport' : 'no viewport shown' }]);
  },
};
