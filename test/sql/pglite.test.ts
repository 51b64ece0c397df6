import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareExpired,
  comparePermitted,
  type Db,
  defaultPolicy,
  load,
  makeRows,
  type Row,
} from './harness.js';

// The pushed-down SQL on a real PostgreSQL, embedded (PGlite, PostgreSQL compiled to WASM): 100,000 rows, the
// selected ids compared row for row with sweepRetention and decide, under three session time zones and two process
// time zones. One instance for the whole file: it takes seconds to start.

const ROWS = 100_000;
const policy = defaultPolicy();
let db: PGlite;
let rows: Row[];
const processTz = process.env.TZ;

beforeAll(async () => {
  db = await PGlite.create();
  rows = makeRows(ROWS, policy);
  await load(db as unknown as Db, rows);
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (processTz === undefined) delete process.env.TZ;
  else process.env.TZ = processTz;
});

const SESSION_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'] as const;
const PROCESS_ZONES = ['UTC', 'America/Los_Angeles'] as const;

describe.each(PROCESS_ZONES)('on PGlite, process TZ %s', (tz) => {
  describe.each(SESSION_ZONES)('session TimeZone %s', (zone) => {
    beforeAll(async () => {
      process.env.TZ = tz;
      await db.exec(`SET TimeZone = '${zone}'`);
    });

    it('selects exactly the rows sweepRetention calls expired, at every instant, for timestamptz and JST timestamp receipts (13(4), SPEC §9)', async () => {
      const comparisons = await compareExpired(db as unknown as Db, rows, policy);
      for (const c of comparisons)
        expect({ label: c.label, onlySql: c.onlySql, onlyNode: c.onlyNode }).toEqual({
          label: c.label,
          onlySql: [],
          onlyNode: [],
        });
      // The instants are chosen so each comparison has rows on both sides of it.
      expect(comparisons.every((c) => c.selected > 0 && c.selected < ROWS)).toBe(true);
    }, 120_000);

    // decide's side does not depend on any time zone; the SQL's is run under each session zone once.
    it.runIf(tz === 'America/Los_Angeles')(
      'selects exactly the rows decide permits, for every question at every instant (permittedWhere, SPEC §9)',
      async () => {
        const comparisons = await comparePermitted(db as unknown as Db, rows, policy);
        for (const c of comparisons)
          expect({ label: c.label, onlySql: c.onlySql, onlyNode: c.onlyNode }).toEqual({
            label: c.label,
            onlySql: [],
            onlyNode: [],
          });
      },
      120_000,
    );
  });
});
