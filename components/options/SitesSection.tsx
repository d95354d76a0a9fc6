import { i18n } from '#i18n';
import { ManagedBadge } from './Managed';
import { siteLabel } from './per-site';
import type { Report } from './report';
import type { OptionsActions, OptionsView } from '@/settings/options-view';

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
