import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataRecord, type MeasurementRecordInput, parseRecord } from 'm2m-data-policy';
import { describe, expect, it } from 'vitest';
import {
  FORECAST_MONTHS,
  forecast,
  jstMonth,
  monthsFrom,
  OPEN_ENDED_IDS,
  type RetentionForecast,
} from '../../../src/cli/report/forecast.js';
import {
  AT,
  HOSTILE_ID,
  LATER,
  MONTHS,
  OPEN_ENDED,
  RECORD_COUNT,
  RECORDS,
  STATES,
} from '../../fixtures/report/expected.js';
import { cwd } from '../runCli.js';

const fixture: DataRecord[] = readFileSync(join(cwd, RECORDS), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => parseRecord(JSON.parse(line)));

const reading = (id: string, receivedAt: string, extra: Partial<MeasurementRecordInput> = {}): DataRecord =>
  parseRecord({
    kind: 'measurement',
    id,
    contractId: 'C-1',
    metric: 'leakage-current',
    personalData: 'none',
    measuredAt: receivedAt,
    receivedAt,
    ...extra,
  });

const at = new Date(AT);
const countIn = (f: RetentionForecast, month: string) => f.months.find((m) => m.month === month)?.count;

describe('jstMonth', () => {
  it('puts 2022-04-01T00:00:00+09:00 in April and the millisecond before in March (JST, not UTC)', () => {
    expect(jstMonth(new Date('2022-04-01T00:00:00+09:00'))).toBe('2022-04');
    expect(jstMonth(new Date('2022-03-31T23:59:59.999+09:00'))).toBe('2022-03');
  });

  it('reads an instant written in UTC in Japan time: 2022-03-31T15:00:00Z is April in Japan', () => {
    expect(jstMonth(new Date('2022-03-31T15:00:00Z'))).toBe('2022-04');
    expect(jstMonth(new Date('2022-03-31T14:59:59.999Z'))).toBe('2022-03');
  });
});

describe('monthsFrom', () => {
  it('counts months from the JST month of the instant, across a year end', () => {
    expect(monthsFrom(new Date('2022-11-30T15:00:00Z'), 3)).toEqual(['2022-12', '2023-01', '2023-02']);
    expect(monthsFrom(new Date('2022-11-30T14:59:59Z'), 2)).toEqual(['2022-11', '2022-12']);
  });

  it('gives 18 months from 2022-01 to 2023-06', () => {
    const months = monthsFrom(at, FORECAST_MONTHS);
    expect(months).toHaveLength(18);
    expect([months[0], months[17]]).toEqual(['2022-01', '2023-06']);
  });
});

describe('forecast', () => {
  it('counts the fixture records falling due in each of the 18 months from --at (13(4))', () => {
    const f = forecast(fixture, at);
    expect(f.months.map((m) => [m.month, m.count])).toEqual(MONTHS);
    expect({ later: f.later, openEnded: f.openEnded, records: f.records }).toEqual({
      later: LATER,
      openEnded: OPEN_ENDED,
      records: RECORD_COUNT,
    });
  });

  it("counts every record's retention state at --at, records of other kinds as not applicable", () => {
    expect(forecast(fixture, at).states).toEqual(STATES);
  });

  it('keeps the ids of records held without an end, and counts them in no month', () => {
    const f = forecast(fixture, at);
    expect(f.openEndedIds).toEqual([HOSTILE_ID]);
    expect(f.months.reduce((n, m) => n + m.count, 0) + f.later + f.openEnded).toBe(
      STATES['within-period'] + STATES.extended,
    );
  });

  it('gives the same forecast over an async iterable', async () => {
    async function* stream() {
      yield* fixture;
    }
    expect(await forecast(stream(), at)).toEqual(forecast(fixture, at));
  });

  it('puts a holding ending at 2022-04-01T00:00:00+09:00 in 2022-04 (received 2021-03-31 10:00 JST; 13(4), Civil Code 140, 143)', () => {
    const f = forecast([reading('m-1', '2021-03-31T10:00:00+09:00')], at);
    expect(countIn(f, '2022-04')).toBe(1);
    expect(countIn(f, '2022-03')).toBe(0);
  });

  it('puts an extension until 2022-03-31T23:59:59.999+09:00 in 2022-03', () => {
    const extended = reading('m-2', '2020-06-01T10:00:00+09:00', {
      retentionExtensions: [
        { decidedAt: '2021-05-01T10:00:00+09:00', reason: 'audit', until: '2022-03-31T23:59:59.999+09:00' },
      ],
    });
    const f = forecast([extended], at);
    expect(f.states.extended).toBe(1);
    expect(countIn(f, '2022-03')).toBe(1);
    expect(countIn(f, '2022-04')).toBe(0);
  });

  it('ignores an extension decided after --at: the record is expired then', () => {
    const late = reading('m-3', '2021-01-10T10:00:00+09:00', {
      retentionExtensions: [{ decidedAt: '2022-02-01T10:00:00+09:00', reason: 'audit' }],
    });
    expect(forecast([late], at)).toMatchObject({ states: { expired: 1 }, openEnded: 0, later: 0 });
  });

  it(`keeps at most ${OPEN_ENDED_IDS} ids of open-ended records, counting them all`, () => {
    const open = Array.from({ length: OPEN_ENDED_IDS + 5 }, (_, i) =>
      reading(`m-${i}`, '2020-06-01T10:00:00+09:00', {
        retentionExtensions: [{ decidedAt: '2021-05-01T10:00:00+09:00', reason: 'hold' }],
      }),
    );
    const f = forecast(open, at);
    expect(f.openEnded).toBe(OPEN_ENDED_IDS + 5);
    expect(f.openEndedIds).toHaveLength(OPEN_ENDED_IDS);
    expect(f.openEndedIds[0]).toBe('m-0');
  });

  it('gives 18 empty months for no records', () => {
    const f = forecast([], at);
    expect(f.months).toHaveLength(18);
    expect(f.months.every((m) => m.count === 0)).toBe(true);
    expect(f.records).toBe(0);
  });
});
