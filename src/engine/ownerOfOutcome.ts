import { z } from 'zod';
import { PolicyInputError } from '../errors.js';
import type { EngineReasonCode, Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/messages.js';
import { APPI_RENUMBERED_AT_MS } from '../internal/appi.js';
import { toPolicyIssues } from '../internal/issues.js';
import { termsArticle } from '../model/citation.js';
import type { Citation, Reason, TermsVersionId } from '../model/decision.js';
import { PARTIES, type Party } from '../model/vocabulary.js';
import { type DataRecordInput, dataRecord } from '../records/dataRecord.js';
import { timestamp } from '../records/timestamp.js';
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

const querySchema = z.object({
  outcome: z.enum(['know-how', 'ai-model', 'invention', 'other-technical-result']),
  producedBy: z.enum(PARTIES),
  from: z.array(dataRecord).min(1, { message: 'An outcome is made from at least one record' }),
  at: timestamp.optional(),
});

const FROM_DATA: ReadonlySet<string> = new Set(['measurement', 'derived']);

/** 30(3) over a policy's terms versions; see {@link Policy.ownerOfOutcome}. */
export function ownerOfOutcomeUnder(
  query: OutcomeQuery,
  core: DecisionCore,
  locale: Locale,
  nowMs: () => number,
): OutcomeOwnership {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw new PolicyInputError(toPolicyIssues(parsed.error.issues), 'outcome query');
  const { producedBy, from } = parsed.data;
  const at = parsed.data.at ?? new Date(nowMs());
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
