import type { DataRecord } from '../records/dataRecord.js';

// Records that came out of parseRecord: deep-frozen, so what was checked cannot have changed since. A WeakSet
// lets the engine skip re-validation with one lookup, and a plain object that merely looks parsed is not in it.
const parsed = new WeakSet<object>();

/** Marks a frozen, validated record as trusted. */
export function markParsed(record: DataRecord): void {
  parsed.add(record);
}

/** Whether the value is a record that came out of the parser unchanged. */
export function isParsed(value: unknown): value is DataRecord {
  return typeof value === 'object' && value !== null && parsed.has(value);
}
