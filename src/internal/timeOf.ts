const getTime = Date.prototype.getTime;

/**
 * The epoch milliseconds of a real `Date`, or NaN for anything else — an invalid Date, or an object that only
 * claims to be one (`Object.create(Date.prototype)` passes `instanceof` but has no time, and its `getTime` throws).
 */
export function timeOf(value: unknown): number {
  if (!(value instanceof Date)) return Number.NaN;
  try {
    return getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/** Whether the value is a real `Date` holding a valid time. */
export const isValidDate = (value: unknown): value is Date => !Number.isNaN(timeOf(value));
