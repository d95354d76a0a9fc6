/**
 * The field picker's card ("Teach this page"): props in, markup out, callbacks for what the user does. It runs in
 * the picker's shadow root on the page (content/picker/picker-ui.tsx); page text (the picked values) is shown as
 * text only. Every handler ignores untrusted events, so the page's scripts cannot drive it.
 *
 * Keyboard: arrow keys move between the page's fields (`onMove`), Enter picks the selected one (`onUse`), Escape
 * cancels; Tab reaches every button. Each step can be skipped.
 */
import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import type { PickReading } from '@/content/picker/draft';
import type { RecipeFieldKind, RecipeStep } from '@/content/read/recipe/recipe';

export interface PickerPick {
  step: RecipeStep;
  kind: RecipeFieldKind;
  text: string;
  reading: PickReading;
}

export type PickerPhase =
  | { phase: 'step'; step: RecipeStep }
  | { phase: 'summary' }
  | { phase: 'saving' }
  | { phase: 'saved' }
  | { phase: 'failed'; reason: 'invalid' | 'other-site' | 'not-enabled' | 'managed' | 'no-answer' };

export interface PickerProps {
  state: PickerPhase;
  /** 1-based step number and the number of steps. */
  stepNumber: number;
  stepCount: number;
  /** The element under the pointer or selected with the arrow keys, and what it reads as. */
  candidate: { text: string; reading: PickReading; usable: boolean } | null;
  /** Picks so far (the summary lists them; skipped steps are absent). */
  picks: PickerPick[];
  /** The date step's kind (exam date or order date), when a date is picked or being picked. */
  dateKind: 'examDate' | 'orderDate';
  /** "→ 7 y 9 mo at the exam · a child at the exam", once the picks give an age. */
  overall: string | null;
  origin: string;
  prefixes: string[];
  prefix: string;
  /** Where the card sits (away from the selected element). */
  placement: 'top' | 'bottom';
  onMove(delta: 1 | -1): void;
  onUse(): void;
  onSkip(): void;
  onBack(): void;
  onCancel(): void;
  onSave(): void;
  onDateKind(kind: 'examDate' | 'orderDate'): void;
  onPrefix(prefix: string): void;
}

const TITLE_ID = 'igk-title';
const STEP_ID = 'igk-step';

/** A handler that runs for the user's own input only. */
const trusted =
  <E extends Event>(fn: (event: E) => void) =>
  (event: E): void => {
    if (event.isTrusted === true) fn(event);
  };

const STEP_KEY = { patient: 'picker.step.patient', exam: 'picker.step.exam', date: 'picker.step.date' } as const;
const FIELD_KEY = { patient: 'picker.field.patient', exam: 'picker.field.exam', date: 'picker.field.date' } as const;
const FAILED_KEY = {
  invalid: 'picker.failedReason.invalid',
  'other-site': 'picker.failedReason.otherSite',
  'not-enabled': 'picker.failedReason.notEnabled',
  managed: 'picker.failedReason.managed',
  'no-answer': 'picker.failedReason.noAnswer',
} as const;

