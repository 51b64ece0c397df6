/**
 * The `check` command: one request decided for every record of an NDJSON stream.
 *
 * @module
 */
import {
  ACTIONS,
  ACTORS,
  createPolicy,
  type Decision,
  type DecisionRequest,
  PARTIES,
  PolicyInputError,
} from 'm2m-data-policy';
import { oneOf, parseCommandArgs, singleInput, UsageError } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { formatJst, instantOption } from '../instant.js';
import { type Io, LineWriter } from '../io.js';
import {
  issueLines,
  LOCALE_OPTIONS,
  localeHelp,
  localeOption,
  requireActionFields,
  requireTermsInForce,
  VOCABULARY,
  wrapWords,
} from '../requestOptions.js';
import { maxLineBytesOption, recordSource } from '../source.js';
import type { Command } from './command.js';

const list = (words: readonly string[], lead = '') => wrapWords(words, 26, lead);

const HELP = `Usage: m2m-data-policy check [file | -] --action <action> [options]

Decides one request for every record of an NDJSON file (or stdin) and writes one NDJSON
decision per record to stdout, in input order:

  {"line":1,"id":"…","effect":"permit","terms":"2020-12-01",
   "basis":["規約(2020-12-01)第13条第3項第1号イ"],
   "reasons":["use-for-service-analysis"],"obligations":["use-within-purpose"]}

basis holds citation labels, in the language of --locale ("Terms (2020-12-01) Art. 13(3)(1)イ"
with --locale en); reasons and obligations hold their codes. dueAt (JST) is added when an
obligation falls due (deletion when the holding period ends, for retain). The record's payload
is never written.

Input is one record per line, UTF-8 (timestamps need an offset); no file, or '-', reads stdin.
Lines end in LF or CRLF; blank lines are skipped. A malformed line is reported on stderr with
its line number and what is wrong, never its content: longer than --max-line-bytes (dropped
unread), not UTF-8 (the byte), not JSON (the character and why), or refused by the record
parser (its issues: path, message, code). It gets no output line and is counted in the
summary; the run goes on and exits with 2 at the end.

Options:
  --action <action>       ${list(VOCABULARY.actions, 'required; ')}
  --actor <actor>         ${list(VOCABULARY.actors)} (default: provider)
  --purpose <purpose>     ${list(VOCABULARY.purposes, 'required for use; ')}
  --recipient <party>     required for disclose, transfer, license, sublicense;
                          ${list(VOCABULARY.parties)}
  --at <instant>          the instant decided at, ISO-8601 with an offset,
                          e.g. 2021-06-01T10:00:00+09:00 (default: the time the run starts,
                          the same for every record)
  --justification <text>  the provider's recorded determination, needed for purpose incidental
${localeHelp(26, 'the basis labels')}
  --fail-on-deny          exit with 1 if any request is denied
  --max-line-bytes <n>    the longest line read, in bytes (default: 1048576, 1 MiB)
  -h, --help              show this help

A one-line summary (records decided, permits, denies, malformed lines) goes to stderr. When
stderr is a terminal, progress is shown there every 100,000 lines.

Exit codes: 0 done; 1 a request was denied (only with --fail-on-deny); 2 bad arguments or
malformed input (malformed input wins over a deny); 70 an internal error, or output that could
not be written.

Example:
  m2m-data-policy check examples/data/sample-records.ndjson \\
    --action use --purpose service-analysis --at 2021-06-01T10:00:00+09:00
`;

const OPTIONS = {
  action: { type: 'string' },
  actor: { type: 'string' },
  purpose: { type: 'string' },
  recipient: { type: 'string' },
  at: { type: 'string' },
  justification: { type: 'string' },
  ...LOCALE_OPTIONS,
  'fail-on-deny': { type: 'boolean' },
  'max-line-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The NDJSON line written for a decision: what was decided and why, nothing of the record but its id. `dueAt`
 * (only when an obligation falls due, as deletion at the end of the holding period does) is the earliest.
 */
function decisionLine(line: number, id: string, d: Decision): string {
  let due: Date | undefined;
  for (const { dueAt } of d.obligations) if (dueAt && (due === undefined || dueAt < due)) due = dueAt;
  return JSON.stringify({
    line,
    id,
    effect: d.effect,
    terms: d.terms,
    basis: d.basis.map((c) => c.label),
    reasons: d.reasons.map((r) => r.code),
    obligations: d.obligations.map((o) => o.code),
    ...(due && { dueAt: formatJst(due) }),
  });
}

/**
 * `check`: one request shape decided for every record of an NDJSON stream, one NDJSON decision per record.
 *
 * @example
 * // m2m-data-policy check examples/data/sample-records.ndjson --action use --purpose marketing --at 2021-06-01T10:00:00+09:00
 * //=> {"line":1,"id":"kanto-sub-07/leak/2021-03-15T10:00","effect":"deny",…}
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'decide one request for every record of an NDJSON file, writing NDJSON decisions',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const path = singleInput(positionals);
    if (values.action === undefined) throw new UsageError('--action is required');
    const action = oneOf('--action', values.action, ACTIONS);
    const actor = oneOf('--actor', values.actor ?? 'provider', ACTORS);
    const recipient =
      values.recipient === undefined ? undefined : oneOf('--recipient', values.recipient, PARTIES);
    if (values.purpose !== undefined && values.purpose.trim() === '') {
      throw new UsageError('--purpose must not be empty');
    }
    requireActionFields(action, { purpose: values.purpose, recipient });
    const at = values.at === undefined ? new Date() : instantOption('--at', values.at);
    requireTermsInForce(at);
    const locale = localeOption(values);
    const maxLineBytes = maxLineBytesOption(values['max-line-bytes']);

    const policy = createPolicy({ actor, locale });
    const request: Omit<DecisionRequest, 'data'> = {
      action,
      actor,
      at,
      purpose: values.purpose,
      recipient,
      justification: values.justification,
    };
    const source = await recordSource(path, io, 'check', { maxLineBytes });
    const out = new LineWriter(io.stdout);
    let permits = 0;
    let denies = 0;
    for await (const { line, record } of source.records) {
      let decision: Decision;
      try {
        decision = policy.decide({ ...request, data: record });
      } catch (error) {
        // Records arrive parsed, so whatever the library refuses here is the request the options built.
        if (error instanceof PolicyInputError) throw new UsageError(issueLines(error).join('; '));
        throw error;
      }
      if (decision.allowed) permits++;
      else denies++;
      const pending = out.write(decisionLine(line, record.id, decision));
      if (pending) await pending;
    }
    await out.flush();
    source.finish();
    const malformed = source.malformed();
    io.stderr.write(
      `check: ${plural(permits + denies, 'record')} decided (${permits} permit, ${denies} deny), ` +
        `${plural(malformed, 'malformed line')}\n`,
    );
    if (malformed > 0) return EXIT.usage;
    return values['fail-on-deny'] && denies > 0 ? EXIT.denied : EXIT.ok;
  },
};
