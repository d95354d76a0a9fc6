import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsPage } from '@/components/options/OptionsPage';
import type { OptionsView } from '@/settings/options-view';
import { watchSettings } from '@/settings';
import { policyForPage } from '@/background/policy-cache';
import { createOptionsController, defaultOptionsDeps } from '@/settings/options-controller';
import '@/components/options/options.css';

function App() {
  // The first view does not wait for storage.managed (background/policy-cache.ts policyForPage).
  const controller = useMemo(() => createOptionsController({ ...defaultOptionsDeps(), firstPolicy: policyForPage() }), []);
  const [view, setView] = useState<OptionsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const reload = () =>
      controller
        .load()
        .then((v) => {
          setView(v);
          setError(null);
        })
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void reload();
    // The first view does not wait for storage.managed (seconds in a browser that has just started): the user's
    // settings at once, then again with the policy once it is known.
    void controller.policyLate.then((late) => {
      if (late) void reload();
    });
    const unwatch = watchSettings(reload);
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
    };
  }, [controller]);

  // Optimistic: a control shows its new value at once. Without this, the "Saved." status re-render
  // that follows the write can arrive before the storage watch's reload and set a controlled input
  // back to the old value for a moment. A failed write reloads the stored value.
  const actions = useMemo(
    () => ({
      ...controller.actions,
      save: ((key, value) => {
        setView((v) => (v ? { ...v, user: { ...v.user, [key]: value } } : v));
        return controller.actions.save(key, value).catch((e: unknown) => {
          void controller.load().then(setView, () => undefined);
          throw e;
        });
      }) as typeof controller.actions.save,
    }),
    [controller],
  );

  if (!view) return <main class="igo">{error ? <p class="igo-error">{error}</p> : null}</main>;
  return <OptionsPage view={view} actions={actions} loadError={error} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
render(<App />, document.getElementById('app')!);
