import {
  type Condition,
  DATA_KINDS,
  type DataKind,
  type DataRecord,
  type DataRecordInput,
  type DecisionRequest,
  type Policy,
  PolicyError,
  PolicyInputError,
  parseInstant,
  parseRecord,
  type Rule,
} from 'm2m-data-policy';
import { defaultPolicy, holdsLimited, retentionBounds } from './bounds.js';
import {
  type ExpiredWhereOptions,
  placeholderStart,
  retentionNames,
  retentionSql,
  type SqlCondition,
} from './expiredWhere.js';
import { Identifiers } from './identifiers.js';

// The decision pushed down into a query, as CASL's accessibleBy does: for one question, a condition over the record
// columns true exactly for the rows the policy permits. Sound by construction: the rules that can answer the
// question are read (their condition records, as data) for what of a record they look at. Only the kind, the
// personal-data status and the holding state (receipt and extensions) have columns; a rule that looks at anything
// else of a row of a kind the table holds is not pushed down — the call is refused rather than guessed. Then the
// policy itself decides one probe record per case of those columns, and the condition lists the permitted cases.

/**
 * A question without its record: what `decide` is asked, with `at` required (a query names its instant).
 *
 * @example
 * const question: PermittedQuestion = { action: 'license', recipient: 'third-party', at: '2021-06-01T10:00:00+09:00' };
 */
export type PermittedQuestion = Omit<DecisionRequest, 'data' | 'at'> & { readonly at: Date | string };

/**
 * The records table: `kind` (default `kind`; `false` when every row is of the one kind in `kinds`), `personalData`
 * (default `personal_data`, holding `none` / `possible` / `yes`), and the receipt and extensions as for
 * {@link expiredWhere}. `kinds`: the kinds the table's rows can have (default all) — a rule that looks at a field
 * with no column only refuses the push-down for the kinds listed here.
 *
 * @example
 * const options: PermittedWhereOptions = { kinds: ['measurement', 'derived'], extensions: false };
 */
export interface PermittedWhereOptions extends Omit<ExpiredWhereOptions, 'columns' | 'policy'> {
  readonly columns?:
    | {
        readonly id?: string | undefined;
        readonly kind?: string | false | undefined;
        readonly personalData?: string | undefined;
        readonly receivedAt?: string | undefined;
      }
    | undefined;
  readonly kinds?: readonly DataKind[] | undefined;
  readonly policy?: Policy | undefined;
}

/**
 * The decision cannot be pushed down: a rule that can answer the question looks at something of a row no column
 * holds (a confidential record's designation, whom user information is about, a rule closure). Decide those rows in
 * Node (`filterPermitted`), or leave their kind out of `kinds` if the table has none.
 *
 * @example
 * try { permittedWhere({ action: 'disclose', recipient: 'third-party', at: '2021-06-01T10:00:00+09:00' }) } catch (e) {
 *   if (e instanceof PushdownError) [e.kind, e.rule] //=> ['user-information', …]
 * }
 */
export class PushdownError extends PolicyError {
  /** The kind of row the decision cannot be written for. */
  readonly kind: DataKind;
  /** The rule that looks at what no column holds. */
  readonly rule: string;

  constructor(kind: DataKind, rule: string, looksAt: string) {
    super(
      'cannot-push-down',
      `Cannot push the decision down for ${kind} rows: rule ${rule} looks at ${looksAt}, which no column holds`,
    );
    this.kind = kind;
    this.rule = rule;
  }
}

/** What of a row the answer depends on, beyond its kind. */
interface Dimensions {
  personal: boolean;
  holding: boolean;
}

const PERSONAL_KINDS: ReadonlySet<DataKind> = new Set(['measurement', 'derived']);

const LOOKS_AT_CONFIDENTIAL = {
  designated: 'whether the confidential record was designated beforehand, scoped and marked',
  exception: 'the exception the confidential record names',
  disclosedBy: 'who disclosed the confidential record',
} as const;

