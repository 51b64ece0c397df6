import { PolicyInputError } from '../errors.js';
import { inheritedFromObjectPrototype } from '../internal/property.js';
import type { Action, Actor, LegalBasis, Party, Purpose } from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import {
  ACTION_SET,
  ACTOR_SET,
  BASIS_SET,
  isObject,
  oneOf,
  PARTY_SET,
  RECIPIENT_ACTION_SET,
  readConsents,
  readContract,
  readData,
  readInstantAt,
  readText,
} from './fieldReaders.js';
import { Issues } from './issues.js';
import type { ConsentSnapshot, ContractSnapshot, RequestSnapshot } from './types.js';

// The one reading of a request (SPEC §7). Each field is read once, by ordinary property access, checked, and
// copied into plain values: instants become epoch milliseconds read from the Date's internal time value, the
// record a parsed and frozen one. The same code decides validity and reports every problem with its path, so
// there is no second reading to keep in step with it.

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
  /** The only purposes accepted (a strict policy's), or undefined for any. */
  readonly purposes?: ReadonlySet<string> | undefined;
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
  const strict = defaults.purposes;
  if (strict !== undefined && f.purpose !== undefined && !strict.has(f.purpose))
    issues.add(
      'unknown-purpose',
      `This policy decides only the purposes ${[...strict].join(', ')}`,
      'purpose',
    );
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
