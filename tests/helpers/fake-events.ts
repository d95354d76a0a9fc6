/** A browser-style event (`addListener`/`removeListener`/`hasListener`) that tests can fire. */
export interface FakeEvent<A extends unknown[]> {
  addListener(cb: (...args: A) => unknown): void;
  removeListener(cb: (...args: A) => unknown): void;
  hasListener(cb: (...args: A) => unknown): boolean;
  hasListeners(): boolean;
  /** Calls every listener and waits for the promises they return. */
  trigger(...args: A): Promise<unknown[]>;
}

export function fakeEvent<A extends unknown[]>(): FakeEvent<A> {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (cb) => void listeners.push(cb),
    removeListener: (cb) => {
      const i = listeners.indexOf(cb);
      if (i >= 0) listeners.splice(i, 1);
    },
    hasListener: (cb) => listeners.includes(cb),
    hasListeners: () => listeners.length > 0,
    trigger: (...args) => Promise.all([...listeners].map((l) => l(...args))),
  };
}