/**
 * What a condition looks at in a row of `kind`, added to `dims`; the description of what no column holds, or null.
 * A condition this module does not know is taken to look at something no column holds.
 */
function looksAt(c: Condition, kind: DataKind, dims: Dimensions, q: Snapshot): string | null {
  const [key] = Object.keys(c);
  const value: unknown = (c as Readonly<Record<string, unknown>>)[key as string];
  switch (key) {
    case 'all':
    case 'any':
      for (const x of value as readonly Condition[]) {
        const found = looksAt(x, kind, dims, q);
        if (found !== null) return found;
      }
      return null;
    case 'not':
      return looksAt(value as Condition, kind, dims, q);
    case 'personalData':
      if (PERSONAL_KINDS.has(kind)) dims.personal = true;
      return null;
    case 'holding':
      if (kind === 'measurement') dims.holding = true;
      return null;
    case 'designated':
    case 'exception':
    case 'disclosedBy':
      return kind === 'confidential' ? LOOKS_AT_CONFIDENTIAL[key] : null;
    case 'recipient':
    case 'consent': {
      const who = key === 'recipient' ? value : (value as { from: unknown }).from;
      if (who === 'discloser' && kind === 'confidential') return 'who disclosed the confidential record';
      if (who === 'person' && kind === 'user-information') return 'whom the user information is about';
      return null;
    }
    case 'subject':
      return kind === 'user-information' ? 'whom the user information is about' : null;
    case 'otherContract':
      // Without a contract in the question the condition is false for every row; with one, it compares contract ids.
      return kind === 'measurement' && q.contract !== undefined ? "the record's contract id" : null;
    case 'contractEnded':
    case 'justified':
    case 'legalBasis':
    case 'priorNoticeImpossible':
    case 'privacyPolicyPurpose':
    case 'survivalEnded':
      return null;
    default:
      return `a condition '${String(key)}' this module cannot write as SQL`;
  }
}

/** Whether a rule can answer the question, as the decision table matches it (before its condition). */
const answers = (r: Rule, kind: DataKind, q: Snapshot): boolean =>
  r.kinds.includes(kind) &&
  r.actors.includes(q.actor) &&
  r.actions.includes(q.action) &&
  (r.recipients === undefined || (q.recipient !== undefined && r.recipients.includes(q.recipient))) &&
  (r.purposes === undefined || (q.purpose !== undefined && r.purposes.includes(q.purpose)));

/** The question's fields, read once; nested consent and contract copied, so every probe sees the same ones. */
type Snapshot = Omit<DecisionRequest, 'data' | 'actor' | 'at'> & {
  readonly actor: NonNullable<DecisionRequest['actor']>;
  readonly at: Date;
};

const copy = (o: unknown, keys: readonly string[]): unknown =>
  typeof o === 'object' && o !== null && !Array.isArray(o)
    ? Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]))
    : o;

function snapshotOf(question: PermittedQuestion, policy: Policy): Snapshot {
  if (typeof question !== 'object' || question === null)
    throw new PolicyInputError(
      [{ path: [], code: 'invalid-type', message: 'A question is an object' }],
      'question',
    );
  const q = question as Readonly<Record<string, unknown>>;
  const at = q.at;
  if (at === undefined)
    throw new PolicyInputError(
      [{ path: ['at'], code: 'required', message: 'A pushed-down query names its instant' }],
      'question',
    );
  const consent = q.consent;
  const fields = {
    action: q.action,
    actor: q.actor ?? policy.actor,
    purpose: q.purpose,
    recipient: q.recipient,
    at: parseInstant(at as Date | string),
    contract: copy(q.contract, ['id', 'formedAt', 'terminatedAt']),
    consent: Array.isArray(consent)
      ? consent.map((c) => copy(c, ['from', 'form', 'grantedAt']))
      : copy(consent, ['from', 'form', 'grantedAt']),
    justification: q.justification,
    legalBasis: q.legalBasis,
    priorNoticeImpossible: q.priorNoticeImpossible,
  };
  // Absent fields stay absent, so the probes' decisions read the question as decide would.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Snapshot;
}

