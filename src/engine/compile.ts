import { citationLabel } from '../i18n/citationLabel.js';
import type { Locale } from '../i18n/locale.js';
import { codeMessage } from '../i18n/messages.js';
import { APPI_RENUMBERED_AT_MS, appiArticleBefore2022 } from '../internal/appi.js';
import type { CitationSpec } from '../model/citation.js';
import type { Citation, Decision, Obligation, Reason } from '../model/decision.js';
import { ACTIONS, ACTORS, type Action, type Actor, PARTIES, type Party } from '../model/vocabulary.js';
import { DATA_KINDS, type DataKind } from '../records/dataRecord.js';
import type { RequestSnapshot } from '../request/types.js';
import type { Rule, RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { compileCondition, type Test } from './conditions.js';

// A terms version compiled into a decision table, as CASL compiles rules into an index: for every (kind, actor,
// action, recipient, purpose case) the rules that can decide it, in order, cut after the first that has no
// condition — so a cell either names its rule outright or lists the few conditional ones before it. Buckets of
// (kind, actor, action) are compiled when first asked for and kept in the table, like CASL's merged rule lists.

/** Everything of a decision but its instant and dated duties, built once per rule and locale. */
export interface DecisionTemplate {
  readonly effect: Decision['effect'];
  readonly allowed: boolean;
  readonly terms: Decision['terms'];
  readonly rule: string;
  readonly basis: readonly Citation[];
  readonly reasons: readonly Reason[];
  readonly obligations: readonly Obligation[];
  /** Whether an obligation is dated at the end of the holding (and the decision must date it). */
  readonly dated: readonly boolean[] | null;
}

/** A rule ready to be tried: the rule, and its answer for decisions before and from the APPI renumbering. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Its place in the version's rules (-1 for the default deny). */
  readonly index: number;
  /** Whether a condition (data or closure) must hold: such a rule does not end a cell. */
  readonly conditional: boolean;
  /** The rule's condition and `when` together, compiled; `null` when it has neither. */
  readonly test: Test | null;
  /** The answer for decisions from 2022-04-01 (APPI as renumbered then). */
  readonly current: DecisionTemplate;
  /** The answer for decisions before 2022-04-01; the same object when the rule cites no APPI article. */
  readonly beforeAppi2022: DecisionTemplate;
}

/** One cell of the table: the rules to try in order; the last has no condition, so a cell always decides. */
export type Cell = readonly CompiledRule[];

/** The purpose case of a request no rule of its bucket names (an other purpose, or none). */
export const OTHER_PURPOSE = '';
/** The recipient case of a request without a recipient. */
export const NO_RECIPIENT = '';

/** The cells of one (kind, actor, action) and recipient case: by the purposes rules name, and for any other. */
export interface PurposeCells {
  /** The cell of each purpose some rule of the bucket names (empty when none names one). */
  readonly named: ReadonlyMap<string, Cell>;
  /** The cell of every other purpose, and of a request without one. */
  readonly other: Cell;
}

/** The cells of one (kind, actor, action), by recipient case: index 0 for no recipient, then PARTIES in order. */
export type Bucket = readonly PurposeCells[];

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
  const cite = (spec: CitationSpec) => citation(spec, version, locale, beforeAppi2022);
  const permit = rule.effect === 'permit';
  // A deny carries no duties, whatever the rule lists: obligations come with permits only.
  const duties = permit ? (rule.obligations ?? []) : [];
  return Object.freeze({
    effect: rule.effect,
    allowed: permit,
    terms: version.id,
    rule: rule.id,
    basis: Object.freeze(rule.basis.map(cite)),
    reasons: Object.freeze([
      Object.freeze({
        code: rule.reason,
        message: codeMessage(version.codes, 'reasons', rule.reason, locale),
      }),
    ]),
    obligations: Object.freeze(
      duties.map((o) =>
        Object.freeze({
          code: o.code,
          basis: cite(o.basis),
          message: codeMessage(version.codes, 'obligations', o.code, locale),
        }),
      ),
    ),
    dated: duties.some((o) => o.due !== undefined)
      ? Object.freeze(duties.map((o) => o.due !== undefined))
      : null,
  });
}

function compileRule(
  rule: Rule,
  index: number,
  version: TermsVersion,
  locale: Locale,
  env: RuleEnvironment,
): CompiledRule {
  const current = template(rule, version, locale, false);
  const citesAppi = [...rule.basis, ...(rule.obligations ?? []).map((o) => o.basis)].some(
    (c) => c.source === 'appi',
  );
  const { condition, when } = rule;
  const byRecord = condition === undefined ? null : compileCondition(condition, version, env);
  // A closure of a user's rule sees a frozen copy of the snapshot: it can change nothing of the decision.
  const byClosure =
    when === undefined ? null : (s: RequestSnapshot) => when(Object.freeze({ ...s }), env) === true;
  const test =
    byRecord && byClosure ? (s: RequestSnapshot) => byRecord(s) && byClosure(s) : (byRecord ?? byClosure);
  return Object.freeze({
    rule,
    index,
    conditional: test !== null,
    test,
    current,
    beforeAppi2022: citesAppi ? template(rule, version, locale, true) : current,
  });
}

