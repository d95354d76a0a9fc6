import { describe, expect, it } from 'vitest';
import { afterNextFrame } from '@/content/panel/after-frame';

/** A window whose frames and tasks run only when the test says so. */
function fakeWindow() {
  const frames: (() => void)[] = [];
  const tasks = new Map<number, { fn: () => void; ms: number }>();
  let id = 0;
  const win = {
    requestAnimationFrame: (fn: () => void) => (frames.push(fn), frames.length),
    setTimeout: (fn: () => void, ms: number) => (tasks.set(++id, { fn, ms }), id),
    clearTimeout: (n: number) => void tasks.delete(n),
  } as unknown as Window;
  /** Runs the queued tasks with the given delay (0: the ones queued for "now"). */
  const runTasks = (ms: number) => {
    for (const [n, t] of [...tasks]) if (t.ms === ms) (tasks.delete(n), t.fn());
  };
  return { win, frames, tasks, runTasks, renderFrame: () => frames.splice(0).forEach((f) => f()) };
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('afterNextFrame', () => {
  it('resolves in a task after the next animation frame, not in the frame itself', async () => {
    const w = fakeWindow();
    const p = afterNextFrame(w.win);
    expect(await settled(p)).toBe(false);
    w.renderFrame();
    expect(await settled(p)).toBe(false); // the frame's layout has not run yet
    w.runTasks(0);
    expect(await settled(p)).toBe(true);
    expect(w.tasks.size).toBe(0); // the cap is cleared
  });

  it('resolves after the cap when no frame comes (a hidden tab)', async () => {
    const w = fakeWindow();
    const p = afterNextFrame(w.win, 500);
    w.runTasks(500);
    expect(await settled(p)).toBe(true);
  });
});
