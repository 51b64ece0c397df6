import type { Action, Actor, ConsentForm, LegalBasis, Party, Purpose } from '../model/vocabulary.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';

/**
 * The service contract a request is made under. `terminatedAt` starts the survival period of 32(5).
 *
 * @example
 * const contract: ContractInput = { id: 'C-2019-0042', formedAt: '2019-04-01T00:00:00+09:00' };
 * decide({ action: 'process', data: reading, contract, at: '2021-06-01T10:00:00+09:00' }).effect //=> 'permit'
 */
export interface ContractInput {
  readonly id: string;
  readonly formedAt: Date | string;
  readonly terminatedAt?: Date | string | undefined;
}

/**
 * Consent on file: who gave it, in what form, and when.
 *
 * @example
 * const personal = parseRecord({
 *   kind: 'derived', id: 'd-7', sources: ['m-1'], processedBy: 'provider',
 *   processedAt: '2021-04-01T00:00:00+09:00', personalData: 'possible',
 * });
 * const consent: ConsentInput = { from: 'data-subject', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' };
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'disclose', data: personal, recipient: 'third-party', consent, at }).reasons[0]?.code
 * //=> 'personal-data-with-consent'
 */
export interface ConsentInput {
  readonly from: Party;
  readonly form: ConsentForm;
  readonly grantedAt: Date | string;
}

/**
 * A question for the policy: may `actor` do `action` with `data`, now or at `at`?
 *
 * The request is read once, by ordinary property access, into an immutable snapshot that alone decides: getters
 * are called once, Dates are read by their internal time value, and a value inherited from `Object.prototype`
 * counts as absent.
 *
 * @example
 * const request: DecisionRequest = {
 *   action: 'disclose', data: reading, actor: 'provider', recipient: 'subcontractor', purpose: 'incident-response',
 *   at: new Date('2021-06-01T10:00:00+09:00'),
 * };
 * decide(request).effect //=> 'permit'
 */
export interface DecisionRequest {
  readonly action: Action;
  readonly data: DataRecord | DataRecordInput;
  /** Who acts; the policy's `actor` when omitted. */
  readonly actor?: Actor | undefined;
  /** Required for `use`; a contract purpose or any other non-empty string. */
  readonly purpose?: Purpose | undefined;
  /** Required for `disclose`, `transfer`, `license` and `sublicense`. */
  readonly recipient?: Party | undefined;
  /** The decision's instant; the policy's clock when omitted. Strings need an offset. */
  readonly at?: Date | string | undefined;
  readonly contract?: ContractInput | undefined;
  /** Consent on file: one, or several from different parties. */
  readonly consent?: ConsentInput | readonly ConsentInput[] | undefined;
  /** The provider's recorded determination, required for purpose 13(3)(1)ハ. */
  readonly justification?: string | undefined;
  readonly legalBasis?: LegalBasis | undefined;
  readonly priorNoticeImpossible?: boolean | undefined;
}

/**
 * A consent as the snapshot holds it: the instant as epoch milliseconds.
 *
 * @example
 * const consent: ConsentSnapshot = { from: 'provider', form: 'written', grantedAtMs: Date.parse('2021-01-05T00:00:00+09:00') };
 */
export interface ConsentSnapshot {
  readonly from: Party;
  readonly form: ConsentForm;
  readonly grantedAtMs: number;
}

/**
 * A contract as the snapshot holds it: instants as epoch milliseconds.
 *
 * @example
 * const contract: ContractSnapshot = { id: 'C-1', formedAtMs: Date.parse('2019-04-01T00:00:00+09:00'), terminatedAtMs: undefined };
 */
export interface ContractSnapshot {
  readonly id: string;
  readonly formedAtMs: number;
  readonly terminatedAtMs: number | undefined;
}

/**
 * A request after it was read and validated: every field present (absent ones `undefined`), the actor and the
 * instant resolved, instants as epoch milliseconds, the record parsed and frozen. The decision depends on this
 * alone; a rule's `when` receives it.
 *
 * @example
 * const justified = (request: RequestSnapshot): boolean => /\S/.test(request.justification ?? '');
 */
export interface RequestSnapshot<R extends DataRecord = DataRecord> {
  readonly action: Action;
  readonly data: R;
  readonly actor: Actor;
  readonly purpose: Purpose | undefined;
  readonly recipient: Party | undefined;
  /** The decision's instant. */
  readonly atMs: number;
  readonly contract: ContractSnapshot | undefined;
  readonly consents: readonly ConsentSnapshot[];
  readonly justification: string | undefined;
  readonly legalBasis: LegalBasis | undefined;
  readonly priorNoticeImpossible: boolean;
}

/**
 * The snapshot a rule condition sees (the earlier name of {@link RequestSnapshot}).
 *
 * @example
 * const personal = (request: ValidRequest): boolean => request.data.kind === 'derived' && request.data.personalData !== 'none';
 */
export type ValidRequest<R extends DataRecord = DataRecord> = RequestSnapshot<R>;
