import {
  type Citation,
  type Decision,
  explain,
  type KnownObligationCode,
  OBLIGATION_CODES,
  type Subitem,
  type TermsVersionId,
} from 'm2m-data-policy';
import type { Matcher, MatcherState } from 'vitest';

/**
 * The citation `toCite` looks for: every field given must equal the citation's (a field left out, or
 * `undefined`, is not checked). `article` is always given.
 *
 * @example
 * const query: CitationQuery = { article: 13, paragraph: 3, item: 4 };
 * // Passes: the basis cites Terms (2020-12-01) Art. 13(3)(4); `source` and `terms` were not asked for.
 * expect(decide({ action: 'license', data: measurement(), recipient: 'third-party', at })).toCite(query);
 */
export interface CitationQuery {
  readonly article: number;
  readonly paragraph?: number | undefined;
  readonly item?: number | undefined;
  readonly subitem?: Subitem | undefined;
  readonly source?: Citation['source'] | undefined;
  readonly terms?: TermsVersionId | undefined;
}

/**
 * The policy matchers as vitest sees them; `R` is what an assertion returns.
 *
 * @example
 * // The declarations this subpath adds to vitest's `Assertion` and `AsymmetricMatchersContaining`:
 * expect(decision).toBePermitted(); // passes on a permit, fails with the decision's explanation on a deny
 * expect({ decision }).toEqual({ decision: expect.toBePermitted() });
 */
export interface PolicyMatchers<R = unknown> {
  /** Passes when the decision is a permit; a failure shows the decision's explanation. */
  toBePermitted(): R;
  /** Passes when the decision is a deny; a failure shows the decision's explanation. */
  toBeDenied(): R;
  /** Passes when some citation in the decision's basis matches every field of `query`. */
  toCite(query: CitationQuery): R;
  /** Passes when the decision carries an obligation with `code` (a deny carries none). */
  toOblige(code: KnownObligationCode): R;
}

// Declarations merge with vitest's only when vitest's own are loaded first, and TypeScript loads a file's imports
// before the file: the type import above (kept in the built .d.ts through the type of `matchers`) ensures that a
// test importing this subpath before 'vitest' still sees the matchers.
declare module 'vitest' {
  // The type parameter repeats vitest's own declaration: merged declarations must have identical ones.
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares `Assertion<T = any>`
  interface Assertion<T = any> extends PolicyMatchers<T> {}
  interface AsymmetricMatchersContaining extends PolicyMatchers {}
}

interface MatcherVerdict {
  readonly pass: boolean;
  readonly message: () => string;
}

const CITATION_FIELDS = ['article', 'paragraph', 'item', 'subitem', 'source', 'terms'] as const;
const NUMBER_FIELDS: ReadonlySet<string> = new Set(['article', 'paragraph', 'item']);

// A matcher given something that is not a decision throws rather than failing: otherwise `.not.toBeDenied()`
// would pass on `undefined`, and a test that forgot to call `decide` would look green.
function assertDecision(matcher: string, received: unknown): asserts received is Decision {
  const d = received as Partial<Decision> | null;
  const ok =
    typeof d === 'object' &&
    d !== null &&
    (d.effect === 'permit' || d.effect === 'deny') &&
    d.allowed === (d.effect === 'permit') &&
    typeof d.terms === 'string' &&
    d.at instanceof Date &&
    !Number.isNaN(d.at.getTime()) &&
    Array.isArray(d.basis) &&
    Array.isArray(d.reasons) &&
    Array.isArray(d.obligations);
  if (!ok) {
    throw new TypeError(
      `${matcher}() expects a Decision (from decide or policy.decide), received ${describeValue(received)}`,
    );
  }
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value)
    ? 'an array'
    : `an object with keys ${Object.keys(value).join(', ') || '(none)'}`;
}

