/**
 * A schema (or any object) built on first use instead of when its module is evaluated.
 *
 * Why: zod/mini builds each schema with real work (trait set-up, lazy properties), and the panel script
 * (panel.js) imports ~100 of them through the settings, reference-level and DICOM JSON modules. Built at
 * evaluation, they made up most of the top-level run time of panel.js — one task of the page's main thread
 * that went past 50 ms on this machine (bench/pacs-ssde.bench.ts). Built on first use, each costs its
 * share in the task that first parses with it.
 *
 * The object returned stands in for the schema: every property read, `in` test, prototype or key lookup goes
 * to the real schema, made once by `make` (so `X.safeParse(…)`, `z.array(X)`, `z.infer<typeof X>` and
 * `instanceof` behave as before). `make` must not depend on anything that changes after module evaluation.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let real: T | undefined;
  const get = (): T => (real ??= make());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(get(), key),
    has: (_target, key) => Reflect.has(get(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      // A proxy may not report a property as non-configurable that its (empty) target lacks.
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
