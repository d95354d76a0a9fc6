/**
 * Budget: waterEquivalentDiameter on a 512 × 512 slice ≤ 5 ms median. Three synthetic slices
 * (tests/helpers/phantoms.ts: noise σ 20 HU, 1 mm blur) are timed interleaved — a chest with lungs and
 * arms on a closed-box couch, an abdomen on a foam mattress, a neonate on a couch — 61 rounds after 10
 * warm-up rounds. Prints median and IQR per slice, of both the CPU time this process spent (user +
 * system, `process.cpuUsage`) and the wall-clock time; exits 1 when any CPU-time median is over budget.
 *
 * Why CPU time gates: this machine has 2 cores shared by several busy sessions (load averages of 15 are
 * common); a 1 ms computation is then often descheduled mid-run, and its wall-clock time measures the
 * scheduler, not the function. The CPU time is what the function costs — on an idle machine, and on a
 * browser's main thread, the two agree (the wall-clock median is printed next to it to show that).
 */
import { loadavg } from 'node:os';
import { waterEquivalentDiameter } from '../clinical/water-equivalent-diameter';
import { couch, renderPhantom, type PhantomSpec, type Shape } from '../tests/helpers/phantoms';

const BUDGET_MS = 5;
const ROUNDS = 61;
const WARMUP = 10;

const disk = (cxMm: number, cyMm: number, rMm: number, hu: number): Shape => ({ kind: 'ellipse', cxMm, cyMm, rxMm: rMm, ryMm: rMm, hu });
const noisy = { blurSigmaMm: 1, noiseSigmaHu: 20, seed: 7 } as const;
const slices: { name: string; spec: PhantomSpec }[] = [
  {
    name: 'chest + lungs + arms on couch (0.98 mm)',
    spec: {
      rows: 512, cols: 512, pixelSpacingMm: 0.98, ...noisy,
      shapes: [
        { kind: 'ellipse', cxMm: 0, cyMm: 0, rxMm: 150, ryMm: 100, hu: 30 },
        { kind: 'ellipse', cxMm: -65, cyMm: -5, rxMm: 50, ryMm: 70, hu: -850 },
        { kind: 'ellipse', cxMm: 65, cyMm: -5, rxMm: 50, ryMm: 70, hu: -850 },
        disk(0, 75, 18, 500),
        disk(-190, 40, 35, 50),
        disk(190, 40, 35, 50),
        ...couch(100),
      ],
      circle: { radiusMm: 250, outsideHu: -3024 },
    },
  },
  {
    name: 'abdomen on foam mattress (0.7 mm)',
    spec: { rows: 512, cols: 512, pixelSpacingMm: 0.7, ...noisy, shapes: [{ kind: 'ellipse', cxMm: 0, cyMm: -20, rxMm: 140, ryMm: 95, hu: 20 }, disk(30, -30, 20, -950), ...couch(75, 440, 30)] },
  },
  {
    name: 'neonate on couch (0.4 mm)',
    spec: { rows: 512, cols: 512, pixelSpacingMm: 0.4, ...noisy, shapes: [disk(0, 0, 45, 10), ...couch(45)] },
  },
];

const images = slices.map((s) => renderPhantom(s.spec));
const times: number[][] = slices.map(() => []);
const cpuTimes: number[][] = slices.map(() => []);
const dws: (number | null)[] = [];
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  slices.forEach((s, i) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = waterEquivalentDiameter(images[i]!, s.spec.rows, s.spec.cols, s.spec.pixelSpacingMm);
    const dt = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (round >= WARMUP) {
      times[i]!.push(dt);
      cpuTimes[i]!.push((cpu.user + cpu.system) / 1000);
    }
    dws[i] = r.dwCm;
  });
}

const quantile = (sorted: number[], q: number) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
};
let over = false;
console.log(
  `waterEquivalentDiameter, 512 × 512, ${ROUNDS} interleaved rounds (budget ${BUDGET_MS} ms median CPU time; load average ${loadavg()[0]!.toFixed(1)})`,
);
const stats = (values: number[]) => {
  const t = [...values].sort((a, b) => a - b);
  return { median: quantile(t, 0.5), iqr: quantile(t, 0.75) - quantile(t, 0.25) };
};
slices.forEach((s, i) => {
  const cpu = stats(cpuTimes[i]!);
  const wall = stats(times[i]!);
  if (cpu.median > BUDGET_MS) over = true;
  console.log(
    `${cpu.median <= BUDGET_MS ? 'ok  ' : 'OVER'} ${s.name.padEnd(42)} CPU median ${cpu.median.toFixed(2)} ms  IQR ${cpu.iqr.toFixed(2)} ms` +
      ` | wall median ${wall.median.toFixed(2)} ms  IQR ${wall.iqr.toFixed(2)} ms  (Dw ${dws[i]?.toFixed(2)} cm)`,
  );
});
process.exit(over ? 1 : 0);
