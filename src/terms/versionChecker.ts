import type { PolicyIssue } from '../errors.js';
import type { Bilingual } from '../model/bilingual.js';
import { ACTIONS, ACTORS, PARTIES } from '../model/vocabulary.js';
import { DATA_KINDS } from '../records/dataRecord.js';
import { INSTANT_MESSAGES, readInstant } from '../records/timestamp.js';
import { CONDITION_KEYS } from './condition.js';
import type { ArticleSummary, TermsCodes } from './termsVersion.js';

// The checks of a version as written, field by field: every problem with its path from the version's root.

export type Path = readonly (string | number)[];
export type Obj = Record<string, unknown>;

const MAX_ISSUES = 100;
const KINDS: ReadonlySet<unknown> = new Set(DATA_KINDS);
const ACTOR_SET: ReadonlySet<unknown> = new Set(ACTORS);
const ACTION_SET: ReadonlySet<unknown> = new Set(ACTIONS);
export const PARTY_SET: ReadonlySet<unknown> = new Set(PARTIES);
const CONSENT_FROM: ReadonlySet<unknown> = new Set([...PARTIES, 'discloser', 'person']);
export const FORMS: ReadonlySet<unknown> = new Set(['written', 'electronic', 'oral']);
const BASES: ReadonlySet<unknown> = new Set(['law', 'authority-request']);
const PERSONAL: ReadonlySet<unknown> = new Set(['none', 'possible', 'yes']);
const SUBJECTS: ReadonlySet<unknown> = new Set(['user', 'officer', 'employee', 'other-staff']);
const EXCEPTIONS: ReadonlySet<unknown> = new Set([
  'already-held',
  'obtained-from-third-party',
  'independently-developed',
  'public',
]);
const HOLDING: ReadonlySet<unknown> = new Set(['within-period', 'extended', 'expired']);
const SOURCES: ReadonlySet<unknown> = new Set(['terms', 'appi', 'civil-code', 'contract']);
const SUBITEMS: ReadonlySet<unknown> = new Set(['イ', 'ロ', 'ハ']);
const UNITS = ['years', 'months', 'weeks', 'days'] as const;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
export const isText = (v: unknown): v is string => typeof v === 'string' && /\S/.test(v);
const positive = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
export class Checker {
  readonly issues: PolicyIssue[] = [];
  private more = 0;
  /** Facts about the version the rules' checks need. */
  constructor(
    readonly codes: TermsCodes,
    readonly hasHolding: boolean,
    readonly hasSurvival: boolean,
  ) {}

