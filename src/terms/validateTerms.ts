import type { PolicyIssue } from '../errors.js';
import { OBLIGATION_CODES, REASON_CODES } from '../model/codes.js';
import { ACTIONS, ACTORS } from '../model/vocabulary.js';
import { DATA_KINDS } from '../records/dataRecord.js';
import { formatJst } from '../time/jst.js';
import type { TermsVersion } from './termsVersion.js';

const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const REASONS: ReadonlySet<unknown> = new Set(REASON_CODES);
const OBLIGATIONS: ReadonlySet<unknown> = new Set(OBLIGATION_CODES);
const KINDS: ReadonlySet<unknown> = new Set(DATA_KINDS);
const ACTOR_SET: ReadonlySet<unknown> = new Set(ACTORS);
const ACTION_SET: ReadonlySet<unknown> = new Set(ACTIONS);

function ruleIssues(rule: unknown, path: (string | number)[]): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const r = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
  const list = (key: string, allowed: ReadonlySet<unknown>) => {
    const v = r[key];
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => allowed.has(x))) {
      issues.push({
        path: [...path, key],
        code: 'invalid-rule',
        message: `A rule's ${key} must be a non-empty list of known values`,
      });
    }
  };
  list('kinds', KINDS);
  list('actors', ACTOR_SET);
  list('actions', ACTION_SET);
  if (r.effect !== 'permit' && r.effect !== 'deny')
    issues.push({
      path: [...path, 'effect'],
      code: 'invalid-rule',
      message: "A rule's effect is 'permit' or 'deny'",
    });
  if (!REASONS.has(r.reason))
    issues.push({
      path: [...path, 'reason'],
      code: 'unknown-reason-code',
      message: `Unknown reason code ${JSON.stringify(r.reason)}`,
    });
  if (!Array.isArray(r.basis) || r.basis.length === 0)
    issues.push({
      path: [...path, 'basis'],
      code: 'empty-basis',
      message: 'A rule must cite at least one article',
    });
  if (
    r.obligations !== undefined &&
    !(
      Array.isArray(r.obligations) &&
      r.obligations.every((o) => OBLIGATIONS.has((o as { code?: unknown } | null)?.code))
    )
  ) {
    issues.push({
      path: [...path, 'obligations'],
      code: 'unknown-obligation-code',
      message: 'Every obligation needs a known code',
    });
  }
  return issues;
}

/**
 * Checks a list of terms versions and returns them oldest first. Besides their shape, Art. 3 of the 2020-12-01
 * terms: a change takes effect only after users were told of it, so every version after the first must carry a
 * `noticeGivenAt` before its `effectiveFrom`.
 */
export function validateTerms(terms: unknown): { versions: readonly TermsVersion[]; issues: PolicyIssue[] } {
  if (!Array.isArray(terms) || terms.length === 0) {
    return {
      versions: [],
      issues: [{ path: ['terms'], code: 'no-terms', message: 'A policy needs at least one terms version' }],
    };
  }
  const issues: PolicyIssue[] = [];
  const ids = new Map<unknown, number>();
  terms.forEach((v: Partial<TermsVersion> | null, i) => {
    const path = ['terms', i];
    if (typeof v !== 'object' || v === null) {
      issues.push({ path, code: 'invalid-terms-version', message: 'A terms version is an object' });
      return;
    }
    if (typeof v.id !== 'string' || !/\S/.test(v.id))
      issues.push({
        path: [...path, 'id'],
        code: 'invalid-terms-version',
        message: 'A terms version needs an id',
      });
    else if (ids.has(v.id))
      issues.push({
        path: [...path, 'id'],
        code: 'duplicate-terms-id',
        message: `Terms version ${v.id} is listed twice`,
      });
    ids.set(v.id, i);
    if (!isDate(v.effectiveFrom))
      issues.push({
        path: [...path, 'effectiveFrom'],
        code: 'invalid-terms-version',
        message: 'effectiveFrom must be a valid Date',
      });
    if (v.noticeGivenAt !== undefined && !isDate(v.noticeGivenAt))
      issues.push({
        path: [...path, 'noticeGivenAt'],
        code: 'invalid-terms-version',
        message: 'noticeGivenAt must be a valid Date',
      });
    if (typeof v.articles !== 'object' || v.articles === null)
      issues.push({
        path: [...path, 'articles'],
        code: 'invalid-terms-version',
        message: 'articles must be an object (it may be empty)',
      });
    if (!Array.isArray(v.rules))
      issues.push({
        path: [...path, 'rules'],
        code: 'invalid-terms-version',
        message: 'rules must be an array',
      });
    else
      v.rules.forEach((rule, j) => {
        issues.push(...ruleIssues(rule, [...path, 'rules', j]));
      });
  });
  if (issues.length) return { versions: [], issues };

  const sorted = (terms as TermsVersion[])
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.effectiveFrom.getTime() - b.v.effectiveFrom.getTime());
  sorted.forEach(({ v, i }, k) => {
    const previous = sorted[k - 1];
    if (previous === undefined) return;
    if (previous.v.effectiveFrom.getTime() === v.effectiveFrom.getTime()) {
      issues.push({
        path: ['terms', i, 'effectiveFrom'],
        code: 'duplicate-effective-date',
        message: `Terms versions ${previous.v.id} and ${v.id} take effect at the same instant`,
      });
    }
    const effective = formatJst(v.effectiveFrom);
    if (v.noticeGivenAt === undefined) {
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-missing',
        message: `Terms version ${v.id} takes effect at ${effective} but gives no notice date; Art. 3 (規約の変更) requires users to be told of a change before it applies`,
      });
    } else if (!(v.noticeGivenAt.getTime() < v.effectiveFrom.getTime())) {
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-not-before-effective',
        message: `Terms version ${v.id}: notice given at ${formatJst(v.noticeGivenAt)} is not before its effective date ${effective}; Art. 3 (規約の変更) requires notice beforehand`,
      });
    }
  });
  return { versions: Object.freeze(sorted.map(({ v }) => v)), issues };
}
