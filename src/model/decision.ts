import type { ObligationCode, ReasonCode } from './codes.js';
import type { Effect } from './vocabulary.js';

/**
 * A terms version's id: its effective date, e.g. `2020-12-01`.
 *
 * @example
 * const id: TermsVersionId = decide({ action: 'process', data: reading, at: '2021-06-01T10:00:00+09:00' }).terms;
 * id //=> '2020-12-01'
 */
export type TermsVersionId = '2017-04-01' | '2020-12-01' | (string & {});

/**
 * Subitems of 13(3)(1) (and old 13(1)): イ analysis, ロ incidents, ハ incidental matters.
 *
 * @example
 * const at = '2021-06-01T10:00:00+09:00';
 * const subitem: Subitem | undefined = decide({ action: 'use', data: reading, purpose: 'incident-response', at })
 *   .basis[0]?.subitem;
 * subitem //=> 'ロ'
 */
export type Subitem = 'イ' | 'ロ' | 'ハ';

/**
 * Where a decision comes from: an article of the terms (with the version), of the Act on the Protection of
 * Personal Information (APPI, numbered as in force at the decision's time), of the Civil Code, or the service
 * contract itself. `label` is a readable form in the policy's locale.
 *
 * @example
 * const c: Citation = { source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3, item: 1, subitem: 'イ',
 *   label: '規約(2020-12-01)第13条第3項第1号イ' };
 */
export interface Citation {
  readonly source: 'terms' | 'appi' | 'civil-code' | 'contract';
  readonly terms?: TermsVersionId;
  readonly article?: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly subitem?: Subitem;
  readonly label: string;
}

/**
 * Why a decision came out as it did: a stable `code` and a message in the policy's locale.
 *
 * @example
 * const r: Reason = { code: 'raw-measurement-data-may-not-leave', message: '…' };
 */
export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
}

/**
 * A duty that comes with a permit, with the article it rests on and, where it has one, when it falls due.
 *
 * @example
 * const o: Obligation = { code: 'use-within-purpose', basis: citation, message: '…' };
 */
export interface Obligation {
  readonly code: ObligationCode;
  readonly basis: Citation;
  readonly dueAt?: Date;
  readonly message: string;
}

/**
 * The answer to a request: the effect, the terms version that decided, the instant, the articles it rests on
 * (never empty), the reasons, and the obligations a permit carries (always empty on a deny).
 *
 * @example
 * decide({ action: 'use', data: reading, purpose: 'service-analysis', at })
 * //=> { effect: 'permit', rule: '13-3-1-i/provider/use', allowed: true, terms: '2020-12-01',
 * //     at: 2021-06-01T10:00:00+09:00, basis: [{ article: 13, paragraph: 3, item: 1, subitem: 'イ', … }],
 * //     reasons: [{ code: 'use-for-service-analysis', … }], obligations: [{ code: 'use-within-purpose', … }] }
 */
export interface Decision {
  readonly effect: Effect;
  /** The id of the rule that decided (`default-deny` when none matched). */
  readonly rule: string;
  readonly allowed: boolean;
  readonly terms: TermsVersionId;
  readonly at: Date;
  readonly basis: readonly Citation[];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
}
