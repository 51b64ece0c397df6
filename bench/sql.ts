// The retention DELETE pushed down into PostgreSQL against the in-process route, on 1,000,000 measurement rows:
//   (a) one `DELETE FROM measurements m WHERE <expiredWhere>`: PostgreSQL selects the rows and cascades to their
//       extensions, nothing leaves the database;
//   (b) the rows streamed to Node through a cursor (FETCH in batches, each with its extensions as JSON),
//       sweepRetention over them, then `DELETE … WHERE id = ANY($1)` with the expired ids, in one transaction.
// Both routes run in every round, each on a fresh copy of the tables made from a template outside the timed part
// (tinybench beforeEach); the order alternates from round to round. The figure is the median of the rounds; after
// each run the rows left are fingerprinted (count and a digest of the ids), and both routes must leave the same ones.
//
// Run: npm run bench:sql                   (embedded PGlite, 1,000,000 rows, 3 rounds: about 4 minutes)
//      ROWS=200000 ROUNDS=5 npm run bench:sql
//      DATABASE_URL=postgresql://user@host/db npm run bench:sql    (a server; works in a schema bench_sql it drops)
import { sweepRetention } from 'm2m-data-policy';
import { expiredWhere } from 'm2m-data-policy/sql';
import { Bench } from 'tinybench';

const ROWS = Math.max(1000, Number(process.env.ROWS ?? 1_000_000) || 1_000_000);
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 3) || 3);
const BATCH = 10_000;
const AT = '2022-06-01T00:00:00+09:00';
// Receipts spread evenly over the two years before AT, so about half the rows have passed their year.
const STEP_MS = Math.floor((Date.parse(AT) - Date.parse('2020-06-01T00:00:00+09:00')) / ROWS);

/** What the benchmark needs of a client: PGlite and node-postgres both offer it. */
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
    await client.query('DROP SCHEMA IF EXISTS bench_sql CASCADE; CREATE SCHEMA bench_sql');
    await client.query('SET search_path TO bench_sql');
    const { rows } = await client.query('SHOW server_version');
    return {
      db: {
        query: (text, values) => client.query(text, values),
        exec: (text) => client.query(text),
        close: async () => {
          await client.query('DROP SCHEMA bench_sql CASCADE');
          await client.end();
        },
      },
      where: `PostgreSQL ${String(rows[0]?.server_version)} server (DATABASE_URL)`,
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create();
  const { rows } = await lite.query<{ server_version: string }>('SHOW server_version');
  return {
    db: {
      query: (text, values) => lite.query<Record<string, unknown>>(text, values),
      exec: (text) => lite.exec(text),
      close: () => lite.close(),
    },
    where: `embedded PGlite (PostgreSQL ${rows[0]?.server_version})`,
  };
}

const { db, where } = await connect(process.env.DATABASE_URL);
await db.exec("SET TimeZone = 'UTC'");

// The template, once: ids and receipts from generate_series; one row in 50 has an extension decided 300 days after
// receipt, half of them open-ended (still covering at AT where decided by then), half ended 60 days later.
const t0 = performance.now();
await db.exec(`
  CREATE TABLE template_measurements AS
    SELECT 'sensor-' || (i % 5000) || '/' || i AS id, 'C-' || (i % 300) AS contract_id,
           'leakage-current'::text AS metric, t AS measured_at, t AS received_at, 'none'::text AS personal_data
    FROM generate_series(0, ${ROWS - 1}) AS i,
         LATERAL (SELECT timestamptz '2020-06-01 00:00:00+09' + (i::bigint * ${STEP_MS}) * interval '1 millisecond') AS r(t);
  CREATE TABLE template_extensions AS
    SELECT 'sensor-' || (i % 5000) || '/' || i AS measurement_id, d AS decided_at,
           CASE WHEN i % 100 = 0 THEN NULL ELSE d + interval '60 days' END AS until,
           'fault investigation'::text AS reason
    FROM generate_series(0, ${ROWS - 1}, 50) AS i,
         LATERAL (SELECT timestamptz '2020-06-01 00:00:00+09' + (i::bigint * ${STEP_MS}) * interval '1 millisecond'
                         + interval '300 days') AS r(d);`);
