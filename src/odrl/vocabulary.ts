// The W3C ODRL 2.2 terms the export uses (ODRL Information Model 2.2 and ODRL Vocabulary & Expression 2.2, W3C
// Recommendations of 2018-02-15), kept here so the tests can check that the export writes nothing else outside
// the project's own profile. Standard terms only: the project's terms live in ./profile.ts.

/**
 * The JSON-LD context of ODRL 2.2 (ODRL V&E, JSON-LD encoding); its terms are used unprefixed.
 *
 * @example
 * toOdrl(terms20201201)['@context'][0] //=> 'http://www.w3.org/ns/odrl.jsonld'
 */
export const ODRL_CONTEXT = 'http://www.w3.org/ns/odrl.jsonld';

/**
 * Policy subclasses used: `Agreement` (V&E, Policy Subclasses): a policy that grants rules from an assigner to an
 * assignee.
 *
 * @example
 * ODRL_POLICY_TYPES.includes(toOdrl(terms20201201)['@type']) //=> true
 */
export const ODRL_POLICY_TYPES = ['Agreement'] as const;

/**
 * Properties used: of the Policy (IM §2.1, §2.10 `conflict`), of Rules (IM §2.6), of Constraints (IM §2.5) and
 * the Party functions `assigner`, `assignee` (IM §2.3.1) and `informedParty` (V&E, Party Functions: the party an
 * `inform` duty informs).
 *
 * @example
 * ODRL_PROPERTIES.includes('obligation') //=> true
 */
export const ODRL_PROPERTIES = [
  'uid',
  'profile',
  'conflict',
  'assigner',
  'assignee',
  'informedParty',
  'target',
  'action',
  'permission',
  'prohibition',
  'obligation',
  'duty',
  'constraint',
  'leftOperand',
  'operator',
  'rightOperand',
] as const;

/**
 * Actions used (V&E, Actions for Rules): the core `use` and `transfer`, and common actions. `share` and `license` are not here:
 * ODRL 2.2 deprecates them in favour of `distribute` and `grantUse`.
 *
 * @example
 * ODRL_ACTIONS.includes('grantUse') //=> true
 */
export const ODRL_ACTIONS = [
  'use',
  'transfer',
  'derive',
  'distribute',
  'grantUse',
  'archive',
  'anonymize',
  'reproduce',
  'delete',
  'inform',
  'nextPolicy',
] as const;

/**
 * Constraint left operands used (V&E, Constraint Left Operands): `purpose`, `recipient`, `elapsedTime` (an xsd:duration) and
 * `event` (before, during or after an identified event, by the operator).
 *
 * @example
 * ODRL_LEFT_OPERANDS.includes('elapsedTime') //=> true
 */
export const ODRL_LEFT_OPERANDS = ['purpose', 'recipient', 'elapsedTime', 'event'] as const;

/**
 * Constraint operators used (V&E, Constraint Operators): equality, `gt` (after, for `event`), and `isAnyOf` for a list.
 *
 * @example
 * ODRL_OPERATORS //=> ['eq', 'gt', 'isAnyOf']
 */
export const ODRL_OPERATORS = ['eq', 'gt', 'isAnyOf'] as const;

/**
 * Dublin Core terms, prefixed `dc:` as IM §2.8 (Policy Metadata) recommends for policy metadata. `dc:isReplacedBy`
 * is deliberately absent: IM §2.8 makes a policy that has it void, and old terms are never void here.
 *
 * @example
 * DUBLIN_CORE_TERMS //=> ['dc:issued', 'dc:replaces']
 */
export const DUBLIN_CORE_TERMS = ['dc:issued', 'dc:replaces'] as const;

/**
 * XML Schema datatypes of the literal values: `xsd:duration` (V&E requires it for `elapsedTime`) and
 * `xsd:dateTime` (for `dc:issued` and the dates the profile adds).
 *
 * @example
 * XSD_DATATYPES.includes('xsd:duration') //=> true
 */
export const XSD_DATATYPES = ['xsd:dateTime', 'xsd:duration'] as const;

/** The JSON-LD keywords the export writes (JSON-LD 1.1 §1.7). */
export const JSON_LD_KEYWORDS = ['@context', '@type', '@id', '@value', '@language'] as const;

/**
 * An ODRL 2.2 action the export uses.
 *
 * @example
 * const action: OdrlAction = 'grantUse';
 * const terms: readonly ProfileTerm[] = PROFILE_TERMS;
 * terms.filter((t) => t.includedIn === action).map((t) => t.term) //=> ['m2m:sublicense']
 */
export type OdrlAction = (typeof ODRL_ACTIONS)[number];
/** An ODRL 2.2 left operand the export uses. */
export type OdrlLeftOperand = (typeof ODRL_LEFT_OPERANDS)[number];
/** An ODRL 2.2 operator the export uses. */
export type OdrlOperator = (typeof ODRL_OPERATORS)[number];
/** An XML Schema datatype of a literal in the export. */
export type XsdDatatype = (typeof XSD_DATATYPES)[number];
