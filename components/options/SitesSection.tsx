import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { DicomWebPathSchema, type DateOrder } from '@/settings';
import { ManagedBadge } from './Managed';
import { saveAndReport, siteLabel, type Report } from './OptionsPage';
import type { OptionsActions, OptionsView } from './types';

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

/** Enabled sites (granted optional host permissions), and the one-click grant of approved ones. */
export function SitesSection({ view, actions, report }: SectionProps) {
  const pending = view.approvedPending.length;
  const enableApproved = () => {
    // First call in the handler: the browser needs the user gesture for permissions.request.
    actions
      .enableApproved()
      .then((granted) => report(i18n.t(granted ? 'options.sites.enabledApproved' : 'options.sites.notGranted'), !granted))
      .catch((e: unknown) => report(String(e instanceof Error ? e.message : e), true));
  };
  const remove = (pattern: string) => {
    actions
      .removeSite(pattern)
      .then(() => report(i18n.t('options.sites.removed', [siteLabel(pattern)])))
      .catch((e: unknown) => report(String(e instanceof Error ? e.message : e), true));
  };
  return (
    <section aria-labelledby="igo-sites-h">
      <h2 id="igo-sites-h">{i18n.t('options.sites.heading')}</h2>
      <p>{i18n.t('options.sites.intro')}</p>
      {pending ? (
        <div class="igo-approved">
          <p>
            {i18n.t('options.sites.approved', pending)} <ManagedBadge managed={view.managed} keys={['approvedSites']} />
          </p>
          <ul class="igo-list">
            {view.approvedPending.map((p) => (
              <li key={p}>{siteLabel(p)}</li>
            ))}
          </ul>
          <button type="button" class="igo-primary" onClick={enableApproved}>
            {i18n.t('options.sites.enableApproved', pending)}
          </button>
        </div>
      ) : null}
      {view.sites.length ? (
        <ul class="igo-list igo-sites">
          {view.sites.map((pattern) => (
            <li key={pattern}>
              <span class="igo-site">{siteLabel(pattern)}</span>
              <button type="button" aria-label={i18n.t('options.sites.removeLabel', [siteLabel(pattern)])} onClick={() => remove(pattern)}>
                {i18n.t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="igo-empty">{i18n.t('options.sites.none')}</p>
      )}
    </section>
  );
}

/**
 * Origins with per-site settings (date order, DICOMweb path): each enabled site (default port) and
 * every origin that already has such a setting (the panel records origins with their port).
 */
export function perSiteOrigins(view: Pick<OptionsView, 'sites' | 'user'>): string[] {
  const fromSites = view.sites.map(siteLabel);
  const configured = [...Object.keys(view.user.dateOrderBySite), ...Object.keys(view.user.dicomWebPathBySite)];
  return [...new Set([...fromSites, ...configured])].sort();
}

export function DateOrderSection({ view, actions, report }: SectionProps) {
  const origins = perSiteOrigins(view);
  if (!origins.length) return null;
  const set = (origin: string, order: DateOrder | '') => {
    const next = { ...view.user.dateOrderBySite };
    if (order) next[origin] = order;
    else delete next[origin];
    void saveAndReport(() => actions.save('dateOrderBySite', next), report);
  };
  return (
    <PerSiteTable
      id="igo-date"
      heading={i18n.t('options.dateOrder.heading')}
      intro={i18n.t('options.dateOrder.intro')}
      column={i18n.t('options.dateOrder.heading')}
      origins={origins}
      control={(origin, id) => (
        <select
          id={id}
          value={view.user.dateOrderBySite[origin] ?? ''}
          onChange={(e) => set(origin, (e.currentTarget as HTMLSelectElement).value as DateOrder | '')}
        >
          <option value="">{i18n.t('options.dateOrder.auto')}</option>
          <option value="MDY">{i18n.t('options.dateOrder.mdy')}</option>
          <option value="DMY">{i18n.t('options.dateOrder.dmy')}</option>
        </select>
      )}
    />
  );
}

/** A section with one row per site origin: the origin as the label of the row's control. */
function PerSiteTable(props: {
  id: string;
  heading: string;
  intro: string;
  column: string;
  origins: readonly string[];
  control: (origin: string, id: string) => ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.heading}</h2>
      <p>{props.intro}</p>
      <table class="igo-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.dateOrder.site')}</th>
            <th scope="col">{props.column}</th>
          </tr>
        </thead>
        <tbody>
          {props.origins.map((origin, i) => (
            <tr key={origin}>
              <td>
                <label for={`${props.id}-${i}`}>{origin}</label>
              </td>
              <td>{props.control(origin, `${props.id}-${i}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A typed DICOMweb path: '' clears it; otherwise a path on the site, or why not. */
export function checkDicomWebPath(text: string): { path: string | null } | { error: string } {
  const path = text.trim();
  if (!path) return { path: null };
  return DicomWebPathSchema.safeParse(path).success ? { path } : { error: i18n.t('options.dicomWeb.invalid') };
}

/**
 * Where each site's DICOMweb service is, for a viewer whose own requests do not show it
 * (content/pacs/dicomweb-root.ts finds it from them otherwise). Saved when the field is left or
 * Enter is pressed.
 */
export function DicomWebSection({ view, actions, report }: SectionProps) {
  const origins = perSiteOrigins(view);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  if (!origins.length) return null;
  const save = (origin: string, text: string) => {
    const checked = checkDicomWebPath(text);
    if ('error' in checked) {
      report(checked.error, true);
      return;
    }
    const current = view.user.dicomWebPathBySite[origin] ?? null;
    if (checked.path === current) return;
    const next = { ...view.user.dicomWebPathBySite };
    if (checked.path) next[origin] = checked.path;
    else delete next[origin];
    void saveAndReport(() => actions.save('dicomWebPathBySite', next), report).then(() =>
      setDrafts(({ [origin]: _, ...rest }) => rest),
    );
  };
  return (
    <PerSiteTable
      id="igo-dicomweb"
      heading={i18n.t('options.dicomWeb.heading')}
      intro={i18n.t('options.dicomWeb.intro')}
      column={i18n.t('options.dicomWeb.path')}
      origins={origins}
      control={(origin, id) => (
        <input
          id={id}
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder={i18n.t('options.dicomWeb.placeholder')}
          value={drafts[origin] ?? view.user.dicomWebPathBySite[origin] ?? ''}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setDrafts((d) => ({ ...d, [origin]: value }));
          }}
          onChange={(e) => save(origin, (e.currentTarget as HTMLInputElement).value)}
        />
      )}
    />
  );
}
