import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { readProperty } from '../internal/property.js';
import type { TermsVersion, TermsVersionInput } from './termsVersion.js';

import {
  Checker,
  FORMS,
  instant,
  isObject,
  isText,
  type Obj,
  PARTY_SET,
  readArticles,
  readCodes,
} from './versionChecker.js';
import { versionValue } from './versionValue.js';

// One pass over a version as written: every field read once, checked, and copied into a frozen value. What it
// refuses it reports, every problem with its path; what it accepts no caller can alter afterwards.

const RULE_KEYS = [
  'id',
  'kinds',
  'actors',
  'actions',
  'purposes',
  'recipients',
  'condition',
  'when',
  'effect',
  'reason',
  'basis',
  'obligations',
] as const;
const VERSION_KEYS = [
  'id',
  'effectiveFrom',
  'noticeGivenAt',
  'articles',
  'codes',
  'holdingPeriod',
  'survivalPeriod',
  'outcomeOwnership',
  'transmissionConsent',
  'returnDuty',
] as const;

/**
 * Plain data read once from a value as written: arrays by index, objects by their own enumerable keys into objects
 * without a prototype (so a later read can reach no polluted one), Dates and functions as they are.
 */
function inert(value: unknown, keys?: readonly string[]): unknown {
  if (Array.isArray(value)) {
    const length = value.length;
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) out[i] = inert(readProperty(value, String(i)));
    return out;
  }
  if (!isObject(value) || value instanceof Date || typeof value === 'function') return value;
  const out: Obj = Object.create(null);
  for (const key of keys ?? Object.keys(value)) {
    const v = readProperty(value, key);
    if (v !== undefined) out[key] = inert(v);
  }
  return out;
}

/** A version as written, read once: its known fields, its rules' known fields, the rest as plain data. */
function inertVersion(input: Obj): Obj {
  const out = inert(input, VERSION_KEYS) as Obj;
  const rules = readProperty(input, 'rules');
  if (Array.isArray(rules)) {
    const length = rules.length;
    const copied: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const rule = readProperty(rules, String(i));
      copied[i] = isObject(rule) && !Array.isArray(rule) ? inert(rule, RULE_KEYS) : rule;
    }
    out.rules = copied;
  } else if (rules !== undefined) out.rules = rules;
  return out;
}

/**
 * Checks a terms version as written and returns it as a frozen value no caller can alter, or the problems found
 * (paths from the version's root). {@link defineTerms} throws them; a policy prefixes them with the version's place.
 */
export function checkTerms(input: unknown): { version?: TermsVersion; issues: PolicyIssue[] } {
  if (!isObject(input) || Array.isArray(input))
    return { issues: [{ path: [], code: 'invalid-terms-version', message: 'A terms version is an object' }] };
  // Everything below reads this copy, never the input: each field of the input was read once, here.
  const plain = inertVersion(input);
  const field = (key: string): unknown => plain[key];
  const holdingPeriod = field('holdingPeriod');
  const survivalPeriod = field('survivalPeriod');
  const preliminary = new Checker({ reasons: {}, obligations: {} }, false, false);
  const codes = readCodes(field('codes'), preliminary);
  const c = new Checker(codes, holdingPeriod !== undefined, survivalPeriod !== undefined);
  for (const i of preliminary.issues) c.add(i.path, i.code, i.message);

  const id = field('id');
  if (!isText(id)) c.add(['id'], 'invalid-terms-version', 'A terms version needs an id');
  const effectiveFromMs = instant(field('effectiveFrom'), ['effectiveFrom'], c, false);
  const noticeGivenAtMs = instant(field('noticeGivenAt'), ['noticeGivenAt'], c, true);
  const rules = field('rules');
  if (!Array.isArray(rules)) c.add(['rules'], 'invalid-terms-version', 'rules must be an array');
  else {
    const ids = new Set<unknown>();
    rules.forEach((r, i) => {
      c.rule(r, ['rules', i]);
      const ruleId = isObject(r) ? r.id : undefined;
      if (ruleId !== undefined && ids.has(ruleId))
        c.add(['rules', i, 'id'], 'duplicate-rule-id', `Rule id ${String(ruleId)} is used twice`);
      ids.add(ruleId);
    });
  }
  readArticles(field('articles'), c);
  c.period(holdingPeriod, ['holdingPeriod']);
  c.period(survivalPeriod, ['survivalPeriod']);
  const outcomeOwnership = field('outcomeOwnership');
  if (outcomeOwnership !== undefined) c.citation(outcomeOwnership, ['outcomeOwnership']);
  const transmissionConsent = field('transmissionConsent');
  if (
    transmissionConsent !== undefined &&
    !(
      isObject(transmissionConsent) &&
      PARTY_SET.has(transmissionConsent.from) &&
      FORMS.has(transmissionConsent.form)
    )
  )
    c.add(['transmissionConsent'], 'invalid-terms-version', 'transmissionConsent is { from: Party, form }');
  const returnDuty = field('returnDuty');
  if (
    returnDuty !== undefined &&
    !(typeof returnDuty === 'string' && Object.hasOwn(codes.obligations, returnDuty))
  )
    c.add(
      ['returnDuty'],
      'unknown-obligation-code',
      'returnDuty must be an obligation code the version has messages for',
    );
  if (c.issues.length > 0 || effectiveFromMs === undefined || !Array.isArray(rules))
    return { issues: c.all() };

  return {
    version: versionValue(plain, effectiveFromMs, noticeGivenAtMs),
    issues: [],
  };
}

/**
 * Defines a terms version: checks it whole and returns it frozen, its dates copied on every read, so that no
 * caller can alter it afterwards. A policy accepts plain versions too and checks them the same way.
 *
 * @throws {PolicyInputError} with every problem and its path (e.g. `['rules', 3, 'when']`).
 * @example
 * const next = defineTerms({ ...terms20201201, id: '2030-04-01', effectiveFrom: '2030-04-01T00:00:00+09:00',
 *   noticeGivenAt: '2030-01-15T00:00:00+09:00', holdingPeriod: { years: 2 } });
 * next.holdingPeriod //=> { years: 2 }
 */
export function defineTerms(input: TermsVersionInput): TermsVersion {
  const { version, issues } = checkTerms(input);
  if (version === undefined) throw new PolicyInputError(issues, 'terms version');
  return version;
}
