import type { ObligationCode, ReasonCode } from '../model/codes.js';
import type { Citation, Subitem } from '../model/decision.js';
import type { ExportedAction } from './mapping.js';
import type { PROFILE_CONTEXT, ProfileLeftOperand } from './profile.js';
import type { ODRL_CONTEXT, OdrlLeftOperand, OdrlOperator, XsdDatatype } from './vocabulary.js';

// The shape of the ODRL export, compacted JSON-LD against the ODRL context and the profile's. Plain JSON values
// only, so JSON.stringify and JSON.parse give it back unchanged.

/**
 * A node reference: the IRI (or compact IRI) of a resource.
 *
 * @example
 * const replaces: OdrlRef | undefined = toOdrl(terms20201201)['dc:replaces'];
 * replaces //=> { '@id': 'urn:m2m-data-policy:terms:2017-04-01' }
 */
export interface OdrlRef {
  readonly '@id': string;
}

/**
 * A typed literal, such as a duration or an instant.
 *
 * @example
 * const issued: OdrlTypedLiteral = toOdrl(terms20201201)['dc:issued'];
 * issued //=> { '@value': '2020-12-01T00:00:00+09:00', '@type': 'xsd:dateTime' }
 */
export interface OdrlTypedLiteral {
  readonly '@value': string;
  readonly '@type': XsdDatatype;
}

/**
 * A text in a language.
 *
 * @example
 * const label: OdrlText | undefined = toOdrl(terms20201201).permission[0]?.['m2m:basis'][0]?.['m2m:label'][1];
 * label //=> { '@value': 'Terms (2020-12-01) Art. 13(3)(1)イ', '@language': 'en' }
 */
export interface OdrlText {
  readonly '@value': string;
  readonly '@language': 'ja' | 'en';
}

/**
 * An atomic constraint: `leftOperand operator rightOperand`, with the profile's qualifiers on elapsedTime.
 *
 * @example
 * const [purpose]: readonly OdrlConstraint[] = toOdrl(terms20201201).permission[0]?.constraint ?? [];
 * purpose
 * //=> { leftOperand: 'purpose', operator: 'eq',
 * //     rightOperand: { '@id': 'urn:m2m-data-policy:purpose:service-analysis' } }
 */
export interface OdrlConstraint {
  readonly leftOperand: OdrlLeftOperand | ProfileLeftOperand;
  readonly operator: OdrlOperator;
  readonly rightOperand: OdrlRef | OdrlTypedLiteral | readonly OdrlRef[];
  readonly 'm2m:countedFrom'?: OdrlRef;
  readonly 'm2m:reckoning'?: OdrlRef;
  readonly 'm2m:extendedBy'?: OdrlRef;
}

/**
 * A citation kept with a rule or duty so that auditors can trace it: the parts of a {@link Citation}, labelled.
 *
 * @example
 * const basis: OdrlCitation | undefined = toOdrl(terms20201201).permission[0]?.['m2m:basis'][0];
 * [basis?.['m2m:article'], basis?.['m2m:paragraph'], basis?.['m2m:item'], basis?.['m2m:subitem']]
 * //=> [13, 3, 1, 'イ']
 */
export interface OdrlCitation {
  readonly 'm2m:source': Citation['source'];
  readonly 'm2m:terms'?: string;
  readonly 'm2m:article'?: number;
  readonly 'm2m:paragraph'?: number;
  readonly 'm2m:item'?: number;
  readonly 'm2m:subitem'?: Subitem;
  readonly 'm2m:label': readonly [OdrlText, OdrlText];
}

/**
 * One IRI, or several (ODRL IM §2.7 lets a rule name several targets, parties or actions).
 *
 * @example
 * const deletion = toOdrl(terms20201201).obligation.find(
 *   (o) => o['m2m:obligation'] === 'delete-when-retention-ends',
 * );
 * const assignee: OneOrMore<string> | undefined = deletion?.assignee;
 * assignee //=> ['urn:m2m-data-policy:party:provider', 'urn:m2m-data-policy:party:subcontractor']
 */
export type OneOrMore<T> = T | readonly T[];

/**
 * A duty: inside a permission a precondition, at the policy's top level an obligation.
 *
 * @example
 * const notice = toOdrl(terms20201201).permission.find((r) => r['m2m:rule'] === '32-2/third-party/notice-before');
 * const [duty]: readonly OdrlDuty[] = notice?.duty ?? [];
 * [duty?.action, duty?.informedParty] //=> ['inform', 'm2m:discloser']
 */