/** The answer when no rule matches: deny, citing the terms version as a whole. */
const DEFAULT_DENY: Rule = Object.freeze<Rule>({
  id: 'default-deny',
  kinds: [],
  actors: [],
  actions: [],
  effect: 'deny',
  reason: 'not-granted',
  basis: [{ source: 'terms' }],
});

const RECIPIENT_CASES: readonly string[] = [NO_RECIPIENT, ...PARTIES];

/** Whether a rule can match a request of this recipient and purpose case, before any condition. */
const reaches = (rule: Rule, recipient: string, purpose: string): boolean =>
  (rule.recipients === undefined || (rule.recipients as readonly string[]).includes(recipient)) &&
  (rule.purposes === undefined || (rule.purposes as readonly string[]).includes(purpose));

/**
 * The place of a (kind, actor, action) in a version's table. The vocabularies are short closed lists, so their
 * positions index an array: a decision's lookup is arithmetic and at most one map lookup, for its purpose.
 */
const bucketIndex = (kind: DataKind, actor: Actor, action: Action): number =>
  (DATA_KINDS.indexOf(kind) * ACTORS.length + ACTORS.indexOf(actor)) * ACTIONS.length +
  ACTIONS.indexOf(action);

/**
 * A terms version compiled for one locale and policy. `cell` is the lookup a decision makes; `bucket` serves
 * analysis, which walks the same table.
 */
export class CompiledTerms {
  readonly version: TermsVersion;
  readonly locale: Locale;
  readonly effectiveFromMs: number;
  readonly fallback: CompiledRule;
  private readonly rules: readonly CompiledRule[];
  private readonly buckets: (Bucket | undefined)[] = [];

  constructor(version: TermsVersion, locale: Locale, env: RuleEnvironment) {
    this.version = version;
    this.locale = locale;
    this.effectiveFromMs = version.effectiveFrom.getTime();
    this.rules = version.rules.map((r, i) => compileRule(r, i, version, locale, env));
    this.fallback = compileRule(DEFAULT_DENY, -1, version, locale, env);
  }

  /** The rules that can decide a request, in order (the last unconditional). */
  cell(
    kind: DataKind,
    actor: Actor,
    action: Action,
    recipient: Party | undefined,
    purpose: string | undefined,
  ): Cell {
    const cells = this.bucket(kind, actor, action)[
      recipient === undefined ? 0 : PARTIES.indexOf(recipient) + 1
    ];
    const { named, other } = cells as PurposeCells;
    return (purpose !== undefined && named.size > 0 && named.get(purpose)) || other;
  }

  /** The compiled cells of one (kind, actor, action), by recipient case, then by purpose case. */
  bucket(kind: DataKind, actor: Actor, action: Action): Bucket {
    const i = bucketIndex(kind, actor, action);
    let bucket = this.buckets[i];
    if (bucket === undefined) {
      bucket = this.compileBucket(kind, actor, action);
      this.buckets[i] = bucket;
    }
    return bucket;
  }

  private compileBucket(kind: DataKind, actor: Actor, action: Action): Bucket {
    const rules = this.rules.filter(
      (r) => r.rule.kinds.includes(kind) && r.rule.actors.includes(actor) && r.rule.actions.includes(action),
    );
    const purposes = [...new Set(rules.flatMap((r) => r.rule.purposes ?? []))];
    // Equal candidate lists share one cell.
    const shared = new Map<string, Cell>();
    const cellFor = (recipient: string, purpose: string): Cell => {
      const candidates: CompiledRule[] = [];
      for (const r of rules) {
        if (!reaches(r.rule, recipient, purpose)) continue;
        candidates.push(r);
        if (!r.conditional) break;
      }
      const last = candidates[candidates.length - 1];
      if (last === undefined || last.conditional) candidates.push(this.fallback);
      const key = candidates.map((c) => c.index).join(',');
      const cell = shared.get(key) ?? Object.freeze(candidates);
      shared.set(key, cell);
      return cell;
    };
    return Object.freeze(
      RECIPIENT_CASES.map((recipient) =>
        Object.freeze({
          named: new Map(purposes.map((p) => [p, cellFor(recipient, p)] as const)),
          other: cellFor(recipient, OTHER_PURPOSE),
        }),
      ),
    );
  }
}

/** The template of a rule for a decision at `atMs`: APPI numbered as in force then. */
export const templateAt = (r: CompiledRule, atMs: number): DecisionTemplate =>
  atMs < APPI_RENUMBERED_AT_MS ? r.beforeAppi2022 : r.current;
