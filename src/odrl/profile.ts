// The project's ODRL profile (ODRL IM §3): what the export says that ODRL 2.2 has no term for. Every term is listed
// with its definition, so the profile is data a processor (or an auditor) can read, and the tests can check that
// the export uses no project term left undefined here.

/**
 * The identifier of the project's ODRL profile, given as the policy's `profile`.
 *
 * @example
 * toOdrl(terms20201201).profile //=> 'urn:m2m-data-policy:odrl-profile'
 */
export const PROFILE_IRI = 'urn:m2m-data-policy:odrl-profile';

/**
 * The namespace of the profile's terms, written with the prefix `m2m:` (`m2m:basis` is
 * `urn:m2m-data-policy:odrl-profile:basis`).
 *
 * @example
 * `${PROFILE_NAMESPACE}basis` //=> 'urn:m2m-data-policy:odrl-profile:basis'
 */
export const PROFILE_NAMESPACE = `${PROFILE_IRI}:`;

/**
 * The JSON-LD context the export adds after ODRL's own: the profile's prefix, and the `dc` and `xsd` prefixes
 * for the metadata (as ODRL IM §2.8 example 30 declares `dc`).
 *
 * @example
 * toOdrl(terms20201201)['@context'][1].m2m //=> 'urn:m2m-data-policy:odrl-profile:'
 */
