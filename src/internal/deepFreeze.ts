/**
 * Freezes a parsed value and everything under it. `Date`s are frozen too, though `setTime` still works on a
 * frozen Date: rules therefore compare times so that NaN always falls to the deny side.
 */
export function deepFreeze<T>(value: T): T {
  // A frozen object's contents may not be (Object.freeze is shallow): it is walked all the same.
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    // Own keys only: a polluted Object.prototype's enumerable keys are not the value's.
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
