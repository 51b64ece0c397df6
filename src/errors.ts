import type { Decision } from './model/decision.js';
import { formatJst } from './model/jstText.js';

/**
 * One problem found in an input, with where it is.
 *
 * `path` runs from the root of what was checked: for a request, `['data', 'receivedAt']`; for a record given to
 * {@link parseRecord}, `['receivedAt']`.
 *
 * @example
 * const issue: PolicyIssue = { path: ['data', 'receivedAt'], code: 'timestamp-without-offset', message: '…' };
 */
export interface PolicyIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

/**
 * The stable codes of the library's errors.
 *
 * @example
 * try { parseRecord({ kind: 'measurement' }) } catch (e) {
 *   const code: PolicyErrorCode | undefined = e instanceof PolicyError ? e.code : undefined;
 *   code //=> 'invalid-input'
 * }
 */
export type PolicyErrorCode =
  | 'invalid-input'
  | 'policy-violation'
  | 'terms-not-in-force'
  | 'cannot-push-down';

/**
 * The base of every error this library throws; `code` is stable and safe to branch on.
 *
 * @example
 * try { assertPermitted({ action: 'license', data: reading, recipient: 'third-party', at }) } catch (e) {
 *   if (e instanceof PolicyError) e.code //=> 'policy-violation' (the others: 'invalid-input', 'terms-not-in-force', 'cannot-push-down')
 * }
 */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;

  constructor(code: PolicyErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

function formatIssues(issues: readonly PolicyIssue[]): string {
  return issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message} [${i.code}]`)
    .join('; ');
}

/**
 * Thrown for malformed input: it carries every problem found, each with its path, never only the first.
 *
 * @example
 * try { parseRecord({ kind: 'measurement' }) } catch (e) {
 *   if (e instanceof PolicyInputError) e.issues.map((i) => i.path.join('.'))
 *   //=> ['id', 'contractId', 'metric', 'measuredAt', 'receivedAt', 'personalData']
 * }
 */
export class PolicyInputError extends PolicyError {
  readonly issues: readonly PolicyIssue[];

  constructor(issues: readonly PolicyIssue[], what = 'input') {
    super(
      'invalid-input',
      `Invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${formatIssues(issues)}`,
    );
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
  }
}

/**
 * Thrown by `assertPermitted` when the decision is a deny; carries that decision.
 *
 * @example
 * const at = '2021-06-01T10:00:00+09:00';
 * try { assertPermitted({ action: 'use', data: reading, purpose: 'marketing', at }) } catch (e) {
 *   if (e instanceof PolicyViolationError) e.decision.reasons[0]?.code //=> 'purpose-not-granted'
 * }
 */
export class PolicyViolationError extends PolicyError {
  readonly decision: Decision;

  constructor(decision: Decision) {
    const reasons = decision.reasons.map((r) => r.code).join(', ');
    const basis = decision.basis.map((c) => c.label).join(', ');
    super('policy-violation', `Denied under the ${decision.terms} terms (${basis}): ${reasons}`);
    this.decision = decision;
  }
}

/**
 * Thrown when no modelled terms version is in force at the decision's time (before 2017-04-01 by default).
 *
 * @example
 * try { termsInForce(new Date('2016-01-01T00:00:00+09:00')) } catch (e) {
 *   if (e instanceof TermsNotInForceError) e.code //=> 'terms-not-in-force'
 * }
 */
export class TermsNotInForceError extends PolicyError {
  readonly at: Date;

  constructor(at: Date, earliest: Date | undefined) {
    super(
      'terms-not-in-force',
      earliest
        ? `No terms version is in force at ${formatJst(at)}: the earliest takes effect at ${formatJst(earliest)}`
        : 'No terms version is registered with this policy',
    );
    this.at = at;
  }
}
