import { z } from 'zod';
import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { toPolicyIssues } from '../internal/issues.js';
import { isParsed } from '../internal/trusted.js';
import type { Decision } from '../model/decision.js';
import { type ConsentForm, PARTIES, type Party } from '../model/vocabulary.js';
import { nonBlank } from '../records/fields.js';
import type { MeasurementRecord } from '../records/measurement.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { timestamp } from '../records/timestamp.js';
import type { ConsentInput, DecisionRequest } from '../request/types.js';
import type { DecisionCore } from './decide.js';

/**
 * A consent the provider has on file for a contract.
 *
 * @example
 * const consent: ConsentOnFile = {
 *   contractId: 'C-2019-0042', from: 'provider', form: 'written', grantedAt: '2021-01-05T09:00:00+09:00',
 * };
 * // A door camera's image (`personalData: 'possible'`) passes 31(2) only with the provider's written consent.
 * admitTransmissions([camera], { consents: [consent], at: '2021-05-20T02:20:01+09:00' }).accepted.length
 * //=> 1
 */
export interface ConsentOnFile extends ConsentInput {
  readonly contractId: string;
}

/**
 * How a batch is admitted: the instant of receipt (default the policy's clock) and the consents on file.
 *
 * @example
 * const options: AdmitOptions = { at: new Date(), consents: [{ contractId: 'C-1', from: 'provider', form: 'written', grantedAt: new Date('2021-01-05T00:00:00+09:00') }] };
 */
export interface AdmitOptions {
  readonly at?: Date | string | undefined;
  readonly consents?: readonly ConsentOnFile[] | undefined;
}

/**
 * Why a record of a batch was refused.
 *
 * @example
 * const trend = {
 *   kind: 'derived', id: 'trend-2021-Q1', sources: ['m-1'], processedBy: 'provider',
 *   processedAt: '2021-04-02T09:00:00+09:00',
 * };
 * const refused: Refusal[] = admitTransmissions([reading, trend]).refused;
 * refused //=> [{ index: 1, id: 'trend-2021-Q1', reason: 'not-measurement-data' }]
 */
export type Refusal =
  | {
      readonly index: number;
      readonly id?: string;
      readonly reason: 'malformed';
      readonly issues: readonly PolicyIssue[];
    }
  | { readonly index: number; readonly id: string; readonly reason: 'not-measurement-data' }
  | {
      readonly index: number;
      readonly id: string;
      readonly reason: 'transmission-refused';
      readonly decision: Decision;
    };

/**
 * The outcome of admitting a batch: every record is either accepted, parsed and whole, or refused with why;
 * `accepted.length + refused.length` is always the batch's length.
 *
 * @example
 * const { accepted, refused } = policy.admitTransmissions(batch, { consents });
 */
export interface Admission {
  readonly accepted: MeasurementRecord[];
  readonly refused: Refusal[];
}

const optionsSchema = z.object({
  at: timestamp.optional(),
  consents: z
    .array(
      z.object({
        contractId: nonBlank,
        from: z.enum(PARTIES),
        form: z.enum(['written', 'electronic', 'oral']),
        grantedAt: timestamp,
      }),
    )
    .optional(),
});

interface ValidConsent {
  readonly from: Party;
  readonly form: ConsentForm;
  readonly grantedAt: Date;
}

type Wanted = { readonly from: Party; readonly form: ConsentForm } | undefined;

/** How well a consent on file answers what the version's gate asks for (its party, its form, given in time). */
const rank = (c: ValidConsent, atMs: number, wanted: Wanted): number =>
  (c.from === wanted?.from ? 4 : 0) +
  (c.form === wanted?.form ? 2 : 0) +
  (c.grantedAt.getTime() <= atMs ? 1 : 0);

function strongest(
  candidates: readonly ValidConsent[] | undefined,
  atMs: number,
  wanted: Wanted,
): ValidConsent | undefined {
  let best: ValidConsent | undefined;
  for (const c of candidates ?? [])
    if (best === undefined || rank(c, atMs, wanted) > rank(best, atMs, wanted)) best = c;
  return best;
}

/** The 31(2) gate in front of a receiver; see {@link Policy.admitTransmissions}. */
export function admitWith(
  decide: (request: DecisionRequest) => Decision,
  core: DecisionCore,
  batch: Iterable<unknown>,
  options: AdmitOptions,
  nowMs: () => number,
): Admission {
  // The options are checked before any record is looked at: a bad consent on file fails the call as a whole,
  // rather than part-way through a batch.
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) throw new PolicyInputError(toPolicyIssues(checked.error.issues), 'admission options');
  const at = checked.data.at ?? new Date(nowMs());
  // The version in force at receipt says which consent its gate asks for (31(2): the provider's, in writing).
  const wanted = core.inForce(at.getTime()).version.transmissionConsent;
  const consents = new Map<string, ValidConsent[]>();
  for (const { contractId, ...consent } of checked.data.consents ?? []) {
    consents.set(contractId, [...(consents.get(contractId) ?? []), consent]);
  }
  const result: Admission = { accepted: [], refused: [] };
  let index = -1;
  for (const input of batch) {
    index++;
    const parsed = isParsed(input) ? { success: true as const, data: input } : safeParseRecord(input);
    if (!parsed.success) {
      const id = (input as { id?: unknown } | null)?.id;
      result.refused.push({
        index,
        ...(typeof id === 'string' && { id }),
        reason: 'malformed',
        issues: parsed.issues,
      });
      continue;
    }
    const record = parsed.data;
    if (record.kind !== 'measurement') {
      result.refused.push({ index, id: record.id, reason: 'not-measurement-data' });
      continue;
    }
    // One decision per record, so the audit log holds one entry each: it is made with the consent on file for the
    // contract that best answers the gate — the provider's, in writing, given by the instant of receipt.
    const consent = strongest(consents.get(record.contractId), at.getTime(), wanted);
    const decision = decide({ action: 'transmit', actor: 'user', data: record, at, consent });
    if (decision.allowed) result.accepted.push(record);
    else result.refused.push({ index, id: record.id, reason: 'transmission-refused', decision });
  }
  return result;
}
