import {
  createPolicy,
  type DataRecord,
  type DataRecordInput,
  type DecisionRequest,
  type Policy,
  parseRecord,
  sweepRetention,
} from 'm2m-data-policy';
import { expiredWhere, type PermittedQuestion, permittedWhere } from 'm2m-data-policy/sql';

// The comparison both PostgreSQLs run (embedded PGlite in `npm test`, a Debian server in CI): the same rows loaded
// into the database and kept as records in Node; the set of ids the pushed-down SQL selects must equal, row for
// row, what sweepRetention and decide say of those records.

/** What both clients offer: PGlite and node-postgres alike. */
export interface Db {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<unknown>;
}

/** A small deterministic generator (mulberry32), so every run compares the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JST = 9 * 3_600_000;
const DAY = 86_400_000;
/** 00:00 JST of a calendar day, as epoch ms. */
const jstMidnight = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) - JST;

/** The instants the comparisons are made at: JST midnights, the millisecond before, leap days and month ends. */
export const INSTANTS: readonly string[] = [
  '2022-03-16T00:00:00+09:00',
  '2022-03-15T23:59:59.999+09:00',
  '2021-03-01T00:00:00+09:00',
  '2024-03-01T00:00:00.001+09:00',
  '2023-05-31T18:30:00+09:00',
];

/** An instant with microseconds as PostgreSQL reads it (`timestamptz` input), and as JST wall-clock time. */
const pgInstant = (ms: number, micros: number): string =>
  `${new Date(ms).toISOString().slice(0, 23)}${String(micros).padStart(3, '0')}+00:00`;
const pgWallJst = (ms: number, micros: number): string =>
  `${new Date(ms + JST).toISOString().slice(0, 23).replace('T', ' ')}${String(micros).padStart(3, '0')}`;

/** One row as the database holds it, and the record Node holds (instants cut to the millisecond, as parsed). */
export interface Row {
  readonly id: string;
  readonly kind: DataRecord['kind'];
  readonly personalData: string | null;
  readonly receivedAt: string | null;
  readonly receivedJst: string | null;
  readonly extensions: readonly { decidedAt: string; until: string | null }[];
  readonly record: DataRecord;
}

/** Receipts on and around the instants' cutoffs, JST midnights, leap days and month ends. */
function receipts(rand: () => number, cutoffs: readonly number[]): () => number {
  const midnights: number[] = [];
  for (let y = 2019; y <= 2024; y++)
    for (let m = 1; m <= 12; m++) {
      midnights.push(jstMidnight(y, m, 1)); // the day after a month end
      if (m === 2) midnights.push(jstMidnight(y, 2, 28), jstMidnight(y, 2, 29), jstMidnight(y, 3, 1));
    }
  const near = [0, 0, 1, -1, 2, -2, 999, -999, 60_000, -3_600_000, DAY, -DAY];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return () => {
    const roll = rand();
    if (roll < 0.35) return pick(cutoffs) + pick(near);
    if (roll < 0.7) return pick(midnights) + pick(near);
    return jstMidnight(2020, 1, 1) + Math.floor(rand() * 4 * 365 * DAY);
  };
}

/**
 * `count` rows of measurement (most), derived, anonymized, statistical and provider content, with receipts and
 * extensions decided and ending at and around every instant of {@link INSTANTS}; some instants carry microseconds
 * the parser does not keep.
 */