const extensionCount = Number((await db.query('SELECT count(*) AS n FROM template_extensions')).rows[0]?.n);
console.log(
  `Retention DELETE at ${AT} over ${ROWS.toLocaleString('en')} measurements and ${extensionCount.toLocaleString('en')} extensions, on ${where}`,
);
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; template built in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed)\n`,
);

/** A fresh copy of the tables, as a service holds them: primary key, cascading foreign key and its index. */
async function freshTables(): Promise<void> {
  await db.exec(`
    DROP TABLE IF EXISTS retention_extensions;
    DROP TABLE IF EXISTS measurements;
    CREATE TABLE measurements AS SELECT * FROM template_measurements;
    ALTER TABLE measurements ADD PRIMARY KEY (id);
    CREATE TABLE retention_extensions AS SELECT * FROM template_extensions;
    ALTER TABLE retention_extensions
      ADD FOREIGN KEY (measurement_id) REFERENCES measurements (id) ON DELETE CASCADE;
    CREATE INDEX ON retention_extensions (measurement_id);
    ANALYZE measurements;
    ANALYZE retention_extensions;`);
}

/** The rows left: how many measurements and extensions, and an order-free digest of the measurement ids. */
async function fingerprint(): Promise<string> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM measurements) AS n, (SELECT count(*) FROM retention_extensions) AS x,
            (SELECT sum(hashtextextended(id, 0)) FROM measurements) AS h`,
  );
  const r = rows[0] ?? {};
  return `${Number(r.n)} measurements, ${Number(r.x)} extensions left, id digest ${String(r.h)}`;
}

const condition = expiredWhere(AT);

async function pushedDown(): Promise<void> {
  await db.query(`DELETE FROM measurements m WHERE ${condition.text}`, condition.values);
}

async function* cursor(): AsyncGenerator<unknown> {
  for (;;) {
    const { rows } = await db.query(`FETCH ${BATCH} FROM sweep`);
    if (rows.length === 0) return;
    for (const r of rows)
      yield {
        kind: 'measurement',
        id: r.id,
        contractId: r.contract_id,
        metric: r.metric,
        measuredAt: r.measured_at,
        receivedAt: r.received_at,
        personalData: r.personal_data,
        ...(r.extensions !== null && { retentionExtensions: r.extensions }),
      };
  }
}

async function inProcess(): Promise<void> {
  await db.exec('BEGIN');
  try {
    await db.exec(`
      DECLARE sweep NO SCROLL CURSOR FOR
        SELECT m.id, m.contract_id, m.metric, m.measured_at, m.received_at, m.personal_data,
               (SELECT json_agg(json_strip_nulls(json_build_object('decidedAt', e.decided_at, 'until', e.until, 'reason', e.reason))
                                  ORDER BY e.decided_at)
                  FROM retention_extensions e WHERE e.measurement_id = m.id) AS extensions
        FROM measurements m`);
    const { expired } = await sweepRetention(cursor(), AT);
    await db.exec('CLOSE sweep');
    await db.query('DELETE FROM measurements WHERE id = ANY($1::text[])', [expired.map((e) => e.id)]);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK');
    throw e;
  }
}

const ROUTES = {
  'SQL: DELETE … WHERE expiredWhere (pushed down)': pushedDown,
  'Node: cursor → sweepRetention → DELETE … = ANY($1)': inProcess,
} as const;
type Route = keyof typeof ROUTES;
const names = Object.keys(ROUTES) as Route[];
const times: Record<Route, number[]> = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<
  Route,
  number[]
>;
const left = new Map<Route, string>();

for (let round = 0; round < ROUNDS; round++) {
  // One iteration per task per round, no warmup: each iteration needs its own fresh tables.
  const bench = new Bench({ iterations: 1, time: 0, warmup: false, throws: true });
  for (const name of round % 2 === 0 ? names : [...names].reverse())
    bench.add(name, ROUTES[name], {
      beforeEach: freshTables,
      afterEach: async () => {
        const print = await fingerprint();
        const before = left.get(name) ?? print;
        if (print !== before) throw new Error(`${name} left different rows from round to round`);
        left.set(name, print);
      },
    });
  await bench.run();
  for (const task of bench.tasks) {
    const ms = task.result && 'latency' in task.result ? task.result.latency.p50 : Number.NaN;
    times[task.name as Route].push(ms);
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}

const [sqlRoute, nodeRoute] = names as [Route, Route];
if (left.get(sqlRoute) !== left.get(nodeRoute))
  throw new Error(`The routes left different rows: ${left.get(sqlRoute)} / ${left.get(nodeRoute)}`);
const deleted = ROWS - Number(left.get(sqlRoute)?.split(' ')[0]);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? (s[mid] as number)
      : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const spread = (xs: readonly number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

console.log(
  `Both routes deleted ${deleted.toLocaleString('en')} expired measurements and left the same rows: ${left.get(sqlRoute)}.`,
);
console.log(`Median of ${ROUNDS} rounds, each route once per round on fresh tables.\n`);
console.log('| route | median (spread of rounds) | rows/s |');
console.log('| --- | ---: | ---: |');
for (const name of names) {
  const m = median(times[name]);
  console.log(
    `| ${name} | ${m.toFixed(0)} ms (${spread(times[name])}) | ${Math.round(ROWS / (m / 1000)).toLocaleString('en')} |`,
  );
}
console.log(
  `\nRatio: the in-process route takes ${(median(times[nodeRoute]) / median(times[sqlRoute])).toFixed(1)}× the pushed-down DELETE's time.`,
);
await db.close();
