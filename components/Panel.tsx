/**
 * The inline Image Gently panel: a pill in a corner that expands into a card.
 *
 * Props in, markup out: the panel makes no storage, network or messaging calls. Everything it
 * shows arrives already formatted in a `PanelView` (content/panel/view-model.ts, built by
 * content/panel/panel-view.ts);
 * what it does is reported through callbacks. Page text (exam descriptions, evidence) is
 * rendered as text nodes only.
 *
 * Focus: the panel never moves focus on mount or update. It moves focus only (a) to its own card
 * when `focusRequest` changes (the user pressed the `focus-panel` command) and (b) back to its
 * own pill when the user collapses the card from inside it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PacsSection, PanelCampaign, PanelCorner, PanelEvidence, PanelLink, PanelListSummary, PanelNumber, PanelView } from '@/content/panel/view-model';
import { NumberItem } from './NumberItem';
import { PacsDoseSection } from './PacsDoseSection';
import { ChildHistorySection } from './ChildHistorySection';
import { PanelIcon } from './PanelIcon';
import { isHttpUrl } from '@/utils/http-url';

export interface PanelProps {
  view: PanelView;
  expanded: boolean;
  onExpandedChange(expanded: boolean): void;
  onDismissExam(): void;
  onSnoozeSite(): void;
  /** "Teach this page" (under "Why am I seeing this?"): start the field picker. Absent → no button. */
  onTeachPage?(): void;
  /** Copies the diagnostic report; resolves true when it was copied. */
  onCopyDiagnostic(): Promise<boolean> | boolean;
  /** Incremented by the `focus-panel` command: expand (done by the caller) and focus the card. */
  focusRequest?: number;
  corner?: PanelCorner;
  /** The PACS data route's section (SSDE from the study's images): rendered inside the card, after the numbers. */
  pacs?: PacsSection | undefined;
}

/**
 * A click handler for a button that writes settings or the clipboard: it runs for the user's own clicks and
 * keyboard activations only. A page script that reaches the button (`button.click()`, a dispatched event) makes
 * an untrusted event, which is ignored.
 */
export const userOnly =
  (action: () => unknown) =>
  (event: Event): void => {
    if (event.isTrusted === true) void action();
  };

const CARD_ID = 'igp-card';
const TITLE_ID = 'igp-title';

export function Panel(props: PanelProps) {
  const { view, expanded } = props;
  const pillRef = useRef<HTMLButtonElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (props.focusRequest && expanded) cardRef.current?.focus();
    // Only a new request moves focus; expanding by click keeps focus on the pill.
  }, [props.focusRequest]);

  const collapseFromInside = () => {
    props.onExpandedChange(false);
    // Focus is inside our card (the user pressed a control in it); keep it in the panel.
    queueMicrotask(() => pillRef.current?.focus());
  };

  const copy = async () => {
    let ok = false;
    try {
      ok = await props.onCopyDiagnostic();
    } catch {
      ok = false;
    }
    setCopyStatus(ok ? 'copied' : 'failed');
  };

  return (
    <div
      class={`igp igp-${view.mode}`}
      data-corner={props.corner ?? 'bottom-right'}
      data-expanded={expanded ? 'true' : 'false'}
    >
      <button
        ref={pillRef}
        type="button"
        class="igp-pill"
        aria-expanded={expanded}
        aria-controls={CARD_ID}
        title={i18n.t('panel.pillTitle')}
        onClick={() => props.onExpandedChange(!expanded)}
      >
        <PanelIcon />
        <span class="igp-pill-text">{view.pillText}</span>
      </button>
      {expanded && (
        <section
          ref={cardRef}
          id={CARD_ID}
          class="igp-card"
          role="region"
          aria-labelledby={TITLE_ID}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              collapseFromInside();
            }
          }}
        >
          <header class="igp-head">
            <h2 id={TITLE_ID} class="igp-title">
              {i18n.t('panel.title')}
            </h2>
            <button
              type="button"
              class="igp-close"
              aria-label={i18n.t('panel.collapse')}
              title={i18n.t('panel.collapse')}
              onClick={collapseFromInside}
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
              </svg>
            </button>
          </header>

          {(view.ageText || view.examText) && (
            <dl class="igp-facts">
              {view.ageText && (
                <div>
                  <dt>{i18n.t('panel.age')}</dt>
                  <dd class="igp-age">{view.ageText}</dd>
                </div>
              )}
              {view.examText && (
                <div>
                  <dt>{i18n.t('panel.exam')}</dt>
                  <dd class="igp-exam">{view.examText}</dd>
                </div>
              )}
            </dl>
          )}

          {view.list && <ListSummary list={view.list} />}

          {view.notes.length > 0 && (
            <ul class="igp-notes">
              {view.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          )}

          {view.campaigns.map((c) => (
            <CampaignBlock campaign={c} />
          ))}

          {view.numbers.length > 0 && <Numbers numbers={view.numbers} />}

          {props.pacs && <PacsDoseSection view={props.pacs.view} onMeasureAlongScan={props.pacs.measureAlongScan} />}
          {props.pacs?.history && <ChildHistorySection section={props.pacs.history} />}

          {(view.evidence.length > 0 || props.onTeachPage) && <EvidenceBlock evidence={view.evidence} onTeachPage={props.onTeachPage} />}

          <p class="igp-intended">{i18n.t('panel.intendedUse')}</p>

          <div class="igp-actions">
            {view.canDismiss && (
              <button type="button" class="igp-btn" onClick={userOnly(props.onDismissExam)}>
                {i18n.t('panel.dismissExam')}
              </button>
            )}
            <button type="button" class="igp-btn" onClick={userOnly(props.onSnoozeSite)}>
              {i18n.t('panel.snoozeSite')}
            </button>
            <button type="button" class="igp-btn igp-btn-quiet" onClick={userOnly(copy)}>
              {i18n.t('panel.copyDiagnostic')}
            </button>
          </div>
          <p class="igp-status" role="status" aria-live="polite">
            {copyStatus === 'copied'
              ? i18n.t('panel.copied')
              : copyStatus === 'failed'
                ? i18n.t('panel.copyFailed')
                : ''}
          </p>
        </section>
      )}
    </div>
  );
}

