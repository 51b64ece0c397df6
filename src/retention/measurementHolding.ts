import { ownField } from '../internal/property.js';
import { timeOf } from '../internal/timeOf.js';
import type { MeasurementRecord } from '../records/measurement.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import { type HoldingExtension, type HoldingState, holdingEndMs, holdingState } from '../time/holding.js';

const NONE: readonly HoldingExtension[] = Object.freeze([]);

/** A measurement record's extensions as instants (an extension without `until` runs without end). */
export function extensionsOf(record: MeasurementRecord): readonly HoldingExtension[] {
  const extensions = ownField(record, 'retentionExtensions');
  if (extensions === undefined) return NONE;
  return extensions.map((e) => {
    const until = ownField(e, 'until');
    return { decidedAtMs: timeOf(e.decidedAt), untilMs: until === undefined ? Infinity : timeOf(until) };
  });
}

/** Where a measurement record stands at `atMs` under a holding period from its receipt. */
export function measurementHolding(
  record: MeasurementRecord,
  period: PeriodLength,
  atMs: number,
): HoldingState {
  return holdingState(holdingEndMs(timeOf(record.receivedAt), period), extensionsOf(record), atMs);
}
