/**
 * NDJSON input, streamed: opening a file or stdin, reading lines, parsing records, describing malformed
 * lines.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type DataRecord, type PolicyIssue, safeParseRecord } from 'm2m-data-policy';
import { UsageError } from './args.js';
import type { Io } from './io.js';
import { type JsonSyntaxReason, jsonSyntaxError } from './jsonSyntax.js';

/**
 * Input that could not be read at all (a missing file, a directory): the run stops and exits with 2.
 *
 * @example
 * throw new InputError("cannot read 'records.ndjson': no such file or directory");
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const reason = (error: unknown): string =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT'
    ? 'no such file'
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Opens a command's input: the file at `path`, or stdin for `-` or no path. Reading a terminal only when asked
 * with `-`, so a forgotten file name is an error rather than a silent wait for typing.
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
    return handle.createReadStream({ encoding: 'utf8' });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read '${path}': ${reason(error)}`);
  }
}

/** A line of input with its 1-based number. */
export interface Line {
  readonly number: number;
  readonly text: string;
}

/**
 * Yields the lines of a stream one at a time (`node:readline`; CRLF or LF), so a file of any size is read in
 * constant memory. A UTF-8 byte order mark before the first line is dropped.
 *
 * @throws {InputError} when the stream fails while being read.
 * @example
 * for await (const { number, text } of readLines(input)) console.log(number, text); //=> 1 '{"kind":…}'
 */
export async function* readLines(input: Readable): AsyncGenerator<Line> {
  // The stream decodes its own bytes: readline does not flush its decoder at the end of input, so a truncated
  // UTF-8 sequence at the end of a pipe would otherwise vanish instead of being reported as a malformed line.
  if (input.readableEncoding === null) input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      yield { number, text: number === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text };
    }
  } catch (error) {
    throw new InputError(`reading failed after line ${number}: ${reason(error)}`);
  } finally {
    lines.close();
  }
}

/** A line that is not a record: not JSON (where and why, never what), or JSON the library's parser refuses (with its issues). */
export type Malformed =
  | {
      readonly line: number;
      readonly problem: 'invalid-json';
      /** The 1-based character where the line stops being JSON. */
      readonly position: number;
      readonly reason: JsonSyntaxReason;
      /** Position and reason in words; nothing of the line itself. */
      readonly message: string;
    }
  | { readonly line: number; readonly problem: 'invalid-record'; readonly issues: readonly PolicyIssue[] };

/** A parsed record and the line it came from. */
export interface NdjsonRecord {
  readonly line: number;
  readonly record: DataRecord;
}

/** The malformed-line report of a line `JSON.parse` refused: the scanner's finding, not the engine's message. */
function invalidJson(line: number, text: string): Malformed {
  const found = jsonSyntaxError(text);
  // The scanner is tested to agree with JSON.parse on every text (test/cli/jsonSyntax.test.ts): disagreement is a
  // bug, reported as one (exit 70) rather than guessed at.
  if (found === undefined)
    throw new Error(`line ${line}: JSON.parse refused a line the JSON scanner accepts`);
  const message = `at character ${found.position}: ${found.reason}`;
  return { line, problem: 'invalid-json', position: found.position, reason: found.reason, message };
}

/**
 * Reads NDJSON records through `safeParseRecord`. Blank lines are skipped; every other line is either yielded
 * as a parsed record or handed to `onMalformed`, never dropped silently.
 *
 * @example
 * for await (const { line, record } of readRecords(readLines(input), report)) console.log(line, record.id);
 * //=> 1 'kanto-sub-07/leak/2021-03-15T10:00'
 */
export async function* readRecords(
  lines: AsyncIterable<Line>,
  onMalformed: (malformed: Malformed) => void,
): AsyncGenerator<NdjsonRecord> {
  for await (const { number, text } of lines) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      onMalformed(invalidJson(number, text));
      continue;
    }
    const parsed = safeParseRecord(value);
    if (parsed.success) yield { line: number, record: parsed.data };
    else onMalformed({ line: number, problem: 'invalid-record', issues: parsed.issues });
  }
}

/**
 * The stderr lines reporting a malformed line: one per problem, each starting with the line number. None quotes
 * the line: a record's issues give the parser's path, message and code.
 *
 * @example
 * describeMalformed({ line: 4, problem: 'invalid-record', issues: [{ path: ['receivedAt'],
 *   code: 'timestamp-without-offset', message: 'The date-time has no offset …' }] })
 * //=> ['line 4: invalid record: receivedAt: The date-time has no offset … [timestamp-without-offset]']
 */
export function describeMalformed(malformed: Malformed): string[] {
  if (malformed.problem === 'invalid-json') {
    return [`line ${malformed.line}: invalid JSON ${malformed.message}`];
  }
  return malformed.issues.map(
    (issue) =>
      `line ${malformed.line}: invalid record: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message} [${issue.code}]`,
  );
}
