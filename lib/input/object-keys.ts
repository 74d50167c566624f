// Guards for every place where input becomes object keys (form field names, spreadsheet headers,
// JSON bodies): a key that reaches Object.prototype through the prototype chain pollutes every
// object of the process, so such keys are refused, never followed or created.

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Input whose shape no form of ours produces (forbidden keys, absurd nesting); answered as invalid. */
export class UnsafeInputError extends Error {
  constructor(reason: string) {
    super(`Unsafe input: ${reason.slice(0, 200)}`);
    this.name = "UnsafeInputError";
  }
}

export function assertAllowedKey(key: string): string {
  if (isForbiddenKey(key)) throw new UnsafeInputError(`forbidden key "${key}"`);
  return key;
}

/** Object.fromEntries for keys that come from input: forbidden keys throw. */
export function objectFromInputEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const object: Record<string, T> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, assertAllowedKey(key), { value, enumerable: true, writable: true, configurable: true });
  return object;
}
