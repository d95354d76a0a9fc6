/**
 * Shared by the page benches: the generated 5,000-row worklist (the page of ../shared/tools/
 * perf-worklist.mjs: birth years 1940–2019, studies 2026-11-20…29, so about one row in eight is a
 * child's), and small statistics.
 */
export function worklistHtml(rows = 5000): string {
  let body = '';
  for (let i = 0; i < rows; i++) {
    const y = 1940 + ((i * 7) % 80);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const mod = ['CT', 'MR', 'CR', 'US', 'NM'][i % 5]!;
    body +=
      `<tr><td>PATIENT^${i}</td><td>MRN${100000 + i}</td><td>${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}</td>` +
      `<td>2026112${i % 10}</td><td>${mod}</td><td>${mod} STUDY ${i}</td><td>ACC${i}</td></tr>`;
  }
  return (
    '<!doctype html><html><head><title>Worklist</title></head><body><h1>Study list</h1><table id="worklist">' +
    '<thead><tr><th>Patient</th><th>MRN</th><th>Birth date</th><th>Study date</th><th>Modality</th><th>Description</th><th>Accession</th></tr></thead>' +
    `<tbody>${body}</tbody></table></body></html>`
  );
}

export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (v: readonly number[]) => quantile(v, 0.5);

/** "12.3 (IQR 10.1–14.0)" */
export function summary(values: readonly number[], digits = 1): string {
  return `${median(values).toFixed(digits)} (IQR ${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)}, n=${values.length})`;
}

export function verdict(name: string, ok: boolean, line: string): boolean {
  console.log(`${ok ? 'OK  ' : 'OVER'} ${name}: ${line}`);
  return ok;
}
