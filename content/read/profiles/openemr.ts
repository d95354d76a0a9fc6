/**
 * OpenEMR (tabbed UI), from saved pages written from its source (openemr/openemr
 * `interface/main/tabs/templates/patient_data_template.php`, `interface/forms/procedure_order/common.php`):
 * - Top frame `/interface/main/tabs/main.php`: the patient banner (`a.ptName` = name + pubpid, then a line from
 *   `str_dob()`: "DOB: <oeFormatShortDate> Age: <getPatientAgeDisplay>"; the age is years as a bare number from 2
 *   years, months below). Each tab is a same-origin `iframe` in `#framesDisplay`; hidden tabs are `display: none`.
 * - Procedure/imaging order form `/interface/forms/procedure_order/new.php` (in a tab frame): procedure lines
 *   `input[name="form_proc_type_desc[N]"]`, order date `input[name="form_date_ordered"]`.
 *
 * ## Frame rule (the content script runs in all frames)
 * The TOP frame decides. It reads its banner and, for each visible same-origin tab `iframe`, the frame's
 * `contentDocument` (null/throwing for a cross-origin frame: skipped) for an order form; the banner's patient and the
 * order are one record, because OpenEMR binds one active patient per session (`pid`) and reloads patient tabs when
 * it changes. A CHILD frame (window.top !== window) defers: it reports no patient and no exam, so no panel is drawn
 * inside a tab. An order page opened as a top-level page on its own is read alone (no banner → no age).
 * Dates follow the site's global date format (Y-m-d, m/d/Y or d/m/Y): set the per-site date order for m/d or d/m.
 *
 * Test URLs (fixtures in tests/fixtures/pages/openemr/; the order frame is attached by the tests):
 *   http://127.0.0.1:8300/interface/main/tabs/main.php                                  (banner + order tab)
 *   http://127.0.0.1:8300/interface/forms/procedure_order/new.php?formname=procedure_order  (order form frame)
 *   http://127.0.0.1:8300/interface/login/login.php                                     (login: nothing read)
 */
import type { Fact } from '../types';
import { findings, pushFact, type SiteProfile, textOf } from './profile';
import { pushLabelled } from './table';

const NAME = 'OpenEMR';
const DOB_LINE = /DOB:\s*(.+?)\s+Age(?: at death)?:\s*(.+)$/i;

/** In a frame? (`top` of a cross-origin parent may not be comparable: then treat as a frame.) */
export function isChildFrame(doc: Document): boolean {
  const w = doc.defaultView;
  if (!w) return false;
  try {
    return w.top !== w;
  } catch {
    return true;
  }
}

function isHiddenByStyle(el: Element, stop: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    const style = (e.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  }
  return false;
}

function inputValue(el: Element | null): string {
  if (!el) return '';
  const v = (el as HTMLInputElement).value;
  return typeof v === 'string' && v !== '' ? v : (el.getAttribute('value') ?? '');
}

/** The order form's procedure lines and date (from the frame's own document). */
function readOrderForm(doc: Document, facts: Fact[], where: string): boolean {
  const procs = Array.from(doc.querySelectorAll('input[name^="form_proc_type_desc["]'));
  let found = false;
  for (const p of procs) {
    const v = inputValue(p).trim();
    if (v) {
      pushFact(facts, 'procedure', v, `${where} · ${p.getAttribute('name')}`);
      found = true;
    }
  }
  if (found) pushFact(facts, 'orderDate', inputValue(doc.querySelector('input[name="form_date_ordered"]')), `${where} · form_date_ordered`);
  return found;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument ?? null;
  } catch {
    return null; // cross-origin
  }
}

export const openemr: SiteProfile = {
  id: 'openemr',
  name: NAME,
  tested: 'saved',
  ordersByGenericReader: true,
  matches(doc, url) {
    const p = url.pathname.toLowerCase();
    if (!p.includes('/interface/')) return false;
    return (
      p.endsWith('/interface/main/tabs/main.php') ||
      p.includes('/interface/forms/procedure_order/') ||
      p.includes('/interface/login/') ||
      doc.querySelector('a.ptName, #attendantData') !== null
    );
  },
  routeContainer(doc) {
    return doc.getElementById('framesDisplay')?.parentElement ?? doc.body;
  },
  read(doc, url) {
    if (isChildFrame(doc)) {
      return findings(this.id, null, [], [{ kind: 'profile', text: NAME, where: 'child frame', note: 'deferred to the top frame' }]);
    }
    const primary: Fact[] = [];
    const notes = [{ kind: 'profile', text: NAME, where: 'top frame' }];
    // Banner: the str_dob() line next to a.ptName.
    const name = doc.querySelector('a.ptName');
    if (name) {
      const banner = name.closest('.form-group') ?? name.parentElement?.parentElement ?? doc.body;
      for (const span of Array.from(banner.querySelectorAll('span, div'))) {
        const m = DOB_LINE.exec(textOf(span));
        if (m && span.childElementCount === 0) {
          pushFact(primary, 'birthDate', m[1]!, `${NAME} · banner · DOB`);
          pushLabelled(primary, 'age', m[2]!, `${NAME} · banner · Age`);
          break;
        }
      }
    }
    // The order: this page itself (opened alone), else the visible same-origin tab frames.
    if (!readOrderForm(doc, primary, `${NAME} · order form`)) {
      const frames = doc.getElementById('framesDisplay') ?? doc.body;
      for (const frame of Array.from(frames.querySelectorAll('iframe'))) {
        if (isHiddenByStyle(frame, frames)) continue;
        const frameDoc = sameOriginDocument(frame);
        if (frameDoc && readOrderForm(frameDoc, primary, `${NAME} · tab "${frame.getAttribute('name') ?? ''}" · order form`)) {
          notes.push({ kind: 'profile', text: NAME, where: `order read from same-origin tab frame "${frame.getAttribute('name') ?? ''}"` });
          break;
        }
      }
    }
    void url;
    return findings(this.id, primary, [], notes);
  },
};
