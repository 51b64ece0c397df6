/**
 * The `m2m-data-policy` executable: runs the command line on the process's arguments and streams. Built by tsup
 * into `dist/cli.js` (with its shebang), importing the library by its package name.
 *
 * @example
 * // $ m2m-data-policy period 2021-03-15T10:00:00+09:00 --years 1
 * //=> first day  2021-03-16 …
 * @module
 */
import { EXIT } from './exitCodes.js';
import { run } from './run.js';

/**
 * Output that cannot be written (a full disk, stderr closed by its reader) ends the run with 70 — not Node's 1 for
 * an uncaught error, which a script using --fail-on-deny reads as "denied" — after saying so on stderr if it can.
 */
function outputFailed(stream: 'stdout' | 'stderr', error: NodeJS.ErrnoException): never {
  // The message is written if stderr takes it; the exit code says the same either way.
  if (stream === 'stdout')
    process.stderr.write(`m2m-data-policy: cannot write to stdout: ${error.message}\n`);
  process.exit(EXIT.internal);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that stops early (`… | head`) closes the pipe: stop quietly, as other tools do.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  outputFailed('stdout', error);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => outputFailed('stderr', error));

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // Not Node's default 1 for an uncaught error: to a script using --fail-on-deny, 1 means "denied".
  process.stderr.write(
    `m2m-data-policy: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = EXIT.internal;
}
