import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgServer, startPgServer } from './pgServer.js';

// examples/retention-job.ts run as a user runs it (npx tsx), on embedded PGlite and, when M2M_PG_SERVER=1, against
// a throwaway server through DATABASE_URL: its report must name the sample measurements the DELETE removed.

const root = fileURLToPath(new URL('../..', import.meta.url));
const LEAK = 'kanto-sub-07/leak/2021-03-15T10:00';
const OUTAGE = 'kanto-sub-07/outage/2021-05-20T02:13';
const CAMERA = 'kanto-sub-07/door-camera/2021-05-20T02:20';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function job(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'examples/retention-job.ts', ...args],
      { cwd: root, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The ids listed under "Deleted …" and under "Kept …". */
function sections(stdout: string): { deleted: string[]; kept: string[] } {
  const ids = (text: string) => [LEAK, OUTAGE, CAMERA].filter((id) => text.includes(`\n  ${id}\n`));
  const deletedAt = stdout.indexOf('\nDeleted ');
  const keptAt = stdout.indexOf('\nKept ');
  return { deleted: ids(stdout.slice(deletedAt, keptAt)), kept: ids(stdout.slice(keptAt)) };
}

describe('examples/retention-job.ts', () => {
  it('deletes the reading received 2021-03-15 at 2022-04-01 and says why: its one-year holding ended 2022-03-16 00:00 JST (13(4))', async () => {
    const run = await job();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('on embedded PGlite');
    expect(run.stdout).toContain('Deleted 1 of 3 measurements:');
    expect(sections(run.stdout)).toEqual({ deleted: [LEAK], kept: [OUTAGE, CAMERA] });
    expect(run.stdout).toContain(
      'received 2021-03-15T10:00:00+09:00; holding ended 2022-03-16T00:00:00+09:00',
    );
    expect(run.stdout).toContain('due for deletion at 2022-05-21T00:00:00+09:00');
    expect(run.stdout).toContain('[Art. 13(4) of the 2020-12-01 terms]');
  }, 60_000);

  it('deletes nothing at 2022-03-15T23:59:59.999+09:00, the last millisecond of the first reading’s period (13(4))', async () => {
    const run = await job(['--at', '2022-03-15T23:59:59.999+09:00']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Deleted 0 of 3 measurements.');
    expect(sections(run.stdout)).toEqual({ deleted: [], kept: [LEAK, OUTAGE, CAMERA] });
  }, 60_000);

  it('refuses an instant without its offset, exit code 2', async () => {
    const run = await job(['--at', '2022-06-01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at:');
    expect(run.stdout).toBe('');
  }, 60_000);

  describe.skipIf(process.env.M2M_PG_SERVER !== '1')('against a PostgreSQL server (DATABASE_URL)', () => {
    let server: PgServer | undefined;
    beforeAll(async () => {
      server = await startPgServer();
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });

    const url = () => ({ DATABASE_URL: server?.connectionString ?? '' });

    it('deletes the same reading, through node-postgres', async () => {
      const run = await job([], url());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('on PostgreSQL server (DATABASE_URL), schema retention_example');
      expect(sections(run.stdout)).toEqual({ deleted: [LEAK], kept: [OUTAGE, CAMERA] });
    }, 60_000);

    it('deletes every sample measurement at 2022-06-01T00:00:00+09:00, run again on the same database (--at)', async () => {
      const run = await job(['--at', '2022-06-01T00:00:00+09:00'], url());
      expect(run.code).toBe(0);
      expect(sections(run.stdout)).toEqual({ deleted: [LEAK, OUTAGE, CAMERA], kept: [] });
    }, 60_000);
  });
});
