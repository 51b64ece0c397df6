// A nightly retention job: the measurements whose holding period has ended (13(4)) are deleted by PostgreSQL itself,
// with one DELETE whose WHERE is expiredWhere's parameterized condition, and their retention extensions go with them
// (ON DELETE CASCADE). Nothing is streamed to Node to be judged row by row.
//
// Run: npm run example:retention                        (embedded PGlite, at 2022-04-01T00:00:00+09:00)
//      npx tsx examples/retention-job.ts --at 2022-06-01T00:00:00+09:00
//      DATABASE_URL=postgresql://user@host/db npx tsx examples/retention-job.ts    (a server, via node-postgres)
//
// On a server it works in a schema of its own, retention_example, which it drops and recreates first.
// Outside this repository: npm install m2m-data-policy, and @electric-sql/pglite or pg.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createPolicy,
  type MeasurementRecord,
  PolicyInputError,
  parseInstant,
  parseRecord,
  retentionStatus,
} from 'm2m-data-policy';
import { expiredWhere } from 'm2m-data-policy/sql';

/** What the job needs of a client: PGlite and node-postgres both offer it. */
interface Db {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<unknown>;
  close(): Promise<void>;
}

async function connect(url: string | undefined): Promise<{ db: Db; where: string }> {
  if (url !== undefined && url !== '') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS retention_example CASCADE; CREATE SCHEMA retention_example');
    await client.query('SET search_path TO retention_example');
    return {
      db: {
        query: (text, values) => client.query(text, values),
        exec: (text) => client.query(text),
        close: () => client.end(),
      },
      where: 'PostgreSQL server (DATABASE_URL), schema retention_example',
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create();
  return {
    db: {
      query: (text, values) => lite.query<Record<string, unknown>>(text, values),
      exec: (text) => lite.exec(text),
      close: () => lite.close(),
    },
    where: 'embedded PGlite',
  };
}

// The receipt is timestamptz: an instant, whatever the session's TimeZone (a timestamp column holding JST would be
// declared with columnType: 'timestamp-jst'). The extensions index serves the cascade.
const SCHEMA = `
  CREATE TABLE measurements (
    id text PRIMARY KEY,
    contract_id text NOT NULL,
    metric text NOT NULL,
    measured_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    personal_data text NOT NULL
  );
  CREATE TABLE retention_extensions (
    measurement_id text NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    decided_at timestamptz NOT NULL,
    until timestamptz,
    reason text NOT NULL
  );
  CREATE INDEX retention_extensions_measurement ON retention_extensions (measurement_id);`;

const JST = 9 * 3_600_000;
/** An instant in JST, to the second (to the millisecond when it has one). */
const jst = (d: Date): string => {
  const iso = new Date(d.getTime() + JST).toISOString();
  return `${d.getUTCMilliseconds() === 0 ? iso.slice(0, 19) : iso.slice(0, 23)}+09:00`;
};

const { values: args } = parseArgs({ options: { at: { type: 'string' } } });
let at: Date;
try {
  at = parseInstant(args.at ?? '2022-04-01T00:00:00+09:00');
} catch (e) {
  if (!(e instanceof PolicyInputError)) throw e;
  console.error(`--at: ${e.message} (an ISO-8601 instant with its offset, e.g. 2022-04-01T00:00:00+09:00)`);
  process.exit(2);
}

const sample = readFileSync(new URL('./data/sample-records.ndjson', import.meta.url), 'utf8');
const records = sample
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => parseRecord(JSON.parse(line)));
const measurements = records.filter((r): r is MeasurementRecord => r.kind === 'measurement');

const { db, where } = await connect(process.env.DATABASE_URL);
try {
  await db.exec(SCHEMA);
  await db.query(
    'INSERT INTO measurements SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])',
    [
      measurements.map((m) => m.id),
      measurements.map((m) => m.contractId),
      measurements.map((m) => m.metric),
      measurements.map((m) => m.measuredAt.toISOString()),
      measurements.map((m) => m.receivedAt.toISOString()),
      measurements.map((m) => m.personalData),
    ],
  );
  const extensions = measurements.flatMap((m) =>
    (m.retentionExtensions ?? []).map((x) => ({ id: m.id, ...x })),
  );
  await db.query(
    'INSERT INTO retention_extensions SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[])',
    [
      extensions.map((x) => x.id),
      extensions.map((x) => x.decidedAt.toISOString()),
      extensions.map((x) => x.until?.toISOString() ?? null),
      extensions.map((x) => x.reason),
    ],
  );
  console.log(`Retention job at ${jst(at)}, on ${where}.`);
  console.log(
    `Loaded ${measurements.length} measurements and ${extensions.length} retention extensions from ${records.length} sample records (other kinds have no holding period).\n`,
  );

  const condition = expiredWhere(at);
  const statement = `DELETE FROM measurements m WHERE ${condition.text} RETURNING m.id`;
  console.log(statement);
  console.log(`  with ${condition.values.map((v, i) => `$${i + 1} = ${v}`).join(', ')}\n`);
  const deleted = new Set((await db.query(statement, condition.values)).rows.map((r) => String(r.id)));

  // Why, in the words of the decision on keeping each record at the same instant.
  const policy = createPolicy({ locale: 'en' });
  const account = (m: MeasurementRecord): string => {
    const status = retentionStatus(m, at);
    const decision = policy.decide({ action: 'retain', data: m, at });
    const cited = decision.basis.map((c) => `Art. ${c.article}(${c.paragraph}) of the ${c.terms} terms`);
    const ends = status.endsAt === null ? '' : jst(status.endsAt);
    const until = status.heldUntil === null ? 'without end' : `until ${jst(status.heldUntil)}`;
    const state =
      status.state === 'expired'
        ? `holding ended ${status.heldUntil === null ? ends : jst(status.heldUntil)}`
        : status.state === 'extended'
          ? `holding period ended ${ends}, extended ${until}`
          : `due for deletion at ${ends}`;
    return [
      `  ${m.id}`,
      `    received ${jst(m.receivedAt)}; ${state}`,
      `    ${decision.reasons.map((r) => r.message).join(' ')} [${cited.join('; ')}]`,
    ].join('\n');
  };
  const gone = measurements.filter((m) => deleted.has(m.id));
  const kept = measurements.filter((m) => !deleted.has(m.id));
  console.log(`Deleted ${gone.length} of ${measurements.length} measurements${gone.length > 0 ? ':' : '.'}`);
  for (const m of gone) console.log(account(m));
  console.log(`\nKept ${kept.length}${kept.length > 0 ? ':' : '.'}`);
  for (const m of kept) console.log(account(m));
  // The database and the library must agree on every row; a job that disagrees says so and fails.
  const disagree = measurements.filter(
    (m) => deleted.has(m.id) !== (retentionStatus(m, at).state === 'expired'),
  );
  if (disagree.length > 0) {
    console.error(`The DELETE and retentionStatus disagree on ${disagree.map((m) => m.id).join(', ')}`);
    process.exitCode = 1;
  }
  const left = await db.query('SELECT count(*) AS n FROM retention_extensions');
  console.log(`\nRetention extensions left: ${Number(left.rows[0]?.n)} of ${extensions.length}.`);
} finally {
  await db.close();
}