export interface OdrlDuty {
  readonly action: ExportedAction;
  readonly informedParty?: string;
  readonly constraint?: readonly OdrlConstraint[];
  readonly 'm2m:obligation': ObligationCode;
  readonly 'm2m:basis': readonly [OdrlCitation];
}

/** What every exported rule has: where it comes from, what it is about, and its articles. */
interface OdrlRuleCommon {
  readonly uid: string;
  readonly target: OneOrMore<string>;
  readonly assignee: OneOrMore<string>;
  readonly action: OneOrMore<ExportedAction>;
  readonly constraint?: readonly OdrlConstraint[];
  readonly 'm2m:rule': string;
}

/**
 * A rule of the terms version, in its place in the first-applicable order.
 *
 * @example
 * const rule: OdrlDecisionRule | undefined = toOdrl(terms20201201).permission[0];
 * [rule?.['m2m:order'], rule?.['m2m:reason']] //=> [1, 'use-for-service-analysis']
 */
export interface OdrlDecisionRule extends OdrlRuleCommon {
  readonly 'm2m:order': number;
  readonly 'm2m:reason': ReasonCode;
  readonly 'm2m:note': readonly [OdrlText, OdrlText];
  readonly 'm2m:basis': readonly OdrlCitation[];
}

/**
 * A rule that permits, with its preconditions.
 *
 * @example
 * const permission: OdrlPermission | undefined = toOdrl(terms20201201).permission.find((r) => r.duty);
 * [permission?.['m2m:rule'], permission?.duty?.map((d) => d.action)]
 * //=> ['13-3-1-ha/provider/use', ['m2m:recordDetermination']]
 */
export interface OdrlPermission extends OdrlDecisionRule {
  readonly duty?: readonly OdrlDuty[];
}

/**
 * A duty to refrain that a permission brings (such as not re-identifying anonymized information).
 *
 * @example
 * const restriction = toOdrl(terms20201201).prohibition.find(
 *   (r): r is OdrlRestriction => !('m2m:order' in r),
 * );
 * [restriction?.action, restriction?.['m2m:rule']] //=> ['m2m:reidentify', '31-3/anonymize']
 */
export interface OdrlRestriction extends OdrlRuleCommon {
  readonly 'm2m:obligation': ObligationCode;
  readonly 'm2m:basis': readonly [OdrlCitation];
}

/**
 * A rule that denies, or a restriction a permission brings.
 *
 * @example
 * const prohibitions: readonly OdrlProhibition[] = toOdrl(terms20201201).prohibition;
 * prohibitions.find((r) => r['m2m:rule'] === '13-3-4/provider/raw-data')?.action
 * //=> ['distribute', 'transfer', 'grantUse', 'm2m:sublicense']
 */
export type OdrlProhibition = OdrlDecisionRule | OdrlRestriction;

/**
 * A duty that follows a permitted use: it arises once the rule named by `m2m:rule` has been exercised.
 *
 * @example
 * const deletion: OdrlObligation | undefined = toOdrl(terms20201201).obligation.find(
 *   (o) => o['m2m:obligation'] === 'delete-when-retention-ends',
 * );
 * [deletion?.action, deletion?.['m2m:rule'], deletion?.constraint[1]?.rightOperand]
 * //=> ['delete', 'retention/within-period', { '@value': 'P1Y', '@type': 'xsd:duration' }]
 */
export interface OdrlObligation extends OdrlDuty {
  readonly uid: string;
  readonly target: OneOrMore<string>;
  readonly assignee: OneOrMore<string>;
  readonly constraint: readonly OdrlConstraint[];
  readonly 'm2m:rule': string;
}

/**
 * A terms version as an ODRL 2.2 Agreement.
 *
 * @example
 * const policy: OdrlPolicy = toOdrl(terms20201201);
 * policy.uid //=> 'urn:m2m-data-policy:terms:2020-12-01'
 */
export interface OdrlPolicy {
  readonly '@context': readonly [typeof ODRL_CONTEXT, typeof PROFILE_CONTEXT];
  readonly '@type': 'Agreement';
  readonly uid: string;
  readonly profile: string;
  readonly conflict: 'm2m:firstApplicable';
  readonly assigner: string;
  readonly assignee: string;
  readonly 'dc:issued': OdrlTypedLiteral;
  readonly 'dc:replaces'?: OdrlRef;
  readonly 'm2m:noticeGivenAt'?: OdrlTypedLiteral;
  readonly 'm2m:inForceUntil'?: OdrlTypedLiteral;
  readonly permission: readonly OdrlPermission[];
  readonly prohibition: readonly OdrlProhibition[];
  readonly obligation: readonly OdrlObligation[];
}
