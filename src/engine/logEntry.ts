import type { Decision, TermsVersionId } from '../model/decision.js';
import type { Action, Actor, Effect, Party, Purpose } from '../model/vocabulary.js';
import type { DataKind } from '../records/dataRecord.js';
import type { RequestSnapshot } from '../request/types.js';

/**
 * What `onDecision` receives: a JSON-safe account of one decision for an audit log. It names the record by kind
 * and id and never carries its payload, its values, personal fields or the justification text.
 *
 * @example
 * const auditLog: string[] = [];
 * const policy = createPolicy({ onDecision: (entry) => auditLog.push(JSON.stringify(entry)) });
 * policy.decide({ action: 'use', data: reading, purpose: 'service-analysis', at });
 * JSON.parse(auditLog[0] ?? '')
 * //=> { decisionId: '…', at: '2021-06-01T01:00:00.000Z', terms: '2020-12-01', rule: '13-3-1-i/provider/use',
 * //   action: 'use', actor: 'provider', dataKind: 'measurement', dataId: 'kanto-sub-07/leak/2021-03-15T10:00',
 * //   purpose: 'service-analysis', effect: 'permit', basis: ['規約(2020-12-01)第13条第3項第1号イ'],
 * //   reasons: ['use-for-service-analysis'], obligations: ['use-within-purpose'] }
 */
export interface DecisionLogEntry {
  /** Unique per decision. */
  readonly decisionId: string;
  readonly at: string;
  readonly terms: TermsVersionId;
  readonly rule: string;
  readonly action: Action;
  readonly actor: Actor;
  readonly dataKind: DataKind;
  readonly dataId: string;
  readonly purpose?: Purpose;
  readonly recipient?: Party;
  readonly effect: Effect;
  readonly basis: readonly string[];
  readonly reasons: readonly string[];
  /** The obligations' codes. */
  readonly obligations: readonly string[];
  /** When dated obligations fall due, by code (ISO-8601 strings); absent when none is dated. */
  readonly dueAt?: Readonly<Record<string, string>>;
}

/** Builds the log entry of a decision, picking the request's fields one by one (nothing else leaks in). */
export function toLogEntry(
  request: RequestSnapshot,
  decision: Decision,
  decisionId: string,
): DecisionLogEntry {
  const dated = decision.obligations.flatMap((o) =>
    o.dueAt ? [[o.code, o.dueAt.toISOString()] as const] : [],
  );
  return {
    decisionId,
    at: decision.at.toISOString(),
    terms: decision.terms,
    rule: decision.rule,
    action: request.action,
    actor: request.actor,
    dataKind: request.data.kind,
    dataId: request.data.id,
    ...(request.purpose !== undefined && { purpose: request.purpose }),
    ...(request.recipient !== undefined && { recipient: request.recipient }),
    effect: decision.effect,
    basis: decision.basis.map((c) => c.label),
    reasons: decision.reasons.map((r) => r.code),
    obligations: decision.obligations.map((o) => o.code),
    ...(dated.length > 0 && { dueAt: Object.fromEntries(dated) }),
  };
}
