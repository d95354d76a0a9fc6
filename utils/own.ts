/**
 * `table[key]` for a key read from input (a policy key, a UID, a unit code, a label on a page), when the table
 * itself holds that key; otherwise undefined.
 *
 * Why: a plain object literal inherits from Object.prototype, so `table['constructor']` is a function,
 * `table['__proto__']` an object and `table['toString']` a method — a lookup that trusts what it finds then
 * calls, multiplies or indexes it and throws or yields NaN. Every lookup keyed by input goes through here
 * (or uses a Map).
 * @example own({ mGy: 1 }, 'constructor') //=> undefined
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
