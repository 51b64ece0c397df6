import type { ValidRequest } from '../engine/request.js';
import type { Actor } from '../model/vocabulary.js';
import type { MeasurementRecord } from '../records/measurement.js';
import { retentionState } from '../retention/retentionStatus.js';
import type { CitationSpec } from '../model/citation.js';
import { defineRule, type Rule } from './rule.js';

type MeasurementRequest = ValidRequest<MeasurementRecord>;
const stateAt = (r: MeasurementRequest, at: Date) =>
  retentionState(r.data.receivedAt.getTime(), r.data.retentionExtensions, at.getTime());

/**
 * The provider's (and its subcontractor's) holding of measurement data: a year from receipt, then only under
 * an extension decided by the time of the decision. Both terms versions have this rule (old 13(2), new 13(4));
 * `basis` is the article of the version that uses it.
 */
export function retentionRules(basis: CitationSpec, actors: readonly Actor[]): Rule[] {
  const match = { kinds: ['measurement' as const], actors: [...actors], actions: ['retain' as const] };
  return [
    defineRule({
      id: 'retention/within-period',
      ...match,
      when: (r, at) => stateAt(r, at).state === 'within-period',
      effect: 'permit',
      reason: 'held-within-retention-period',
      basis: [basis],
      obligations: [
        { code: 'delete-when-retention-ends', basis, dueAt: (r, at) => new Date(stateAt(r, at).endsAtMs) },
      ],
    }),
    defineRule({
      id: 'retention/extended',
      ...match,
      when: (r, at) => stateAt(r, at).state === 'extended',
      effect: 'permit',
      reason: 'held-under-extension',
      basis: [basis],
      obligations: [
        {
          code: 'delete-when-retention-ends',
          basis,
          dueAt: (r, at) => {
            const until = stateAt(r, at).heldUntilMs;
            return Number.isFinite(until) ? new Date(until) : undefined;
          },
        },
      ],
    }),
    defineRule({
      id: 'retention/expired',
      ...match,
      effect: 'deny',
      reason: 'retention-period-ended',
      basis: [basis],
    }),
  ];
}
