// @vitest-environment happy-dom
/**
 * The popup's quick SSDE calculator. Expected numbers are the worked examples and printed factors
 * of docs/reference/ssde.md §1.4–1.5 and §3, not values computed by the code under test.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SsdeCalculator, formToInput, readDecimal, EMPTY_FORM, type CalculatorForm } from '@/components/SsdeCalculator';
import { setTestLocale } from '../setup/i18n-shim';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(locale = 'en') {
  await act(async () => {
    render(<SsdeCalculator locale={locale} />, root);
  });
}
async function type(name: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function choose(name: string, value: string) {
  const el = root.querySelector<HTMLSelectElement | HTMLInputElement>(`select[name="${name}"], input[name="${name}"][value="${value}"]`)!;
  await act(async () => {
    if (el instanceof HTMLSelectElement) el.value = value;
    else el.checked = true;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const result = () => root.querySelector<HTMLElement>('[data-testid="ssde-result"]')!;

describe('SsdeCalculator', () => {
  it('starts with the phantom "not known" — never 32 cm by default — and gives both values', async () => {
    await mount();
    expect(root.querySelector<HTMLInputElement>('input[name="phantom"][value="unknown"]')!.checked).toBe(true);
    await type('ctdi', '10');
    await type('size-a', '20');
    expect(result().dataset.status).toBe('phantom-unknown');
    expect([...result().querySelectorAll('.igc-calc-candidate .igc-calc-ssde')].map((e) => e.textContent)).toEqual(['SSDE 8.6 mGy', 'SSDE 17.8 mGy']);
  });

  it('prompts until CTDIvol and a size are filled in', async () => {
    await mount();
    expect(result().dataset.status).toBe('empty');
    expect(result().textContent).toBe('Enter CTDIvol and a size to see the SSDE.');
    await type('ctdi', '5');
    expect(result().dataset.status).toBe('empty');
  });

  it('AP 15 cm + LAT 20 cm, CTDIvol 5 mGy (32 cm) → SSDE 9.8 mGy, √(AP·LAT) has no CID code (docs/reference/ssde.md §1.5)', async () => {
    await mount();
    await choose('phantom', '32');
    await type('ctdi', '5');
    await choose('method', 'ap-lat');
    await type('size-a', '15');
    await type('size-b', '20');
    expect(result().dataset.status).toBe('ok');
    expect(result().querySelector('.igc-calc-ssde')!.textContent).toBe('SSDE 9.8 mGy');
    // Deff = √300 = 17.32 cm; f32 = 1.961
    expect(result().querySelector('.igc-calc-detail')!.textContent).toBe(
      'f = 1.96 at 17.3 cm (effective diameter), CTDIvol referenced to the 32 cm phantom',
    );
    expect(result().querySelector('.igc-calc-method')!.textContent).toBe('Size: AP and lateral dimensions');
    expect(result().querySelector('.igc-calc-source')!.textContent).toMatch(/^Source: AAPM 204/);
  });

  it('Dw 20 cm, CTDIvol 10 mGy: 32 cm → 17.8 mGy (Table 1D f 1.78) with code 113988', async () => {
    await mount();
    await choose('phantom', '32');
    await type('ctdi', '10');
    await type('size-a', '20');
    expect(result().querySelector('.igc-calc-ssde')!.textContent).toBe('SSDE 17.8 mGy');
    expect(result().querySelector('.igc-calc-method')!.textContent).toBe('Size: Water-equivalent diameter (Dw) (DICOM CID 10023 code 113988)');
  });

  it('phantom not known: both candidates, labelled (16 cm: f 0.86 → 8.6 mGy; 32 cm: f 1.78 → 17.8 mGy)', async () => {
    await mount();
    await type('ctdi', '10');
    await type('size-a', '20');
    await choose('phantom', 'unknown');
    expect(result().dataset.status).toBe('phantom-unknown');
    const candidates = [...result().querySelectorAll<HTMLElement>('.igc-calc-candidate')];
    expect(candidates.map((c) => c.dataset.phantom)).toEqual(['16', '32']);
    expect(candidates.map((c) => c.querySelector('h4')!.textContent)).toEqual([
      'If CTDIvol is referenced to the 16 cm phantom',
      'If CTDIvol is referenced to the 32 cm phantom',
    ]);
    expect(candidates.map((c) => c.querySelector('.igc-calc-ssde')!.textContent)).toEqual(['SSDE 8.6 mGy', 'SSDE 17.8 mGy']);
    expect(result().querySelector('.igc-calc-unknown')!.textContent).toMatch(/^CTDI phantom not known/);
    expect(root.querySelector('.igc-calc-range')!.textContent).toBe(
      'The conversion factor is published for diameters of 6–55 cm with the 16 cm phantom. The conversion factor is published for diameters of 8–45 cm with the 32 cm phantom.',
    );
  });

  it('age 5 y, CTDIvol 4 mGy (32 cm) → about 7.5 mGy, marked as an age-based estimate (Table 3)', async () => {
    await mount();
    await choose('phantom', '32');
    await type('ctdi', '4');
    await choose('method', 'age');
    await type('size-a', '5');
    expect(result().querySelector('.igc-calc-ssde')!.textContent).toBe('SSDE 7.5 mGy');
    expect(result().querySelector('.igc-calc-caveats')!.textContent).toMatch(/size taken from age/);
  });

  it('head: Dw 10 cm, 16 cm phantom, CTDIvol 10 mGy → AAPM 293 f 1.22 → 12.2 mGy; other sizes refused', async () => {
    await mount();
    await choose('exam', 'head');
    await choose('phantom', '16');
    await type('ctdi', '10');
    await type('size-a', '10');
    expect(result().querySelector('.igc-calc-ssde')!.textContent).toBe('SSDE 12.2 mGy');
    expect(result().querySelector('.igc-calc-source')!.textContent).toContain('AAPM 293');
    expect(root.querySelector('.igc-calc-range')!.textContent).toBe(
      "Head (AAPM 293): the factor is given for Dw 6–26 cm only, the span tabulated here; the report's own validity range is not verified, and outside this span the factor is not given (never extrapolated).",
    );
    // Head wording: the 16 cm head phantom, AAPM 293 with Dw; body size methods are not offered.
    expect(root.querySelector('[data-testid="ssde-head-note"]')!.textContent).toMatch(/AAPM 293 .*\(Dw\).*16 cm head phantom/);
    expect(root.querySelector('input[name="phantom"][value="16"]')!.parentElement!.textContent).toBe('16 cm (head phantom)');
    const method = root.querySelector<HTMLSelectElement>('select[name="method"]')!;
    expect(method.disabled).toBe(true);
    expect([...method.options].map((o) => o.value)).toEqual(['dw']);
    await type('size-a', '30');
    expect(result().dataset.status).toBe('refused');
    expect(result().textContent).toMatch(/^No SSDE: this Dw is outside 6–26 cm/);
  });

  it('body exams have no head note, and offer every size method', async () => {
    await mount();
    expect(root.querySelector('[data-testid="ssde-head-note"]')).toBeNull();
    expect([...root.querySelector<HTMLSelectElement>('select[name="method"]')!.options].map((o) => o.value)).toEqual(['dw', 'ap-lat', 'ap', 'lat', 'sum', 'age']);
  });

  it('outside the published range: refused, never extrapolated; the range is shown', async () => {
    await mount();
    await choose('phantom', '32');
    await type('ctdi', '10');
    await type('size-a', '50'); // 32 cm phantom: 8–45 cm
    expect(result().dataset.status).toBe('refused');
    expect(result().textContent).toBe("No SSDE: the size is outside the published range of the report's table.");
    expect(result().textContent).not.toMatch(/mGy/);
    expect(root.querySelector('.igc-calc-range')!.textContent).toBe('The conversion factor is published for diameters of 8–45 cm with the 32 cm phantom.');
  });

  it('chest adds the < 20 % caveat', async () => {
    await mount();
    await choose('exam', 'chest');
    await type('ctdi', '10');
    await type('size-a', '20');
    expect(result().querySelector('.igc-calc-caveats')!.textContent).toMatch(/chest, errors under 20%/);
  });

  it('Spanish: decimal comma in and out, Spanish labels', async () => {
    setTestLocale('es');
    await mount('es');
    await choose('phantom', '32');
    await type('ctdi', '10,0');
    await type('size-a', '20');
    expect(result().querySelector('.igc-calc-ssde')!.textContent).toBe('SSDE 17,8 mGy');
    expect(result().querySelector('.igc-calc-detail')!.textContent).toBe(
      'f = 1,78 a 20,0 cm (diámetro equivalente en agua), CTDIvol referido al maniquí de 32 cm',
    );
  });
});

describe('readDecimal / formToInput', () => {
  it('reads plain decimals with a point or a comma, nothing else', () => {
    expect(readDecimal('5.2')).toBe(5.2);
    expect(readDecimal(' 5,2 ')).toBe(5.2);
    expect(readDecimal('.5')).toBe(0.5);
    for (const bad of ['', '-1', '1e3', '1,2,3', 'abc', '5 mGy', 'Infinity', '0x10']) expect(readDecimal(bad)).toBeNull();
  });

  it('builds the ssde() input; incomplete forms give null', () => {
    const form: CalculatorForm = { ...EMPTY_FORM, phantom: '32', ctdi: '5', method: 'ap-lat', a: '15', b: '' };
    expect(formToInput(form)).toBeNull();
    expect(formToInput({ ...form, b: '20' })).toEqual({
      ctdiVolMGy: 5,
      phantom: 32,
      region: 'body',
      bodyPart: 'abdomen-pelvis',
      size: { metric: 'ap-lat', apCm: 15, latCm: 20 },
    });
    expect(formToInput({ ...EMPTY_FORM, ctdi: '5', a: '10', exam: 'head', phantom: 'unknown' })).toEqual({
      ctdiVolMGy: 5,
      phantom: 'unknown',
      region: 'head',
      size: { metric: 'dw', dwCm: 10 },
    });
  });
});
