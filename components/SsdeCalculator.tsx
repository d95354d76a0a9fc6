/**
 * Quick SSDE calculator for the popup: CTDIvol, the phantom it is referenced to (16 cm, 32 cm or
 * not known), the exam (body abdomen/pelvis, body chest, head) and one size input (Dw, AP+LAT,
 * AP, LAT, their sum, or age) → SSDE with its factor, size, method, source and notes.
 *
 * All numbers come from `clinical/ssde.ts` (`ssde()`); this file only reads the form and words
 * the result. The phantom starts as "not known" (both candidates, labelled, never one number) — never
 * 32 cm by default: a child's body CTDIvol is often referenced to the 16 cm phantom. Head exams have their
 * own wording: AAPM 293 with Dw, CTDIvol referenced to the 16 cm head phantom (the size field is Dw only).
 * Out-of-range sizes are refused with the range the report publishes (for the head: the span the factor
 * is given in here). Decimal commas are accepted ("5,2").
 */
import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  HEAD_DW_RANGE_CM,
  SSDE_CAVEAT_MESSAGE_KEY,
  SSDE_REFUSAL_MESSAGE_KEY,
  conversionFactorRangeCm,
  ssde,
  type SsdeCandidate,
  type SsdeEstimate,
  type SsdeInput,
  type SsdeResult,
  type SizeInput,
} from '@/clinical/ssde';
import { numberFormatter } from './popup-format';

type Phantom = '16' | '32' | 'unknown';
type Exam = 'abdomen' | 'chest' | 'head';
type Method = 'dw' | 'ap-lat' | 'ap' | 'lat' | 'sum' | 'age';

export interface CalculatorForm {
  ctdi: string;
  phantom: Phantom;
  exam: Exam;
  method: Method;
  /** The size value (AP for 'ap-lat'). */
  a: string;
  /** LAT for 'ap-lat'. */
  b: string;
}

export const EMPTY_FORM: CalculatorForm = { ctdi: '', phantom: 'unknown', exam: 'abdomen', method: 'dw', a: '', b: '' };

const METHODS: ReadonlyArray<{ id: Method; label: string; fields: [string] | [string, string] }> = [
  { id: 'dw', label: 'popup.calc.methodDw', fields: ['popup.calc.dwCm'] },
  { id: 'ap-lat', label: 'popup.calc.methodApLat', fields: ['popup.calc.apCm', 'popup.calc.latCm'] },
  { id: 'ap', label: 'popup.calc.methodAp', fields: ['popup.calc.apCm'] },
  { id: 'lat', label: 'popup.calc.methodLat', fields: ['popup.calc.latCm'] },
  { id: 'sum', label: 'popup.calc.methodSum', fields: ['popup.calc.sumCm'] },
  { id: 'age', label: 'popup.calc.methodAge', fields: ['popup.calc.ageYears'] },
];

// Keys are built from tables above; `i18n.t` is typed for literal keys only.
const t = (key: string, subs?: string[]): string => (i18n.t as (k: string, s?: string[]) => string)(key, subs);

/** "5,2" or "5.2" → 5.2; '' or anything else that is not a plain decimal → null. */
export function readDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** The `ssde()` input for a filled form, or null while a field is still empty or not a number. */
/** The size methods offered for an exam: Dw only for the head (AAPM 293), all of them for the body. */
export function methodsFor(exam: Exam): readonly Method[] {
  return exam === 'head' ? ['dw'] : METHODS.map((m) => m.id);
}

export function formToInput(form: CalculatorForm): SsdeInput | null {
  const ctdi = readDecimal(form.ctdi);
  const a = readDecimal(form.a);
  if (ctdi === null || a === null) return null;
  let size: SizeInput;
  switch (form.exam === 'head' ? 'dw' : form.method) {
    case 'dw':
      size = { metric: 'dw', dwCm: a };
      break;
    case 'ap-lat': {
      const b = readDecimal(form.b);
      if (b === null) return null;
      size = { metric: 'ap-lat', apCm: a, latCm: b };
      break;
    }
    case 'ap':
      size = { metric: 'ap', apCm: a };
      break;
    case 'lat':
      size = { metric: 'lat', latCm: a };
      break;
    case 'sum':
      size = { metric: 'sum', sumCm: a };
      break;
    case 'age':
      size = { metric: 'age', ageYears: a };
      break;
  }
  return {
    ctdiVolMGy: ctdi,
    phantom: form.phantom === 'unknown' ? 'unknown' : form.phantom === '16' ? 16 : 32,
    region: form.exam === 'head' ? 'head' : 'body',
    ...(form.exam === 'head' ? {} : { bodyPart: form.exam === 'chest' ? 'chest' : 'abdomen-pelvis' }),
    size,
  } as SsdeInput;
}

