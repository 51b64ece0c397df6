/**
 * A command's input: opening a file or stdin, and the error for input that cannot be read at all.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UsageError } from './args.js';
import type { Io } from './io.js';

/**
 * Input that could not be read at all (a missing file, a directory): the run stops and exits with 2.
 *
 * @example
 * throw new InputError("cannot read 'records.ndjson': no such file or directory");
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Why reading failed, in a few words: `no such file` for ENOENT, else the error's message.
 *
 * @example
 * failureReason(Object.assign(new Error('ENOENT: …'), { code: 'ENOENT' })) //=> 'no such file'
 */
export const failureReason = (error: unknown): string =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT'
    ? 'no such file'
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Opens a command's input: the file at `path`, or stdin for `-` or no path. Reading a terminal only when asked
 * with `-`, so a forgotten file name is an error rather than a silent wait for typing. The stream yields bytes:
 * they are split into lines and decoded by the NDJSON reader, which refuses what is not UTF-8.
 *
 * @throws {InputError} for a file that cannot be opened, or a directory; {@link UsageError} for a terminal.
 * @example
 * const input = await openInput('examples/data/sample-records.ndjson', io);
 */
export async function openInput(path: string | undefined, io: Io): Promise<Readable> {
  if (path === undefined || path === '-') {
    if (path === undefined && io.stdin.isTTY) {
      throw new UsageError(
        "no input: give an NDJSON file, pipe records into stdin, or read the terminal with '-'",
      );
    }
    return io.stdin;
  }
  try {
    const handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new InputError(`cannot read '${path}': it is a directory`);
    }
    return handle.createReadStream();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read '${path}': ${failureReason(error)}`);
  }
}
