import { TermsNotInForceError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import type { Decision, Obligation } from '../model/decision.js';
import type { RequestSnapshot } from '../request/types.js';
import { measurementHolding } from '../retention/measurementHolding.js';
import type { RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { type CompiledRule, CompiledTerms, type DecisionTemplate, templateAt } from './compile.js';
import { type DecisionLogEntry, toLogEntry } from './logEntry.js';

/** The decision of snapshots under a policy's compiled versions: the one path every entry point takes. */
export interface DecisionCore {
  /** The compiled versions, newest first. */
  readonly versions: readonly CompiledTerms[];
  /** The compiled version in force at an instant; throws {@link TermsNotInForceError} before the first. */
  inForce(atMs: number): CompiledTerms;
  /** The rule that decides a snapshot. */
  choose(s: RequestSnapshot): CompiledRule;
  decide(s: RequestSnapshot): Decision;
  /** The answer alone: no decision object is built unless a hook needs one. */
  allowed(s: RequestSnapshot): boolean;
}

/** When a dated duty of a permitted holding falls due: the period's end, or the covering extension's. */
function holdingDue(s: RequestSnapshot, version: TermsVersion): Date | undefined {
  const period = version.holdingPeriod;
  if (s.data.kind !== 'measurement' || period === undefined) return undefined;
  const h = measurementHolding(s.data, period, s.atMs);
  const ms = h.state === 'within-period' ? h.endsAtMs : h.heldUntilMs;
  return h.state !== 'expired' && Number.isFinite(ms) ? new Date(ms) : undefined;
}

function instantiate(t: DecisionTemplate, s: RequestSnapshot, version: TermsVersion): Decision {
  let obligations: readonly Obligation[] = t.obligations;
  const dated = t.dated;
  if (dated !== null) {
    const due = holdingDue(s, version);
    // An obligation with no end (an open-ended extension) stays undated.
    if (due !== undefined)
      obligations = Object.freeze(
        t.obligations.map((o, i) => (dated[i] ? Object.freeze({ ...o, dueAt: due }) : o)),
      );
  }
  return {
    effect: t.effect,
    rule: t.rule,
    allowed: t.allowed,
    terms: t.terms,
    at: new Date(s.atMs),
    basis: t.basis,
    reasons: t.reasons,
    obligations,
  };
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

/** Compiles a policy's versions and returns the decision path over them. */
export function decisionCore(
  terms: readonly TermsVersion[],
  locale: Locale,
  env: RuleEnvironment,
  onDecision: ((entry: DecisionLogEntry) => unknown) | undefined,
  onHookError: (error: unknown, entry: DecisionLogEntry) => void,
): DecisionCore {
  // Newest first: the usual decision, under the latest terms, is found at the first comparison.
  const versions = terms.map((v) => new CompiledTerms(v, locale, env)).reverse();
  const earliest = terms[0]?.effectiveFrom;

  const inForce = (atMs: number): CompiledTerms => {
    for (const c of versions) if (c.effectiveFromMs <= atMs) return c;
    throw new TermsNotInForceError(new Date(atMs), earliest);
  };

  const chooseIn = (terms: CompiledTerms, s: RequestSnapshot): CompiledRule => {
    const cell = terms.cell(s.data.kind, s.actor, s.action, s.recipient, s.purpose);
    for (const r of cell) if (r.test === null || r.test(s)) return r;
    return terms.fallback;
  };

  const decide = (s: RequestSnapshot): Decision => {
    const terms = inForce(s.atMs);
    const decision = instantiate(templateAt(chooseIn(terms, s), s.atMs), s, terms.version);
    if (onDecision !== undefined) {
      const entry = toLogEntry(s, decision, globalThis.crypto.randomUUID());
      // A hook that throws fails the call (fail closed); one whose promise rejects is reported, never unhandled.
      const result = onDecision(entry);
      if (isThenable(result)) result.then(undefined, (error: unknown) => onHookError(error, entry));
    }
    return decision;
  };

  return {
    versions,
    inForce,
    choose: (s) => chooseIn(inForce(s.atMs), s),
    decide,
    allowed: (s) =>
      onDecision !== undefined ? decide(s).allowed : templateAt(chooseIn(inForce(s.atMs), s), s.atMs).allowed,
  };
}
