import { z } from 'zod';
import { ownField } from '../internal/property.js';
import { nonBlank, personalDataStatus } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * What a measurement is of (2(2): leakage current, equipment faults and outages, tank pressure, water level…).
 *
 * @example
 * measurementMetric.parse('tank-pressure') //=> 'tank-pressure'
 * measurementMetric.safeParse('temperature').success //=> false
 */
export const measurementMetric = z.enum([
  'leakage-current',
  'equipment-fault',
  'power-outage',
  'tank-pressure',
  'water-level',
  'other',
]);

/**
 * A decision to keep measurement data past its one-year period (13(4)): taken at `decidedAt`, for `reason`,
 * until `until` (exclusive) or without end.
 *
 * @example
 * retentionExtension.parse({ decidedAt: '2022-03-01T09:00:00+09:00', reason: 'fault investigation' })
 * //=> { decidedAt: 2022-03-01T09:00:00+09:00, reason: 'fault investigation' }
 */
export const retentionExtension = z
  .object({
    decidedAt: timestamp,
    reason: nonBlank,
    until: timestamp.optional(),
  })
  .check((ctx) => {
    // An absent `until` is absent, whatever a polluted prototype says (SPEC §7).
    const until = ownField(ctx.value, 'until');
    if (until !== undefined && !(until.getTime() > ctx.value.decidedAt.getTime())) {
      ctx.issues.push({
        code: 'custom',
        input: until,
        path: ['until'],
        message: 'An extension must end after it is decided',
        params: { code: 'extension-ends-before-decided' },
      });
    }
  });

/**
 * 計測データ (2(2)): the measured state of equipment, structures, spaces or natural objects that the user sends
 * to the provider's data centre. `receivedAt` (receipt at the data centre) starts the retention clock of 13(4).
 *
 * @example
 * measurementRecord.parse({
 *   kind: 'measurement', id: 'm-1', contractId: 'c-1', metric: 'leakage-current',
 *   measuredAt: '2021-03-15T09:59:00+09:00', receivedAt: '2021-03-15T10:00:00+09:00', personalData: 'none',
 * }).receivedAt //=> 2021-03-15T10:00:00+09:00
 */
export const measurementRecord = z
  .object({
    kind: z.literal('measurement'),
    id: nonBlank,
    contractId: nonBlank,
    metric: measurementMetric,
    measuredAt: timestamp,
    receivedAt: timestamp,
    personalData: personalDataStatus,
    value: z.union([z.number(), z.boolean(), z.string()]).optional(),
    unit: z.string().optional(),
    retentionExtensions: z.array(retentionExtension).optional(),
  })
  .check((ctx) => {
    // Data cannot reach the data centre before it was measured (SPEC §7).
    if (ctx.value.measuredAt.getTime() > ctx.value.receivedAt.getTime()) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.measuredAt,
        path: ['measuredAt'],
        message: 'A measurement cannot be received before it was measured',
        params: { code: 'measured-after-received' },
      });
    }
  });

/**
 * A parsed measurement record.
 *
 * @example
 * const pressure: MeasurementRecord = measurementRecord.parse({
 *   kind: 'measurement', id: 'm-2', contractId: 'c-1', metric: 'tank-pressure', personalData: 'none',
 *   measuredAt: '2021-03-15T09:59:00+09:00', receivedAt: '2021-03-15T10:00:00+09:00', value: 0.42, unit: 'MPa',
 * });
 * pressure.value //=> 0.42
 */
export type MeasurementRecord = z.output<typeof measurementRecord>;
/**
 * A measurement record as it may arrive from outside (timestamps as ISO strings with an offset, or Dates).
 *
 * @example
 * const input: MeasurementRecordInput = {
 *   kind: 'measurement', id: 'm-3', contractId: 'c-1', metric: 'water-level', personalData: 'none',
 *   measuredAt: new Date('2021-03-15T09:59:00+09:00'), receivedAt: '2021-03-15T10:00:00+09:00',
 * };
 * measurementRecord.parse(input).measuredAt.toISOString() //=> '2021-03-15T00:59:00.000Z'
 */
export type MeasurementRecordInput = z.input<typeof measurementRecord>;
/**
 * A retention extension as parsed.
 *
 * @example
 * const extension: RetentionExtension = retentionExtension.parse({
 *   decidedAt: '2022-03-01T09:00:00+09:00', reason: 'fault investigation', until: '2023-03-16T00:00:00+09:00',
 * });
 * extension.until?.toISOString() //=> '2023-03-15T15:00:00.000Z'
 */
export type RetentionExtension = z.output<typeof retentionExtension>;
/**
 * What a measurement is of.
 *
 * @example
 * const metric: MeasurementMetric | undefined = reading.kind === 'measurement' ? reading.metric : undefined;
 * metric //=> 'leakage-current'
 */
export type MeasurementMetric = z.output<typeof measurementMetric>;
