import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, RECORD_SCHEMAS } from '../../scripts/jsonSchemas.js';
import { DATA_KINDS, safeParseRecord } from '../../src/index.js';

// The JSON Schemas shipped for other languages accept what the parser accepts and refuse what it refuses, as far
// as JSON Schema can say (a date that does not exist, such as 2021-02-30, is the parser's alone to refuse).
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(jsonSchemaOf(RECORD_SCHEMAS.record, 'record'));
const samples = JSON.parse(
  readFileSync(new URL('../../examples/data/sample-records.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];

const m = samples[0] as Record<string, unknown>;
const malformed: [string, unknown][] = [
  ['a timestamp without an offset', { ...m, receivedAt: '2021-03-15T10:00:00' }],
  ['a date alone', { ...m, receivedAt: '2021-03-15' }],
  ['a blank id', { ...m, id: '  ' }],
  ['an unknown kind', { ...m, kind: 'telemetry' }],
  ['an unknown metric', { ...m, metric: 'temperature' }],
  ['a missing receipt time', (({ receivedAt: _, ...rest }) => rest)(m)],
  ['personalData outside its values', { ...m, personalData: 'maybe' }],
  [
    'derived data without sources',
    {
      kind: 'derived',
      id: 'd',
      sources: [],
      processedBy: 'provider',
      processedAt: '2021-04-01T09:00:00+09:00',
    },
  ],
  ['a number for a date', { ...m, receivedAt: 1615770000000 }],
];

describe('JSON Schemas', () => {
  it('cover every record kind, and any record', () => {
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual([...DATA_KINDS, 'record'].sort());
  });

  it.each(samples.map((s) => [s.id, s] as const))(
    'accept the bundled sample record %s, as the parser does',
    (_, sample) => {
      expect(safeParseRecord(sample).success).toBe(true);
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each(malformed)('refuse %s, as the parser does', (_, record) => {
    expect(safeParseRecord(record).success).toBe(false);
    expect(validate(record)).toBe(false);
  });

  it('accept every offset form the parser reads', () => {
    for (const at of [
      '2021-03-15T10:00:00Z',
      '2021-03-15T10:00+09:00',
      '2021-03-15 10:00:00.123456-0500',
      '2021-03-15t10:00:00z',
    ]) {
      const record = { ...m, receivedAt: at };
      expect([safeParseRecord(record).success, validate(record)]).toEqual([true, true]);
    }
  });

  it('match the schemas written to dist by the build', () => {
    const built = new URL('../../dist/schemas/measurement.schema.json', import.meta.url);
    // test/globalSetup.ts builds the package before the tests run.
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(
      jsonSchemaOf(RECORD_SCHEMAS.measurement, 'measurement'),
    );
  });
});
