import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { inheritedFromObjectPrototype, readProperty } from '../internal/property.js';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  type ConsentForm,
  type LegalBasis,
  PARTIES,
  type Party,
  type Purpose,
  RECIPIENT_ACTIONS,
} from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { INSTANT_MESSAGES, readInstant } from '../records/timestamp.js';
import { isParsed } from '../records/trusted.js';
import type { ConsentSnapshot, ContractSnapshot, RequestSnapshot } from './types.js';

// The one reading of a request (SPEC §7). Each field is read once, by ordinary property access, checked, and
// copied into plain values: instants become epoch milliseconds read from the Date's internal time value, the
// record a parsed and frozen one. The same code decides validity and reports every problem with its path, so
// there is no second reading to keep in step with it.

type Key = string | number | undefined;

/** Report at most this many issues; a count of the rest follows (a million bad entries are one report). */
const MAX_ISSUES = 100;

/** Collects issues, at most {@link MAX_ISSUES} of them (the list is made only when there is a first one). */
export class Issues {
  private found: PolicyIssue[] | null = null;
  private more = 0;

  /** How many issues were found. */
  get count(): number {
    return (this.found?.length ?? 0) + this.more;
  }

  private push(issue: PolicyIssue): void {
    if (this.found === null) this.found = [];
    if (this.found.length < MAX_ISSUES) this.found.push(issue);
    else this.more++;
  }

  /** Adds an issue at the path of up to three keys (a path is built only for a problem, never on the way). */
  add(code: string, message: string, k1?: Key, k2?: Key, k3?: Key): void {
    const path = [k1, k2, k3].filter((k): k is string | number => k !== undefined);
    this.push({ path, code, message });
  }

  /** Adds issues found under a path (the record's, say). */
  addUnder(prefix: readonly (string | number)[], found: readonly PolicyIssue[]): void {
    for (const i of found) this.push({ ...i, path: [...prefix, ...i.path] });
  }

  /** The issues found, with a last one counting those left out. */
  all(): PolicyIssue[] {
    const found = this.found ?? [];
    return this.more === 0
      ? found
      : [...found, { path: [], code: 'too-many-issues', message: `${this.more} more issues not listed` }];
  }
}

/** The fields of a request as read, before defaults: each `undefined` when absent. */
export interface RequestFields {
  action: Action | undefined;
  data: DataRecord | undefined;
  actor: Actor | undefined;
  purpose: Purpose | undefined;
  recipient: Party | undefined;
  atMs: number | undefined;
  contract: ContractSnapshot | undefined;
  consents: readonly ConsentSnapshot[] | undefined;
  justification: string | undefined;
  legalBasis: LegalBasis | undefined;
  priorNoticeImpossible: boolean | undefined;
  /** Which of action, data, purpose and recipient were given at all (valid or not): {@link GIVEN} bits. */
  given: number;
}

/** Bits of {@link RequestFields.given}. */
const GIVEN = { action: 1, data: 2, purpose: 4, recipient: 8 } as const;

const ACTION_SET: ReadonlySet<unknown> = new Set(ACTIONS);
const ACTOR_SET: ReadonlySet<unknown> = new Set(ACTORS);
const PARTY_SET: ReadonlySet<unknown> = new Set(PARTIES);
const FORM_SET: ReadonlySet<unknown> = new Set(['written', 'electronic', 'oral']);
const BASIS_SET: ReadonlySet<unknown> = new Set(['law', 'authority-request']);
const RECIPIENT_ACTION_SET: ReadonlySet<unknown> = new Set(RECIPIENT_ACTIONS);
const NON_SPACE = /\S/;

export const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

export function oneOf<T>(
  v: unknown,
  allowed: ReadonlySet<unknown>,
  issues: Issues,
  k1: Key,
  k2?: Key,
  k3?: Key,
) {
  if (allowed.has(v)) return v as T;
  issues.add('invalid-value', `Expected one of ${[...allowed].join(', ')}`, k1, k2, k3);
  return undefined;
}

/** A non-blank string (an identifier or a purpose). */
export function readText(v: unknown, issues: Issues, k1: Key, k2?: Key): string | undefined {
  // A string that starts with a printable ASCII character says something; only others need the expression.
  if (typeof v === 'string' && v.charCodeAt(0) > 32 && v.charCodeAt(0) < 127) return v;
  if (typeof v !== 'string') issues.add('invalid-type', 'Expected a string', k1, k2);
  else if (!NON_SPACE.test(v)) issues.add('blank-string', 'Expected a non-empty string', k1, k2);
  else return v;
  return undefined;
}

/** An instant: a Date by its internal time value, or an ISO-8601 string with an offset. */
export function readInstantAt(v: unknown, issues: Issues, k1: Key, k2?: Key, k3?: Key): number | undefined {
  const ms = readInstant(v);
  if (typeof ms === 'number') return ms;
  issues.add(ms, INSTANT_MESSAGES[ms], k1, k2, k3);
  return undefined;
}

