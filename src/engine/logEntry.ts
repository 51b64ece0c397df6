import type { DataKind } from '../records/dataRecord.js';
import type { Decision, TermsVersionId } from '../model/decision.js';
import type { ValidRequest } from './request.js';
import type { Action, Actor, Effect, Party, Purpose } from '../model/vocabulary.js';

/**
 * What `onDecision` receives: a JSON-safe account of one decision for an audit log. It names the record by kind
 * and id and never carries its payload, its values, personal fields or the justification text.
 *
 * @example
 * createPolicy({ onDecision: (entry) => auditLog.write(JSON.stringify(entry)) })
 * //=> entry: { at: '2021-06-01T01:00:00.000Z', terms: '2020-12-01', action: 'use', actor: 'provider',
 * //   dataKind: 'measurement', dataId: 'm-1', purpose: 'service-analysis', effect: 'permit',
 * //   basis: ['規約(2020-12-01)第13条第3項第1号イ'], obligations: ['use-within-purpose'] }
 */
export interface DecisionLogEntry {
  readonly at: string;
  readonly terms: TermsVersionId;
  readonly action: Action;
  readonly actor: Actor;
  readonly dataKind: DataKind;
  readonly dataId: string;
  readonly purpose?: Purpose;
  readonly recipient?: Party;
  readonly effect: Effect;
  readonly basis: readonly string[];
  readonly obligations: readonly string[];
}

/** Builds the log entry of a decision, picking the request's fields one by one (nothing else leaks in). */
export function toLogEntry(request: ValidRequest, actor: Actor, decision: Decision): DecisionLogEntry {
  return {
    at: decision.at.toISOString(),
    terms: decision.terms,
    action: request.action,
    actor,
    dataKind: request.data.kind,
    dataId: request.data.id,
    ...(request.purpose !== undefined && { purpose: request.purpose }),
    ...(request.recipient !== undefined && { recipient: request.recipient }),
    effect: decision.effect,
    basis: decision.basis.map((c) => c.label),
    obligations: decision.obligations.map((o) => o.code),
  };
}
