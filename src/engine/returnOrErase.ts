import { PolicyInputError } from '../errors.js';
import { readProperty } from '../internal/property.js';
import type { ReasonCode } from '../model/codes.js';
import type { Decision } from '../model/decision.js';
import type { DataRecord } from '../records/dataRecord.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { isParsed } from '../records/trusted.js';
import { isObject, oneOf, readContract, readInstantAt } from '../request/fieldReaders.js';
import { Issues } from '../request/issues.js';
import type { ContractInput, DecisionRequest } from '../request/types.js';
import type { DecisionCore } from './decide.js';

/**
 * A request under 32(4): the party that disclosed confidential information asks for it back.
 *
 * @example
 * const request: ReturnRequest = { requestedBy: 'user', at: new Date('2022-01-10T09:00:00+09:00'), contract };
 */
export interface ReturnRequest {
  readonly requestedBy: 'user' | 'provider';
  readonly at?: Date | string | undefined;
  readonly contract?: ContractInput | undefined;
}

/**
 * What a 32(4) request requires: the ids whose materials must be returned and whose electronic records must be
 * erased, and every other record with the reason the request does not reach it.
 *
 * @example
 * const result: ReturnOrErase = { returnAndErase: ['s-1'], notBound: [{ id: 's-2', reason: 'confidentiality-exception' }] };
 */
export interface ReturnOrErase {
  readonly returnAndErase: string[];
  readonly notBound: { readonly id: string; readonly reason: ReasonCode }[];
}

const REQUESTERS: ReadonlySet<unknown> = new Set(['user', 'provider']);

/** Reads a return request once: who asks, when, under which contract — every problem at once. */
function readReturnRequest(request: unknown, instantOf: (at: undefined, what: string) => number) {
  const issues = new Issues();
  if (!isObject(request))
    issues.add('invalid-type', 'A return request is an object { requestedBy, at?, contract? }');
  const get = (key: string) => (isObject(request) ? readProperty(request, key) : undefined);
  const requestedBy = oneOf<'user' | 'provider'>(get('requestedBy'), REQUESTERS, issues, 'requestedBy');
  const at = get('at');
  const atMs = at === undefined ? undefined : readInstantAt(at, issues, 'at');
  const given = get('contract');
  const contract = given === undefined ? undefined : readContract(given, issues);
  if (issues.count > 0 || requestedBy === undefined)
    throw new PolicyInputError(issues.all(), 'return request');
  return { requestedBy, atMs: atMs ?? instantOf(undefined, 'return request'), contract };
}

/**
 * 32(4) over a policy's decisions: for each record the requester disclosed, the receiving party's holding of it is
 * decided; where the permit carries `return-or-erase-on-request`, Art. 32 binds it and it must go back.
 */
export function returnOrEraseWith(
  decide: (request: DecisionRequest) => Decision,
  core: DecisionCore,
  instantOf: (at: Date | string | undefined, what: string) => number,
  records: Iterable<unknown>,
  request: ReturnRequest,
): ReturnOrErase {
  // The request is read whole before any record is, so a bad instant or contract is reported even when no record
  // would have needed a decision. The instant is fixed once; the version in force then names what goes back.
  const { requestedBy, atMs, contract } = readReturnRequest(request, instantOf);
  const receiver = requestedBy === 'user' ? 'provider' : 'user';
  const at = new Date(atMs);
  const duty = core.inForce(atMs).version.returnDuty;
  const result: ReturnOrErase = { returnAndErase: [], notBound: [] };
  let index = 0;
  for (const input of records) {
    let record: DataRecord;
    if (isParsed(input)) record = input;
    else {
      const parsed = safeParseRecord(input);
      if (!parsed.success)
        throw new PolicyInputError(
          parsed.issues.map((i) => ({ ...i, path: ['records', index, ...i.path] })),
          'records',
        );
      record = parsed.data;
    }
    index++;
    if (record.kind !== 'confidential')
      result.notBound.push({ id: record.id, reason: 'not-confidential-information' });
    else if (record.disclosedBy !== requestedBy)
      result.notBound.push({ id: record.id, reason: 'own-confidential-information' });
    else {
      const decision = decide({
        action: 'retain',
        actor: receiver,
        data: record,
        at,
        contract:
          contract === undefined
            ? undefined
            : {
                id: contract.id,
                formedAt: new Date(contract.formedAtMs),
                terminatedAt:
                  contract.terminatedAtMs === undefined ? undefined : new Date(contract.terminatedAtMs),
              },
      });
      if (duty !== undefined && decision.obligations.some((o) => o.code === duty))
        result.returnAndErase.push(record.id);
      else result.notBound.push({ id: record.id, reason: decision.reasons[0]?.code ?? 'not-granted' });
    }
  }
  return result;
}
