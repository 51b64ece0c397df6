/**
 * A command's NDJSON records with progress and malformed-line reporting wired in, and the option that bounds
 * its lines.
 *
 * @module
 */
import { UsageError } from './args.js';
import { openInput } from './input.js';
import type { Io } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, MAX_LINE_BYTES_CEILING } from './lineSplitter.js';
import {
  describeMalformed,
  type Line,
  type NdjsonRecord,
  type ReadLinesOptions,
  readLines,
  readRecords,
} from './ndjson.js';
import { createProgress } from './progress.js';

/** A command's stream of records, with the count of malformed lines reported so far. */
export interface RecordSource {
  /** The parsed records, in input order. */
  readonly records: AsyncGenerator<NdjsonRecord>;
  /** How many lines were malformed (each already reported on stderr). */
  readonly malformed: () => number;
  /** Erases the progress line before the command writes its summary. */
  readonly finish: () => void;
}

/**
 * Reads `--max-line-bytes`: a whole number of bytes from 1 to the longest string Node can hold (about 512 MiB),
 * {@link DEFAULT_MAX_LINE_BYTES} (1 MiB) when it is absent.
 *
 * @throws {UsageError} for anything else.
 * @example
 * maxLineBytesOption('4194304') //=> 4194304
 * maxLineBytesOption(undefined) //=> 1048576
 */
export function maxLineBytesOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_LINE_BYTES;
  const bytes = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!(bytes >= 1 && bytes <= MAX_LINE_BYTES_CEILING)) {
    throw new UsageError(
      `--max-line-bytes must be a whole number of bytes from 1 to ${MAX_LINE_BYTES_CEILING}, not '${value}'`,
    );
  }
  return bytes;
}

/**
 * Opens an NDJSON input (a path, or stdin for `-` or none) as a stream of records: progress on stderr when it is
 * a terminal, and every malformed line reported there with its number and counted.
 *
 * @example
 * const source = await recordSource('examples/data/sample-records.ndjson', io, 'check', { maxLineBytes: 1048576 });
 * for await (const { line, record } of source.records) console.log(line, record.kind); //=> 1 'measurement' …
 * source.malformed() //=> 0
 */
export async function recordSource(
  path: string | undefined,
  io: Io,
  label: string,
  options: ReadLinesOptions = {},
): Promise<RecordSource> {
  const input = await openInput(path, io);
  const progress = createProgress(io.stderr, label);
  let malformed = 0;
  async function* counted(lines: AsyncIterable<Line>): AsyncGenerator<Line> {
    for await (const line of lines) {
      progress.tick();
      yield line;
    }
  }
  const records = readRecords(counted(readLines(input, options)), (problem) => {
    malformed++;
    progress.clear();
    io.stderr.write(`${describeMalformed(problem).join('\n')}\n`);
  });
  return { records, malformed: () => malformed, finish: () => progress.clear() };
}
