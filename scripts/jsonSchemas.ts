// Writes a JSON Schema (draft 2020-12) for every record kind, and one for any record, from the zod schemas, into
// dist/schemas/, so services in other languages can validate the same records. Run by `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { anonymizedRecord } from '../src/records/anonymized.js';
import { confidentialRecord } from '../src/records/confidential.js';
import { dataRecord } from '../src/records/dataRecord.js';
import { derivedRecord } from '../src/records/derived.js';
import { nonBlank } from '../src/records/fields.js';
import { measurementRecord } from '../src/records/measurement.js';
import { providerContentRecord } from '../src/records/providerContent.js';
import { statisticalRecord } from '../src/records/statistical.js';
import { timestamp } from '../src/records/timestamp.js';
import { userInformationRecord } from '../src/records/userInformation.js';

// What JSON can carry of the parser's own rules. A timestamp is a string of the shape the parser reads, offset
// required; that the day exists (no 2021-02-30) is the parser's to check, as JSON Schema cannot say it.
export const TIMESTAMP_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})$';

const timestampInput = (timestamp as unknown as { _zod: { def: { in: unknown } } })._zod.def.in;

/** The JSON Schema of a record schema, as records arrive from outside (dates as strings). */
export function jsonSchemaOf(schema: z.ZodType, id: string): Record<string, unknown> {
  return {
    $id: `urn:m2m-data-policy:schema:${id}`,
    ...z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        if (ctx.zodSchema === timestampInput) {
          Object.assign(ctx.jsonSchema, {
            type: 'string',
            pattern: TIMESTAMP_PATTERN,
            description: 'An ISO-8601 date-time with an offset (Z or ±hh:mm), naming a day that exists',
          });
        } else if (ctx.zodSchema === nonBlank) {
          Object.assign(ctx.jsonSchema, { pattern: '\\S' });
        }
      },
    }),
  };
}

export const RECORD_SCHEMAS = {
  measurement: measurementRecord,
  derived: derivedRecord,
  'user-information': userInformationRecord,
  confidential: confidentialRecord,
  anonymized: anonymizedRecord,
  statistical: statisticalRecord,
  'provider-content': providerContentRecord,
  record: dataRecord,
} as const;

if (process.argv[1]?.endsWith('jsonSchemas.ts')) {
  const out = new URL('../dist/schemas/', import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(RECORD_SCHEMAS)) {
    writeFileSync(
      new URL(`${name}.schema.json`, out),
      `${JSON.stringify(jsonSchemaOf(schema, name), null, 2)}\n`,
    );
  }
  console.log(`JSON Schemas written to dist/schemas/ (${Object.keys(RECORD_SCHEMAS).length})`);
}