  add(path: Path, code: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, code, message });
    else this.more++;
  }

  all(): PolicyIssue[] {
    return this.more === 0
      ? this.issues
      : [
          ...this.issues,
          { path: [], code: 'too-many-issues', message: `${this.more} more issues not listed` },
        ];
  }

  list(v: unknown, path: Path, allowed: ReadonlySet<unknown>, what: string, optional = false): void {
    if (optional && v === undefined) return;
    if (!Array.isArray(v) || v.length === 0) {
      this.add(path, 'invalid-rule', `${what} must be a non-empty array`);
      return;
    }
    v.forEach((x, i) => {
      if (!allowed.has(x))
        this.add([...path, i], 'invalid-rule', `Unknown ${what.replace(/s$/, '')}: ${String(x)}`);
    });
  }

  citation(v: unknown, path: Path): void {
    if (!isObject(v) || !SOURCES.has(v.source)) {
      this.add(
        path,
        'invalid-citation',
        "A citation is { source: 'terms' | 'appi' | 'civil-code' | 'contract', … }",
      );
      return;
    }
    const needsArticle = v.source === 'appi' || v.source === 'civil-code';
    for (const key of ['article', 'paragraph', 'item'] as const) {
      const n = v[key];
      if (n === undefined ? key === 'article' && needsArticle : !positive(n))
        this.add([...path, key], 'invalid-citation', `A citation's ${key} is a whole number from 1`);
    }
    if (v.subitem !== undefined && !SUBITEMS.has(v.subitem))
      this.add([...path, 'subitem'], 'invalid-citation', 'A subitem is イ, ロ or ハ');
  }

  condition(v: unknown, path: Path, depth = 0): void {
    const keys = isObject(v) ? Object.keys(v) : [];
    const key = keys[0];
    if (
      keys.length !== 1 ||
      key === undefined ||
      !(CONDITION_KEYS as readonly string[]).includes(key) ||
      depth > 16
    ) {
      this.add(
        path,
        'invalid-condition',
        `A condition is an object with one of: ${CONDITION_KEYS.join(', ')}`,
      );
      return;
    }
    const value = (v as Obj)[key];
    const at = [...path, key];
    const bad = (message: string) => this.add(at, 'invalid-condition', message);
    switch (key) {
      case 'all':
      case 'any':
        if (!Array.isArray(value) || value.length === 0) bad(`${key} takes a non-empty array of conditions`);
        else for (const [i, x] of value.entries()) this.condition(x, [...at, i], depth + 1);
        return;
      case 'not':
        this.condition(value, at, depth + 1);
        return;
      case 'justified':
      case 'priorNoticeImpossible':
      case 'privacyPolicyPurpose':
      case 'designated':
      case 'contractEnded':
      case 'otherContract':
        if (value !== true) bad(`${key} takes true`);
        return;
      case 'subject':
        this.list(value, at, SUBJECTS, key);
        return;
      case 'survivalEnded':
        if (value !== true) bad('survivalEnded takes true');
        else if (!this.hasSurvival) bad('survivalEnded needs the version to have a survivalPeriod');
        return;
      case 'holding':
        if (!HOLDING.has(value)) bad('holding takes within-period, extended or expired');
        else if (!this.hasHolding) bad('holding needs the version to have a holdingPeriod');
        return;
      case 'personalData':
      case 'legalBasis':
        this.list(value, at, key === 'personalData' ? PERSONAL : BASES, key);
        return;
      case 'consent':
        if (!isObject(value) || !CONSENT_FROM.has(value.from)) bad('consent takes { from, forms? }');
        else this.list(value.forms, [...at, 'forms'], FORMS, 'forms', true);
        return;
      case 'recipient':
        if (value !== 'discloser' && value !== 'person') bad("recipient takes 'discloser' or 'person'");
        return;
      case 'exception':
        if (!EXCEPTIONS.has(value)) bad('exception takes one of the exceptions of 32(1)');
        return;
      case 'disclosedBy':
        if (value !== 'actor' && value !== 'user' && value !== 'provider')
          bad("disclosedBy takes 'actor', 'user' or 'provider'");
        return;
    }
  }

  obligation(v: unknown, path: Path): void {
    if (!isObject(v)) {
      this.add(path, 'invalid-rule', 'An obligation is { code, basis, due? }');
      return;
    }
    if (!(typeof v.code === 'string' && Object.hasOwn(this.codes.obligations, v.code)))
      this.add(
        [...path, 'code'],
        'unknown-obligation-code',
        `Obligation code ${JSON.stringify(v.code)} has no messages in the version's codes`,
      );
    this.citation(v.basis, [...path, 'basis']);
    if (v.due !== undefined && v.due !== 'holding-ends')
      this.add([...path, 'due'], 'invalid-rule', "due is 'holding-ends' or absent");
    else if (v.due !== undefined && !this.hasHolding)
      this.add(
        [...path, 'due'],
        'invalid-rule',
        "due: 'holding-ends' needs the version to have a holdingPeriod",
      );
  }

  rule(v: unknown, path: Path): void {
    if (!isObject(v)) {
      this.add(path, 'invalid-rule', 'A rule is an object');
      return;
    }
    if (!isText(v.id)) this.add([...path, 'id'], 'invalid-rule', 'A rule needs an id');
    this.list(v.kinds, [...path, 'kinds'], KINDS, 'kinds');
    this.list(v.actors, [...path, 'actors'], ACTOR_SET, 'actors');
    this.list(v.actions, [...path, 'actions'], ACTION_SET, 'actions');
    if (
      v.purposes !== undefined &&
      !(Array.isArray(v.purposes) && v.purposes.length > 0 && v.purposes.every(isText))
    )
      this.add(
        [...path, 'purposes'],
        'invalid-rule',
        'purposes must be a non-empty array of non-empty strings',
      );
    this.list(v.recipients, [...path, 'recipients'], PARTY_SET, 'recipients', true);
    if (v.condition !== undefined) this.condition(v.condition, [...path, 'condition']);
    if (v.when !== undefined && typeof v.when !== 'function')
      this.add([...path, 'when'], 'invalid-rule', 'when must be a function (request, env) => boolean');
    if (v.effect !== 'permit' && v.effect !== 'deny')
      this.add([...path, 'effect'], 'invalid-rule', "A rule's effect is 'permit' or 'deny'");
    if (!(typeof v.reason === 'string' && Object.hasOwn(this.codes.reasons, v.reason)))
      this.add(
        [...path, 'reason'],
        'unknown-reason-code',
        `Reason code ${JSON.stringify(v.reason)} has no messages in the version's codes`,
      );
    if (!Array.isArray(v.basis) || v.basis.length === 0)
      this.add([...path, 'basis'], 'empty-basis', 'A rule must cite at least one article');
    else for (const [i, x] of v.basis.entries()) this.citation(x, [...path, 'basis', i]);
    if (v.obligations !== undefined) {
      if (!Array.isArray(v.obligations))
        this.add([...path, 'obligations'], 'invalid-rule', 'obligations must be an array');
      else for (const [i, x] of v.obligations.entries()) this.obligation(x, [...path, 'obligations', i]);
    }
  }

  bilingual(v: unknown, path: Path): v is Bilingual {
    const ok = isObject(v) && typeof v.ja === 'string' && typeof v.en === 'string';
    if (!ok) this.add(path, 'invalid-terms-version', 'Expected { ja, en } texts');
    return ok;
  }

  period(v: unknown, path: Path): void {
    if (v === undefined) return;
    const ok =
      isObject(v) &&
      Object.keys(v).every((k) => (UNITS as readonly string[]).includes(k)) &&
      UNITS.every((u) => v[u] === undefined || (Number.isSafeInteger(v[u]) && (v[u] as number) >= 0)) &&
      UNITS.some((u) => positive(v[u]));
    if (!ok)
      this.add(
        path,
        'invalid-period',
        'A period is { years?, months?, weeks?, days? } of whole numbers, not all zero',
      );
  }
}

