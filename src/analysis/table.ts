import type { Cell, CompiledTerms, PurposeCells } from '../engine/compile.js';
import { compileCondition, type Test } from '../engine/conditions.js';
import { type DecisionCore, decisionCore } from '../engine/decide.js';
import { PolicyInputError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import type { Citation, Decision } from '../model/decision.js';
import { ACTIONS, ACTORS, type Action, type Actor, PARTIES, type Party } from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import { DATA_KINDS, type DataKind } from '../records/dataRecord.js';
import { parseRecord } from '../records/parseRecord.js';
import { readInstant } from '../records/timestamp.js';
import { readRequest } from '../request/readRequest.js';
import type { Condition } from '../terms/condition.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import {
  CASES,
  type CellCase,
  combinations,
  consentCases,
  DIMENSIONS,
  type Dimension,
  type Looks,
  look,
  lookAtRule,
  noLooks,
  recipientsOf,
} from './cases.js';
import { type CellKey, type Periods, purposeOf, recordKey, requestOf } from './requests.js';

// The decision table of a terms version (SPEC §10): every cell of its finite request space with its decision. The
// cells come from the engine's own compilation — its buckets per kind, actor and action, their recipient and purpose
// cases, the rules each cell tries — and each conditional cell is split by the cases its rules' conditions tell
// apart. Every decision is `decide`'s own, for the concrete request the cell stands for.

/** A cell's decision, as the table shows it: codes and citations, no messages. */
export interface CellDecision {
  readonly effect: Decision['effect'];
  readonly rule: string;
  readonly reasons: readonly string[];
  readonly basis: readonly Citation[];
  readonly obligations: readonly string[];
}

/**
 * One cell of a version's decision table: a kind, an actor, an action, a recipient (`null`: none), a purpose
 * (`null`: any purpose no rule names), the case of each condition its rules tell apart, and the decision. `opaque`
 * when a rule closure (`when`) decides part of it, which no case can describe.
 *
 * @example
 * const cell: DecisionCell | undefined = decisionTable(terms20201201).cells.find(
 *   (c) => c.kind === 'derived' && c.actor === 'provider' && c.action === 'license' && c.recipient === 'third-party',
 * );
 * cell?.case //=> { personalData: 'none' }
 */
export interface DecisionCell extends CellKey {
  readonly opaque: boolean;
  readonly decision: CellDecision;
}

/**
 * A version's decision table: the version, the instant its cells are decided at, and the cells.
 *
 * @example
 * const table: DecisionTable = decisionTable(terms20201201);
 * table.cells.length > 700 //=> true
 */
export interface DecisionTable {
  readonly terms: string;
  readonly at: Date;
  readonly cells: readonly DecisionCell[];
}

/**
 * How to build the table: the instant its cells are decided at (default: the version's effective date, so the
 * APPI is cited as numbered then), and the locale of the citations' labels (default English).
 *
 * @example
 * const options: DecisionTableOptions = { at: '2022-04-01T00:00:00+09:00', locale: 'ja' };
 */
export interface DecisionTableOptions {
  readonly at?: Date | string | undefined;
  readonly locale?: Locale | undefined;
}

/** One version made ready to decide cells: compiled once per privacy-policy case. */
export interface Decider {
  readonly version: TermsVersion;
  readonly atMs: number;
  readonly periods: Periods;
  /** The compiled version, whose buckets give the places and the rules tried at each. */
  readonly compiled: CompiledTerms;
  decide(key: CellKey): CellDecision;
  /** A condition of the version, evaluated by the engine on the request a cell stands for. */
  test(condition: Condition, key: CellKey): boolean;
}

const NONE: ReadonlySet<string> = new Set();

