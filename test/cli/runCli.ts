// The command line as a user runs it: the built dist/cli.js in a child process, importing the built library by
// its package name. stdio are pipes, so stderr is never a terminal here. The build itself runs once, before every
// test file, in test/globalSetup.ts.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository root, where `dist/cli.js` is run from. */
export const cwd = fileURLToPath(new URL('../..', import.meta.url));

/** What a run of the command line gave. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How the child is started, beyond its arguments. */
export interface CliOptions {
  /** Flags for node itself, before `dist/cli.js` (e.g. `--max-old-space-size=64`). */
  readonly nodeFlags?: readonly string[];
  /** Variables added to the child's environment, which is otherwise this process's. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the built CLI with `args`, writing `input` to its stdin (a stream is piped, with backpressure). */
export function cli(
  args: readonly string[],
  input: string | Buffer | Readable = '',
  options: CliOptions = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), 'dist/cli.js', ...args], {
      cwd,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A command that exits before reading its stdin (--help, a bad argument) closes the pipe: not an error here.
    child.stdin.on('error', () => {});
    if (typeof input === 'string' || Buffer.isBuffer(input)) child.stdin.end(input);
    else input.on('error', reject).pipe(child.stdin);
  });
}
