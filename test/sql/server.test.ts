import { sweepRetention } from 'm2m-data-policy';
import { expiredWhere } from 'm2m-data-policy/sql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Comparison,
  compareExpired,
  comparePermitted,
  type Db,
  defaultPolicy,
  INSTANTS,
  load,
  makeRows,
  type Row,
} from './harness.js';
import { type PgServer, startPgServer } from './pgServer.js';

// The comparisons of pglite.test.ts on a real PostgreSQL server (Debian's package, a throwaway cluster started
// here), through node-postgres: 100,000 rows, the selected ids compared row for row with sweepRetention and decide,
// under three session time zones and two process time zones; then the retention DELETE itself, in a transaction
// rolled back. Runs when M2M_PG_SERVER=1 (CI sets it); skipped otherwise, so `npm test` needs no server. With the
// variable set, a server that cannot start fails the file: beforeAll throws, it does not skip.

const enabled = process.env.M2M_PG_SERVER === '1';
const ROWS = 100_000;
const policy = defaultPolicy();
const processTz = process.env.TZ;
let server: PgServer | undefined;
let client: pg.Client | undefined;
let db: Db;
let rows: Row[];

const SESSION_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'] as const;
const PROCESS_ZONES = ['UTC', 'America/Los_Angeles'] as const;

const expectNoMismatch = (comparisons: readonly Comparison[]) => {
  for (const c of comparisons)
    expect({ label: c.label, onlySql: c.onlySql, onlyNode: c.onlyNode }).toEqual({
      label: c.label,
      onlySql: [],
      onlyNode: [],
    });
};

describe.skipIf(!enabled)('on a PostgreSQL server (node-postgres)', () => {
  beforeAll(async () => {
    server = await startPgServer();
    const c = new pg.Client({ connectionString: server.connectionString });
    client = c;
    await c.connect();
    db = { query: (text, values) => c.query(text, values), exec: (text) => c.query(text) };
    rows = makeRows(ROWS, policy);
    await load(db, rows);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    if (processTz === undefined) delete process.env.TZ;
    else process.env.TZ = processTz;
  });

  it('is a server, not PGlite', async () => {
    const { rows: version } = await db.query('SELECT version() AS v');
    expect(String(version[0]?.v)).toMatch(/^PostgreSQL \d+/);
    expect(server?.version).toMatch(/postgres \(PostgreSQL\) \d+/);
  });

  describe.each(PROCESS_ZONES)('process TZ %s', (tz) => {
    describe.each(SESSION_ZONES)('session TimeZone %s', (zone) => {
      beforeAll(async () => {
        process.env.TZ = tz;
        await db.exec(`SET TimeZone = '${zone}'`);
      });

      it('selects exactly the rows sweepRetention calls expired, at every instant, for timestamptz and JST timestamp receipts (13(4), SPEC §9)', async () => {
        const comparisons = await compareExpired(db, rows, policy);
        expectNoMismatch(comparisons);
        expect(comparisons.every((c) => c.selected > 0 && c.selected < ROWS)).toBe(true);
      }, 60_000);

      // decide's side does not depend on any time zone; the SQL's is run under each session zone once.
      it.runIf(tz === 'America/Los_Angeles')(
        'selects exactly the rows decide permits, for every question at every instant (permittedWhere, SPEC §9)',
        async () => {
          expectNoMismatch(await comparePermitted(db, rows, policy));
        },
        60_000,
      );
    });
  });

  describe('the retention DELETE, rolled back', () => {
    beforeAll(async () => {
      // The cascade looks extensions up by measurement: without this index each deleted row scans the table.
      await db.exec(
        'CREATE INDEX IF NOT EXISTS retention_extensions_measurement ON retention_extensions (measurement_id)',
      );
    });

    describe.each(SESSION_ZONES)('session TimeZone %s', (zone) => {
      it.each(['timestamptz', 'timestamp-jst'] as const)(
        'deletes exactly the measurements sweepRetention calls expired, with their extensions (13(4), ON DELETE CASCADE), %s receipts',
        async (columnType) => {
          await db.exec(`SET TimeZone = '${zone}'`);
          const records = rows.map((r) => r.record);
          const extensionsOf = new Map(rows.map((r) => [r.id, r.extensions.length]));
          const count = async (table: string): Promise<number> =>
            Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
          const before = { records: await count('records'), extensions: await count('retention_extensions') };
          let cascadedAll = 0;
          for (const at of INSTANTS) {
            const expired = sweepRetention(records, at)
              .expired.map((e) => e.id)
              .sort();
            const where = expiredWhere(at, {
              policy,
              columnType,
              columns: { receivedAt: columnType === 'timestamptz' ? 'received_at' : 'received_jst' },
            });
            await db.exec('BEGIN');
            try {
              const deleted = (
                await db.query(
                  `DELETE FROM records m WHERE m.kind = 'measurement' AND ${where.text} RETURNING m.id`,
                  where.values,
                )
              ).rows
                .map((r) => String(r.id))
                .sort();
              expect({ at, deleted: deleted.length, same: deleted.join() === expired.join() }).toEqual({
                at,
                deleted: expired.length,
                same: true,
              });
              const orphans = await db.query(
                'SELECT count(*) AS n FROM retention_extensions WHERE measurement_id = ANY($1::text[])',
                [deleted],
              );
              expect(Number(orphans.rows[0]?.n)).toBe(0);
              const cascaded = deleted.reduce((n, id) => n + (extensionsOf.get(id) ?? 0), 0);
              cascadedAll += cascaded;
              expect({ at, records: await count('records') }).toEqual({
                at,
                records: before.records - deleted.length,
              });
              expect({ at, extensions: await count('retention_extensions') }).toEqual({
                at,
                extensions: before.extensions - cascaded,
              });
            } finally {
              await db.exec('ROLLBACK');
            }
            expect(await count('records')).toBe(before.records);
            expect(await count('retention_extensions')).toBe(before.extensions);
          }
          // Expired rows with extensions that no longer cover them: the cascade had something to delete.
          expect(cascadedAll).toBeGreaterThan(0);
        },
        60_000,
      );
    });
  });
});
