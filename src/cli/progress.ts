/**
 * Progress on stderr, drawn only when stderr is a terminal.
 *
 * @module
 */
import type { Io } from './io.js';

/**
 * Progress of a long read, drawn on stderr. {@link createProgress} returns one that draws only on a terminal.
 */
export interface Progress {
  /** Counts one more line read. */
  tick(): void;
  /** Erases the progress line, so a message can be written in its place (the next report redraws it). */
  clear(): void;
}

/** How often progress is reported, in lines. */
export const PROGRESS_EVERY = 100_000;

/**
 * Reports `label: N lines read` on stderr every `every` lines, and only when stderr is a terminal: a log file
 * or a pipe gets the messages and the summary, never a carriage-return animation.
 *
 * @example
 * const progress = createProgress(process.stderr, 'check');
 * for await (const line of lines) progress.tick(); // stderr (a TTY): "check: 100,000 lines read" …
 * progress.clear();
 */
export function createProgress(stderr: Io['stderr'], label: string, every = PROGRESS_EVERY): Progress {
  if (!stderr.isTTY) return { tick() {}, clear() {} };
  let lines = 0;
  let shown = false;
  return {
    tick() {
      lines++;
      if (lines % every !== 0) return;
      stderr.write(`\r\x1b[K${label}: ${lines.toLocaleString('en-US')} lines read`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
