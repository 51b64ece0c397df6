/**
 * The `explain` command: one request, given as JSON, decided and explained.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  createPolicy,
  type Decision,
  type DecisionRequest,
  PolicyInputError,
  TermsNotInForceError,
} from 'm2m-data-policy';
import { parseCommandArgs, singleInput, UsageError } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { InputError } from '../input.js';
import type { Io } from '../io.js';
import { jsonSyntaxError } from '../jsonSyntax.js';
import { DEFAULT_MAX_LINE_BYTES } from '../lineSplitter.js';
import {
  issueLines,
  LOCALE_OPTIONS,
  localeHelp,
  localeOption,
  VOCABULARY,
  wrapWords,
} from '../requestOptions.js';
import { invalidUtf8Offset } from '../utf8.js';
import type { Command } from './command.js';

const list = (words: readonly string[]) => wrapWords(words, 13);

const HELP = `Usage: m2m-data-policy explain <request> [--locale ja|en] [--fail-on-deny]

Decides a single request and prints the explanation: the effect, the terms version, the
articles relied on, the reasons and the obligations.

<request> is a JSON object, given in one of three ways:
  - inline: an argument that starts with '{' is the JSON itself (quote it for the shell);
  - '-', or no argument with input piped in: the JSON is read from stdin;
  - anything else is the path of a file holding the JSON.

The request is the library's DecisionRequest:
  {"action": …, "data": {record}, "actor"?, "purpose"?, "recipient"?, "at"?, "consent"?,
   "contract"?, "justification"?, "legalBasis"?, "priorNoticeImpossible"?}
  action     ${list(VOCABULARY.actions)}
  actor      ${list(VOCABULARY.actors)} (default: provider)
  purpose    ${list(VOCABULARY.purposes)}
  recipient  ${list(VOCABULARY.parties)}
  at         ISO-8601 with an offset (default: now); every timestamp needs an offset
A malformed request is reported on stderr with every problem (path, message, code).

Options:
${localeHelp(20, 'the explanation')}
  --fail-on-deny    exit with 1 if the request is denied
  -h, --help        show this help

Exit codes: 0 decided; 1 denied (only with --fail-on-deny); 2 bad arguments or a malformed
request; 70 an internal error, or output that could not be written.

Example:
  m2m-data-policy explain --locale en '{"action":"license","recipient":"third-party",
    "at":"2021-06-01T10:00:00+09:00","data":{"kind":"measurement","id":"m-1","contractId":"C-1",
    "metric":"leakage-current","personalData":"none","measuredAt":"2021-03-15T09:59:30+09:00",
    "receivedAt":"2021-03-15T10:00:00+09:00"}}'
`;

const OPTIONS = {
  ...LOCALE_OPTIONS,
  'fail-on-deny': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Reads a request's bytes, at most {@link DEFAULT_MAX_LINE_BYTES} (a request is a few hundred bytes), and decodes them
 * strictly: like the NDJSON commands, a longer input or one that is not UTF-8 is refused, never read whole or
 * repaired with U+FFFD.
 */
async function readRequestBytes(stream: Readable, from: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > DEFAULT_MAX_LINE_BYTES) {
      stream.destroy();
      throw new InputError(`the request from ${from} is longer than ${DEFAULT_MAX_LINE_BYTES} bytes`);
    }
    chunks.push(bytes);
  }
  const bytes = Buffer.concat(chunks);
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) throw new InputError(`the request from ${from} is not UTF-8 (byte ${bad + 1})`);
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The request's JSON text, by the convention the help states: inline, stdin, or a file. */
async function requestText(argument: string | undefined, io: Io): Promise<{ text: string; from: string }> {
  if (argument?.trimStart().startsWith('{')) return { text: argument, from: 'argument' };
  if (argument === undefined || argument === '-') {
    if (argument === undefined && io.stdin.isTTY) {
      throw new UsageError("no request: give it as JSON, as a file path, or on stdin with '-'");
    }
    return { text: await readRequestBytes(io.stdin, 'stdin'), from: 'stdin' };
  }
  const from = `'${argument}'`;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(argument, 'r');
  } catch (error) {
    throw new InputError(`cannot read ${from}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return { text: await readRequestBytes(handle.createReadStream(), from), from };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${from}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * `explain`: decides one request given as JSON and prints `explain(decision, locale)`.
 *
 * @example
 * // m2m-data-policy explain request.json --locale en
 * //=> Deny — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST …
 */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'decide one request given as JSON (inline, a file, or stdin) and explain it',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const locale = localeOption(values);
    const { text, from } = await requestText(singleInput(positionals), io);
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // Where and why, not the engine's message: that quotes the request, and a request holds a record.
      const found = jsonSyntaxError(text);
      const where = found ? `: at character ${found.position}: ${found.reason}` : '';
      throw new InputError(`the request from ${from} is not JSON${where}`);
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      throw new InputError(`the request from ${from} must be a JSON object`);
    }
    const policy = createPolicy({ locale });
    let decision: Decision;
    try {
      // The library validates the whole request (PolicyInputError lists every problem), so no shape is assumed here.
      decision = policy.decide(request as DecisionRequest);
    } catch (error) {
      if (error instanceof PolicyInputError) {
        throw new InputError(['invalid request:', ...issueLines(error).map((l) => `  ${l}`)].join('\n'));
      }
      if (error instanceof TermsNotInForceError) throw new InputError(error.message);
      throw error;
    }
    io.stdout.write(`${policy.explain(decision, locale)}\n`);
    return values['fail-on-deny'] && !decision.allowed ? EXIT.denied : EXIT.ok;
  },
};
