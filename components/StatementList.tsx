/**
 * The Alliance's statements in the popup: props in, markup out (no storage, no browser calls).
 * Each item is a real link opening in a new tab (http(s) only: the parser and the cache schema
 * guarantee it, and it is checked again here); titles are text, never markup.
 */
import { i18n } from '#i18n';
import { isHttpUrl } from '@/utils/http-url';

export interface StatementRow {
  id: string;
  title: string;
  url: string;
  /** YYYY-MM-DD, for <time datetime>. */
  date: string;
  /** The date as shown, already formatted for the locale. */
  dateText: string;
  isNew: boolean;
}

export interface StatementListProps {
  rows: readonly StatementRow[];
  /** An item was opened (clicked, or opened with the keyboard / middle click). */
  onOpen?: (id: string) => void;
}

export function StatementList({ rows, onOpen }: StatementListProps) {
  if (rows.length === 0) return <p class="igc-statements-empty">{i18n.t('news.empty')}</p>;
  return (
    <ol class="igc-statements" data-testid="statements">
      {rows.map((row) => {
        const href = isHttpUrl(row.url) ? row.url : undefined;
        return (
          <li key={row.id} class={row.isNew ? 'igc-statement igc-statement-new' : 'igc-statement'} data-new={row.isNew ? 'true' : 'false'} data-id={row.id}>
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              title={i18n.t('news.opensInNewTab')}
              onClick={() => onOpen?.(row.id)}
              onAuxClick={() => onOpen?.(row.id)}
            >
              <time class="igc-statement-date" dateTime={row.date}>
                {row.dateText}
              </time>
              {row.isNew && (
                <span class="igc-statement-newmark">
                  <span class="igc-visually-hidden">{i18n.t('news.newLabel')} </span>
                  <span aria-hidden="true">{i18n.t('news.new')}</span>
                </span>
              )}
              <span class="igc-statement-title">{row.title}</span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}

export interface StatementsStatusProps {
  /** From `statusLine` (components/popup-format.ts); null hides the line. */
  line: { text: string; error: boolean } | null;
  /** A note under the list (snapshot shown, fetching off), or null. */
  note: string | null;
  refreshing: boolean;
  /** Hidden when fetching is off. */
  onRefresh?: () => void;
}

export function StatementsStatus({ line, note, refreshing, onRefresh }: StatementsStatusProps) {
  return (
    <div class="igc-statements-status">
      {note && <p class="igc-statements-note">{note}</p>}
      {line && (
        <p class={line.error ? 'igc-status-line igc-status-error' : 'igc-status-line'} role={line.error ? 'status' : undefined} data-testid="statements-status">
          {line.text}
        </p>
      )}
      {onRefresh && (
        <button type="button" class="igc-refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? i18n.t('news.refreshing') : i18n.t('news.refresh')}
        </button>
      )}
    </div>
  );
}
