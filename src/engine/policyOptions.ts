import { PolicyInputError, type PolicyIssue } from '../errors.js';
import { isLocale, type Locale } from '../i18n/locale.js';
import { readProperty } from '../internal/property.js';
import { ACTORS, type Actor, type Purpose } from '../model/vocabulary.js';
import { DEFAULT_TERMS } from '../terms/defaultTerms.js';
import { checkTerms } from '../terms/defineTerms.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { isDefinedTerms } from '../terms/versionValue.js';
import { formatJst } from '../time/jst.js';
import type { DecisionLogEntry } from './logEntry.js';

/**
 * How a policy is set up. Every option has a default: the provider acts, the clock is the system's, messages
 * are Japanese, both terms versions apply, and user information may be used for `service-provision` only.
 *
 * @example
 * const options: PolicyOptions = { locale: 'en', clock: () => new Date('2021-06-01T10:00:00+09:00') };
 * createPolicy(options).termsInForce().id //=> '2020-12-01'
 */
export interface PolicyOptions {
  /** Who acts when a request does not say (default `provider`). */
  readonly actor?: Actor | undefined;
  /** Where `at` comes from when a request has none (default: the system clock). */
  readonly clock?: (() => Date) | undefined;
  /** The language of messages and labels (default `ja`). */
  readonly locale?: Locale | undefined;
  /** The terms versions, in any order (default: 2017-04-01 and 2020-12-01); each is checked whole. */
  readonly terms?: readonly TermsVersion[] | undefined;
  /** The purposes the corporate privacy policy states for user information (default `['service-provision']`). */
  readonly privacyPolicyPurposes?: readonly string[] | undefined;
  /**
   * The only purposes this service asks about. A request naming any other is refused as malformed input
   * (`unknown-purpose`), so a typo such as `'service-analysys'` fails loudly instead of being decided as an other
   * purpose, which is denied. Default: any purpose is decided.
   */
  readonly strictPurposes?: readonly Purpose[] | undefined;
  /**
   * Called with a JSON-safe log entry after every decision. An error it throws reaches the caller (the call fails
   * closed); a promise it returns that rejects goes to `onHookError`.
   */
  readonly onDecision?: ((entry: DecisionLogEntry) => unknown) | undefined;
  /** Receives what an asynchronous `onDecision` rejected with, and the entry it was given (default `console.error`). */
  readonly onHookError?: ((error: unknown, entry: DecisionLogEntry) => void) | undefined;
}

/** Report at most this many issues of a policy's options, as everywhere. */
const MAX_ISSUES = 100;
const isBlank = (v: unknown) => typeof v !== 'string' || !/\S/.test(v);
const systemClock = () => new Date();
const reportToConsole = (error: unknown) => console.error('m2m-data-policy: onDecision rejected', error);

/** The options as read and checked, with their defaults. */
export interface Options {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly clock: () => Date;
  readonly terms: readonly TermsVersion[];
  readonly purposes: readonly string[];
  /** The purposes a strict policy accepts, or undefined for any. */
  readonly strictPurposes: ReadonlySet<string> | undefined;
  readonly onDecision: PolicyOptions['onDecision'];
  readonly onHookError: NonNullable<PolicyOptions['onHookError']>;
}

