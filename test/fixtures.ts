import { type DataRecord, type MeasurementRecord, parseRecord } from '../src/index.js';

/** A parsed measurement record with valid defaults; override any field. */
export function measurement(overrides: Record<string, unknown> = {}): MeasurementRecord {
  return parseRecord({
    kind: 'measurement',
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: overrides.receivedAt ?? '2021-03-15T09:59:00+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'none',
    ...overrides,
  }) as MeasurementRecord;
}

/** A parsed derived record with valid defaults; override any field. */
export function derived(overrides: Record<string, unknown> = {}): DataRecord {
  return parseRecord({
    kind: 'derived',
    id: 'd-1',
    sources: ['m-1'],
    processedBy: 'provider',
    processedAt: '2021-04-01T09:00:00+09:00',
    ...overrides,
  });
}