export function deciderOf(version: TermsVersion, options: DecisionTableOptions = {}): Decider {
  const locale = options.locale ?? 'en';
  const at = options.at ?? version.effectiveFrom;
  const atMs = readInstant(at);
  if (typeof atMs !== 'number')
    throw new PolicyInputError(
      [{ path: ['at'], code: atMs, message: 'The table needs a valid instant' }],
      'table options',
    );
  const periods: Periods = { holding: version.holdingPeriod, survival: version.survivalPeriod };
  const noHook = () => {};
  const envFor = (listed: string | undefined) =>
    Object.freeze({ privacyPolicyPurposes: listed === undefined ? NONE : new Set([listed]) });
  const cores = new Map<string, DecisionCore>();
  // A core per privacy-policy case: none listed, or the cell's purpose listed.
  const coreFor = (listed: string | undefined): DecisionCore => {
    const key = listed ?? '';
    let core = cores.get(key);
    if (core === undefined) {
      core = decisionCore([version], locale, envFor(listed), undefined, noHook);
      cores.set(key, core);
    }
    return core;
  };
  const defaults = { actor: 'provider' as const, now: () => atMs };
  // Cells of one record key share one record, parsed once: a table asks about the same few records thousands of
  // times, and each request is read like any other.
  const records = new Map<string, DataRecord>();
  const snapshotOf = (key: CellKey) => {
    const id = recordKey(key);
    let data = records.get(id);
    if (data === undefined) {
      data = parseRecord(requestOf(key, atMs, periods).data);
      records.set(id, data);
    }
    return readRequest(requestOf(key, atMs, periods, data), defaults);
  };
  const tests = new Map<Condition, Map<string, Test>>();
  const compiled = coreFor(undefined).versions[0] as CompiledTerms;
  return {
    version,
    atMs,
    periods,
    compiled,
    test(condition, key) {
      const listed = key.case.privacyPolicy === 'listed' ? purposeOf(key) : undefined;
      const byEnv = tests.get(condition) ?? new Map<string, Test>();
      tests.set(condition, byEnv);
      let t = byEnv.get(listed ?? '');
      if (t === undefined) {
        t = compileCondition(condition, version, envFor(listed));
        byEnv.set(listed ?? '', t);
      }
      return t(snapshotOf(key));
    },
    decide(key) {
      const listed = key.case.privacyPolicy === 'listed' ? purposeOf(key) : undefined;
      const d = coreFor(listed).decide(snapshotOf(key));
      return {
        effect: d.effect,
        rule: d.rule,
        reasons: d.reasons.map((r) => r.code),
        basis: d.basis,
        obligations: d.obligations.map((o) => o.code),
      };
    },
  };
}

/** The place of a cell before its cases: kind, actor, action, recipient and purpose. */
export interface CellPlace {
  readonly kind: DataKind;
  readonly actor: Actor;
  readonly action: Action;
  readonly recipient: Party | null;
  readonly purpose: string | null;
}

/** A place, the rules each version tries there (in order), and what those rules look at. */
export interface Place extends CellPlace {
  readonly cells: readonly Cell[];
  readonly looks: Looks;
}

/**
 * Every place of the request space of some versions, from their compiled buckets: kind × actor × action ×
 * recipient × purpose (each one some rule of the place names, and `null` for any other).
 */
export function* places(deciders: readonly Decider[]): Generator<Place> {
  for (const kind of DATA_KINDS)
    for (const actor of ACTORS)
      for (const action of ACTIONS) {
        const buckets = deciders.map((d) => d.compiled.bucket(kind, actor, action));
        for (const recipient of recipientsOf(action)) {
          const index = recipient === null ? 0 : PARTIES.indexOf(recipient) + 1;
          const purposes = buckets.map((b) => b[index] as PurposeCells);
          const named = new Set(purposes.flatMap((c) => [...c.named.keys()]));
          for (const purpose of [...named, null]) {
            const looks = noLooks();
            const cells = purposes.map((c) => (purpose !== null && c.named.get(purpose)) || c.other);
            for (const cell of cells) for (const r of cell) lookAtRule(r.rule, kind, looks);
            yield { kind, actor, action, recipient, purpose, cells, looks };
          }
        }
      }
}

/** A three-valued answer: a condition holds, fails, or depends on a dimension not yet fixed (the one to split). */
type Three = true | false | { readonly split: Dimension };

const and3 = (xs: readonly (() => Three)[]): Three => {
  let pending: Three | null = null;
  for (const x of xs) {
    const v = x();
    if (v === false) return false;
    if (v !== true) pending ??= v;
  }
  return pending ?? true;
};
const or3 = (xs: readonly (() => Three)[]): Three => {
  let pending: Three | null = null;
  for (const x of xs) {
    const v = x();
    if (v === true) return true;
    if (v !== false) pending ??= v;
  }
  return pending ?? false;
};

/**
 * Splits a place into the cells its rules tell apart, as a decision tree: each version's rules are tried in order
 * on a partial case; a condition that holds or fails on every completion of the case decides; one that depends on
 * an unfixed dimension splits the case on it. The conditions are evaluated by the engine's own code
 * (`compileCondition`) on concrete requests, never re-implemented here.
 */
