/**
 * Serialised JSON of large results that do not change (a cached plan or risk analysis), kept with
 * the object, so fifty clients reading the same plan do not stringify 300 kB fifty times.
 */
const serialised = new WeakMap<object, string>();

export function cachedJson(value: object): string {
  let text = serialised.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialised.set(value, text);
  }
  return text;
}

/** Marks a handler's result as immutable, to be serialised once. */
export class Immutable {
  constructor(readonly value: object) {}
}
