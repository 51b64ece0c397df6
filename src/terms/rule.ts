import type { CitationSpec } from '../model/citation.js';
import type { ObligationCode, ReasonCode } from '../model/codes.js';
import type { Action, Actor, Effect, Party, Purpose } from '../model/vocabulary.js';
import type { DataKind, RecordOf } from '../records/dataRecord.js';
import type { RequestSnapshot } from '../request/types.js';
import type { Condition } from './condition.js';

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
 * A duty a rule attaches to its permit. `due: 'holding-ends'` dates it at the end of the holding the decision
 * permits: the end of the holding period, or of the extension that covers the instant (undated when open-ended).
 *
 * @example
 * const duty: ObligationSpec = { code: 'use-within-purpose', basis: termsArticle(13, 3, 1) };
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'use', data: reading, purpose: 'service-analysis', at }).obligations[0]?.basis.label
 * //=> '規約(2020-12-01)第13条第3項第1号'
 */
export interface ObligationSpec {
  readonly code: ObligationCode;
  readonly basis: CitationSpec;
  readonly due?: 'holding-ends' | undefined;
}

/**
 * One rule of a terms version: which requests it answers (kinds, actors, actions, and optionally purposes,
 * recipients and a condition), and the answer (effect, reason, citations, obligations). Within a version the
 * first rule that matches a request decides it; a request no rule matches is denied (`default-deny`).
 *
 * `condition` is data, so the version can be tabulated and analysed; `when` is a closure for what no condition
 * record can say, true only on positive evidence. A rule with both needs both.
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
  /** Stable within its terms version, e.g. `13-3-1-i/provider/use`. */
  readonly id: string;
  readonly kinds: readonly K[];
  readonly actors: readonly Actor[];
  readonly actions: readonly Action[];
  /** Matches only these purposes (a request without a purpose does not match). */
  readonly purposes?: readonly Purpose[] | undefined;
  /** Matches only these recipients (a request without a recipient does not match). */
  readonly recipients?: readonly Party[] | undefined;
  /** A further condition, as data. */
  readonly condition?: Condition | undefined;
  /** A further condition no record expresses; true only on positive evidence. */
  readonly when?: ((request: RequestSnapshot<RecordOf<K>>, env: RuleEnvironment) => boolean) | undefined;
  readonly effect: Effect;
  readonly reason: ReasonCode;
  /** The articles the answer rests on; never empty. */
  readonly basis: readonly [CitationSpec, ...CitationSpec[]];
  readonly obligations?: readonly ObligationSpec[] | undefined;
}

/**
 * Declares a rule with its kinds' record type flowing into `when`; the rule is frozen.
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
