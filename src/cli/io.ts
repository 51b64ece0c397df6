/**
 * The streams a command uses, and a line writer that respects backpressure.
 *
 * @module
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/**
 * The streams a command reads and writes: the process's own in `main.ts`, anything stream-shaped in a test.
 * `isTTY` is read from `stdin` (is there input to wait for?) and `stderr` (may progress be drawn?).
 */
export interface Io {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

// Lines are gathered into chunks of about this size: one write per chunk, not per line, on a long run.
const CHUNK = 64 * 1024;

/**
 * Writes lines to a stream in chunks and respects backpressure: `write` returns a promise to await only when
 * the stream's buffer is full, so a slow reader of stdout never makes the process hold the whole output.
 *
 * @example
 * const out = new LineWriter(process.stdout);
 * await out.write('{"line":1}');
 * await out.flush(); // stdout: {"line":1}
 */
export class LineWriter {
  readonly #stream: Writable;
  #buffer = '';

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  /** Queues a line (a newline is added); a promise when the caller must wait for the stream to drain. */
  write(line: string): Promise<void> | undefined {
    this.#buffer += `${line}\n`;
    return this.#buffer.length >= CHUNK ? this.flush() : undefined;
  }

  /** Writes what is queued, resolving once the stream can take more. */
  async flush(): Promise<void> {
    if (this.#buffer === '') return;
    const chunk = this.#buffer;
    this.#buffer = '';
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}
