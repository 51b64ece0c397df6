import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cwd } from './runCli.js';

// Output the command cannot write ends the run with 70, the code the help gives internal errors — never Node's 1
// for an uncaught error, which a script running with --fail-on-deny would read as "denied". Only a reader of
// stdout that stops early (`… | head`) is a quiet stop.

const PERIOD = ['period', '2021-03-15T10:00:00+09:00', '--years', '1'];
const RECORD = '{"kind":"provider-content","id":"pc-1","publishedAt":"2021-01-01T00:00:00+09:00"}';

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

/** Runs the built CLI with stdout given (a file descriptor, or a pipe), collecting stderr when it is a pipe. */
function run(
  args: readonly string[],
  stdout: number | 'pipe',
  setup: (child: ReturnType<typeof spawn>) => void = () => {},
  input = '',
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], { cwd, stdio: ['pipe', stdout, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin?.on('error', () => {});
    setup(child);
    child.stdin?.end(input);
  });
}

describe.concurrent('output failures', () => {
  it('exits 70 and says so on stderr when stdout cannot be written (/dev/full)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await run(PERIOD, full);
      expect(r.code).toBe(70);
      expect(r.stderr).toBe(
        'm2m-data-policy: cannot write to stdout: ENOSPC: no space left on device, write\n',
      );
    } finally {
      closeSync(full);
    }
  });

  it('exits 70 when stderr cannot be written because its reader has gone', async () => {
    // The parent closes its end of the stderr pipe before the child writes: a malformed line, then the summary.
    const r = await run(
      ['check', '--action', 'process', '--at', '2021-06-01T10:00:00+09:00'],
      'pipe',
      (child) => {
        child.stdout?.resume();
        child.stderr?.destroy();
      },
      '{"kind":\n',
    );
    expect(r.code).toBe(70);
  });

  it('stops quietly with exit 0 when the reader of stdout stops early (| head)', async () => {
    const input = `${RECORD}\n`.repeat(50_000);
    const r = await run(
      ['check', '--action', 'process', '--at', '2021-06-01T10:00:00+09:00'],
      'pipe',
      (child) => {
        child.stdout?.once('data', () => child.stdout?.destroy());
      },
      input,
    );
    expect(r).toEqual({ code: 0, stderr: '' });
  });
});
