import type { ObligationCode, ReasonCode } from '../engine/codes.js';
import type { Citation, Subitem } from '../engine/decision.js';
import type { ExportedAction } from './mapping.js';
import type { PROFILE_CONTEXT, ProfileLeftOperand } from './profile.js';
import type { ODRL_CONTEXT, OdrlLeftOperand, OdrlOperator, XsdDatatype } from './vocabulary.js';

// The shape of the ODRL export, compacted JSON-LD against the ODRL context and the profile's. Plain JSON values
// only, so JSON.stringify and JSON.parse give it back unchanged.

/** A node reference: the IRI (or compact IRI) of a resource. */
export interface OdrlRef {
  readonly '@id': string;
}

/** A typed literal, such as a duration or an instant. */
export interface OdrlTypedLiteral {
  readonly '@value': string;
  readonly '@type': XsdDatatype;
}

/** A text in a language. */
export interface OdrlText {
  readonly '@value': string;
  readonly '@language': 'ja' | 'en';
}

/** An atomic constraint: `leftOperand operator rightOperand`, with the profile's qualifiers on elapsedTime. */
export interface OdrlConstraint {
  readonly leftOperand: OdrlLeftOperand | ProfileLeftOperand;
  readonly operator: OdrlOperator;
  readonly rightOperand: OdrlRef | OdrlTypedLiteral | readonly OdrlRef[];
  readonly 'm2m:countedFrom'?: OdrlRef;
  readonly 'm2m:reckoning'?: OdrlRef;
  readonly 'm2m:extendedBy'?: OdrlRef;
}

/** A citation kept with a rule or duty so that auditors can trace it: the parts of a {@link Citation}, labelled. */
export interface OdrlCitation {
  readonly 'm2m:source': Citation['source'];
  readonly 'm2m:terms'?: string;
  readonly 'm2m:article'?: number;
  readonly 'm2m:paragraph'?: number;
  readonly 'm2m:item'?: number;
  readonly 'm2m:subitem'?: Subitem;
  readonly 'm2m:label': readonly [OdrlText, OdrlText];
}

/** One IRI, or several (ODRL IM §2.7 lets a rule name several targets, parties or actions). */
export type OneOrMore<T> = T | readonly T[];

/** A duty: inside a permission a precondition, at the policy's top level an obligation. */
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

/** A rule of the terms version, in its place in the first-applicable order. */
export interface OdrlDecisionRule extends OdrlRuleCommon {
  readonly 'm2m:order': number;
  readonly 'm2m:reason': ReasonCode;
  readonly 'm2m:note': readonly [OdrlText, OdrlText];
  readonly 'm2m:basis': readonly OdrlCitation[];
}

/** A rule that permits, with its preconditions. */
export interface OdrlPermission extends OdrlDecisionRule {
  readonly duty?: readonly OdrlDuty[];
}

/** A duty to refrain that a permission brings (such as not re-identifying anonymized information). */
export interface OdrlRestriction extends OdrlRuleCommon {
  readonly 'm2m:obligation': ObligationCode;
  readonly 'm2m:basis': readonly [OdrlCitation];
}

/** A rule that denies, or a restriction a permission brings. */
export type OdrlProhibition = OdrlDecisionRule | OdrlRestriction;

/** A duty that follows a permitted use: it arises once the rule named by `m2m:rule` has been exercised. */
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
