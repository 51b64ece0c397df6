import { citationLabel } from '../i18n/citationLabel.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/messages.js';
import { appiArticleBefore2022 } from '../internal/appi.js';
import type { DataKind } from '../records/dataRecord.js';
import type { CitationSpec } from '../model/citation.js';
import type { ObligationSpec, Rule, RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import type { Citation, Decision, Obligation, Reason } from '../model/decision.js';
import type { ValidRequest } from './request.js';
import type { Action, Actor } from '../model/vocabulary.js';

/** Everything of a decision but its instant, built once per rule: a call copies references, nothing more. */
export interface DecisionTemplate {
  readonly effect: Decision['effect'];
  readonly allowed: boolean;
  readonly terms: Decision['terms'];
  readonly basis: readonly Citation[];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  /** Per obligation, the function that dates it; `null` when no obligation of the rule has a due date. */
  readonly dueAt: readonly (ObligationSpec['dueAt'] | undefined)[] | null;
}

/** A rule ready to be matched: its filters as sets, its answer as templates for both APPI editions. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly recipients: ReadonlySet<string> | null;
  readonly when: ((request: ValidRequest, at: Date, env: RuleEnvironment) => boolean) | null;
  /** The answer for decisions from 2022-04-01 (APPI as renumbered then). */
  readonly current: DecisionTemplate;
  /** The answer for decisions before 2022-04-01; the same object when the rule cites no APPI article. */
  readonly beforeAppi2022: DecisionTemplate;
}

/**
 * The rules for one (kind, actor, action), split by purpose at compile time: `byPurpose` holds, for each purpose
 * some rule names, the rules that can match it (those naming it and those naming none), in order; requests with
 * any other purpose, or none, try `unfiltered` (the rules naming no purpose).
 */
export interface RuleBucket {
  readonly byPurpose: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly unfiltered: readonly CompiledRule[];
}

function bucketOf(rules: readonly CompiledRule[]): RuleBucket {
  const named = new Set(rules.flatMap((r) => r.rule.purposes ?? []));
  const canMatch = (purpose: string | undefined) =>
    Object.freeze(
      rules.filter(
        (r) => r.rule.purposes === undefined || (purpose !== undefined && r.rule.purposes.includes(purpose)),
      ),
    );
  return Object.freeze({
    byPurpose: new Map([...named].map((p) => [p, canMatch(p)] as const)),
    unfiltered: canMatch(undefined),
  });
}

/** A terms version compiled for one locale: a lookup by kind, actor and action to the rules to try in order. */
export interface CompiledTerms {
  readonly version: TermsVersion;
  readonly effectiveFromMs: number;
  readonly index: ReadonlyMap<DataKind, ReadonlyMap<Actor, ReadonlyMap<Action, RuleBucket>>>;
  /** The answer when no rule matches: deny, citing the terms version as a whole. */
  readonly fallback: CompiledRule;
}

/** A rule's citation as a decision carries it: the version filled in, APPI numbered for the edition, labelled. */
export function citation(
  spec: CitationSpec,
  version: TermsVersion,
  locale: Locale,
  beforeAppi2022: boolean,
): Citation {
  const parts =
    spec.source === 'appi' && beforeAppi2022
      ? { ...spec, article: appiArticleBefore2022(spec.article) }
      : spec.source === 'terms' || spec.source === 'contract'
        ? { ...spec, terms: version.id }
        : { ...spec };
  return Object.freeze({ ...parts, label: citationLabel(parts, locale) });
}

