// What every TSDoc @example sees before its first line (scripts/tsdocExamples.ts): the public API, as a user
// imports it, and the few names the examples share — the sample site's records (examples/data), the instant most
// decisions are asked at, a policy, a consent and a contract on file. An example that declares one of these names
// itself sees its own.
import type {
  Citation,
  ConsentOnFile,
  ContractInput,
  DataKind,
  DataRecord,
  Decision,
  Reason,
  RecordOf,
} from 'm2m-data-policy';
import { createPolicy, decide, parseRecord } from 'm2m-data-policy';

export * from 'm2m-data-policy';
export * from 'm2m-data-policy/odrl';
export * from 'm2m-data-policy/sql';
export * from 'm2m-data-policy/testing';
// The matchers' examples are assertions, run inside the test that runs the example.
export { expect } from 'vitest';

/** The instant most examples decide at: 2021-06-01 10:00 JST, under the 2020-12-01 terms. */
export const at = new Date('2021-06-01T10:00:00+09:00');

/**
 * The sample site's records as a service receives them (examples/data/sample-records.json, without the user
 * information): three raw readings of contract C-2019-0042 — a leakage current, a power outage, a door camera's
 * image that may show a person — and two derived records, a quarterly trend and a list of site visits that is
 * personal data.
 */
export const batch: readonly unknown[] = [
  {
    kind: 'measurement',
    id: 'kanto-sub-07/leak/2021-03-15T10:00',
    contractId: 'C-2019-0042',
    metric: 'leakage-current',
    measuredAt: '2021-03-15T09:59:30+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'none',
    value: 12.4,
    unit: 'mA',
  },
  {
    kind: 'measurement',
    id: 'kanto-sub-07/outage/2021-05-20T02:13',
    contractId: 'C-2019-0042',
    metric: 'power-outage',
    measuredAt: '2021-05-20T02:13:05+09:00',
    receivedAt: '2021-05-20T02:13:07+09:00',
    personalData: 'none',
    value: true,
  },
  {
    kind: 'measurement',
    id: 'kanto-sub-07/door-camera/2021-05-20T02:20',
    contractId: 'C-2019-0042',
    metric: 'other',
    measuredAt: '2021-05-20T02:20:00+09:00',
    receivedAt: '2021-05-20T02:20:01+09:00',
    personalData: 'possible',
    unit: 'image',
  },
  {
    kind: 'derived',
    id: 'kanto-sub-07/leak-trend/2021-Q1',
    sources: ['kanto-sub-07/leak/2021-03-15T10:00'],
    processedBy: 'provider',
    processedAt: '2021-04-02T09:00:00+09:00',
  },
  {
    kind: 'derived',
    id: 'kanto-sub-07/site-visits/2021-05',
    sources: ['kanto-sub-07/door-camera/2021-05-20T02:20'],
    processedBy: 'provider',
    processedAt: '2021-06-01T09:00:00+09:00',
    personalData: 'yes',
  },
];

/** `batch` as the body of the request that brought it. */
export const body = JSON.stringify(batch);

/** `batch`, parsed: each record frozen and trusted by the engine. */
export const records: readonly DataRecord[] = batch.map((r) => parseRecord(r));
const [reading0, , camera0, trend0, siteVisits0] = records;
const sample = <K extends DataKind>(record: DataRecord | undefined, kind: K): RecordOf<K> => {
  if (record?.kind !== kind) throw new Error(`the sample has no ${kind} record here`);
  return record as RecordOf<K>;
};
/** The leakage-current reading `kanto-sub-07/leak/2021-03-15T10:00`, received 2021-03-15 10:00 JST. */
export const reading = sample(reading0, 'measurement');
/** The door camera's image `kanto-sub-07/door-camera/2021-05-20T02:20` (`personalData: 'possible'`). */
export const camera = sample(camera0, 'measurement');
/** The derived trend `kanto-sub-07/leak-trend/2021-Q1`, made by the provider from `reading`. */
export const trend = sample(trend0, 'derived');
/** The derived list of site visits `kanto-sub-07/site-visits/2021-05`, personal data (`personalData: 'yes'`). */
export const siteVisits = sample(siteVisits0, 'derived');

/** The records as a database cursor yields them, one at a time (each loop reads them afresh). */
export const cursor: AsyncIterable<DataRecord> = {
  async *[Symbol.asyncIterator]() {
    yield* records;
  },
};

/** A derived record that may be personal information (`personalData: 'possible'`). */
export const personal = parseRecord({
  kind: 'derived',
  id: 'd-7',
  sources: ['m-1'],
  processedBy: 'provider',
  processedAt: '2021-04-01T00:00:00+09:00',
  personalData: 'possible',
});

/** Confidential information the user disclosed to the provider, designated in writing (32(1)). */
export const secret = parseRecord({
  kind: 'confidential',
  id: 's-1',
  disclosedBy: 'user',
  disclosedAt: '2021-05-10T10:00:00+09:00',
  designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' },
  scopeSpecified: true,
  marked: true,
});

/** The service contract of the sample site. */
export const contract: ContractInput = { id: 'C-2019-0042', formedAt: '2019-04-01T00:00:00+09:00' };

/** The provider's written consent on file for the sample site's images (31(2)). */
export const consents: readonly ConsentOnFile[] = [
  { contractId: 'C-2019-0042', from: 'provider', form: 'written', grantedAt: '2021-01-05T09:00:00+09:00' },
];

/** A policy of the defaults: the provider acts, Japanese messages, the system clock. */
export const policy = createPolicy();

/** A permit: `reading` used for the service's analysis (13(3)(1)イ). */
export const decision: Decision = decide({ action: 'use', data: reading, purpose: 'service-analysis', at });
/** The article `decision` rests on: 規約(2020-12-01)第13条第3項第1号イ. */
export const citation = decision.basis[0] as Citation;
/** The reason `decision` gives: `use-for-service-analysis`. */
export const reason = decision.reasons[0] as Reason;

/**
 * A PostgreSQL client: embedded PGlite, started on the first query, with the tables of docs/sql.md and `reading`
 * in them. `query(text, values)` as node-postgres has it.
 */
export const client = {
  async query(text: string, values?: readonly unknown[]) {
    database ??= openDatabase();
    return (await database).query(text, values === undefined ? undefined : [...values]);
  },
};

let database: ReturnType<typeof openDatabase> | undefined;
async function openDatabase() {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.exec(`
    CREATE TABLE measurements (
      id text PRIMARY KEY, contract_id text NOT NULL, metric text NOT NULL, measured_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL, personal_data text NOT NULL
    );
    CREATE TABLE retention_extensions (
      measurement_id text NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
      decided_at timestamptz NOT NULL, until timestamptz, reason text NOT NULL
    );
    INSERT INTO measurements VALUES ('kanto-sub-07/leak/2021-03-15T10:00', 'C-2019-0042', 'leakage-current',
      '2021-03-15T09:59:30+09:00', '2021-03-15T10:00:00+09:00', 'none');
  `);
  return db;
}