const DATA_PATH = Object.freeze(['data']);

/** The record: a parsed one as it is, anything else through the record schema. */
export function readData(
  v: unknown,
  issues: Issues,
  at: readonly (string | number)[] = DATA_PATH,
): DataRecord | undefined {
  if (isParsed(v)) return v;
  const parsed = safeParseRecord(v);
  if (parsed.success) return parsed.data;
  issues.addUnder(at, parsed.issues);
  return undefined;
}

/** A consent, at `consent` or `consent[i]` (or under another key: a list of consents on file). */
export function readConsent(
  v: unknown,
  issues: Issues,
  i?: number,
  key = 'consent',
): ConsentSnapshot | undefined {
  if (!isObject(v)) {
    issues.add('invalid-type', 'A consent is an object { from, form, grantedAt }', key, i);
    return undefined;
  }
  const last = (field: string) => (i === undefined ? ([field, undefined] as const) : ([i, field] as const));
  const from = oneOf<Party>(readProperty(v, 'from'), PARTY_SET, issues, key, ...last('from'));
  const form = oneOf<ConsentForm>(readProperty(v, 'form'), FORM_SET, issues, key, ...last('form'));
  const grantedAtMs = readInstantAt(readProperty(v, 'grantedAt'), issues, key, ...last('grantedAt'));
  return from === undefined || form === undefined || grantedAtMs === undefined
    ? undefined
    : { from, form, grantedAtMs };
}

/** One consent or a list of them. */
function readConsents(v: unknown, issues: Issues): readonly ConsentSnapshot[] | undefined {
  if (!Array.isArray(v)) {
    const one = readConsent(v, issues);
    return one === undefined ? undefined : [one];
  }
  const length = v.length;
  const consents: ConsentSnapshot[] = [];
  for (let i = 0; i < length; i++) {
    const one = readConsent(readProperty(v, String(i)), issues, i);
    if (one !== undefined) consents.push(one);
  }
  return consents.length === length ? consents : undefined;
}

export function readContract(v: unknown, issues: Issues): ContractSnapshot | undefined {
  if (!isObject(v)) {
    issues.add('invalid-type', 'A contract is an object { id, formedAt, terminatedAt? }', 'contract');
    return undefined;
  }
  const id = readText(readProperty(v, 'id'), issues, 'contract', 'id');
  const formedAtMs = readInstantAt(readProperty(v, 'formedAt'), issues, 'contract', 'formedAt');
  const ended = readProperty(v, 'terminatedAt');
  const terminatedAtMs =
    ended === undefined ? undefined : readInstantAt(ended, issues, 'contract', 'terminatedAt');
  if (id === undefined || formedAtMs === undefined || (ended !== undefined && terminatedAtMs === undefined))
    return undefined;
  if (terminatedAtMs !== undefined && terminatedAtMs < formedAtMs) {
    issues.add(
      'contract-ends-before-formed',
      'A contract cannot end before it is formed',
      'contract',
      'terminatedAt',
    );
    return undefined;
  }
  return { id, formedAtMs, terminatedAtMs };
}

const NO_CONSENTS: readonly ConsentSnapshot[] = Object.freeze([]);

/** Empty fields. */
export const noFields = (): RequestFields => ({
  action: undefined,
  data: undefined,
  actor: undefined,
  purpose: undefined,
  recipient: undefined,
  atMs: undefined,
  contract: undefined,
  consents: undefined,
  justification: undefined,
  legalBasis: undefined,
  priorNoticeImpossible: undefined,
  given: 0,
});

/** Whether a value read from `o[key]` is there: not `undefined`, and not a polluted `Object.prototype`'s. */
const present = (o: object, value: unknown, key: string): boolean =>
  value !== undefined && !inheritedFromObjectPrototype(o, key);

/**
 * Reads the fields of `input` over `into` (a field `input` has replaces the one `into` had): each field once.
 * `withRecord` is false for a batch's shared context, which carries neither action nor data.
 */
