/**
 * Long computations on a page's main thread, in slices: the computation is a generator that `yield`s where it may
 * pause (clinical/water-equivalent-diameter.ts `waterEquivalentDiameterSteps`), and this runs it, giving the thread
 * back whenever the work since the last pause has taken `sliceMs` or more. A warm, fast run (Dw on a 512 × 512
 * slice: ~2 ms) goes in one task; a cold one (tens of ms before the JIT has warmed) in tasks of about a slice
 * plus its longest step each — never one task of the whole.
 */
export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  yieldToMain: () => Promise<void>,
  { sliceMs = 8, now = () => performance.now() }: { sliceMs?: number; now?: () => number } = {},
): Promise<T> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await yieldToMain();
      sliceStart = now();
    }
  }
}

/**
 * Runs `steps` in order, each in a macrotask of its own (`schedule`, e.g. `ctx.setTimeout(fn, 0)`), so that
 * one-time costs that would add up to a long task — a script's set-up, a renderer's first number format, a
 * frame's first message lookup — each stay short, with the page's own tasks free to run in between. A step that
 * throws does not stop the ones after it.
 */
export function inTasks(schedule: (fn: () => void) => void, steps: readonly (() => void)[]): void {
  const next = (i: number) => {
    if (i >= steps.length) return;
    schedule(() => {
      try {
        steps[i]!();
      } finally {
        next(i + 1);
      }
    });
  };
  next(0);
}

/**
 * Gives the main thread back for a moment: `scheduler.yield()` where the browser has it (Chromium 129+: the
 * continuation goes ahead of other queued tasks, so pausing costs little time), otherwise a macrotask.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

type PostTask = (fn: () => void, options: { priority: 'background' }) => Promise<unknown>;

/**
 * Runs `work` once, in a background-priority task (`scheduler.postTask`) so that the page's own tasks — and the
 * responses to requests already made — go first; but no later than `maxWaitMs` (a page that is never idle), and
 * in a plain macrotask where the browser has no task scheduler.
 *
 * Measured (bench/pacs-ssde.bench.ts): panel.js's start and first render right after a PACS page's
 * DOMContentLoaded took ~60 ms of the main thread ahead of the study's own responses; at background priority the
 * study is read first, and series page ready → SSDE shown went from a 250–283 ms median to 218–229 ms, with the
 * panel's first appearance unchanged.
 */
export function whenLessBusy(
  work: () => void,
  {
    maxWaitMs = 250,
    setTimer = (fn: () => void, ms: number) => void setTimeout(fn, ms),
    postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask?.bind((globalThis as { scheduler?: unknown }).scheduler),
  }: { maxWaitMs?: number; setTimer?: (fn: () => void, ms: number) => void; postTask?: PostTask | undefined } = {},
): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (!postTask) return setTimer(once, 0);
  postTask(once, { priority: 'background' }).catch(() => once());
  setTimer(once, maxWaitMs);
}