export const PROFILE_CONTEXT = Object.freeze({
  m2m: PROFILE_NAMESPACE,
  dc: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const);

/**
 * What a profile term is, in the classes ODRL IM §3.3 lets a profile extend (and the profile's own properties).
 *
 * @example
 * const type: ProfileTermType | undefined = PROFILE_TERMS.find((t) => t.term === 'm2m:firstApplicable')?.type;
 * type //=> 'ConflictTerm'
 */
export type ProfileTermType =
  | 'Action'
  | 'LeftOperand'
  | 'RightOperand'
  | 'ConflictTerm'
  | 'Party'
  | 'Concept'
  | 'Property';

/**
 * A term of the profile: its compact IRI, its class, the ODRL action it is included in (actions), and its meaning.
 *
 * @example
 * const term: ProfileTerm | undefined = PROFILE_TERMS.find((t) => t.term === 'm2m:transmit');
 * [term?.type, term?.includedIn] //=> ['Action', 'distribute']
 */
export interface ProfileTerm {
  readonly term: `m2m:${string}`;
  readonly type: ProfileTermType;
  readonly includedIn?: 'use' | 'grantUse' | 'distribute' | 'inform';
  readonly definition: string;
}

/**
 * Every term of the profile with its definition. An ODRL processor must understand a policy's profile or stop
 * (ODRL IM §3.2); this list, with {@link PROFILE_CONVENTIONS}, is what it has to understand.
 *
 * @example
 * PROFILE_TERMS.find((t) => t.term === 'm2m:sublicense')?.includedIn //=> 'grantUse'
 */
export const PROFILE_TERMS = [
  {
    term: 'm2m:firstApplicable',
    type: 'ConflictTerm',
    definition:
      'The rules carrying m2m:order, permissions and prohibitions together, are tried in that order; the first whose action, target, assignee and constraints all match a request decides it, as the library tries a terms version’s rules. A rule applies to the very action it names: includedIn does not widen it, because the terms name each act separately and their “use” is use for a purpose, not ODRL’s umbrella over every act. A request no rule matches is prohibited. Prohibitions without m2m:order (restrictions a permission brings) apply besides.',
  },
  {
    term: 'm2m:sublicense',
    type: 'Action',
    includedIn: 'grantUse',
    definition:
      'To sublicense (再利用許諾): a licensee grants another the use it was granted. Apart from grantUse because the terms decide it apart.',
  },
  {
    term: 'm2m:transmit',
    type: 'Action',
    includedIn: 'distribute',
    definition:
      'The user’s sending of measurement data to the provider’s data centre (2(2)), which 31(2) gates; apart from distribute, which stands for disclosure to others.',
  },
  {
    term: 'm2m:keepWithinPurpose',
    type: 'Action',
    includedIn: 'use',
    definition: 'To keep every later use of the asset within the purpose the permission names.',
  },
  {
    term: 'm2m:recordDetermination',
    type: 'Action',
    includedIn: 'use',
    definition:
      'To record the provider’s determination that a matter is incidental or necessary (13(3)(1)ハ, old 13(1)) before the use.',
  },
  {
    term: 'm2m:handleUnderAppi',
    type: 'Action',
    includedIn: 'use',
    definition: 'To handle the personal information under the APPI and the corporate privacy policy.',
  },
  {
    term: 'm2m:superviseSubcontractor',
    type: 'Action',
    includedIn: 'use',
    definition: 'To supervise the subcontractor entrusted with personal data (APPI 25).',
  },
  {
    term: 'm2m:publishAnonymizedItems',
    type: 'Action',
    includedIn: 'inform',
    definition: 'To publish the categories of information anonymized information contains (APPI 43(3)).',
  },
  {
    term: 'm2m:publishProvisionItems',
    type: 'Action',
    includedIn: 'inform',
    definition:
      'To publish, before providing anonymized information to a third party, its categories and the method of provision (APPI 43(4)).',
  },
  {
    term: 'm2m:reidentify',
    type: 'Action',
    includedIn: 'use',
    definition:
      'To identify the person anonymized information is about, e.g. by matching it with other information (APPI 43(5) forbids it).',
  },
  {
    term: 'm2m:ruleCondition',
    type: 'LeftOperand',
    definition:
      'A condition of a rule that ODRL cannot state: the library’s `when` predicate, which is code, not data. The right operand `<rule uid>:when` names it, and the constraint holds when the predicate holds for the request. The rule’s m2m:note and m2m:basis say in words what it tests.',
  },
  {
    term: 'm2m:dueAt',
    type: 'LeftOperand',
    definition:
      'When a duty falls due, as its rule computes it for each request (code, not data). The right operand `<duty uid>:dueAt` names the computation; the duty is due at the instant it gives.',
  },
  {
    term: 'm2m:returnRequested',
    type: 'RightOperand',
    definition:
      'The event of the disclosing party asking for its confidential information back, or for its erasure (32(4)).',
  },
  {
    term: 'm2m:discloser',
    type: 'Party',
    definition:
      'The party that disclosed the confidential information (`disclosedBy`): the receiving party’s counterparty under Art. 32.',
  },
  {
    term: 'm2m:receivedAt',
    type: 'Concept',
    definition:
      'The instant the provider’s data centre received the measurement data (the record’s `receivedAt`).',
  },
  {
    term: 'm2m:civilCodePeriod',
    type: 'Concept',
    definition:
      'Reckoning by the Civil Code in Japan Standard Time: the first day is not counted unless the start is 00:00 (Art. 140); the period ends with the end of its last day (Art. 141), the day before the day corresponding to the first day (Art. 143(2)), or the month’s last day where there is none. Art. 142 (holidays) does not apply to holding periods.',
  },
  {
    term: 'm2m:retentionExtension',
    type: 'Concept',
    definition:
      'A recorded decision, with a reason, to hold measurement data longer (13(4), old 13(2)). Relied on only once decided, it moves the end of holding to its `until` (none: open-ended); the time between the period’s end and a later decision is not covered.',
  },
  {
    term: 'm2m:countedFrom',
    type: 'Property',
    definition:
      'On an elapsedTime constraint: the instant the period starts from. ODRL leaves the start open; here it is stated.',
  },
  {
    term: 'm2m:reckoning',
    type: 'Property',
    definition: 'On an elapsedTime constraint: how the period is computed.',
  },
  {
    term: 'm2m:extendedBy',
    type: 'Property',
    definition: 'On an elapsedTime constraint: what may lengthen the period.',
  },
  {
    term: 'm2m:order',
    type: 'Property',
    definition:
      'The position (from 1) of a rule among its version’s rules: the order m2m:firstApplicable tries them in.',
  },
  {
    term: 'm2m:rule',
    type: 'Property',
    definition: 'The id of the library rule an ODRL rule, duty or obligation comes from.',
  },
  {
    term: 'm2m:reason',
    type: 'Property',
    definition: 'The stable reason code of the decision the rule gives.',
  },
  {
    term: 'm2m:note',
    type: 'Property',
    definition: 'The project’s own summary of the rule’s outcome, in Japanese and English.',
  },
  {
    term: 'm2m:obligation',
    type: 'Property',
    definition: 'The stable obligation code a duty, obligation or restriction comes from.',
  },
  {
    term: 'm2m:basis',
    type: 'Property',
    definition:
      'The articles a rule or duty rests on, each with m2m:source and m2m:label and, as cited, m2m:terms, m2m:article, m2m:paragraph, m2m:item and m2m:subitem. APPI articles are numbered as in force from 2022-04-01.',
  },
  { term: 'm2m:source', type: 'Property', definition: 'What is cited: terms, appi, civil-code or contract.' },
  {
    term: 'm2m:terms',
    type: 'Property',
    definition: 'The terms version an article of the terms belongs to.',
  },
  { term: 'm2m:article', type: 'Property', definition: 'The article number cited.' },
  { term: 'm2m:paragraph', type: 'Property', definition: 'The paragraph number cited.' },
  { term: 'm2m:item', type: 'Property', definition: 'The item number cited.' },
  { term: 'm2m:subitem', type: 'Property', definition: 'The subitem cited: イ, ロ or ハ.' },
  { term: 'm2m:label', type: 'Property', definition: 'The readable citation, in Japanese and English.' },
  {
    term: 'm2m:noticeGivenAt',
    type: 'Property',
    definition:
      'When users were told of the terms version and its effective date (Art. 3 of the 2020-12-01 terms).',
  },
  {
    term: 'm2m:inForceUntil',
    type: 'Property',
    definition:
      'The instant (exclusive) from which a later terms version governs. The policy still decides every question about instants before it: it is not void, and the export never states dc:isReplacedBy.',
  },
] as const satisfies readonly ProfileTerm[];

/**
 * How the export uses standard ODRL terms where ODRL 2.2 leaves their meaning open, or where the terms need more.
 *
 * @example
 * PROFILE_CONVENTIONS.length > 0 //=> true
 */
export const PROFILE_CONVENTIONS: readonly string[] = [
  'A permission’s duty is a precondition (ODRL IM §2.6.3): it must be fulfilled before or as the action is exercised. Duties that follow use (deleting data when its holding period ends, telling the counterparty after a compelled disclosure) are policy obligations instead.',
  'An obligation’s constraint `event gt <rule uid>` makes it arise once that rule’s action has been exercised: the rule uid, used as an event, names the exercise of its action.',
  'elapsedTime on an obligation: the duty falls due when the period has run, counted from m2m:countedFrom (not from the first exercise of the action), computed by m2m:reckoning and lengthened by m2m:extendedBy. For 13(4) (old 13(2)): P1Y from m2m:receivedAt, by m2m:civilCodePeriod, lengthened by an m2m:retentionExtension.',
  'target is a data kind (urn:m2m-data-policy:kind:…); assignee the parties a rule binds; the policy’s assigner, the provider that issues the terms, is the assigner of every rule.',
  'dc:issued is the instant the terms version takes effect (effectiveFrom); m2m:noticeGivenAt is when it was announced. dc:replaces names the version in force before it for succession only: the earlier version still decides questions about its own period.',
];

/**
 * An action the profile adds.
 *
 * @example
 * const action: ProfileAction = 'm2m:transmit';
 * toOdrl(terms20201201).permission.filter((r) => r.action === action).map((r) => r['m2m:rule'])
 * //=> ['31-2/no-personal-data', '31-2/written-consent']
 */
export type ProfileAction = Extract<(typeof PROFILE_TERMS)[number], { type: 'Action' }>['term'];
/** A left operand the profile adds. */
export type ProfileLeftOperand = Extract<(typeof PROFILE_TERMS)[number], { type: 'LeftOperand' }>['term'];
