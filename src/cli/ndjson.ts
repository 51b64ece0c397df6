/**
 * NDJSON input, streamed: lines split from bytes with a length limit, decoded strictly as UTF-8, parsed as
 * records, and the malformed ones described without quoting them.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { type DataRecord, type PolicyIssue, safeParseRecord } from 'm2m-data-policy';
import { failureReason, InputError } from './input.js';
import { type JsonSyntaxReason, jsonSyntaxError } from './jsonSyntax.js';
import { DEFAULT_MAX_LINE_BYTES, splitLines } from './lineSplitter.js';
import { invalidUtf8Offset } from './utf8.js';

/**
 * A line of input with its 1-based number: its text, or why it has none — longer than the limit (its bytes were
 * dropped unread), or not UTF-8 (with the 1-based byte where decoding failed).
 */
export type Line =
  | { readonly number: number; readonly text: string }
  | { readonly number: number; readonly problem: 'line-too-long'; readonly limit: number }
  | { readonly number: number; readonly problem: 'invalid-utf8'; readonly byte: number };

/** How lines are read. */
export interface ReadLinesOptions {
  /** The longest line read, in bytes, its line ending not counted (default {@link DEFAULT_MAX_LINE_BYTES}). */
  readonly maxLineBytes?: number;
}

/**
 * Yields the lines of a byte stream one at a time (CRLF or LF; a last line without one too), so a file of any
 * size is read in constant memory. Each line is decoded strictly: bytes that are not UTF-8 make the line an
 * `invalid-utf8` one rather than U+FFFD, which would let two different ids read as one. A line longer than
 * `maxLineBytes` is `line-too-long`, its bytes dropped as they arrive. A UTF-8 byte order mark is dropped before
 * the first line only.
 *
 * @throws {InputError} when the stream fails while being read.
 * @example
 * for await (const line of readLines(input)) console.log(line); //=> { number: 1, text: '{"kind":…}' }
 */
export async function* readLines(input: Readable, options: ReadLinesOptions = {}): AsyncGenerator<Line> {
  const limit = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let number = 0;
  try {
    for await (const line of splitLines(input, limit)) {
      number = line.number;
      if (!('bytes' in line)) {
        yield { number, problem: 'line-too-long', limit };
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(line.bytes);
      } catch (error) {
        // The strict decoder throws a TypeError for bytes that are not UTF-8, and says no more than that.
        if (!(error instanceof TypeError)) throw error;
        yield { number, problem: 'invalid-utf8', byte: invalidUtf8Offset(line.bytes) + 1 };
        continue;
      }
      yield { number, text };
    }
  } catch (error) {
    throw new InputError(`reading failed after line ${number}: ${failureReason(error)}`);
  }
}

/**
 * A line that is not a record: longer than the limit, not UTF-8, not JSON (where and why, never what), or JSON
 * the library's parser refuses (with its issues).
 */
export type Malformed =
  | { readonly line: number; readonly problem: 'line-too-long'; readonly limit: number }
  | { readonly line: number; readonly problem: 'invalid-utf8'; readonly byte: number }
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
  for await (const line of lines) {
    if (!('text' in line)) {
      const { number, ...problem } = line;
      onMalformed({ line: number, ...problem });
      continue;
    }
    const { number, text } = line;
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
 * describeMalformed({ line: 2, problem: 'line-too-long', limit: 1048576 })
 * //=> ['line 2: line too long: more than 1048576 bytes']
 */
export function describeMalformed(malformed: Malformed): string[] {
  const at = `line ${malformed.line}`;
  switch (malformed.problem) {
    case 'line-too-long':
      return [`${at}: line too long: more than ${malformed.limit} bytes`];
    case 'invalid-utf8':
      return [`${at}: invalid UTF-8 at byte ${malformed.byte}`];
    case 'invalid-json':
      return [`${at}: invalid JSON ${malformed.message}`];
    case 'invalid-record':
      return malformed.issues.map(
        (issue) =>
          `${at}: invalid record: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message} [${issue.code}]`,
      );
  }
}
