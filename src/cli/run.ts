/**
 * The dispatcher: the tool's help and version, the choice of command, and errors turned into exit codes.
 *
 * @module
 */
import { version } from '../../package.json';
import { UsageError } from './args.js';
import { checkCommand } from './commands/check.js';
import type { Command } from './commands/command.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { periodCommand } from './commands/period.js';
import { reportCommand } from './commands/report.js';
import { retentionCommand } from './commands/retention.js';
import { tableCommand } from './commands/table.js';
import { EXIT, type ExitCode } from './exitCodes.js';
import { InputError } from './input.js';
import type { Io } from './io.js';

const COMMANDS: readonly Command[] = [
  checkCommand,
  retentionCommand,
  explainCommand,
  periodCommand,
  tableCommand,
  diffCommand,
  reportCommand,
];

const HELP = `Usage: m2m-data-policy <command> [options]

Decisions under the M2M Sensor Net Service terms (M2Mセンサネットサービス規約) from the command line.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'm2m-data-policy <command> --help' (or 'm2m-data-policy help <command>') for a command's options.

Options:
  -h, --help     show this help
  -v, --version  print the version

Records are NDJSON: one JSON record per line, timestamps ISO-8601 with an offset.

Language: what check, explain, table, diff and report write (citation labels, explanations,
headings, effects) is Japanese by default, as the library's createPolicy is; --locale en gives
English (--lang is an alias of --locale; given both, they must agree). Codes, ids and instants
are the same in both. The tool's own messages (usage errors, malformed lines, the summaries on
stderr) are always English, as are the words of retention and period, which take no --locale.

table, diff and report analyse the shipped terms versions: table and diff write Markdown, CSV,
JSON or HTML (--format, default md) to stdout or --out; report writes one self-contained HTML
page, with a retention forecast when given records.

Lines longer than --max-line-bytes (default 1048576, 1 MiB), lines that are not UTF-8 or not
JSON, and records the parser refuses are malformed: each is reported on stderr with its line
number and what is wrong, never its content, and the run goes on.

Exit codes: 0 done; 1 a request was denied (only with --fail-on-deny); 2 bad arguments or
malformed input; 70 an internal error (a bug: please report it), or output that could not be
written (a full disk, a closed stderr).
`;

/**
 * Runs the command line on `argv` (the arguments after the program name) with the given streams and returns
 * the exit code. Argument and input errors are written to stderr here, as `m2m-data-policy <command>: …`.
 *
 * @example
 * await run(['period', '2021-03-15T10:00:00+09:00', '--years', '1'], io) //=> 0
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  if (first === undefined) {
    io.stderr.write(HELP);
    return EXIT.usage;
  }
  if (first === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] === undefined || topic) {
      io.stdout.write(topic?.help ?? HELP);
      return EXIT.ok;
    }
  }
  const command = COMMANDS.find((c) => c.name === first);
  const name = command ? `m2m-data-policy ${command.name}` : 'm2m-data-policy';
  try {
    if (!command) {
      const what = first === 'help' ? `no command '${rest[0]}'` : `unknown command '${first}'`;
      throw new UsageError(`${what}; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${name}: ${error.message}\nRun '${name} --help' for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
