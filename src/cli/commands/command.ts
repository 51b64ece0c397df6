/**
 * The shape every subcommand has.
 *
 * @module
 */
import type { ExitCode } from '../exitCodes.js';
import type { Io } from '../io.js';

/**
 * A subcommand: its name, a one-line summary for the tool's help, its own `--help` text, and what it runs.
 *
 * @example
 * await periodCommand.run(['2021-03-15T10:00:00+09:00', '--years', '1'], io) //=> 0
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<ExitCode>;
}
