import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { isManaged, ManagedBadge } from './Managed';
import { saveAndReport, type Report } from './report';
import type { OptionsActions, OptionsView } from '@/settings/options-view';

export const REFRESH_CHOICES_HOURS = [1, 3, 6, 12, 24, 48, 168] as const;

interface SectionProps {
  view: OptionsView;
  actions: OptionsActions;
  report: Report;
}

export function StatementsSection({ view, actions, report }: SectionProps) {
  const [draft, setDraft] = useState('');
  const offByPolicy = view.policy.statementsEnabled === false;
  const switchManaged = isManaged(view.managed, 'statementsEnabled');
  const feedsManaged = isManaged(view.managed, 'statementUrls', 'statementsEnabled');
  const sources = switchManaged ? view.effective.statementSources : view.user.statementSources;
  const feeds = feedsManaged ? view.effective.statementSources.extraUrls : view.user.statementSources.extraUrls;
  const hours = view.user.refreshIntervalHours;
  const choices = [...new Set([...REFRESH_CHOICES_HOURS, hours])].sort((a, b) => a - b);

  const setImagegently = (on: boolean) =>
    void saveAndReport(() => actions.save('statementSources', { ...view.user.statementSources, imagegently: on }), report);
  const removeFeed = (url: string) =>
    void saveAndReport(
      () => actions.save('statementSources', { ...view.user.statementSources, extraUrls: view.user.statementSources.extraUrls.filter((u) => u !== url) }),
      report,
    );
  const addFeed = (e: Event) => {
    e.preventDefault();
    const checked = actions.checkFeedUrl(draft, view.user.statementSources.extraUrls);
    if ('error' in checked) {
      report(checked.error, true);
      return;
    }
    // actions.addFeed asks for the permission synchronously: no await before this call.
    actions
      .addFeed(checked.url)
      .then((added) => {
        if (added) setDraft('');
        report(i18n.t(added ? 'options.saved' : 'options.sites.notGranted'), !added);
      })
      .catch((err: unknown) => report(i18n.t('options.notSaved', [err instanceof Error ? err.message : String(err)]), true));
  };

  return (
    <section aria-labelledby="igo-statements-h">
      <h2 id="igo-statements-h">{i18n.t('options.statements.heading')}</h2>
      {offByPolicy ? <p class="igo-warning">{i18n.t('options.statements.offByPolicy')}</p> : null}
      <p>
        <label>
          <input
            type="checkbox"
            name="imagegently"
            checked={sources.imagegently}
            disabled={switchManaged}
            onChange={(e) => setImagegently((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {i18n.t('options.statements.imagegently')}
        </label>{' '}
        <ManagedBadge managed={view.managed} keys={['statementsEnabled']} />
      </p>
      <h3>
        {i18n.t('options.statements.extra')} <ManagedBadge managed={view.managed} keys={['statementUrls']} />
      </h3>
      {feeds.length ? (
        <ul class="igo-list igo-feeds">
          {feeds.map((url) => (
            <li key={url}>
              <span class="igo-url">{url}</span>
              {view.feedsOnSites.includes(url) ? <span class="igo-note"> {i18n.t('options.statements.alsoSite')}</span> : null}
              {feedsManaged ? null : (
                <button type="button" aria-label={i18n.t('options.sites.removeLabel', [url])} onClick={() => removeFeed(url)}>
                  {i18n.t('options.sites.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="igo-empty">{i18n.t('options.statements.extraNone')}</p>
      )}
      {feedsManaged ? null : (
        <form class="igo-row" onSubmit={addFeed}>
          <label for="igo-feed">{i18n.t('options.statements.addLabel')}</label>
          <input
            id="igo-feed"
            type="url"
            value={draft}
            placeholder="https://"
            aria-describedby="igo-feed-help"
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{i18n.t('options.statements.add')}</button>
        </form>
      )}
      {feedsManaged ? null : (
        <p id="igo-feed-help" class="igo-help">
          {i18n.t('options.statements.addHelp')}
        </p>
      )}
      <p class="igo-row">
        <label for="igo-refresh">{i18n.t('options.statements.refresh')}</label>
        <select
          id="igo-refresh"
          value={String(hours)}
          onChange={(e) =>
            void saveAndReport(() => actions.save('refreshIntervalHours', Number((e.currentTarget as HTMLSelectElement).value)), report)
          }
        >
          {choices.map((h) => (
            <option key={h} value={String(h)}>
              {i18n.t('options.statements.hours', h)}
            </option>
          ))}
        </select>
      </p>
    </section>
  );
}