function ListSummary({ list }: { list: PanelListSummary }) {
  return (
    <div class="igp-list">
      <p class="igp-list-summary">{list.summary}</p>
      {list.records.length > 0 && (
        <ul class="igp-records">
          {list.records.map((r) => (
            <li>
              <span class="igp-record-desc">{r.description}</span>
              {r.ageText && <span class="igp-record-age">{r.ageText}</span>}
            </li>
          ))}
        </ul>
      )}
      {list.more && <p class="igp-more">{list.more}</p>}
    </div>
  );
}

function CampaignBlock({ campaign }: { campaign: PanelCampaign }) {
  return (
    <section class="igp-campaign" data-campaign={campaign.id} aria-label={campaign.title}>
      <h3>{campaign.title}</h3>
      <ul>
        {campaign.reminders.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      {campaign.link && <SafeLink link={campaign.link} />}
    </section>
  );
}

function Numbers({ numbers }: { numbers: PanelNumber[] }) {
  return (
    <section class="igp-numbers" aria-label={i18n.t('panel.numbers')}>
      <h3>{i18n.t('panel.numbers')}</h3>
      <dl>
        {numbers.map((n) => (
          <NumberItem number={n} />
        ))}
      </dl>
    </section>
  );
}

function EvidenceBlock({ evidence, onTeachPage }: { evidence: PanelEvidence[]; onTeachPage?: (() => void) | undefined }) {
  return (
    <details class="igp-evidence">
      <summary>{i18n.t('panel.why')}</summary>
      <ul>
        {evidence.map((e) => (
          <li data-kind={e.kind} data-conflict={e.conflict ? 'true' : undefined}>
            <span class="igp-ev-where">{e.where}</span>
            <span class="igp-ev-text">{e.text}</span>
            {e.conflict && <span class="igp-tag igp-tag-warn">{i18n.t('panel.conflict')}</span>}
            {e.note && <span class="igp-ev-note">{e.note}</span>}
          </li>
        ))}
      </ul>
      {onTeachPage && (
        <p class="igp-teach">
          {i18n.t('panel.teachHint')}{' '}
          {/* The user's own click only: a page script's scripted click is not trusted. */}
          <button type="button" class="igp-btn igp-btn-quiet" onClick={(event) => event.isTrusted && onTeachPage()}>
            {i18n.t('panel.teach')}
          </button>
        </p>
      )}
    </details>
  );
}

function SafeLink({ link }: { link: PanelLink }) {
  // Only http(s) links reach the DOM; anything else is shown as plain text.
  if (!isHttpUrl(link.href)) return <span class="igp-link">{link.label}</span>;
  return (
    <a class="igp-link" href={link.href} target="_blank" rel="noopener noreferrer">
      {link.label}
    </a>
  );
}