export interface SsdeCalculatorProps {
  locale: string;
  initial?: CalculatorForm;
}

export function SsdeCalculator({ locale, initial = EMPTY_FORM }: SsdeCalculatorProps) {
  const [form, setForm] = useState<CalculatorForm>(initial);
  const fmt = useMemo(() => numberFormatter(locale), [locale]);
  const input = formToInput(form);
  const result = input ? ssde(input) : null;
  const head = form.exam === 'head';
  const offered = methodsFor(form.exam);
  const method = METHODS.find((m) => m.id === (head ? 'dw' : form.method))!;
  const set = (patch: Partial<CalculatorForm>) => setForm((f) => ({ ...f, ...patch }));
  const fieldId = (i: number) => `igc-calc-size-${i}`;

  return (
    <form class="igc-calc" onSubmit={(e) => e.preventDefault()} data-testid="ssde-calculator">
      <label class="igc-calc-row">
        <span>{i18n.t('popup.calc.ctdivol')}</span>
        <input name="ctdi" type="text" inputMode="decimal" autoComplete="off" value={form.ctdi} onInput={(e) => set({ ctdi: e.currentTarget.value })} />
      </label>
      <fieldset class="igc-calc-row igc-calc-phantom">
        <legend>{i18n.t('popup.calc.phantom')}</legend>
        {(['16', '32', 'unknown'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="phantom" value={p} checked={form.phantom === p} onChange={() => set({ phantom: p })} />
            {p === 'unknown'
              ? i18n.t('popup.calc.phantomUnknown')
              : p === '16'
                ? head
                  ? i18n.t('popup.calc.phantom16Head')
                  : i18n.t('popup.calc.phantom16')
                : i18n.t('popup.calc.phantom32')}
          </label>
        ))}
      </fieldset>
      <label class="igc-calc-row">
        <span>{i18n.t('popup.calc.exam')}</span>
        <select name="exam" value={form.exam} onChange={(e) => set({ exam: e.currentTarget.value as Exam })}>
          <option value="abdomen">{i18n.t('popup.calc.examAbdomen')}</option>
          <option value="chest">{i18n.t('popup.calc.examChest')}</option>
          <option value="head">{i18n.t('popup.calc.examHead')}</option>
        </select>
      </label>
      <label class="igc-calc-row">
        <span>{i18n.t('popup.calc.sizeFrom')}</span>
        <select name="method" value={method.id} disabled={head} onChange={(e) => set({ method: e.currentTarget.value as Method })}>
          {METHODS.filter((m) => offered.includes(m.id)).map((m) => (
            <option key={m.id} value={m.id}>
              {t(m.label)}
            </option>
          ))}
        </select>
      </label>
      {method.fields.map((label, i) => (
        <label class="igc-calc-row" key={`${method.id}-${i}`} for={fieldId(i)}>
          <span>{t(label)}</span>
          <input
            id={fieldId(i)}
            name={i === 0 ? 'size-a' : 'size-b'}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={i === 0 ? form.a : form.b}
            onInput={(e) => set(i === 0 ? { a: e.currentTarget.value } : { b: e.currentTarget.value })}
          />
        </label>
      ))}
      {head && <p class="igc-calc-head" data-testid="ssde-head-note">{i18n.t('popup.calc.headNote')}</p>}
      <output class="igc-calc-result" aria-live="polite" data-testid="ssde-result" data-status={result?.status ?? 'empty'}>
        <Result result={result} fmt={fmt} methodLabel={t(method.label)} />
      </output>
      <p class="igc-calc-range">{rangeNote(form, fmt)}</p>
      <p class="igc-calc-disclaimer">{i18n.t('popup.calc.disclaimer')}</p>
    </form>
  );
}

