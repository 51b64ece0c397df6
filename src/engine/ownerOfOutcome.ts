import { PolicyInputError } from '../errors.js';
import type { EngineReasonCode, Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/messages.js';
import { APPI_RENUMBERED_AT_MS } from '../internal/appi.js';
import { readProperty } from '../internal/property.js';
import { termsArticle } from '../model/citation.js';
import type { Citation, Reason, TermsVersionId } from '../model/decision.js';
import { PARTIES, type Party } from '../model/vocabulary.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';
import { isObject, oneOf, readData, readInstantAt } from '../request/fieldReaders.js';
import { Issues } from '../request/issues.js';
import { citation } from './compile.js';
import type { DecisionCore } from './decide.js';

/**
 * The kinds of result 30(3) names: know-how, AI learning models, inventions, and other technical results.
 *
 * @example
 * const outcome: Outcome = 'ai-model';
 * ownerOfOutcome({ outcome, producedBy: 'provider', from: [reading], at: '2021-06-01T10:00:00+09:00' }).owner
 * //=> 'provider'
 */
export type Outcome = 'know-how' | 'ai-model' | 'invention' | 'other-technical-result';

/**
 * A question for 30(3): who owns a result `producedBy` a party made `from` some records?
 *
 * @example
 * const query: OutcomeQuery = { outcome: 'ai-model', producedBy: 'provider', from: [reading], at: new Date() };
 */
export interface OutcomeQuery {
  readonly outcome: Outcome;
  readonly producedBy: Party;
  readonly from: readonly DataRecordInput[];
  readonly at?: Date | string | undefined;
}

/**
 * The answer: the owning party, or `null` with the reason the terms give none; the terms version that decided and
 * the article it rests on.
 *
 * @example
 * const answer: OutcomeOwnership = { owner: 'provider', terms: '2020-12-01', basis: [citation], reason };
 */
export interface OutcomeOwnership {
  readonly owner: 'user' | 'provider' | null;
  readonly terms: TermsVersionId;
  readonly basis: readonly Citation[];
  readonly reason: Reason;
}

const OUTCOMES: ReadonlySet<unknown> = new Set([
  'know-how',
  'ai-model',
  'invention',
  'other-technical-result',
]);
const PARTY_SET: ReadonlySet<unknown> = new Set(PARTIES);

/** Reads an outcome query once, every problem at once with its path. */
function readQuery(query: unknown) {
  const issues = new Issues();
  if (!isObject(query)) issues.add('invalid-type', 'A query is an object { outcome, producedBy, from, at? }');
  const get = (key: string) => (isObject(query) ? readProperty(query, key) : undefined);
  oneOf<Outcome>(get('outcome'), OUTCOMES, issues, 'outcome');
  const producedBy = oneOf<Party>(get('producedBy'), PARTY_SET, issues, 'producedBy');
  const list = get('from');
  const from: DataRecord[] = [];
  if (!Array.isArray(list) || list.length === 0)
    issues.add('too-small', 'An outcome is made from at least one record', 'from');
  else
    for (let i = 0; i < list.length; i++) {
      const record = readData(readProperty(list, String(i)), issues, ['from', i]);
      if (record !== undefined) from.push(record);
    }
  const at = get('at');
  const atMs = at === undefined ? undefined : readInstantAt(at, issues, 'at');
  if (issues.count > 0 || producedBy === undefined) throw new PolicyInputError(issues.all(), 'outcome query');
  return { producedBy, from, atMs };
}

const FROM_DATA: ReadonlySet<string> = new Set(['measurement', 'derived']);

/** 30(3) over a policy's terms versions; see {@link Policy.ownerOfOutcome}. */
export function ownerOfOutcomeUnder(
  query: OutcomeQuery,
  core: DecisionCore,
  locale: Locale,
  nowMs: () => number,
): OutcomeOwnership {
  const { producedBy, from, atMs } = readQuery(query);
  const at = new Date(atMs ?? nowMs());
  const version = core.inForce(at.getTime()).version;
  const cite = (spec = version.outcomeOwnership ?? termsArticle()) =>
    citation(spec, version, locale, at.getTime() < APPI_RENUMBERED_AT_MS);
  const answer = (owner: OutcomeOwnership['owner'], code: EngineReasonCode): OutcomeOwnership => ({
    owner,
    terms: version.id,
    basis: [cite()],
    reason: { code, message: messagesFor(locale).reasons[code] },
  });
  if (version.outcomeOwnership === undefined) return answer(null, 'no-outcome-rule');
  if (!from.every((r) => FROM_DATA.has(r.kind))) return answer(null, 'outcome-from-other-data');
  if (producedBy !== 'user' && producedBy !== 'provider') return answer(null, 'outcome-producer-not-a-party');
  return answer(producedBy, 'outcome-belongs-to-producer');
}
