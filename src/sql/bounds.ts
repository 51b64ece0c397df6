import { createPolicy, type Policy, parseInstant } from 'm2m-data-policy';

/**
 * What a pushed-down retention query needs of a policy: its terms versions in force at an instant and their holding
 * period. Any {@link Policy} from `createPolicy` is one.
 */
export type RetentionPolicy = Pick<Policy, 'retentionCutoff' | 'termsInForce'>;

let fallback: Policy | undefined;
/** The policy of the top-level functions: both shipped versions, actor `provider`. Built on first use. */
export const defaultPolicy = (): Policy => (fallback ??= createPolicy());

/**
 * The instants a retention query compares with, at `at`:
 *
 * - `receivedBefore`: a measurement received before it has passed its holding period (`policy.retentionCutoff`).
 * - `decidedBefore`: `at` plus one millisecond. Instants are kept to the millisecond, as the parser keeps them, so an
 *   extension covers `at` exactly when `decided_at < decidedBefore` and (`until` is null or `until >= decidedBefore`):
 *   a `timestamptz` with microseconds inside the millisecond of `at` counts as that millisecond.
 *
 * @example
 * const bounds: RetentionBounds = retentionBounds('2022-06-01T03:00:00+09:00');
 * bounds.receivedBefore.toISOString() //=> '2021-05-31T15:00:00.001Z'
 */
export interface RetentionBounds {
  readonly at: Date;
  readonly receivedBefore: Date;
  readonly decidedBefore: Date;
}

/**
 * The values of the expired-data comparison at `at`, for a query builder of your own: data received before
 * `receivedBefore` has passed its holding period under the version in force at `at` (13(4)), unless an extension
 * covers it. Follows the policy's versions (default: the shipped ones, one year).
 *
 * @throws {PolicyInputError} for an invalid instant, or `no-holding-period` when the version in force sets none.
 * @example
 * retentionBounds('2022-06-01T03:00:00+09:00').receivedBefore.toISOString() //=> '2021-05-31T15:00:00.001Z'
 */
export function retentionBounds(
  at: Date | string,
  policy: RetentionPolicy = defaultPolicy(),
): RetentionBounds {
  const instant = parseInstant(at);
  return {
    at: instant,
    receivedBefore: policy.retentionCutoff(instant),
    decidedBefore: new Date(instant.getTime() + 1),
  };
}

/** Whether the version in force at `at` sets a holding period at all. */
export const holdsLimited = (at: Date, policy: RetentionPolicy): boolean =>
  policy.termsInForce(at).holdingPeriod !== undefined;

const JST_MS = 9 * 3_600_000;

/** An instant as ISO-8601 in JST with milliseconds: unambiguous for `timestamptz` whatever the session's TimeZone. */
export const isoJst = (d: Date): string =>
  `${new Date(d.getTime() + JST_MS).toISOString().slice(0, 23)}+09:00`;

/** An instant as JST wall-clock time (`YYYY-MM-DD HH:MM:SS.mmm`), for a `timestamp` column that holds JST. */
export const wallJst = (d: Date): string =>
  new Date(d.getTime() + JST_MS).toISOString().slice(0, 23).replace('T', ' ');
