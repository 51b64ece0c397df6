import type { ConsentForm, LegalBasis, Party } from '../model/vocabulary.js';

/**
 * Whose consent a condition asks for: a party, `discloser` (the party that disclosed the confidential information,
 * i.e. the receiving party's counterparty), or `person` (the person the data is about: the data subject, or the
 * user itself when the user information is about the user).
 *
 * @example
 * const who: ConsentFrom = 'discloser';
 */
export type ConsentFrom = Party | 'discloser' | 'person';

/**
 * The state of measurement data under the version's holding period (13(4)) at the decision's instant.
 *
 * @example
 * const state: HoldingState = 'extended';
 */
export type HoldingState = 'within-period' | 'extended' | 'expired';

/**
 * A rule's condition as data, so a version can be analysed, tabulated and diffed, not only evaluated. Each is true
 * only on positive evidence; `all`, `any` and `not` combine them.
 *
 * - `justified`: the request carries a justification with visible text (13(3)(1)ハ's recorded determination).
 * - `personalData`: the record's personal-data status is one of these (kinds without one count as `none`).
 * - `consent`: consent from that party, in one of `forms` (default any), granted at or before the instant.
 * - `legalBasis`: the request names one of these legal grounds.
 * - `priorNoticeImpossible`: the request says notice before the disclosure is impossible.
 * - `privacyPolicyPurpose`: the purpose is one the policy's `privacyPolicyPurposes` lists (31(1)).
 * - `recipient`: the recipient is the record's discloser, or the person the data is about.
 * - `designated`: confidential information designated beforehand, scoped and marked (2(2)(6)).
 * - `exception`: the confidential record names this exception of 32(1)(1)-(4).
 * - `disclosedBy`: the confidential record was disclosed by the acting party (`actor`) or by this party.
 * - `survivalEnded`: the version's survival period after the contract ended (32(5)) has run.
 * - `holding`: measurement data is in this state under the version's holding period.
 * - `subject`: user information about one of these (the user itself, or its officers, employees, other staff).
 * - `contractEnded`: the request's contract has ended at the instant (`terminatedAt` at or before it).
 * - `otherContract`: a measurement record of another contract than the request's (`contractId` is not `contract.id`):
 *   another customer's data. False without a contract in the request.
 *
 * @example
 * const condition: Condition = { all: [{ personalData: ['possible', 'yes'] }, { consent: { from: 'data-subject' } }] };
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly justified: true }
  | { readonly personalData: readonly ('none' | 'possible' | 'yes')[] }
  | { readonly consent: { readonly from: ConsentFrom; readonly forms?: readonly ConsentForm[] } }
  | { readonly legalBasis: readonly LegalBasis[] }
  | { readonly priorNoticeImpossible: true }
  | { readonly privacyPolicyPurpose: true }
  | { readonly recipient: 'discloser' | 'person' }
  | { readonly designated: true }
  | {
      readonly exception: 'already-held' | 'obtained-from-third-party' | 'independently-developed' | 'public';
    }
  | { readonly disclosedBy: 'actor' | 'user' | 'provider' }
  | { readonly survivalEnded: true }
  | { readonly holding: HoldingState }
  | { readonly subject: readonly ('user' | 'officer' | 'employee' | 'other-staff')[] }
  | { readonly contractEnded: true }
  | { readonly otherContract: true };

/** Every key a condition record can have; exactly one per record. */
export const CONDITION_KEYS = [
  'all',
  'any',
  'not',
  'justified',
  'personalData',
  'consent',
  'legalBasis',
  'priorNoticeImpossible',
  'privacyPolicyPurpose',
  'recipient',
  'designated',
  'exception',
  'disclosedBy',
  'survivalEnded',
  'holding',
  'subject',
  'contractEnded',
  'otherContract',
] as const;
