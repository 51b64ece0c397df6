// The versions come from the package's main entry, never from a copy bundled into this subpath.
import { DEFAULT_TERMS, type TermsVersion } from 'm2m-data-policy';
import { exportRule } from './exportRule.js';
import { partyIri, termsIri } from './identifiers.js';
import { PROFILE_CONTEXT, PROFILE_IRI } from './profile.js';
import type {
  OdrlObligation,
  OdrlPermission,
  OdrlPolicy,
  OdrlProhibition,
  OdrlTypedLiteral,
} from './types.js';
import { ODRL_CONTEXT } from './vocabulary.js';

/**
 * Options of {@link toOdrl}.
 *
 * @example
 * const options: ToOdrlOptions = { terms: [terms20170401, terms20201201] };
 */
export interface ToOdrlOptions {
  /**
   * The versions the exported one is placed among, to name the version before it (`dc:replaces`) and the instant
   * a later one takes over (`m2m:inForceUntil`). Default: the library's versions (`DEFAULT_TERMS`).
   */
  readonly terms?: readonly TermsVersion[];
}

const JST_OFFSET_MS = 9 * 3_600_000;

/** An instant as an xsd:dateTime in Japan Standard Time, where all the terms' dates are reckoned. */
function jstDateTime(date: Date): OdrlTypedLiteral {
  const local = new Date(date.getTime() + JST_OFFSET_MS).toISOString().replace(/(\.000)?Z$/, '');
  return { '@value': `${local}+09:00`, '@type': 'xsd:dateTime' };
}

/** The latest version in force before `version`, and the first to follow it, by effective date. */
function neighbours(version: TermsVersion, terms: readonly TermsVersion[]) {
  const from = version.effectiveFrom.getTime();
  let previous: TermsVersion | undefined;
  let next: TermsVersion | undefined;
  for (const other of terms) {
    const at = other.effectiveFrom.getTime();
    if (at < from && (previous === undefined || at > previous.effectiveFrom.getTime())) previous = other;
    if (at > from && (next === undefined || at < next.effectiveFrom.getTime())) next = other;
  }
  return { previous, next };
}

/**
 * Exports a terms version as an ODRL 2.2 policy (JSON-LD, compacted against the ODRL context and the project's
 * profile context): an `Agreement` the provider (`assigner`) makes with the user (`assignee`).
 *
 * The policy is generated from the version's rules, each becoming one permission or prohibition with its
 * `m2m:order`, `m2m:rule` id, reason and articles (`m2m:basis`): the targets are data kinds, the assignees the
 * actors, purposes and recipients are ODRL `purpose` and `recipient` constraints, and a condition ODRL cannot
 * state (a rule's `when`) is an `m2m:ruleCondition` constraint naming it. The rules keep their first-match order
 * through the profile's conflict strategy, `m2m:firstApplicable`.
 *
 * Duties follow SPEC §6: ODRL makes a permission's `duty` a precondition, so only what must come before or with
 * the act is one (binding a subcontractor, notice before a compelled disclosure); what follows use is a policy
 * `obligation` that arises once the permission is exercised (`event gt <rule uid>`): deleting measurement data
 * when its holding period ends (13(4): `elapsedTime` P1Y, which the profile counts from `m2m:receivedAt` by the
 * Civil Code), informing the counterparty after a compelled disclosure (32(2)). A duty to refrain (not
 * re-identifying anonymized information) is a prohibition.
 *
 * Versions: `dc:issued` is the instant the version takes effect, and `dc:replaces` names the version in force
 * before it. The export never writes `dc:isReplacedBy`, which in ODRL voids the older policy: here the older terms
 * still decide every question about their own period, so an older version states instead, as `m2m:inForceUntil`,
 * the instant the next one takes over.
 *
 * @example
 * const policy = toOdrl(terms20201201);
 * policy.uid //=> 'urn:m2m-data-policy:terms:2020-12-01'
 * policy['dc:issued'] //=> { '@value': '2020-12-01T00:00:00+09:00', '@type': 'xsd:dateTime' }
 * policy['dc:replaces'] //=> { '@id': 'urn:m2m-data-policy:terms:2017-04-01' }
 * policy.prohibition.find((p) => p['m2m:rule'] === '13-3-4/provider/raw-data')?.action
 * //=> ['distribute', 'transfer', 'grantUse', 'm2m:sublicense']
 * toOdrl(terms20170401)['m2m:inForceUntil'] //=> { '@value': '2020-12-01T00:00:00+09:00', '@type': 'xsd:dateTime' }
 */
export function toOdrl(version: TermsVersion, options: ToOdrlOptions = {}): OdrlPolicy {
  const { previous, next } = neighbours(version, options.terms ?? DEFAULT_TERMS);
  const permission: OdrlPermission[] = [];
  const prohibition: OdrlProhibition[] = [];
  const obligation: OdrlObligation[] = [];
  const restrictions: OdrlProhibition[] = [];
  version.rules.forEach((rule, index) => {
    const exported = exportRule(rule, index + 1, version);
    if (exported.permission) permission.push(exported.permission);
    if (exported.prohibition) prohibition.push(exported.prohibition);
    obligation.push(...exported.obligations);
    restrictions.push(...exported.restrictions);
  });
  return {
    '@context': [ODRL_CONTEXT, PROFILE_CONTEXT],
    '@type': 'Agreement',
    uid: termsIri(version.id),
    profile: PROFILE_IRI,
    conflict: 'm2m:firstApplicable',
    assigner: partyIri('provider'),
    assignee: partyIri('user'),
    'dc:issued': jstDateTime(version.effectiveFrom),
    ...(previous && { 'dc:replaces': { '@id': termsIri(previous.id) } }),
    ...(version.noticeGivenAt && { 'm2m:noticeGivenAt': jstDateTime(version.noticeGivenAt) }),
    ...(next && { 'm2m:inForceUntil': jstDateTime(next.effectiveFrom) }),
    permission,
    prohibition: [...prohibition, ...restrictions],
    obligation,
  };
}
