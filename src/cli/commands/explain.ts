/**
 * The `explain` command: one request, given as JSON, decided and explained.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
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
import { issueLines, langOption, VOCABULARY, wrapWords } from '../requestOptions.js';
import type { Command } from './command.js';

const list = (words: readonly string[]) => wrapWords(words, 13);

const HELP = `Usage: m2m-data-policy explain <request> [--lang ja|en] [--fail-on-deny]

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
  --lang <ja|en>  language of the explanation (default: ja)
  --fail-on-deny  exit with 1 if the request is denied
  -h, --help      show this help

Exit codes: 0 decided; 1 denied (only with --fail-on-deny); 2 bad arguments or a malformed
request; 70 an internal error, or output that could not be written.

Example:
  m2m-data-policy explain --lang en '{"action":"license","recipient":"third-party",
    "at":"2021-06-01T10:00:00+09:00","data":{"kind":"measurement","id":"m-1","contractId":"C-1",
    "metric":"leakage-current","personalData":"none","measuredAt":"2021-03-15T09:59:30+09:00",
    "receivedAt":"2021-03-15T10:00:00+09:00"}}'
`;

const OPTIONS = {
  lang: { type: 'string' },
  'fail-on-deny': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function readAll(stream: Io['stdin']): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}

/** The request's JSON text, by the convention the help states: inline, stdin, or a file. */
async function requestText(argument: string | undefined, io: Io): Promise<{ text: string; from: string }> {
  if (argument?.trimStart().startsWith('{')) return { text: argument, from: 'argument' };
  if (argument === undefined || argument === '-') {
    if (argument === undefined && io.stdin.isTTY) {
      throw new UsageError("no request: give it as JSON, as a file path, or on stdin with '-'");
    }
    return { text: await readAll(io.stdin), from: 'stdin' };
  }
  try {
    return { text: await readFile(argument, 'utf8'), from: `'${argument}'` };
  } catch (error) {
    throw new InputError(
      `cannot read '${argument}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * `explain`: decides one request given as JSON and prints `explain(decision, lang)`.
 *
 * @example
 * // m2m-data-policy explain request.json --lang en
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
    const lang = langOption(values.lang, 'ja');
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
    const policy = createPolicy({ locale: lang });
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
    io.stdout.write(`${policy.explain(decision, lang)}\n`);
    return values['fail-on-deny'] && !decision.allowed ? EXIT.denied : EXIT.ok;
  },
};