export function readFields(input: unknown, into: RequestFields, issues: Issues, withRecord = true): void {
  if (!isObject(input)) {
    issues.add('invalid-type', 'A request is an object');
    return;
  }
  // Each field is read by name, once; a value that reaches it from Object.prototype is dropped as absent.
  const o = input as Readonly<Record<string, unknown>>;
  if (withRecord) {
    const action = o.action;
    if (present(o, action, 'action')) {
      into.given |= GIVEN.action;
      into.action = oneOf<Action>(action, ACTION_SET, issues, 'action');
    }
    const data = o.data;
    if (present(o, data, 'data')) {
      into.given |= GIVEN.data;
      into.data = readData(data, issues);
    }
  }
  const actor = o.actor;
  if (present(o, actor, 'actor')) into.actor = oneOf<Actor>(actor, ACTOR_SET, issues, 'actor');
  const purpose = o.purpose;
  if (present(o, purpose, 'purpose')) {
    into.given |= GIVEN.purpose;
    into.purpose = readText(purpose, issues, 'purpose');
  }
  const recipient = o.recipient;
  if (present(o, recipient, 'recipient')) {
    into.given |= GIVEN.recipient;
    into.recipient = oneOf<Party>(recipient, PARTY_SET, issues, 'recipient');
  }
  const at = o.at;
  if (present(o, at, 'at')) into.atMs = readInstantAt(at, issues, 'at');
  const contract = o.contract;
  if (present(o, contract, 'contract')) into.contract = readContract(contract, issues);
  const consent = o.consent;
  if (present(o, consent, 'consent')) into.consents = readConsents(consent, issues);
  const justification = o.justification;
  if (present(o, justification, 'justification')) {
    if (typeof justification === 'string') into.justification = justification;
    else issues.add('invalid-type', 'A justification is a string', 'justification');
  }
  const legalBasis = o.legalBasis;
  if (present(o, legalBasis, 'legalBasis'))
    into.legalBasis = oneOf<LegalBasis>(legalBasis, BASIS_SET, issues, 'legalBasis');
  const notice = o.priorNoticeImpossible;
  if (present(o, notice, 'priorNoticeImpossible')) {
    if (typeof notice === 'boolean') into.priorNoticeImpossible = notice;
    else issues.add('invalid-type', 'priorNoticeImpossible is a boolean', 'priorNoticeImpossible');
  }
}

/** What a request falls back on: the policy's actor, and its clock for the instant. */
export interface RequestDefaults {
  readonly actor: Actor;
  /** The instant when the request names none, as epoch milliseconds. */
  readonly now: () => number;
}

/**
 * Adds the issues of fields an action needs and lacks: the action itself, the record (unless `withData` is false,
 * for a filter whose records come later), a recipient to pass data on, a purpose to use it.
 */
export function requireFields(f: RequestFields, issues: Issues, withData: boolean): void {
  const given = f.given;
  if ((given & GIVEN.action) === 0) issues.add('required', 'An action is required', 'action');
  if (withData && (given & GIVEN.data) === 0) issues.add('required', 'A record (data) is required', 'data');
  if ((given & GIVEN.recipient) === 0 && RECIPIENT_ACTION_SET.has(f.action))
    issues.add('recipient-required', `A recipient is required to ${String(f.action)}`, 'recipient');
  if ((given & GIVEN.purpose) === 0 && f.action === 'use')
    issues.add('purpose-required', 'A purpose is required to use data', 'purpose');
}

/**
 * Completes read fields into a snapshot: the fields an action needs, the actor and instant defaulted. Throws
 * {@link PolicyInputError} with every issue found, here and while reading.
 */
export function snapshotOf(f: RequestFields, issues: Issues, defaults: RequestDefaults): RequestSnapshot {
  requireFields(f, issues, true);
  if (issues.count > 0 || f.action === undefined || f.data === undefined)
    throw new PolicyInputError(issues.all(), 'request');
  // The fields become the snapshot: the defaults filled in, nothing else changes, and nothing writes to it after.
  f.actor ??= defaults.actor;
  f.atMs ??= defaults.now();
  f.consents ??= NO_CONSENTS;
  f.priorNoticeImpossible ??= false;
  return f as RequestSnapshot;
}

/**
 * Reads a request into its snapshot: every problem is reported at once, with its path from the request's root.
 *
 * @throws {PolicyInputError} for malformed input.
 */
export function readRequest(input: unknown, defaults: RequestDefaults): RequestSnapshot {
  const issues = new Issues();
  const fields = noFields();
  readFields(input, fields, issues);
  return snapshotOf(fields, issues, defaults);
}

/** Sets the record of a request whose other fields were read already (a filter's records, a shortcut's data). */
export function setData(fields: RequestFields, data: unknown, issues: Issues): void {
  fields.given |= GIVEN.data;
  fields.data = readData(data, issues);
}

/**
 * Reads a shortcut's request (`canUse`, `canTransmit`): the context's fields (never its action or data), then the
 * action, record, purpose and actor the shortcut fixes.
 *
 * @throws {PolicyInputError} for malformed input.
 */
export function readCall(
  context: unknown,
  action: Action,
  data: unknown,
  purpose: unknown,
  actor: Actor | undefined,
  defaults: RequestDefaults,
): RequestSnapshot {
  const issues = new Issues();
  const fields = noFields();
  if (context !== undefined) readFields(context, fields, issues, false);
  fields.action = action;
  fields.given |= GIVEN.action;
  setData(fields, data, issues);
  if (purpose !== undefined) {
    fields.given |= GIVEN.purpose;
    fields.purpose = readText(purpose, issues, 'purpose');
  }
  if (actor !== undefined) fields.actor = actor;
  return snapshotOf(fields, issues, defaults);
}
