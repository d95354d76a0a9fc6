/**
 * The toolbar popup, props in, markup out: this tab's status and site controls, the Alliance's
 * latest statements with their status line, the quick SSDE calculator and the campaign links.
 * Data loading lives in entrypoints/popup/main.tsx.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { PARENTS_SITE } from '@/clinical/campaigns';
import type { TabFacts } from '@/content/page/messages';
import type { StatementsView } from '@/news/view';
import { StatementList, StatementsStatus, type StatementRow } from './StatementList';
import { TabStatus } from './TabStatus';
import { formatStatementDate, statusLine } from './popup-format';

/** How many statements the popup lists (newest first). */
export const MAX_SHOWN = 20;

/**
 * Where the links go. The pledge and the donation link are both on imagegently.org's home page
 * (docs/reference/campaigns.md §2: "Take the Image Gently pledge!", "Support the
 * Image Gently Campaign here!"); parents have their own site (docs/reference/campaigns.md §2); the campaigns are
 * the site's Procedures pages, starting with CT (docs/reference/campaigns.md §1).
 */
export const POPUP_LINKS = [
  { id: 'pledge', label: 'popup.links.pledge', url: 'https://www.imagegently.org/' },
  { id: 'parents', label: 'popup.links.parents', url: PARENTS_SITE },
  { id: 'campaigns', label: 'popup.links.campaigns', url: 'https://www.imagegently.org/Procedures/Computed-Tomography' },
  { id: 'support', label: 'popup.links.support', url: 'https://www.imagegently.org/' },
] as const;

export interface PopupProps {
  locale: string;
  /** Epoch ms, for "updated 3 days ago". */
  now: number;
  /** null while loading. */
  view: StatementsView | null;
  /** Statements marked new in this opening (unread when it opened, not clicked since). */
  newIds: ReadonlySet<string>;
  refreshing: boolean;
  /** See TabStatus. */
  tabFacts: TabFacts | null | undefined;
  /** The site on/off controls (components/SiteAccessControls.tsx). */
  siteAccess?: ComponentChildren;
  onOpenStatement: (id: string) => void;
  onRefresh: () => void;
}

type CalculatorModule = typeof import('./SsdeCalculator');

/**
 * The calculator, collapsed; its code (and the AAPM tables) loads when it is first opened, so
 * the statements paint without waiting for it.
 */
function CalculatorDetails({ locale }: { locale: string }) {
  const [calc, setCalc] = useState<CalculatorModule | null>(null);
  const onToggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && !calc) void import('./SsdeCalculator').then(setCalc);
  };
  return (
    <details class="igc-popup-calc" onToggle={onToggle}>
      <summary>{i18n.t('popup.calc.heading')}</summary>
      {calc ? <calc.SsdeCalculator locale={locale} /> : null}
    </details>
  );
}

export function statementRows(view: StatementsView, newIds: ReadonlySet<string>, locale: string): StatementRow[] {
  return view.statements.slice(0, MAX_SHOWN).map((s) => ({
    id: s.id,
    title: s.title,
    url: s.url,
    date: s.date,
    dateText: formatStatementDate(s.date, locale),
    isNew: newIds.has(s.id),
  }));
}

export function Popup(props: PopupProps) {
  const { view, locale } = props;
  const note = !view ? null : !view.fetching ? i18n.t('news.off') : view.fromSnapshot ? i18n.t('news.snapshot') : null;
  return (
    <main id="popup" class="igc-popup" lang={locale}>
      <header class="igc-popup-header">
        <h1>{i18n.t('popup.title')}</h1>
      </header>

      <section class="igc-popup-tab" aria-labelledby="igc-tab-heading">
        <h2 id="igc-tab-heading">{i18n.t('popup.tab.heading')}</h2>
        <TabStatus facts={props.tabFacts} />
        {props.siteAccess}
      </section>

      <section class="igc-popup-news" aria-labelledby="igc-news-heading" aria-busy={view === null}>
        <h2 id="igc-news-heading">{i18n.t('news.heading')}</h2>
        <p class="igc-popup-sub">{i18n.t('news.subheading')}</p>
        {view && <StatementList rows={statementRows(view, props.newIds, locale)} onOpen={props.onOpenStatement} />}
        {view && (
          <StatementsStatus
            line={statusLine(view.status, props.now, locale)}
            note={note}
            refreshing={props.refreshing}
            {...(view.fetching ? { onRefresh: props.onRefresh } : {})}
          />
        )}
      </section>

      <CalculatorDetails locale={locale} />

      <nav class="igc-popup-links" aria-labelledby="igc-links-heading">
        <h2 id="igc-links-heading">{i18n.t('popup.links.heading')}</h2>
        <ul>
          {POPUP_LINKS.map((link) => (
            <li key={link.id}>
              <a href={link.url} target="_blank" rel="noopener noreferrer" data-link={link.id}>
                {i18n.t(link.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <footer class="igc-popup-footer">
        <p>{i18n.t('popup.independent')}</p>
      </footer>
    </main>
  );
}
