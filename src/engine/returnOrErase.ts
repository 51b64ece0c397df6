import { z } from 'zod';
import { PolicyInputError } from '../errors.js';
import { toPolicyIssues } from '../internal/issues.js';
import { isParsed } from '../internal/trusted.js';
import type { ReasonCode } from '../model/codes.js';
import type { Decision } from '../model/decision.js';
import type { DataRecord } from '../records/dataRecord.js';
import { nonBlank } from '../records/fields.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { timestamp } from '../records/timestamp.js';
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

const requestSchema = z.object({
  requestedBy: z.enum(['user', 'provider']),
  at: timestamp.optional(),
  contract: z
    .object({ id: nonBlank, formedAt: timestamp, terminatedAt: timestamp.optional() })
    .refine((c) => c.terminatedAt === undefined || c.terminatedAt.getTime() >= c.formedAt.getTime(), {
      message: 'A contract cannot end before it is formed',
      path: ['terminatedAt'],
      params: { code: 'contract-ends-before-formed' },
    })
    .optional(),
});

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
  // The request is checked whole before any record is read, so a bad instant or contract is reported even when
  // no record would have needed a decision.
  const checked = requestSchema.safeParse(request);
  if (!checked.success) throw new PolicyInputError(toPolicyIssues(checked.error.issues), 'return request');
  const receiver = checked.data.requestedBy === 'user' ? 'provider' : 'user';
  // The instant is fixed once for the request; the version in force then names the duty that marks what goes back.
  const at = new Date(instantOf(checked.data.at, 'return request'));
  const duty = core.inForce(at.getTime()).version.returnDuty;
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
    else if (record.disclosedBy !== checked.data.requestedBy)
      result.notBound.push({ id: record.id, reason: 'own-confidential-information' });
    else {
      const decision = decide({
        action: 'retain',
        actor: receiver,
        data: record,
        at,
        contract: request.contract,
      });
      if (duty !== undefined && decision.obligations.some((o) => o.code === duty))
        result.returnAndErase.push(record.id);
      else result.notBound.push({ id: record.id, reason: decision.reasons[0]?.code ?? 'not-granted' });
    }
  }
  return result;
}
