/**
 * Keeps a burst of updates from rendering one after another: a value is delivered at once when `urgent` says so
 * (a change the reader waits for), otherwise the latest value is delivered on the next `schedule` tick (one
 * animation frame), and the values it replaced are dropped. Pure over `schedule`, so tests drive the ticks.
 */
export interface Coalesced<T> {
  push(value: T): void;
  /** Drops a value waiting for its tick (nothing is delivered after this). */
  cancel(): void;
}

export function coalesce<T>(deliver: (value: T) => void, urgent: (value: T, last: T | undefined) => boolean, schedule: (run: () => void) => void): Coalesced<T> {
  let last: T | undefined;
  let delivered = false;
  let waiting: { value: T } | null = null;
  let cancelled = false;
  const send = (value: T) => {
    last = value;
    delivered = true;
    deliver(value);
  };
  return {
    push(value) {
      if (cancelled) return;
      if (!delivered || urgent(value, last)) {
        waiting = null;
        send(value);
        return;
      }
      const scheduled = waiting !== null;
      waiting = { value };
      if (scheduled) return;
      schedule(() => {
        if (cancelled || !waiting) return;
        const next = waiting.value;
        waiting = null;
        send(next);
      });
    },
    cancel() {
      cancelled = true;
      waiting = null;
    },
  };
}

/** The next animation frame, or 100 ms when frames do not come (a hidden tab), whichever is first. */
export function nextFrame(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
}
