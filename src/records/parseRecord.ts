import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { type DataRecord, dataRecord } from './dataRecord.js';
import { toPolicyIssues } from './issues.js';
import { plainInput } from './plainInput.js';
import { isParsed, markParsed } from './trusted.js';

/** Report at most this many issues of a record, and a last one counting the rest (a report stays bounded). */
const MAX_ISSUES = 100;
const capped = (issues: PolicyIssue[]): PolicyIssue[] =>
  issues.length <= MAX_ISSUES
    ? issues
    : [
        ...issues.slice(0, MAX_ISSUES),
        {
          path: [],
          code: 'too-many-issues',
          message: `${issues.length - MAX_ISSUES} more issues not listed`,
        },
      ];

/**
 * The outcome of {@link safeParseRecord}: the record, or every problem found.
 *
 * @example
 * const result: SafeParseRecordResult = safeParseRecord({
 *   kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00',
 * });
 * result.success ? result.data.kind : result.issues.map((i) => i.code) //=> ['timestamp-without-offset']
 */
export type SafeParseRecordResult =
  | { readonly success: true; readonly data: DataRecord }
  | { readonly success: false; readonly issues: readonly PolicyIssue[] };

/**
 * Validates a record from outside without throwing. Timestamps may be `Date`s or ISO-8601 strings with an
 * offset; unknown keys are dropped. A parsed record is frozen, and decisions on it skip re-validation.
 *
 * @example
 * safeParseRecord({ kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00' })
 * //=> { success: false, issues: [{ path: ['publishedAt'], code: 'timestamp-without-offset', message: '…' }] }
 */
export function safeParseRecord(input: unknown): SafeParseRecordResult {
  if (isParsed(input)) return { success: true, data: input };
  let result: ReturnType<typeof dataRecord.safeParse>;
  try {
    // The parser sees plain data read once from the input, never the input itself (SPEC §7).
    result = dataRecord.safeParse(plainInput(dataRecord, input));
  } catch {
    // A getter that throws, or a prototype polluted badly enough to trip the parser itself: fail closed.
    return {
      success: false,
      issues: [{ path: [], code: 'unreadable-record', message: 'The record could not be read' }],
    };
  }
  if (!result.success) return { success: false, issues: capped(toPolicyIssues(result.error.issues)) };
  markParsed(result.data);
  return { success: true, data: deepFreeze(result.data) };
}

/**
 * Validates a record from outside, throwing {@link PolicyInputError} with every problem and its path.
 *
 * @example
 * const record = parseRecord({
 *   kind: 'measurement', id: 'm-1', contractId: 'c-1', metric: 'leakage-current', personalData: 'none',
 *   measuredAt: '2021-03-15T09:59:00+09:00', receivedAt: '2021-03-15T10:00:00+09:00',
 * });
 * record.kind === 'measurement' && record.receivedAt.toISOString() //=> '2021-03-15T01:00:00.000Z'
 */
export function parseRecord(input: unknown): DataRecord {
  const result = safeParseRecord(input);
  if (!result.success) throw new PolicyInputError(result.issues, 'record');
  return result.data;
}
