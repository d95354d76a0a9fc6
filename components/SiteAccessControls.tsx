/**
 * Popup controls for per-site access: turn the panel on or off for the current site, or check the
 * page once. The site is resolved when the popup opens, so that each click handler can call
 * `permissions.request` as its first call (Firefox refuses it after any `await`; the popup may
 * close while the browser's prompt is up — the background finishes the job on permissions.onAdded).
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SiteAccess, SiteStatus } from '@/settings/site-access-client';

export interface SiteAccessControlsProps {
  /** The current tab's site and what may be asked for it (settings/site-access-client.ts `browserSiteAccess`). */
  access: SiteAccess;
  /** After the picker started: the popup closes so the page can be used (default: `window.close()`). */
  onPickerStarted?: () => void;
}

type Note = { kind: 'ok' | 'error'; text: string } | null;

const errorText = (e: unknown) => i18n.t('siteAccess.failed', [e instanceof Error ? e.message : String(e)]);

export function SiteAccessControls({ access, onPickerStarted = () => window.close() }: SiteAccessControlsProps) {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void access.resolve().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [access]);

  if (!status) {
    return (
      <section class="igc-site-access" data-state="checking" aria-busy="true">
        <p>{i18n.t('siteAccess.checking')}</p>
      </section>
    );
  }
  if (status.kind === 'unsupported') {
    return (
      <section class="igc-site-access" data-state="unsupported">
        <p>{i18n.t('siteAccess.unsupported')}</p>
      </section>
    );
  }
  if (access.isStatementsHost(status.pattern)) {
    return (
      <section class="igc-site-access" data-state="statements">
        <p>{i18n.t('siteAccess.statementsSite')}</p>
      </section>
    );
  }
  const site = status;

  const turnOn = () => {
    // FIRST call in the handler: nothing may be awaited before permissions.request.
    const asked = access.request(site.pattern);
    setBusy(true);
    asked
      .then((granted) => {
        setStatus({ ...site, enabled: granted });
        setNote(granted ? { kind: 'ok', text: i18n.t('siteAccess.turnedOn', [site.host]) } : { kind: 'error', text: i18n.t('siteAccess.refused') });
      })
      .catch((e: unknown) => setNote({ kind: 'error', text: errorText(e) }))
      .finally(() => setBusy(false));
  };

  const turnOff = () => {
    setBusy(true);
    access.remove(site.pattern)
      .then(() => {
        setStatus({ ...site, enabled: false });
        setNote({ kind: 'ok', text: i18n.t('siteAccess.turnedOff', [site.host]) });
      })
      .catch((e: unknown) => setNote({ kind: 'error', text: errorText(e) }))
      .finally(() => setBusy(false));
  };

  const checkOnce = () => {
    setBusy(true);
    access.checkOnce(site.tabId)
      .then(() => setNote({ kind: 'ok', text: i18n.t('siteAccess.checked') }))
      .catch((e: unknown) => setNote({ kind: 'error', text: errorText(e) }))
      .finally(() => setBusy(false));
  };

  const teach = () => {
    setBusy(true);
    access.startPicker(site.tabId)
      .then((started) => {
        if (started) onPickerStarted();
        else setNote({ kind: 'error', text: i18n.t('popup.tab.teachFailed') });
      })
      .catch(() => setNote({ kind: 'error', text: i18n.t('popup.tab.teachFailed') }))
      .finally(() => setBusy(false));
  };

  const state = site.required ? 'required' : site.enabled ? 'on' : 'off';
  return (
    <section class="igc-site-access" data-state={state}>
      <p class="igc-site-access-status">
        {site.required
          ? i18n.t('siteAccess.alwaysOn', [site.host])
          : site.enabled
            ? i18n.t('siteAccess.onFor', [site.host])
            : i18n.t('siteAccess.offFor', [site.host])}
      </p>
      {!site.required && !site.enabled && (
        <>
          <button type="button" class="igc-site-access-on" disabled={busy} onClick={turnOn} title={i18n.t('siteAccess.turnOnHint')}>
            {i18n.t('siteAccess.turnOn')}
          </button>
          <button type="button" class="igc-site-access-once" disabled={busy} onClick={checkOnce} title={i18n.t('siteAccess.checkOnceHint')}>
            {i18n.t('siteAccess.checkOnce')}
          </button>
        </>
      )}
      {!site.required && site.enabled && (
        <button type="button" class="igc-site-access-off" disabled={busy} onClick={turnOff}>
          {i18n.t('siteAccess.turnOff')}
        </button>
      )}
      {(site.required || site.enabled) && (
        <p class="igc-teach">
          {/* The picker runs only on a site the user enabled (the background checks it again). */}
          <button type="button" class="igc-site-access-teach" disabled={busy} onClick={teach} title={i18n.t('popup.tab.teachHint')}>
            {i18n.t('popup.tab.teach')}
          </button>
        </p>
      )}
      {note && (
        <p class={`igc-site-access-note igc-site-access-note-${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