function checkQuery(query: unknown): asserts query is CitationQuery {
  if (typeof query !== 'object' || query === null) {
    throw new TypeError(
      `toCite() expects a citation query such as { article: 13 }, received ${String(query)}`,
    );
  }
  for (const [key, value] of Object.entries(query)) {
    if (!(CITATION_FIELDS as readonly string[]).includes(key)) {
      // A misspelt field would otherwise be ignored, and the query would match more than was meant.
      throw new TypeError(`toCite() got an unknown field '${key}'; it knows ${CITATION_FIELDS.join(', ')}`);
    }
    const type = NUMBER_FIELDS.has(key) ? 'number' : 'string';
    if (value !== undefined && typeof value !== type) {
      throw new TypeError(`toCite() expects ${key} to be a ${type}, received ${String(value)}`);
    }
  }
  if (typeof (query as { article?: unknown }).article !== 'number') {
    throw new TypeError('toCite() needs an article number, e.g. { article: 13, paragraph: 3 }');
  }
}

const citesQuery = (c: Citation, query: CitationQuery): boolean =>
  CITATION_FIELDS.every((field) => query[field] === undefined || query[field] === c[field]);

const showQuery = (query: CitationQuery): string =>
  `{ ${CITATION_FIELDS.filter((f) => query[f] !== undefined)
    .map((f) => `${f}: ${JSON.stringify(query[f])}`)
    .join(', ')} }`;

/** The verdict, its message saying what was expected followed by the decision's explanation in English. */
function verdict(pass: boolean, decision: Decision, expected: string, notExpected: string): MatcherVerdict {
  return { pass, message: () => `${pass ? notExpected : expected}\n\n${explain(decision, 'en')}` };
}

function toBePermitted(received: unknown): MatcherVerdict {
  assertDecision('toBePermitted', received);
  return verdict(
    received.effect === 'permit',
    received,
    'Expected the decision to be a permit, but it is a deny:',
    'Expected the decision not to be a permit, but it is one:',
  );
}

function toBeDenied(received: unknown): MatcherVerdict {
  assertDecision('toBeDenied', received);
  return verdict(
    received.effect === 'deny',
    received,
    'Expected the decision to be a deny, but it is a permit:',
    'Expected the decision not to be a deny, but it is one:',
  );
}

function toCite(received: unknown, query: CitationQuery): MatcherVerdict {
  assertDecision('toCite', received);
  checkQuery(query);
  return verdict(
    received.basis.some((c) => citesQuery(c, query)),
    received,
    `Expected the decision to cite ${showQuery(query)}, but no citation in its basis matches:`,
    `Expected the decision not to cite ${showQuery(query)}, but its basis does:`,
  );
}

function toOblige(received: unknown, code: KnownObligationCode): MatcherVerdict {
  assertDecision('toOblige', received);
  // An unknown code could never match, so `.not.toOblige` with a typo would pass whatever the decision.
  if (!(OBLIGATION_CODES as readonly unknown[]).includes(code)) {
    throw new TypeError(
      `toOblige() got '${String(code)}', which is not an obligation code (OBLIGATION_CODES)`,
    );
  }
  return verdict(
    received.obligations.some((o) => o.code === code),
    received,
    `Expected the decision to oblige '${code}', but it carries no such obligation:`,
    `Expected the decision not to oblige '${code}', but it does:`,
  );
}

/**
 * The policy matchers for `expect.extend`: `toBePermitted()`, `toBeDenied()`, `toCite(query)` and
 * `toOblige(code)`, also as asymmetric matchers (`expect.toBePermitted()`) and with `.not`. A failure shows the
 * decision's explanation in English; a matcher given something other than a decision throws a `TypeError`.
 *
 * @example
 * import { expect } from 'vitest';
 * import { matchers } from 'm2m-data-policy/testing';
 * expect.extend(matchers);
 *
 * // Passes: raw measurement data may not leave (13(3)(4)).
 * expect(decide({ action: 'license', data: measurement(), recipient: 'third-party', at })).toCite({ article: 13, paragraph: 3, item: 4 });
 * try { expect(decide({ action: 'use', data: measurement(), purpose: 'marketing', at })).toBePermitted() } catch (e) {
 *   if (e instanceof Error) e.message
 *   //=> 'Expected the decision to be a permit, but it is a deny:\n\nDeny — decided under the 2020-12-01 terms at …'
 * }
 */
export const matchers: Readonly<{
  [K in keyof PolicyMatchers]: Matcher<MatcherState, Parameters<PolicyMatchers[K]>>;
}> = Object.freeze({ toBePermitted, toBeDenied, toCite, toOblige });