export function readCodes(v: unknown, c: Checker): TermsCodes {
  // Lookup tables without a prototype: a code named `constructor` has no message it did not write.
  const codes: { reasons: Record<string, Bilingual>; obligations: Record<string, Bilingual> } = {
    reasons: Object.create(null),
    obligations: Object.create(null),
  };
  if (!isObject(v)) {
    c.add(
      ['codes'],
      'invalid-terms-version',
      'codes must be { reasons, obligations }, each keyed on the code',
    );
    return codes;
  }
  for (const group of ['reasons', 'obligations'] as const) {
    const table = v[group];
    if (!isObject(table)) {
      c.add(['codes', group], 'invalid-terms-version', `codes.${group} must be an object keyed on the code`);
      continue;
    }
    for (const code of Object.keys(table)) {
      const messages = table[code];
      if (c.bilingual(messages, ['codes', group, code])) codes[group][code] = messages;
    }
  }
  return codes;
}

export function readArticles(v: unknown, c: Checker): Readonly<Record<number, ArticleSummary>> {
  if (!isObject(v)) {
    c.add(['articles'], 'invalid-terms-version', 'articles must be an object (it may be empty)');
    return {};
  }
  for (const key of Object.keys(v)) {
    const a = v[key];
    if (!/^[1-9]\d*$/.test(key))
      c.add(['articles', key], 'invalid-terms-version', 'Articles are keyed by number');
    else if (!isObject(a))
      c.add(['articles', key], 'invalid-terms-version', 'An article is { title, summary }');
    else {
      c.bilingual(a.title, ['articles', key, 'title']);
      c.bilingual(a.summary, ['articles', key, 'summary']);
    }
  }
  return v as Readonly<Record<number, ArticleSummary>>;
}

export function instant(v: unknown, path: Path, c: Checker, optional: boolean): number | undefined {
  if (optional && v === undefined) return undefined;
  const ms = readInstant(v);
  if (typeof ms === 'number') return ms;
  c.add(path, ms, INSTANT_MESSAGES[ms]);
  return undefined;
}