type Fmt = (value: number, digits: number) => string;

/** The published range the size must fall in, for the phantom(s) and exam chosen. */
function rangeNote(form: CalculatorForm, fmt: Fmt): string {
  if (form.exam === 'head') return i18n.t('popup.calc.rangeHead', [fmt(HEAD_DW_RANGE_CM.minCm, 0), fmt(HEAD_DW_RANGE_CM.maxCm, 0)]);
  const phantoms = form.phantom === 'unknown' ? ([16, 32] as const) : ([form.phantom === '16' ? 16 : 32] as const);
  return phantoms
    .map((p) => {
      const { minCm, maxCm } = conversionFactorRangeCm(p);
      return i18n.t('popup.calc.range', [fmt(minCm, 0), fmt(maxCm, 0), String(p)]);
    })
    .join(' ');
}

function Result({ result, fmt, methodLabel }: { result: SsdeResult | null; fmt: Fmt; methodLabel: string }) {
  if (!result) return <p class="igc-calc-prompt">{i18n.t('popup.calc.prompt')}</p>;
  if (result.status === 'refused') {
    return (
      <p class="igc-calc-refusal" title={result.message}>
        {t(SSDE_REFUSAL_MESSAGE_KEY[result.reason])}
      </p>
    );
  }
  const caveats = result.caveats.map((c) => <li key={c}>{t(SSDE_CAVEAT_MESSAGE_KEY[c])}</li>);
  if (result.status === 'phantom-unknown') {
    return (
      <>
        <p class="igc-calc-unknown">{i18n.t('clinical.ssdePhantomUnknown')}</p>
        {result.candidates.map((c) => (
          <Candidate key={c.phantomCm} candidate={c} fmt={fmt} methodLabel={methodLabel} />
        ))}
        {caveats.length > 0 && <ul class="igc-calc-caveats">{caveats}</ul>}
      </>
    );
  }
  return (
    <>
      <Estimate estimate={result.estimate} fmt={fmt} methodLabel={methodLabel} />
      {caveats.length > 0 && <ul class="igc-calc-caveats">{caveats}</ul>}
    </>
  );
}

function Candidate({ candidate, fmt, methodLabel }: { candidate: SsdeCandidate; fmt: Fmt; methodLabel: string }) {
  return (
    <section class="igc-calc-candidate" data-phantom={candidate.phantomCm}>
      <h4>{i18n.t('clinical.ssdePhantomCandidate', [String(candidate.phantomCm)])}</h4>
      {candidate.estimate ? (
        <Estimate estimate={candidate.estimate} fmt={fmt} methodLabel={methodLabel} />
      ) : (
        <p class="igc-calc-refusal" title={candidate.refusal?.message}>
          {candidate.refusal ? t(SSDE_REFUSAL_MESSAGE_KEY[candidate.refusal.reason]) : ''}
        </p>
      )}
    </section>
  );
}

function Estimate({ estimate: e, fmt, methodLabel }: { estimate: SsdeEstimate; fmt: Fmt; methodLabel: string }) {
  return (
    <div class="igc-calc-estimate">
      <p class="igc-calc-ssde">{i18n.t('popup.calc.result', [fmt(e.ssdeMGy, 1)])}</p>
      <p class="igc-calc-detail">
        {i18n.t('popup.calc.detail', [
          fmt(e.conversionFactor, 2),
          fmt(e.diameterCm, 1),
          e.diameterKind === 'water-equivalent' ? i18n.t('popup.calc.kindWater') : i18n.t('popup.calc.kindEffective'),
          String(e.phantomCm),
        ])}
      </p>
      <p class="igc-calc-method">
        {e.methodCode === null ? i18n.t('popup.calc.method', [methodLabel]) : i18n.t('popup.calc.methodCode', [methodLabel, e.methodCode])}
      </p>
      <p class="igc-calc-source">{i18n.t('popup.calc.source', [e.source])}</p>
    </div>
  );
}
