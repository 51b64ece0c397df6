/** The parties the terms bind, who can act on data. */
export const ACTORS = ['user', 'provider', 'subcontractor'] as const;
/** Who acts: the user (利用者), the provider (当社) or its subcontractor (再委託先). */
export type Actor = (typeof ACTORS)[number];

/** Everyone data can go to: the actors, plus third parties, authorities and the person the data is about. */
export const PARTIES = [...ACTORS, 'third-party', 'authority', 'data-subject'] as const;
/** A recipient or the giver of consent. */
export type Party = (typeof PARTIES)[number];

/** What can be done with data. */
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
 */
export type Action = (typeof ACTIONS)[number];

/** Actions that hand data to someone and so need a `recipient`. */
export const RECIPIENT_ACTIONS: readonly Action[] = ['disclose', 'transfer', 'license', 'sublicense'];

/** The purposes the contract names: running the service, and 13(3)(1)イ, ロ and ハ. */
export const CONTRACT_PURPOSES = [
  'service-provision',
  'service-analysis',
  'incident-response',
  'incidental',
] as const;
/**
 * A purpose of use. The four contract purposes are named; any other non-empty string is an "other purpose"
 * (for example `marketing`), which Art. 13(3)(1) does not grant.
 */
export type Purpose = (typeof CONTRACT_PURPOSES)[number] | (string & {});

/** The form consent was given in. Only `written` is 書面. */
export type ConsentForm = 'written' | 'electronic' | 'oral';
/** A legal ground for disclosure: a law (APPI 27(1)(1), 32(2)) or an authority's request (APPI 27(1)(4), 32(2)). */
export type LegalBasis = 'law' | 'authority-request';
/** A decision's effect. */
export type Effect = 'permit' | 'deny';