export function readingText(r: PickReading): string {
  switch (r.kind) {
    case 'birthDate':
      return i18n.t('picker.reads.birthDate', [r.iso]);
    case 'examDate':
      return i18n.t('picker.reads.examDate', [r.iso]);
    case 'orderDate':
      return i18n.t('picker.reads.orderDate', [r.iso]);
    case 'age':
      return i18n.t('picker.reads.age', [r.text]);
    case 'procedure':
      return r.modality ? i18n.t('picker.reads.procedureModality', [r.text, r.modality]) : i18n.t('picker.reads.procedure', [r.text]);
    case 'none':
      return r.why === 'empty'
        ? i18n.t('picker.reads.empty')
        : r.why === 'ambiguous-date'
          ? i18n.t('picker.reads.ambiguousDate')
          : r.why === 'not-an-age'
            ? i18n.t('picker.reads.notAnAge')
            : r.why === 'no-element'
              ? i18n.t('picker.reads.noLocator')
              : i18n.t('picker.reads.notADate');
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function Picker(props: PickerProps) {
  const { state } = props;
  const cardRef = useRef<HTMLDivElement>(null);
  const focusKey = state.phase === 'step' ? `step-${state.step}` : state.phase;

  // Focus the card when the step changes, so the arrow keys and Enter work at once.
  useEffect(() => {
    if (state.phase === 'saved' || state.phase === 'failed') cardRef.current?.querySelector<HTMLButtonElement>('.igk-primary')?.focus();
    else cardRef.current?.focus();
  }, [focusKey]);

  const onKeyDown = trusted((event: KeyboardEvent) => {
    const target = event.target as Element | null;
    const inControl = !!target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
      return;
    }
    if (state.phase !== 'step' || inControl) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      event.preventDefault();
      props.onMove(1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      props.onMove(-1);
    } else if (event.key === 'Enter' && target === cardRef.current) {
      event.preventDefault();
      if (props.candidate?.usable) props.onUse();
    }
  });

  const stepLine =
    state.phase === 'step' ? i18n.t(STEP_KEY[state.step]) : state.phase === 'summary' ? i18n.t('picker.step.summary') : null;

  return (
    <div class="igk" data-placement={props.placement}>
      <div
        ref={cardRef}
        class="igk-card"
        role="dialog"
        aria-modal="false"
        aria-labelledby={TITLE_ID}
        aria-describedby={stepLine ? STEP_ID : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-phase={state.phase}
        data-step={state.phase === 'step' ? state.step : undefined}
      >
        <h2 id={TITLE_ID} class="igk-title">
          {i18n.t('picker.title')}
          {(state.phase === 'step' || state.phase === 'summary') && (
            <span class="igk-count"> · {i18n.t('picker.stepOf', [String(props.stepNumber), String(props.stepCount)])}</span>
          )}
        </h2>
        {stepLine && (
          <p id={STEP_ID} class="igk-step">
            {stepLine}
          </p>
        )}

        {state.phase === 'step' && (
          <>
            <p class="igk-hint">{i18n.t('picker.keys')}</p>
            <div class="igk-candidate" role="status" aria-live="polite">
              {props.candidate ? (
                <>
                  <p class="igk-selected">{i18n.t('picker.selected', [shorten(props.candidate.text)])}</p>
                  <p class="igk-reads" data-ok={props.candidate.reading.kind === 'none' ? 'false' : 'true'}>
                    {readingText(props.candidate.reading)}
                  </p>
                  {props.overall && <p class="igk-overall">{props.overall}</p>}
                </>
              ) : (
                <p>{i18n.t('picker.nothing')}</p>
              )}
            </div>
            {state.step === 'date' && <DateKind value={props.dateKind} onChange={props.onDateKind} />}
            <div class="igk-actions">
              <button type="button" class="igk-btn igk-primary" disabled={!props.candidate?.usable} onClick={trusted(() => props.onUse())}>
                {i18n.t('picker.use')}
              </button>
              <button type="button" class="igk-btn" onClick={trusted(() => props.onSkip())}>
                {i18n.t('picker.skip')}
              </button>
              {props.stepNumber > 1 && (
                <button type="button" class="igk-btn" onClick={trusted(() => props.onBack())}>
                  {i18n.t('picker.back')}
                </button>
              )}
              <button type="button" class="igk-btn igk-quiet" onClick={trusted(() => props.onCancel())}>
                {i18n.t('picker.cancel')}
              </button>
            </div>
          </>
        )}

        {state.phase === 'summary' && <Summary {...props} />}

        {state.phase === 'saving' && (
          <p class="igk-status" role="status">
            {i18n.t('picker.saving')}
          </p>
        )}
        {(state.phase === 'saved' || state.phase === 'failed') && (
          <>
            <p class="igk-status" role="status" data-ok={state.phase === 'saved' ? 'true' : 'false'}>
              {state.phase === 'saved' ? i18n.t('picker.saved') : i18n.t('picker.failed', [i18n.t(FAILED_KEY[state.reason])])}
            </p>
            <div class="igk-actions">
              <button type="button" class="igk-btn igk-primary" onClick={trusted(() => props.onCancel())}>
                {i18n.t('picker.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function DateKind({ value, onChange }: { value: 'examDate' | 'orderDate'; onChange(kind: 'examDate' | 'orderDate'): void }) {
  return (
    <fieldset class="igk-datekind">
      <legend>{i18n.t('picker.dateKind')}</legend>
      {(['examDate', 'orderDate'] as const).map((kind) => (
        <label>
          <input type="radio" name="igk-datekind" value={kind} checked={value === kind} onChange={trusted(() => onChange(kind))} />{' '}
          {i18n.t(kind === 'examDate' ? 'picker.examDate' : 'picker.orderDate')}
        </label>
      ))}
    </fieldset>
  );
}

function Summary(props: PickerProps) {
  const steps: RecipeStep[] = ['patient', 'exam', 'date'];
  const byStep = new Map(props.picks.map((p) => [p.step, p]));
  return (
    <>
      <dl class="igk-summary">
        {steps.map((step) => {
          const pick = byStep.get(step);
          return (
            <div class="igk-row" data-step={step}>
              <dt>{i18n.t(FIELD_KEY[step])}</dt>
              <dd>{pick ? `${shorten(pick.text)} — ${readingText(pick.reading)}` : i18n.t('picker.skipped')}</dd>
            </div>
          );
        })}
      </dl>
      {props.overall && <p class="igk-overall">{props.overall}</p>}
      {props.picks.length === 0 && <p class="igk-status">{i18n.t('picker.nothingPicked')}</p>}
      <label class="igk-prefix">
        {i18n.t('picker.appliesTo')}{' '}
        <span class="igk-origin">{props.origin}</span>
        <select value={props.prefix} onChange={trusted((e: Event) => props.onPrefix((e.currentTarget as HTMLSelectElement).value))}>
          {props.prefixes.map((p) => (
            <option value={p}>{`${p}…`}</option>
          ))}
        </select>
      </label>
      <div class="igk-actions">
        <button type="button" class="igk-btn igk-primary" disabled={props.picks.length === 0} onClick={trusted(() => props.onSave())}>
          {i18n.t('picker.save')}
        </button>
        <button type="button" class="igk-btn" onClick={trusted(() => props.onBack())}>
          {i18n.t('picker.back')}
        </button>
        <button type="button" class="igk-btn igk-quiet" onClick={trusted(() => props.onCancel())}>
          {i18n.t('picker.cancel')}
        </button>
      </div>
    </>
  );
}