function template(
  rule: Rule,
  version: TermsVersion,
  locale: Locale,
  beforeAppi2022: boolean,
): DecisionTemplate {
  const messages = messagesFor(locale);
  const cite = (spec: CitationSpec) => citation(spec, version, locale, beforeAppi2022);
  const permit = rule.effect === 'permit';
  // A deny carries no duties, whatever the rule lists: obligations come with permits only.
  const obligations = permit ? (rule.obligations ?? []) : [];
  return Object.freeze({
    effect: rule.effect,
    allowed: permit,
    terms: version.id,
    basis: Object.freeze(rule.basis.map(cite)),
    reasons: Object.freeze([Object.freeze({ code: rule.reason, message: messages.reasons[rule.reason] })]),
    obligations: Object.freeze(
      obligations.map((o) =>
        Object.freeze({ code: o.code, basis: cite(o.basis), message: messages.obligations[o.code] }),
      ),
    ),
    dueAt: obligations.some((o) => o.dueAt) ? Object.freeze(obligations.map((o) => o.dueAt)) : null,
  });
}

function compileRule(rule: Rule, version: TermsVersion, locale: Locale): CompiledRule {
  const current = template(rule, version, locale, false);
  const citesAppi = [...rule.basis, ...(rule.obligations ?? []).map((o) => o.basis)].some(
    (c) => c.source === 'appi',
  );
  return Object.freeze({
    rule,
    recipients: rule.recipients ? new Set<string>(rule.recipients) : null,
    when: (rule.when as CompiledRule['when']) ?? null,
    current,
    beforeAppi2022: citesAppi ? template(rule, version, locale, true) : current,
  });
}

// Versions end each kind with a deny citing the nearest article; this answers what even those leave open.
const FALLBACK: Rule = Object.freeze<Rule>({
  id: 'default-deny',
  kinds: [],
  actors: [],
  actions: [],
  effect: 'deny',
  reason: 'not-granted',
  basis: [{ source: 'terms' }],
});

function getOrCreate<K extends object | string, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const value = make();
  map.set(key, value);
  return value;
}

const cache = new WeakMap<TermsVersion, Map<Locale, CompiledTerms>>();

/**
 * Compiles a terms version for a locale (once: the result is cached on the version object).
 */
export function compileTerms(version: TermsVersion, locale: Locale): CompiledTerms {
  const hit = cache.get(version)?.get(locale);
  if (hit) return hit;
  const lists = new Map<DataKind, Map<Actor, Map<Action, CompiledRule[]>>>();
  for (const rule of version.rules) {
    const compiled = compileRule(rule, version, locale);
    for (const kind of rule.kinds) {
      const byActor = getOrCreate(lists, kind, () => new Map<Actor, Map<Action, CompiledRule[]>>());
      for (const actor of rule.actors) {
        const byAction = getOrCreate(byActor, actor, () => new Map<Action, CompiledRule[]>());
        for (const action of rule.actions)
          getOrCreate(byAction, action, () => [] as CompiledRule[]).push(compiled);
      }
    }
  }
  const index = new Map(
    [...lists].map(([kind, byActor]) => [
      kind,
      new Map(
        [...byActor].map(([actor, byAction]) => [
          actor,
          new Map([...byAction].map(([action, rules]) => [action, bucketOf(rules)] as const)),
        ]),
      ),
    ]),
  );
  const fallback = compileRule(FALLBACK, version, locale);
  const compiled: CompiledTerms = Object.freeze({
    version,
    effectiveFromMs: version.effectiveFrom.getTime(),
    index,
    fallback,
  });
  getOrCreate(cache, version, () => new Map<Locale, CompiledTerms>()).set(locale, compiled);
  return compiled;
}

/** Builds the decision for a matched template: the only allocation of a call, plus dated obligations if any. */
export function instantiate(
  t: DecisionTemplate,
  at: Date,
  request: ValidRequest,
  env: RuleEnvironment,
): Decision {
  const due = t.dueAt;
  return {
    effect: t.effect,
    allowed: t.allowed,
    terms: t.terms,
    at,
    basis: t.basis,
    reasons: t.reasons,
    obligations:
      due === null
        ? t.obligations
        : Object.freeze(
            t.obligations.map((o, i) => {
              const date = due[i]?.(request as never, at, env);
              // An obligation with no end (an open-ended extension) stays undated.
              return date ? Object.freeze({ ...o, dueAt: date }) : o;
            }),
          ),
  };
}
