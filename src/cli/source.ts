/**
 * A command's NDJSON records with progress and malformed-line reporting wired in.
 *
 * @module
 */
import type { Io } from './io.js';
import {
  describeMalformed,
  type Line,
  type NdjsonRecord,
  openInput,
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
 * Opens an NDJSON input (a path, or stdin for `-` or none) as a stream of records: progress on stderr when it is
 * a terminal, and every malformed line reported there with its number and counted.
 *
 * @example
 * const source = await recordSource('examples/data/sample-records.ndjson', io, 'check');
 * for await (const { line, record } of source.records) console.log(line, record.kind); //=> 1 'measurement' …
 * source.malformed() //=> 0
 */
export async function recordSource(path: string | undefined, io: Io, label: string): Promise<RecordSource> {
  const input = await openInput(path, io);
  const progress = createProgress(io.stderr, label);
  let malformed = 0;
  async function* counted(lines: AsyncIterable<Line>): AsyncGenerator<Line> {
    for await (const line of lines) {
      progress.tick();
      yield line;
    }
  }
  const records = readRecords(counted(readLines(input)), (problem) => {
    malformed++;
    progress.clear();
    io.stderr.write(`${describeMalformed(problem).join('\n')}\n`);
  });
  return { records, malformed: () => malformed, finish: () => progress.clear() };
}
