/**
 * Popup wiring: load the statements view (recording the opening), the tab's facts and the site
 * controls, then render components/Popup.tsx. Re-reads the list when the background stores a
 * refresh while the popup is open.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { SiteAccessControls } from '@/components/SiteAccessControls';
import { browserSiteAccess } from '@/settings/site-access-client';
import type { TabFacts } from '@/content/page/messages';
import { markRead, openView, readView, requestRefresh, type StatementsView } from '@/news/view';
import { policyForPage } from '@/background/policy-cache';
import { queryTabFacts } from '@/background/tab-facts';
import './style.css';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
// Start reading the statements before the first render: the list should paint as soon as it can — without
// waiting seconds for storage.managed in a browser that has just started (background/policy-cache.ts policyForPage).
const policy = policyForPage();
const opening = openView(() => policy.now);

async function activeTabFacts(): Promise<TabFacts | null | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null || !/^https?:/.test(tab.url ?? '')) return undefined;
  return queryTabFacts(tab.id);
}

function App() {
  const [view, setView] = useState<StatementsView | null>(null);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());
  const [facts, setFacts] = useState<TabFacts | null | undefined>(undefined);
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    let live = true;
    const show = (v: StatementsView) => {
      if (!live) return;
      setNewIds((prev) => new Set([...prev, ...v.statements.filter((s) => s.isNew).map((s) => s.id)]));
      setView(v);
      setNow(Date.now());
    };
    void opening.then(({ view: v }) => show(v));
    // The policy came after the first list: the list again, with it (a policy may turn sources off or add some).
    void policy.late.then((late) => {
      if (late) void readView().then(show);
    });
    activeTabFacts().then(
      (f) => live && setFacts(f),
      () => live && setFacts(null),
    );
    // A refresh stored while the popup is open: show it (and count it as seen, like an opening).
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'news.cache' in changes) void openView().then(({ view: v }) => show(v));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const onOpenStatement = (id: string) => {
    setNewIds((prev) => new Set([...prev].filter((x) => x !== id)));
    void markRead(id);
  };
  const onRefresh = () => {
    setRefreshing(true);
    void requestRefresh().finally(() => setRefreshing(false));
  };

  return (
    <Popup
      locale={locale}
      now={now}
      view={view}
      newIds={newIds}
      refreshing={refreshing}
      tabFacts={facts}
      siteAccess={<SiteAccessControls access={browserSiteAccess} />}
      onOpenStatement={onOpenStatement}
      onRefresh={onRefresh}
    />
  );
}

render(<App />, document.getElementById('app')!);
