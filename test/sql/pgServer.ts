import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL server from Debian's packages (`apt-get install postgresql`), for the tests that must run
// on a real server and not only on PGlite: a fresh cluster in a temp dir, on a free port of 127.0.0.1, stopped and
// removed afterwards. initdb refuses to run as root, so under root every binary runs as the `postgres` user the
// package creates, in a temp dir that user owns.

/** A running server: where to connect, which version, and how to stop it (idempotent). */
export interface PgServer {
  readonly connectionString: string;
  readonly version: string;
  stop(): Promise<void>;
}

const DEBIAN = '/usr/lib/postgresql';

/** The bin directory of the highest PostgreSQL under /usr/lib/postgresql, or of `M2M_PG_BIN` when set. */
export function pgBinDir(): string {
  const chosen = process.env.M2M_PG_BIN;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(join(chosen, 'initdb'))) throw new Error(`M2M_PG_BIN=${chosen} holds no initdb`);
    return chosen;
  }
  const versions = existsSync(DEBIAN)
    ? readdirSync(DEBIAN)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(DEBIAN, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [highest] = versions;
  if (highest === undefined)
    throw new Error(
      `No PostgreSQL server binaries under ${DEBIAN}/<version>/bin: apt-get update && apt-get install -y postgresql`,
    );
  return join(DEBIAN, highest, 'bin');
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** The uid and gid of the `postgres` user, which root runs the binaries as. */
function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'Running as root, and there is no postgres user to run initdb as (the postgresql package creates it)',
    );
  }
}

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => existsSync(p));

/** The command line of `bin` with `args`: as the postgres user under root (runuser, else su), as is otherwise. */
function asPostgres(bin: string, args: readonly string[]): [string, string[]] {
  if (!isRoot()) return [bin, [...args]];
  if (RUNUSER !== undefined) return [RUNUSER, ['-u', 'postgres', '--', bin, ...args]];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(quote).join(' ')]];
}

function run(bin: string, args: readonly string[], cwd: string): Promise<string> {
  const [file, argv] = asPostgres(bin, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`${[file, ...argv].join(' ')} failed: ${error.message}\n${stderr}`));
    });
  });
}

/** A TCP port of 127.0.0.1 free a moment ago (the start is retried should another process take it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const readLog = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '(no log)');

/**
 * Starts a fresh server: `initdb -A trust -U postgres --no-sync`, then `pg_ctl start` on a free port, fsync off.
 * Throws with initdb's or the server log's text when it cannot start.
 */
export async function startPgServer(): Promise<PgServer> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'm2m-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (isRoot()) {
      const { uid, gid } = postgresUser();
      execFileSync('chown', [`${uid}:${gid}`, dir]);
    }
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'],
      dir,
    );
    const version = (await run(join(bin, 'postgres'), ['--version'], dir)).trim();
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
      try {
        await run(
          join(bin, 'pg_ctl'),
          ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start'],
          dir,
        );
      } catch (e) {
        if (attempt < 3) continue;
        throw new Error(`${(e as Error).message}\nserver log:\n${readLog(log)}`);
      }
      let stopped = false;
      // Should the test process end without calling stop(), the server goes with it.
      const onExit = () => {
        try {
          execFileSync(...asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']), {
            stdio: 'ignore',
          });
        } catch {}
        remove();
      };
      process.once('exit', onExit);
      return {
        connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
        version,
        async stop() {
          if (stopped) return;
          stopped = true;
          process.off('exit', onExit);
          try {
            await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], dir);
          } finally {
            remove();
          }
        },
      };
    }
  } catch (e) {
    remove();
    throw e;
  }
}
