const hasOwn = Object.hasOwn;
const getPrototypeOf = Object.getPrototypeOf;
const objectPrototype = Object.prototype;

/** Whether `key` reaches `o` from `Object.prototype` (and from nothing nearer). */
function fromObjectPrototype(o: object, key: string): boolean {
  for (let p: object | null = getPrototypeOf(o); p !== null; p = getPrototypeOf(p)) {
    if (hasOwn(p, key)) return p === objectPrototype;
  }
  return false;
}

/**
 * Whether a value read from `o[key]` came from `Object.prototype`: a polluted prototype's, which counts as absent.
 * Call it only for a value that is not `undefined` (an absent key has nothing to come from).
 */
export function inheritedFromObjectPrototype(o: object, key: string): boolean {
  return !hasOwn(o, key) && fromObjectPrototype(o, key);
}

/**
 * A property as JavaScript reads it — own or inherited, enumerable or not, a getter called once — except that a
 * value inherited from `Object.prototype` counts as absent: a polluted prototype grants nothing (SPEC §7).
 */
export function readProperty(o: object, key: string): unknown {
  const value: unknown = (o as Record<string, unknown>)[key];
  if (value === undefined || hasOwn(o, key) || !fromObjectPrototype(o, key)) return value;
  return undefined;
}

/** An optional field of a value this library built (a parsed record): its own property, or `undefined`. */
export function ownField<T extends object, K extends keyof T>(o: T, key: K): T[K] | undefined {
  return hasOwn(o, key) ? o[key] : undefined;
}
