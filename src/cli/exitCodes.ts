/**
 * The exit codes every command shares.
 *
 * @module
 */
/**
 * The command line's exit codes: 0 done, 1 a request was denied (only with `--fail-on-deny`), 2 bad arguments
 * or malformed input, 70 an internal error (EX_SOFTWARE of sysexits.h: a bug). Malformed input outranks a deny:
 * a run that could not read everything has not answered.
 *
 * @example
 * process.exitCode = EXIT.usage; //=> 2
 */
export const EXIT = { ok: 0, denied: 1, usage: 2, internal: 70 } as const;

/** One of the exit codes in {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
