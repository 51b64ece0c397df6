import { PolicyInputError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { isParsed } from '../internal/trusted.js';
import type { DataRecord } from '../records/dataRecord.js';
import type { RetentionExtension } from '../records/measurement.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { retentionEndMs } from './retentionEnd.js';

/**
 * Where a record stands under the one-year holding period of 13(4) (old 13(2)) at an instant.
 *
 * - `within-period`: the year from receipt has not run out; `endsAt` is when it does.
 * - `extended`: the year has run out, but an extension decided by then still covers the instant.
 * - `expired`: neither; the data is due for deletion.
 * - `not-applicable`: not received data (derived, anonymized, statistical and other kinds): 13(4) does not limit it.
 *
 * `heldUntil` is when holding ends on what is known at the instant (extensions decided by then): `null` when
 * nothing ends it (an open-ended extension, or a kind the period does not apply to); for an expired record,
 * when its holding ended.
 *
 * @example
 * const status: RetentionStatus = retentionStatus(reading, new Date('2022-03-16T00:00:00+09:00'));
 * status //=> { state: 'expired', endsAt: 2022-03-16T00:00:00+09:00, heldUntil: 2022-03-16T00:00:00+09:00 }
 */
export interface RetentionStatus {
  readonly state: 'within-period' | 'extended' | 'expired' | 'not-applicable';
  readonly endsAt: Date | null;
  readonly heldUntil: Date | null;
}

/** The status as numbers (NaN never falls inside a period): the engine's rules and the sweep use this form. */
export interface RetentionState {
  readonly state: RetentionStatus['state'];
  readonly endsAtMs: number;
  /** Infinity when open-ended or not applicable. */
  readonly heldUntilMs: number;
}

const NOT_APPLICABLE: RetentionState = Object.freeze({
  state: 'not-applicable',
  endsAtMs: Number.NaN,
  heldUntilMs: Infinity,
});

/** The holding state of received data at `atMs`, given its receipt and the extensions decided for it. */
export function retentionState(
  receivedMs: number,
  extensions: readonly RetentionExtension[] | undefined,
  atMs: number,
): RetentionState {
  const endsAtMs = retentionEndMs(receivedMs);
  const within = atMs < endsAtMs;
  // Extensions known at the instant that still run then; the latest end among them.
  let active = false;
  let activeUntil = -Infinity;
  let lastUntil = endsAtMs;
  if (extensions !== undefined) {
    for (const e of extensions) {
      if (!(timeOf(e.decidedAt) <= atMs)) continue;
      const until = e.until === undefined ? Infinity : timeOf(e.until);
      if (atMs < until) {
        active = true;
        if (until > activeUntil) activeUntil = until;
      } else if (until > lastUntil) lastUntil = until;
    }
  }
  if (within)
    return {
      state: 'within-period',
      endsAtMs,
      heldUntilMs: active && activeUntil > endsAtMs ? activeUntil : endsAtMs,
    };
  if (active) return { state: 'extended', endsAtMs, heldUntilMs: activeUntil };
  return { state: 'expired', endsAtMs, heldUntilMs: lastUntil };
}

/** The holding state of any record: measurement data by its receipt, other kinds not applicable. */
export function recordRetentionState(record: DataRecord, atMs: number): RetentionState {
  return record.kind === 'measurement'
    ? retentionState(timeOf(record.receivedAt), record.retentionExtensions, atMs)
    : NOT_APPLICABLE;
}

const toDate = (ms: number): Date | null => (Number.isFinite(ms) ? new Date(ms) : null);

/**
 * Where a record stands under the one-year holding period of 13(4) at `at` (default now). Measurement data is
 * held for a year from `receivedAt` reckoned under the Civil Code in JST; from the instant the year ends it is
 * held only under an extension decided at or before `at`, with a reason, and before its `until`.
 *
 * @throws {PolicyInputError} for a malformed record or instant.
 * @example
 * retentionStatus(reading, new Date('2022-03-15T23:59:59.999+09:00'))
 * //=> { state: 'within-period', endsAt: 2022-03-16T00:00:00+09:00, heldUntil: 2022-03-16T00:00:00+09:00 }
 * retentionStatus(reading, new Date('2022-03-16T00:00:00+09:00')).state //=> 'expired'
 */
export function retentionStatus(record: DataRecord, at: Date = new Date()): RetentionStatus {
  const atMs = timeOf(at);
  const parsed = isParsed(record) ? { success: true as const, data: record } : safeParseRecord(record);
  const issues = [
    ...(parsed.success ? [] : parsed.issues.map((i) => ({ ...i, path: ['record', ...i.path] }))),
    ...(Number.isNaN(atMs) ? [{ path: ['at'], code: 'invalid-date', message: 'Expected a valid Date' }] : []),
  ];
  if (!parsed.success || issues.length) throw new PolicyInputError(issues, 'retention query');
  const s = recordRetentionState(parsed.data, atMs);
  return { state: s.state, endsAt: toDate(s.endsAtMs), heldUntil: toDate(s.heldUntilMs) };
}