export function makeRows(count: number, policy: Policy, seed = 20261201): Row[] {
  const rand = random(seed);
  const ats = INSTANTS.map((a) => new Date(a).getTime());
  const cutoffs = INSTANTS.map((a) => policy.retentionCutoff(a).getTime());
  const receipt = receipts(rand, cutoffs);
  const personal = ['none', 'possible', 'yes'] as const;
  const around = [-1, 0, 1, 2, -DAY, DAY];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const id = `r-${i}`;
    const roll = rand();
    const p = personal[Math.floor(rand() * 3)] as (typeof personal)[number];
    if (roll < 0.8) {
      const ms = receipt();
      const micros = rand() < 0.2 ? Math.floor(rand() * 1000) : 0;
      const extensions: { decidedAt: string; until: string | null }[] = [];
      const recordExtensions: { decidedAt: string; reason: string; until?: string }[] = [];
      const n = rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
      for (let k = 0; k < n; k++) {
        const at = ats[Math.floor(rand() * ats.length)] as number;
        const decided = at + (around[Math.floor(rand() * around.length)] as number);
        const decidedMicros = rand() < 0.3 ? Math.floor(rand() * 1000) : 0;
        const open = rand() < 0.3;
        // An extension ends after it is decided: at least a millisecond later.
        const until = Math.max(decided + 1, at + (around[Math.floor(rand() * around.length)] as number));
        const untilMicros = rand() < 0.3 ? Math.floor(rand() * 1000) : 0;
        extensions.push({
          decidedAt: pgInstant(decided, decidedMicros),
          until: open ? null : pgInstant(until, untilMicros),
        });
        recordExtensions.push({
          decidedAt: new Date(decided).toISOString(),
          reason: 'fault investigation',
          ...(!open && { until: new Date(until).toISOString() }),
        });
      }
      const input: DataRecordInput = {
        kind: 'measurement',
        id,
        contractId: 'C-1',
        metric: 'leakage-current',
        measuredAt: new Date(ms).toISOString(),
        receivedAt: new Date(ms).toISOString(),
        personalData: p,
        ...(recordExtensions.length > 0 && { retentionExtensions: recordExtensions }),
      };
      rows.push({
        id,
        kind: 'measurement',
        personalData: p,
        receivedAt: pgInstant(ms, micros),
        receivedJst: pgWallJst(ms, micros),
        extensions,
        record: parseRecord(input),
      });
      continue;
    }
    const t = '2021-04-01T09:00:00+09:00';
    const other: DataRecordInput =
      roll < 0.9
        ? { kind: 'derived', id, sources: ['m-1'], processedBy: 'provider', processedAt: t, personalData: p }
        : roll < 0.95
          ? { kind: 'anonymized', id, sources: ['m-1'], createdAt: t, itemCategories: ['region'] }
          : roll < 0.98
            ? { kind: 'statistical', id, sources: ['m-1'], createdAt: t }
            : { kind: 'provider-content', id, publishedAt: t };
    const record = parseRecord(other);
    rows.push({
      id,
      kind: record.kind,
      personalData: record.kind === 'derived' ? p : null,
      receivedAt: null,
      receivedJst: null,
      extensions: [],
      record,
    });
  }
  return rows;
}

