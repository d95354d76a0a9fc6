import { describe, expect, it } from 'vitest';
import { inTasks, runInSlices, whenLessBusy, yieldToMain } from '@/content/page/time-slice';

/** A computation whose steps take the given times on a fake clock; the log records steps and pauses in order. */
function computation(stepsMs: number[], clock: { t: number }, log: string[]) {
  return (function* () {
    for (const [i, ms] of stepsMs.entries()) {
      clock.t += ms;
      log.push(`step ${i + 1}`);
      if (i < stepsMs.length - 1) yield;
    }
    return 'done';
  })();
}

describe('runInSlices', () => {
  it('gives the thread back once a slice of work has been done, and only then', async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    const yieldToMain = async () => void log.push('pause');
    const result = await runInSlices(computation([3, 3, 3, 10, 1, 1], clock, log), yieldToMain, { sliceMs: 8, now: () => clock.t });
    expect(result).toBe('done');
    // 3 + 3 + 3 = 9 ms ≥ 8 → pause; 10 ≥ 8 → pause; 1 + 1 ends the computation.
    expect(log).toEqual(['step 1', 'step 2', 'step 3', 'pause', 'step 4', 'pause', 'step 5', 'step 6']);
  });

  it('runs a fast computation in one go', async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    await runInSlices(computation([0.5, 0.5, 0.5, 0.5, 0.5], clock, log), async () => void log.push('pause'), { now: () => clock.t });
    expect(log).not.toContain('pause');
  });

  it('with a macrotask as the pause, the page’s own tasks run between the stages', async () => {
    const order: string[] = [];
    const steps = (function* () {
      const end = performance.now() + 10;
      while (performance.now() < end); // 10 ms of work
      order.push('stage 1');
      yield;
      order.push('stage 2');
      return 1;
    })();
    setTimeout(() => order.push('page task'), 0);
    await runInSlices(steps, () => new Promise<void>((r) => setTimeout(r, 0)), { sliceMs: 5 });
    expect(order).toEqual(['stage 1', 'page task', 'stage 2']);
  });
});

describe('inTasks', () => {
  it('runs each step in a task of its own, in order, with the page’s tasks between them', async () => {
    const order: string[] = [];
    const done = new Promise<void>((resolve) =>
      inTasks((fn) => setTimeout(fn, 0), [() => order.push('a'), () => order.push('b'), () => (order.push('c'), resolve())]),
    );
    // Queued before the first step's task ran, so it runs after 'a' and before 'b'.
    setTimeout(() => order.push('page'), 0);
    await done;
    expect(order).toEqual(['a', 'page', 'b', 'c']);
  });

  it('a step that throws does not stop the next', () => {
    const queue: (() => void)[] = [];
    const ran: string[] = [];
    inTasks((fn) => queue.push(fn), [() => { throw new Error('x'); }, () => ran.push('second')]);
    expect(() => queue.shift()!()).toThrow('x');
    queue.shift()!();
    expect(ran).toEqual(['second']);
    expect(queue).toEqual([]);
  });
});

describe('yieldToMain', () => {
  it('uses scheduler.yield where the browser has it', async () => {
    let calls = 0;
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    g.scheduler = { yield: () => (calls++, Promise.resolve()) };
    try {
      await yieldToMain();
      expect(calls).toBe(1);
    } finally {
      g.scheduler = before;
    }
  });

  it('otherwise waits for a macrotask', async () => {
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    g.scheduler = undefined;
    try {
      const order: string[] = [];
      setTimeout(() => order.push('queued task'), 0);
      await yieldToMain();
      order.push('after the pause');
      expect(order).toEqual(['queued task', 'after the pause']);
    } finally {
      g.scheduler = before;
    }
  });
});

describe('whenLessBusy', () => {
  it('posts the work at background priority and runs it once, even when the deadline fires too', async () => {
    const posted: { fn: () => void; priority: string }[] = [];
    const timers: { fn: () => void; ms: number }[] = [];
    let runs = 0;
    whenLessBusy(() => runs++, {
      maxWaitMs: 250,
      setTimer: (fn, ms) => void timers.push({ fn, ms }),
      postTask: (fn, o) => (posted.push({ fn, priority: o.priority }), Promise.resolve()),
    });
    expect(runs).toBe(0);
    expect(posted.map((p) => p.priority)).toEqual(['background']);
    expect(timers.map((t) => t.ms)).toEqual([250]);
    posted[0]!.fn();
    timers[0]!.fn();
    expect(runs).toBe(1);
  });

  it('runs by the deadline when the background task does not come (a page never idle)', () => {
    const timers: (() => void)[] = [];
    let runs = 0;
    whenLessBusy(() => runs++, { setTimer: (fn) => void timers.push(fn), postTask: () => new Promise(() => undefined) });
    timers[0]!();
    expect(runs).toBe(1);
  });

  it('without a task scheduler: a plain macrotask', async () => {
    let runs = 0;
    whenLessBusy(() => runs++, { postTask: undefined });
    expect(runs).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(1);
  });
});
