/**
 * The parties the terms bind, who can act on data.
 *
 * @example
 * ACTORS //=> ['user', 'provider', 'subcontractor']
 */
export const ACTORS = ['user', 'provider', 'subcontractor'] as const;
/**
 * Who acts: the user (利用者), the provider (当社) or its subcontractor (再委託先).
 *
 * @example
 * const actor: Actor = createPolicy().actor;
 * actor //=> 'provider'
 */
export type Actor = (typeof ACTORS)[number];

/**
 * Everyone data can go to: the actors, plus third parties, authorities and the person the data is about.
 *
 * @example
 * PARTIES //=> ['user', 'provider', 'subcontractor', 'third-party', 'authority', 'data-subject']
 */
export const PARTIES = [...ACTORS, 'third-party', 'authority', 'data-subject'] as const;
/**
 * A recipient or the giver of consent.
 *
 * @example
 * const recipient: Party = 'subcontractor';
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'disclose', data: reading, recipient, purpose: 'incident-response', at }).effect //=> 'permit'
 */
export type Party = (typeof PARTIES)[number];

/**
 * What can be done with data.
 *
 * @example
 * ACTIONS
 * //=> ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'transmit', 'anonymize', 'republish']
 */
export const ACTIONS = [
  'use',
  'process',
  'disclose',
  'transfer',
  'license',
  'sublicense',
  'retain',
  'transmit',
  'anonymize',
  'republish',
] as const;
/**
 * An action: `use`, `process` (加工等), `disclose`, `transfer`, `license`, `sublicense` (再利用許諾), `retain`,
 * `transmit` (to the data centre), `anonymize`, `republish` (転載・複製・出版・放送・公衆送信).
 *
 * @example
 * const action: Action = 'process';
 * assertPermitted({ action, data: reading, at: '2021-06-01T10:00:00+09:00' }).effect //=> 'permit'
 */
export type Action = (typeof ACTIONS)[number];

/** Actions that hand data to someone and so need a `recipient`. */
export const RECIPIENT_ACTIONS: readonly Action[] = ['disclose', 'transfer', 'license', 'sublicense'];

/**
 * The purposes the contract names: running the service, and 13(3)(1)イ, ロ and ハ.
 *
 * @example
 * CONTRACT_PURPOSES //=> ['service-provision', 'service-analysis', 'incident-response', 'incidental']
 */
export const CONTRACT_PURPOSES = [
  'service-provision',
  'service-analysis',
  'incident-response',
  'incidental',
] as const;
/**
 * A purpose of use. The four contract purposes are named; any other non-empty string is an "other purpose"
 * (for example `marketing`), which Art. 13(3)(1) does not grant.
 *
 * @example
 * const purpose: Purpose = 'marketing';
 * canUse(reading, purpose, { at: '2021-06-01T10:00:00+09:00' }) //=> false
 */
export type Purpose = ContractPurpose | (string & {});

/**
 * One of the purposes the contract names; editors complete these where a {@link Purpose} is asked for.
 *
 * @example
 * const purpose: ContractPurpose = 'incident-response';
 */
export type ContractPurpose = (typeof CONTRACT_PURPOSES)[number];

/**
 * The form consent was given in. Only `written` is 書面.
 *
 * @example
 * // `personal`: a derived record that may be personal information (personalData 'possible')
 * const form: ConsentForm = 'electronic';
 * const consent: ConsentInput = { from: 'data-subject', form, grantedAt: '2021-05-20T09:00:00+09:00' };
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'disclose', data: personal, recipient: 'third-party', consent, at }).reasons[0]?.code
 * //=> 'personal-data-with-consent'
 */
export type ConsentForm = 'written' | 'electronic' | 'oral';
/**
 * A legal ground for disclosure: a law (APPI 27(1)(1), 32(2)) or an authority's request (APPI 27(1)(4), 32(2)).
 *
 * @example
 * const personal = parseRecord({
 *   kind: 'derived', id: 'd-7', sources: ['m-1'], processedBy: 'provider',
 *   processedAt: '2021-04-01T00:00:00+09:00', personalData: 'possible',
 * });
 * const legalBasis: LegalBasis = 'authority-request';
 * const at = '2021-06-01T10:00:00+09:00';
 * decide({ action: 'disclose', data: personal, recipient: 'authority', legalBasis, at }).reasons[0]?.code
 * //=> 'personal-data-requested-by-authority'
 */
export type LegalBasis = 'law' | 'authority-request';
/**
 * A decision's effect.
 *
 * @example
 * const at = '2021-06-01T10:00:00+09:00';
 * const effect: Effect = decide({ action: 'use', data: reading, purpose: 'marketing', at }).effect;
 * effect //=> 'deny'
 */
export type Effect = 'permit' | 'deny';
