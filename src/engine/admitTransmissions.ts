import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { readProperty } from '../internal/property.js';
import type { Decision } from '../model/decision.js';
import type { ConsentForm, Party } from '../model/vocabulary.js';
import type { MeasurementRecord } from '../records/measurement.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { isParsed } from '../records/trusted.js';
import { isObject, readConsent, readInstantAt } from '../request/fieldReaders.js';
import { Issues } from '../request/issues.js';
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
 * [accepted.length, refused.length] //=> [3, 2]
 */
export interface Admission {
  readonly accepted: MeasurementRecord[];
  readonly refused: Refusal[];
}

/** Reads the admission options once: the instant of receipt and the consents on file, every problem at once. */
function readOptions(options: unknown): { atMs: number | undefined; consents: Map<string, ValidConsent[]> } {
  const issues = new Issues();
  const get = (key: string) => (isObject(options) ? readProperty(options, key) : undefined);
  if (options !== undefined && !isObject(options))
    issues.add('invalid-type', 'The options are an object { at?, consents? }');
  const at = get('at');
  const atMs = at === undefined ? undefined : readInstantAt(at, issues, 'at');
  const consents = new Map<string, ValidConsent[]>();
  const list = get('consents');
  if (list !== undefined && !Array.isArray(list))
    issues.add('invalid-type', 'consents is an array of consents on file', 'consents');
  else if (list !== undefined)
    for (let i = 0; i < list.length; i++) {
      const entry = readProperty(list, String(i));
      const consent = readConsent(entry, issues, i, 'consents');
      const contractId = isObject(entry) ? readProperty(entry, 'contractId') : undefined;
      if (typeof contractId !== 'string' || !/\S/.test(contractId))
        issues.add(
          'invalid-type',
          'A consent on file names its contract (contractId)',
          'consents',
          i,
          'contractId',
        );
      else if (consent !== undefined)
        consents.set(contractId, [
          ...(consents.get(contractId) ?? []),
          { from: consent.from, form: consent.form, grantedAt: new Date(consent.grantedAtMs) },
        ]);
    }
  if (issues.count > 0) throw new PolicyInputError(issues.all(), 'admission options');
  return { atMs, consents };
}

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
  // The options are read before any record is looked at: a bad consent on file fails the call as a whole,
  // rather than part-way through a batch.
  const read = readOptions(options);
  const at = new Date(read.atMs ?? nowMs());
  const consents = read.consents;
  // The version in force at receipt says which consent its gate asks for (31(2): the provider's, in writing).
  const wanted = core.inForce(at.getTime()).version.transmissionConsent;
  const result: Admission = { accepted: [], refused: [] };
  let index = -1;
  for (const input of batch) {
    index++;
    const parsed = isParsed(input) ? { success: true as const, data: input } : safeParseRecord(input);
    if (!parsed.success) {
      // Named by its own id only: a polluted prototype's is none (SPEC §7).
      const id = isObject(input) ? readProperty(input, 'id') : undefined;
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
