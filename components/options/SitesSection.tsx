import { i18n } from '#i18n';
import type { DateOrder } from '@/settings';
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
 * Origins whose date order the user may set: each enabled site (default port) and every origin
 * that already has a setting (the panel records origins with their port).
 */
export function dateOrderOrigins(view: Pick<OptionsView, 'sites' | 'user'>): string[] {
  const fromSites = view.sites.map(siteLabel);
  return [...new Set([...fromSites, ...Object.keys(view.user.dateOrderBySite)])].sort();
}

export function DateOrderSection({ view, actions, report }: SectionProps) {
  const origins = dateOrderOrigins(view);
  if (!origins.length) return null;
  const set = (origin: string, order: DateOrder | '') => {
    const next = { ...view.user.dateOrderBySite };
    if (order) next[origin] = order;
    else delete next[origin];
    void saveAndReport(() => actions.save('dateOrderBySite', next), report);
  };
  return (
    <section aria-labelledby="igo-dates-h">
      <h2 id="igo-dates-h">{i18n.t('options.dateOrder.heading')}</h2>
      <p>{i18n.t('options.dateOrder.intro')}</p>
      <table class="igo-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.dateOrder.site')}</th>
            <th scope="col">{i18n.t('options.dateOrder.heading')}</th>
          </tr>
        </thead>
        <tbody>
          {origins.map((origin, i) => (
            <tr key={origin}>
              <td>
                <label for={`igo-date-${i}`}>{origin}</label>
              </td>
              <td>
                <select
                  id={`igo-date-${i}`}
                  value={view.user.dateOrderBySite[origin] ?? ''}
                  onChange={(e) => set(origin, (e.currentTarget as HTMLSelectElement).value as DateOrder | '')}
                >
                  <option value="">{i18n.t('options.dateOrder.auto')}</option>
                  <option value="MDY">{i18n.t('options.dateOrder.mdy')}</option>
                  <option value="DMY">{i18n.t('options.dateOrder.dmy')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
