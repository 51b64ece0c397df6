import type { ObligationCode, ReasonCode } from '../model/codes.js';
import type { ValidRequest } from '../engine/request.js';
import type { Action, Actor, Effect, Party, Purpose } from '../model/vocabulary.js';
import type { DataKind, RecordOf } from '../records/dataRecord.js';
import type { CitationSpec } from '../model/citation.js';

/**
 * What a policy adds to every request, from its options.
 *
 * @example
 * // what `createPolicy({ privacyPolicyPurposes: ['service-provision'] })` gives its rules
 * const env: RuleEnvironment = { privacyPolicyPurposes: new Set(['service-provision']) };
 * env.privacyPolicyPurposes.has('marketing') //=> false
 */
export interface RuleEnvironment {
  /** The purposes the corporate privacy policy states for user information (31(1)). */
  readonly privacyPolicyPurposes: ReadonlySet<string>;
}

/**
 * A duty a rule attaches to its permit; `dueAt`, where given, is computed per request.
 *
 * @example
 * const duty: ObligationSpec = { code: 'use-within-purpose', basis: termsArticle(13, 3, 1) };
 * // on a permit under the 2020-12-01 terms, its citation reads:
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'use', data: reading, purpose: 'service-analysis', at }).obligations[0]?.basis.label
 * //=> '規約(2020-12-01)第13条第3項第1号'
 */
export interface ObligationSpec<K extends DataKind = DataKind> {
  readonly code: ObligationCode;
  readonly basis: CitationSpec;
  /** When the duty falls due for a request; `undefined` leaves it undated (for example an open-ended extension). */
  readonly dueAt?: (request: ValidRequest<RecordOf<K>>, at: Date, env: RuleEnvironment) => Date | undefined;
}

/**
 * One rule of a terms version: which requests it answers (kinds, actors, actions, and optionally purposes,
 * recipients and a condition), and the answer (effect, reason, citations, obligations). Within a terms version,
 * the first rule that matches a request decides it; a request no rule matches is denied.
 *
 * `when` must return `true` only on positive evidence: every date comparison in it is written so that an invalid
 * date (NaN) makes it false.
 *
 * @example
 * const rule: Rule = defineRule({
 *   id: '13-3-4/provider/raw-data', kinds: ['measurement'], actors: ['provider'],
 *   actions: ['disclose', 'transfer', 'license', 'sublicense'], effect: 'deny',
 *   reason: 'raw-measurement-data-may-not-leave', basis: [termsArticle(13, 3, 4)],
 * });
 * rule.basis[0] //=> { source: 'terms', article: 13, paragraph: 3, item: 4 }
 */
export interface Rule<K extends DataKind = DataKind> {
  /** Stable within its terms version, e.g. `13-3-1-i/provider`. */
  readonly id: string;
  readonly kinds: readonly K[];
  readonly actors: readonly Actor[];
  readonly actions: readonly Action[];
  /** Matches only these purposes (a request without a purpose does not match). */
  readonly purposes?: readonly Purpose[];
  /** Matches only these recipients (a request without a recipient does not match). */
  readonly recipients?: readonly Party[];
  /** A further condition on the request; true only on positive evidence. */
  readonly when?: (request: ValidRequest<RecordOf<K>>, at: Date, env: RuleEnvironment) => boolean;
  readonly effect: Effect;
  readonly reason: ReasonCode;
  /** The articles the answer rests on; never empty. */
  readonly basis: readonly [CitationSpec, ...CitationSpec[]];
  readonly obligations?: readonly ObligationSpec<K>[];
}

/**
 * Declares a rule with its kinds' record type flowing into `when` and `dueAt`.
 *
 * @example
 * defineRule({
 *   id: '13-3-3', kinds: ['measurement'], actors: ['provider'], actions: ['process'],
 *   effect: 'permit', reason: 'processing-granted', basis: [termsArticle(13, 3, 3)],
 * }).effect //=> 'permit'
 */
export function defineRule<K extends DataKind>(rule: Rule<K>): Rule {
  return Object.freeze(rule) as unknown as Rule;
}