/** Creates the tables (extensions cascade with their measurement) and loads the rows, a chunk per statement. */
export async function load(db: Db, rows: readonly Row[]): Promise<void> {
  await db.exec(`
    DROP TABLE IF EXISTS retention_extensions;
    DROP TABLE IF EXISTS records;
    CREATE TABLE records (
      id text PRIMARY KEY,
      kind text NOT NULL,
      personal_data text,
      received_at timestamptz,
      received_jst timestamp
    );
    CREATE TABLE retention_extensions (
      measurement_id text NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      decided_at timestamptz NOT NULL,
      until timestamptz
    );`);
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO records SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]::timestamptz[], $5::text[]::timestamp[])`,
      [
        chunk.map((r) => r.id),
        chunk.map((r) => r.kind),
        chunk.map((r) => r.personalData),
        chunk.map((r) => r.receivedAt),
        chunk.map((r) => r.receivedJst),
      ],
    );
    const ext = chunk.flatMap((r) => r.extensions.map((e) => ({ id: r.id, ...e })));
    await db.query(
      `INSERT INTO retention_extensions SELECT * FROM unnest($1::text[], $2::text[]::timestamptz[], $3::text[]::timestamptz[])`,
      [ext.map((e) => e.id), ext.map((e) => e.decidedAt), ext.map((e) => e.until)],
    );
  }
}

/** The ids a condition selects from the records table, sorted. */
async function selected(db: Db, where: { text: string; values: string[] }): Promise<string[]> {
  const { rows } = await db.query(`SELECT id FROM records AS m WHERE ${where.text}`, where.values);
  return rows.map((r) => String(r.id)).sort();
}

/** One comparison's outcome: how many rows, how many the SQL and Node each selected, and where they differ. */
export interface Comparison {
  readonly label: string;
  readonly rows: number;
  readonly selected: number;
  readonly onlySql: string[];
  readonly onlyNode: string[];
}

const diff = (label: string, rows: number, sql: readonly string[], node: readonly string[]): Comparison => {
  const a = new Set(sql);
  const b = new Set(node);
  return {
    label,
    rows,
    selected: node.length,
    onlySql: sql.filter((x) => !b.has(x)).slice(0, 10),
    onlyNode: node.filter((x) => !a.has(x)).slice(0, 10),
  };
};

/** expiredWhere against sweepRetention at every instant, for both column types, in one session time zone. */
export async function compareExpired(db: Db, rows: readonly Row[], policy: Policy): Promise<Comparison[]> {
  const records = rows.map((r) => r.record);
  const out: Comparison[] = [];
  for (const at of INSTANTS) {
    const node = sweepRetention(records, at)
      .expired.map((e) => e.id)
      .sort();
    for (const columnType of ['timestamptz', 'timestamp-jst'] as const) {
      const where = expiredWhere(at, {
        policy,
        columnType,
        columns: { receivedAt: columnType === 'timestamptz' ? 'received_at' : 'received_jst' },
      });
      // Rows of other kinds have no receipt: the condition is about measurements, as the sweep's expired list is.
      const sql = await selected(db, {
        text: `m.kind = 'measurement' AND ${where.text}`,
        values: where.values,
      });
      out.push(diff(`expired at ${at} (${columnType})`, rows.length, sql, node));
    }
  }
  return out;
}

/** Questions whose answers depend on the kind, the personal data and the holding state. */
export const QUESTIONS: readonly Omit<PermittedQuestion, 'at'>[] = [
  { action: 'retain' },
  { action: 'license', recipient: 'third-party' },
  { action: 'use', purpose: 'service-analysis' },
  { action: 'disclose', recipient: 'subcontractor', purpose: 'service-provision' },
  {
    action: 'disclose',
    recipient: 'third-party',
    consent: { from: 'data-subject', form: 'written', grantedAt: '2022-03-16T00:00:00+09:00' },
  },
  { action: 'use', actor: 'user', purpose: 'anything' },
];

// What decide says of the rows does not depend on any time zone: worked out once per rows, question and instant.
const answers = new WeakMap<readonly Row[], Map<string, string[]>>();
function permittedIds(rows: readonly Row[], policy: Policy, q: PermittedQuestion): string[] {
  const known = answers.get(rows) ?? new Map<string, string[]>();
  answers.set(rows, known);
  const key = JSON.stringify(q);
  let ids = known.get(key);
  if (ids === undefined) {
    ids = rows
      .filter((r) => policy.decide({ ...q, data: r.record } as DecisionRequest).allowed)
      .map((r) => r.id)
      .sort();
    known.set(key, ids);
  }
  return ids;
}

/** permittedWhere against decide, for every question at every instant. */
export async function comparePermitted(db: Db, rows: readonly Row[], policy: Policy): Promise<Comparison[]> {
  const out: Comparison[] = [];
  const kinds = ['measurement', 'derived', 'anonymized', 'statistical', 'provider-content'] as const;
  for (const at of INSTANTS)
    for (const question of QUESTIONS) {
      const q = { ...question, at } as PermittedQuestion;
      const node = permittedIds(rows, policy, q);
      const sql = await selected(db, permittedWhere(q, { policy, kinds }));
      out.push(diff(`${JSON.stringify(question)} at ${at}`, rows.length, sql, node));
    }
  return out;
}

export const defaultPolicy = (): Policy => createPolicy();