const PERSONAL = ['none', 'possible', 'yes'] as const;
const HOLDING = ['within-period', 'extended', 'expired'] as const;
type Holding = (typeof HOLDING)[number];

/** A valid record of `kind`, the same in every field a rule can look at without a column. */
function probe(
  kind: DataKind,
  personal: string,
  holding: Holding | null,
  at: Date,
  cutoff: Date | null,
): DataRecord {
  const t = at.toISOString();
  const inputs: Record<DataKind, () => DataRecordInput> = {
    measurement: () => {
      const received =
        holding === null || holding === 'within-period' || cutoff === null
          ? at
          : new Date(cutoff.getTime() - 1);
      return {
        kind: 'measurement',
        id: 'probe',
        contractId: 'probe',
        metric: 'other',
        measuredAt: received,
        receivedAt: received,
        personalData: personal as 'none',
        ...(holding === 'extended' && { retentionExtensions: [{ decidedAt: at, reason: 'probe' }] }),
      };
    },
    derived: () => ({
      kind: 'derived',
      id: 'probe',
      sources: ['probe'],
      processedBy: 'provider',
      processedAt: t,
      personalData: personal as 'none',
    }),
    'user-information': () => ({
      kind: 'user-information',
      id: 'probe',
      subject: 'employee',
      source: 'application',
      collectedAt: t,
    }),
    confidential: () => ({
      kind: 'confidential',
      id: 'probe',
      disclosedBy: 'user',
      disclosedAt: t,
      designation: null,
      scopeSpecified: false,
      marked: false,
    }),
    anonymized: () => ({
      kind: 'anonymized',
      id: 'probe',
      sources: ['probe'],
      createdAt: t,
      itemCategories: ['probe'],
    }),
    statistical: () => ({ kind: 'statistical', id: 'probe', sources: ['probe'], createdAt: t }),
    'provider-content': () => ({ kind: 'provider-content', id: 'probe', publishedAt: t }),
  };
  return parseRecord(inputs[kind]());
}

/**
 * A SQL condition over the records table true exactly for the rows the policy permits for `question` — the
 * decision pushed down, as CASL's `accessibleBy` pushes an ability. Use it in a `SELECT … WHERE`, or to count or
 * export what may leave:
 *
 * The condition looks at the kind, the personal-data status and, for measurements, the holding state (receipt and
 * extensions, as {@link expiredWhere}); the question's own fields (actor, purpose, recipient, consent,
 * justification, legal basis, contract) are decided once, here. Where a rule that can answer looks at something of
 * a row no column holds, the call throws {@link PushdownError} instead of over-permitting.
 *
 * @throws {PushdownError} when the decision cannot be written over the columns for a kind in `kinds`.
 * @throws {PolicyInputError} for a malformed question (as `decide` reports it), an unsafe identifier or option.
 * @example
 * const { text, values } = permittedWhere({ action: 'license', recipient: 'third-party', at: '2021-06-01T10:00:00+09:00' }, {
 *   kinds: ['measurement', 'derived'],
 * });
 * text //=> '("m"."kind" = $1 AND "m"."personal_data" = $2)'
 * values //=> ['derived', 'none']
 */
