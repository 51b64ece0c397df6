import { readProperty } from '../internal/property.js';
import {
  ACTIONS,
  ACTORS,
  type ConsentForm,
  PARTIES,
  type Party,
  RECIPIENT_ACTIONS,
} from '../model/vocabulary.js';
import type { DataRecord } from '../records/dataRecord.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { INSTANT_MESSAGES, readInstant } from '../records/timestamp.js';
import { isParsed } from '../records/trusted.js';
import type { Issues, Key } from './issues.js';
import type { ConsentSnapshot, ContractSnapshot } from './types.js';

// The readers of a request's fields, each once: a value checked and copied, or an issue at its path.

export const ACTION_SET: ReadonlySet<unknown> = new Set(ACTIONS);
export const ACTOR_SET: ReadonlySet<unknown> = new Set(ACTORS);
export const PARTY_SET: ReadonlySet<unknown> = new Set(PARTIES);
const FORM_SET: ReadonlySet<unknown> = new Set(['written', 'electronic', 'oral']);
export const BASIS_SET: ReadonlySet<unknown> = new Set(['law', 'authority-request']);
export const RECIPIENT_ACTION_SET: ReadonlySet<unknown> = new Set(RECIPIENT_ACTIONS);
const NON_SPACE = /\S/;

/** Whether a value is an object (arrays included) that properties can be read from. */
export const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** A value of a closed list, or an issue at its path. */
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
export function readConsents(v: unknown, issues: Issues): readonly ConsentSnapshot[] | undefined {
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