function splitPlace(place: Place, deciders: readonly Decider[]): { case: CellCase; opaque: boolean }[] {
  const { looks } = place;
  const values = (dim: Dimension): readonly string[] =>
    dim === 'consent' ? consentCases(looks.consentFrom) : CASES[dim];

  /** A leaf condition on a partial case: its value on every completion of the dimensions it looks at. */
  const leaf = (d: Decider, c: Condition, partial: CellCase): Three => {
    const own = noLooks();
    look(c, place.kind, own);
    const open = [...own.dimensions].filter((dim) => partial[dim] === undefined);
    const completions = combinations(new Set(open), consentCases(looks.consentFrom));
    let seen: boolean | undefined;
    for (const completion of completions) {
      const v = d.test(c, { ...place, case: { ...partial, ...completion } });
      if (seen === undefined) seen = v;
      else if (seen !== v) return { split: open[0] as Dimension };
    }
    return seen ?? false;
  };
  const evaluate = (d: Decider, c: Condition, partial: CellCase): Three => {
    const [key] = Object.keys(c);
    const value: unknown = (c as Readonly<Record<string, unknown>>)[key as string];
    if (key === 'all') return and3((value as Condition[]).map((x) => () => evaluate(d, x, partial)));
    if (key === 'any') return or3((value as Condition[]).map((x) => () => evaluate(d, x, partial)));
    if (key === 'not') {
      const v = evaluate(d, value as Condition, partial);
      return v === true ? false : v === false ? true : v;
    }
    return leaf(d, c, partial);
  };
  /** The dimension a version's rules still depend on for this partial case, or null when a rule decides. */
  const pendingOf = (d: Decider, cell: Cell, partial: CellCase): Dimension | null => {
    for (const r of cell) {
      // A closure is tried as decide tries it, on the cell's request; it cannot be split into cases.
      const v: Three = r.rule.condition === undefined ? true : evaluate(d, r.rule.condition, partial);
      if (v === true) return null;
      if (v !== false) return v.split;
    }
    return null;
  };
  const out: { case: CellCase; opaque: boolean }[] = [];
  const visit = (partial: CellCase): void => {
    for (const [i, d] of deciders.entries()) {
      const dim = pendingOf(d, place.cells[i] as Cell, partial);
      if (dim !== null) {
        for (const v of values(dim)) visit({ ...partial, [dim]: v });
        return;
      }
    }
    out.push({ case: orderCase(partial), opaque: looks.opaque });
  };
  visit({});
  return out;
}

/** A case with its dimensions in the table's column order. */
const orderCase = (c: CellCase): CellCase =>
  Object.fromEntries(DIMENSIONS.filter((d) => c[d] !== undefined).map((d) => [d, c[d] as string]));

/** The cells of a place: its cases, each with the key a request is built from. */
export function cellsOf(
  place: Place,
  deciders: readonly Decider[],
): { key: CellKey; opaque: boolean; parties: Party[] }[] {
  const { cells: _, looks, ...at } = place;
  return splitPlace(place, deciders).map((c) => ({
    key: { ...at, case: c.case },
    opaque: c.opaque,
    parties: [...looks.consentFrom],
  }));
}

/**
 * The decision table of a terms version (SPEC §10): every cell of its request space — kind × actor × action ×
 * recipient × purpose, split by the cases its rules' conditions tell apart (personal data, consent from each party
 * and in each form, on time or late, justification, legal basis, designation, exceptions, contract and survival,
 * retention within, ended, extended or in a gap) — with `decide`'s decision for the request the cell stands for.
 *
 * @throws {PolicyInputError} for an invalid `at`.
 * @example
 * const table = decisionTable(terms20201201);
 * table.cells.filter((c) => c.decision.effect === 'permit').length > 0 //=> true
 */
export function decisionTable(terms: TermsVersion, options: DecisionTableOptions = {}): DecisionTable {
  const decider = deciderOf(terms, options);
  const cells: DecisionCell[] = [];
  for (const place of places([decider]))
    for (const { key, opaque } of cellsOf(place, [decider]))
      cells.push(Object.freeze({ ...key, opaque, decision: decider.decide(key) }));
  return Object.freeze({ terms: terms.id, at: new Date(decider.atMs), cells: Object.freeze(cells) });
}
