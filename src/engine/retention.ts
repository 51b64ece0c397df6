import { PolicyInputError } from '../errors.js';
import { readProperty } from '../internal/property.js';
import { isObject, readData, readInstantAt } from '../request/fieldReaders.js';
import { Issues } from '../request/issues.js';
import { cutoffUnder } from '../retention/retentionCutoff.js';
import { type RetentionStatus, statusUnder } from '../retention/retentionStatus.js';
import { type RetentionSweep, type SweepOptions, sweeper } from '../retention/sweepRetention.js';
import type { DecisionCore } from './decide.js';

type InstantOf = (at: Date | string | undefined, what: string) => number;

const ON_MALFORMED: ReadonlySet<unknown> = new Set(['throw', 'collect']);

/** A sweep's options, read once and checked: anything but `'throw'` or `'collect'` is refused, never defaulted. */
function readSweepOptions(options: unknown): SweepOptions | undefined {
  if (options === undefined) return undefined;
  const onMalformed = isObject(options) ? readProperty(options, 'onMalformed') : options;
  if (isObject(options) && (onMalformed === undefined || ON_MALFORMED.has(onMalformed)))
    return { onMalformed: onMalformed as SweepOptions['onMalformed'] };
  throw new PolicyInputError(
    [
      isObject(options)
        ? { path: ['onMalformed'], code: 'invalid-value', message: "Expected 'throw' or 'collect'" }
        : { path: [], code: 'invalid-type', message: 'Sweep options are an object { onMalformed? }' },
    ],
    'sweep options',
  );
}

/** A policy's retention functions: each under the holding period of the version in force at its instant. */
export function retentionOf(core: DecisionCore, instantOf: InstantOf) {
  const periodAt = (atMs: number) => core.inForce(atMs).version.holdingPeriod;
  function sweepRetention(
    records: Iterable<unknown>,
    at?: Date | string,
    options?: SweepOptions,
  ): RetentionSweep;
  function sweepRetention(
    records: AsyncIterable<unknown>,
    at?: Date | string,
    options?: SweepOptions,
  ): Promise<RetentionSweep>;
  function sweepRetention(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    at?: Date | string,
    options?: SweepOptions,
  ): RetentionSweep | Promise<RetentionSweep> {
    const atMs = instantOf(at, 'sweep');
    const { add, result } = sweeper(atMs, periodAt(atMs), readSweepOptions(options));
    if (Symbol.asyncIterator in records) {
      return (async () => {
        for await (const record of records) add(record);
        return result;
      })();
    }
    for (const record of records) add(record);
    return result;
  }
  return {
    retentionStatus: (record: unknown, at?: Date | string): RetentionStatus => {
      // The record and the instant are checked together: every problem is reported at once.
      const issues = new Issues();
      const data = readData(record, issues, ['record']);
      const atMs =
        at === undefined ? instantOf(undefined, 'retention query') : readInstantAt(at, issues, 'at');
      if (data === undefined || atMs === undefined)
        throw new PolicyInputError(issues.all(), 'retention query');
      return statusUnder(data, atMs, periodAt(atMs));
    },
    sweepRetention,
    retentionCutoff: (at?: Date | string): Date => {
      const atMs = instantOf(at, 'instant');
      const period = periodAt(atMs);
      if (period === undefined)
        throw new PolicyInputError(
          [
            {
              path: ['at'],
              code: 'no-holding-period',
              message: 'The terms in force at this instant set no holding period',
            },
          ],
          'instant',
        );
      return cutoffUnder(atMs, period);
    },
  };
}