export function permittedWhere(
  question: PermittedQuestion,
  options: PermittedWhereOptions = {},
): SqlCondition {
  let next = placeholderStart(options.placeholderStart);
  const policy = options.policy ?? defaultPolicy();
  const names = new Identifiers();
  const retention = retentionNames({ ...options, policy }, names);
  const kindColumn =
    options.columns?.kind === false ? null : names.name(options.columns?.kind ?? 'kind', ['columns', 'kind']);
  const personalColumn = names.name(options.columns?.personalData ?? 'personal_data', [
    'columns',
    'personalData',
  ]);
  const kinds = options.kinds ?? DATA_KINDS;
  for (const [i, k] of kinds.entries())
    if (!(DATA_KINDS as readonly unknown[]).includes(k))
      names.issues.push({
        path: ['kinds', i],
        code: 'invalid-value',
        message: `Expected one of ${DATA_KINDS.join(', ')}`,
      });
  if (kindColumn === null && kinds.length !== 1)
    names.issues.push({
      path: ['columns', 'kind'],
      code: 'kind-column-required',
      message: 'Without a kind column, kinds names exactly one kind',
    });
  names.check('SQL options');

  const q = snapshotOf(question, policy);
  const version = policy.termsInForce(q.at);
  const limited = holdsLimited(q.at, policy);
  const cutoff = limited ? retentionBounds(q.at, policy).receivedBefore : null;
  const values: string[] = [];
  const param = (value: string): string => {
    values.push(value);
    return `$${next++}`;
  };
  let holdingSql: { within: string; expired: string; extended: string } | null = null;
  const holdingOf = (state: Holding): string => {
    if (holdingSql === null) {
      const sql = retentionSql(retention, retentionBounds(q.at, policy), next);
      values.push(...sql.values);
      next += sql.values.length;
      const extended = sql.extended ?? 'FALSE';
      holdingSql = {
        within: `NOT ${sql.receivedBefore}`,
        expired: `${sql.receivedBefore} AND NOT ${extended}`,
        extended: `${sql.receivedBefore} AND ${extended}`,
      };
    }
    return state === 'within-period'
      ? holdingSql.within
      : state === 'expired'
        ? holdingSql.expired
        : holdingSql.extended;
  };

  const terms: string[] = [];
  for (const kind of kinds) {
    const dims: Dimensions = { personal: false, holding: false };
    for (const rule of version.rules) {
      if (!answers(rule, kind, q)) continue;
      const found =
        rule.when !== undefined
          ? 'a rule closure (when)'
          : rule.condition === undefined
            ? null
            : looksAt(rule.condition, kind, dims, q);
      if (found !== null) throw new PushdownError(kind, rule.id, found);
    }
    const holdingCases: readonly (Holding | null)[] = dims.holding && limited ? HOLDING : [null];
    const personalCases: readonly string[] = dims.personal ? PERSONAL : ['none'];
    // The permitted holding states of each personal-data status.
    const permitted = new Map<string, (Holding | null)[]>();
    let all = true;
    for (const p of personalCases)
      for (const h of holdingCases) {
        const allowed = policy.decide({ ...q, data: probe(kind, p, h, q.at, cutoff) }).allowed;
        if (allowed) permitted.set(p, [...(permitted.get(p) ?? []), h]);
        else all = false;
      }
    if (permitted.size === 0) continue;
    const kindSql = kindColumn === null ? null : `${retention.alias}.${kindColumn} = ${param(kind)}`;
    if (all) {
      terms.push(kindSql ?? 'TRUE');
      continue;
    }
    // Personal-data statuses with the same permitted states share one IN list.
    const byStates = new Map<string, { personal: string[]; states: (Holding | null)[] }>();
    for (const [p, states] of permitted) {
      const key = states.join(',');
      const group = byStates.get(key) ?? { personal: [], states };
      group.personal.push(p);
      byStates.set(key, group);
    }
    const alternatives: string[] = [];
    for (const { personal, states } of byStates.values()) {
      const parts: string[] = [];
      if (dims.personal && personal.length < PERSONAL.length) {
        const list = personal.map(param);
        parts.push(
          list.length === 1
            ? `${retention.alias}.${personalColumn} = ${list[0]}`
            : `${retention.alias}.${personalColumn} IN (${list.join(', ')})`,
        );
      }
      if (states.length < holdingCases.length)
        parts.push(`(${states.map((s) => `(${holdingOf(s as Holding)})`).join(' OR ')})`);
      alternatives.push(parts.length === 0 ? 'TRUE' : parts.join(' AND '));
    }
    const body = alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
    terms.push(kindSql === null ? body : `(${kindSql} AND ${body})`);
  }
  if (terms.length === 0) return { text: 'FALSE', values: [] };
  return { text: terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`, values };
}