/** Reads the options once, checks them and every terms version whole: all problems at once. */
export function readOptions(options: unknown): Options {
  const o = typeof options === 'object' && options !== null ? options : {};
  const get = (key: keyof PolicyOptions) => readProperty(o, key);
  // Only an absent option takes its default: `null` is a value, and is checked like any other.
  const orDefault = (v: unknown, fallback: unknown): unknown => (v === undefined ? fallback : v);
  const issues: PolicyIssue[] = [];
  const actor = orDefault(get('actor'), 'provider');
  if (!(ACTORS as readonly unknown[]).includes(actor))
    issues.push({
      path: ['actor'],
      code: 'invalid-value',
      message: `actor must be one of ${ACTORS.join(', ')}`,
    });
  const locale = orDefault(get('locale'), 'ja');
  if (!isLocale(locale))
    issues.push({ path: ['locale'], code: 'invalid-value', message: "locale must be 'ja' or 'en'" });
  const clock = orDefault(get('clock'), systemClock);
  if (typeof clock !== 'function')
    issues.push({
      path: ['clock'],
      code: 'invalid-type',
      message: 'clock must be a function returning a Date',
    });
  const onDecision = get('onDecision');
  if (onDecision !== undefined && typeof onDecision !== 'function')
    issues.push({ path: ['onDecision'], code: 'invalid-type', message: 'onDecision must be a function' });
  const onHookError = orDefault(get('onHookError'), reportToConsole);
  if (typeof onHookError !== 'function')
    issues.push({ path: ['onHookError'], code: 'invalid-type', message: 'onHookError must be a function' });
  const purposes = orDefault(get('privacyPolicyPurposes'), ['service-provision']);
  if (!Array.isArray(purposes))
    issues.push({
      path: ['privacyPolicyPurposes'],
      code: 'invalid-type',
      message: 'privacyPolicyPurposes must be an array of purposes',
    });
  else
    purposes.forEach((p, i) => {
      if (isBlank(p))
        issues.push({
          path: ['privacyPolicyPurposes', i],
          code: 'invalid-value',
          message: 'A purpose is a non-empty string',
        });
    });
  const strict = get('strictPurposes');
  if (strict !== undefined && (!Array.isArray(strict) || strict.length === 0))
    issues.push({
      path: ['strictPurposes'],
      code: 'invalid-type',
      message: 'strictPurposes must be a non-empty array of purposes',
    });
  else if (strict !== undefined)
    strict.forEach((p: unknown, i: number) => {
      if (isBlank(p))
        issues.push({
          path: ['strictPurposes', i],
          code: 'invalid-value',
          message: 'A purpose is a non-empty string',
        });
    });
  const given = orDefault(get('terms'), DEFAULT_TERMS);
  // Each version with its place in the list given, for the paths of its issues.
  const placed: Placed[] = [];
  if (!Array.isArray(given) || given.length === 0)
    issues.push({ path: ['terms'], code: 'no-terms', message: 'A policy needs at least one terms version' });
  else
    given.forEach((v, index) => {
      // A version defineTerms made (the shipped ones too) is frozen and was checked: it is taken as it is.
      const checked = isDefinedTerms(v) ? { version: v, issues: [] } : checkTerms(v);
      for (const issue of checked.issues) issues.push({ ...issue, path: ['terms', index, ...issue.path] });
      if (checked.version) placed.push({ version: checked.version, index });
    });
  const ordered = placed.sort(
    (a, b) => a.version.effectiveFrom.getTime() - b.version.effectiveFrom.getTime(),
  );
  issues.push(...orderIssues(ordered));
  if (issues.length > MAX_ISSUES)
    issues.splice(MAX_ISSUES, issues.length, {
      path: [],
      code: 'too-many-issues',
      message: `${issues.length - MAX_ISSUES} more issues not listed`,
    });
  if (issues.length) throw new PolicyInputError(issues, 'policy options');
  return {
    actor: actor as Actor,
    locale: locale as Locale,
    clock: clock as () => Date,
    terms: Object.freeze(ordered.map((p) => p.version)),
    purposes: [...(purposes as string[])],
    strictPurposes: strict === undefined ? undefined : new Set(strict as string[]),
    onDecision: onDecision as PolicyOptions['onDecision'],
    onHookError: onHookError as Options['onHookError'],
  };
}

/** A checked version and its index in the list given. */
interface Placed {
  readonly version: TermsVersion;
  readonly index: number;
}

/**
 * Art. 3 of the 2020-12-01 terms: a change takes effect only after users were told of it, so every version after
 * the first needs a `noticeGivenAt` before its `effectiveFrom`; no two versions share an id or an instant.
 */
function orderIssues(sorted: readonly Placed[]): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const ids = new Set<string>();
  sorted.forEach(({ version: v, index: i }, k) => {
    if (ids.has(v.id))
      issues.push({
        path: ['terms', i, 'id'],
        code: 'duplicate-terms-id',
        message: `Terms version ${v.id} is listed twice`,
      });
    ids.add(v.id);
    const previous = sorted[k - 1]?.version;
    if (previous === undefined) return;
    const from = v.effectiveFrom.getTime();
    if (previous.effectiveFrom.getTime() === from)
      issues.push({
        path: ['terms', i, 'effectiveFrom'],
        code: 'duplicate-effective-date',
        message: `Terms versions ${previous.id} and ${v.id} take effect at the same instant`,
      });
    const notice = v.noticeGivenAt;
    const effective = formatJst(v.effectiveFrom);
    if (notice === undefined)
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-missing',
        message: `Terms version ${v.id} takes effect at ${effective} but gives no notice date; Art. 3 (規約の変更) requires users to be told of a change before it applies`,
      });
    else if (!(notice.getTime() < from))
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-not-before-effective',
        message: `Terms version ${v.id}: notice given at ${formatJst(notice)} is not before its effective date ${effective}; Art. 3 (規約の変更) requires notice beforehand`,
      });
  });
  return issues;
}
