/**
 * Every reason code a decision can carry. Stable: callers may branch on them, and each has a message in every
 * locale (the locale tables are typed against this list, so a missing message does not compile).
 *
 * @example
 * REASON_CODES.includes('raw-measurement-data-may-not-leave') //=> true
 */
export const REASON_CODES = [
  // Art. 13, 2020-12-01: the provider and its subcontractor on measurement data
  'use-for-service-analysis',
  'use-for-incident-response',
  'use-for-incidental-matter',
  'incidental-use-needs-determination',
  'use-for-service-provision',
  'purpose-not-granted',
  'processing-granted',
  'disclosure-to-subcontractor-for-purpose',
  'disclosure-to-subcontractor-for-service',
  'subcontractor-disclosure-needs-purpose',
  'shown-to-user-under-contract',
  'raw-measurement-data-may-not-leave',
  'subcontractor-may-not-pass-on',
  'contract-ended',
  'other-customers-data',
  // Art. 13, 2020-12-01: derived data
  'derived-use-granted',
  'derived-sharing-granted',
  'personal-data-needs-consent',
  'personal-data-with-consent',
  'personal-data-required-by-law',
  'personal-data-requested-by-authority',
  'personal-data-to-subcontractor',
  'personal-data-to-its-subject',
  // Art. 13(2), 2020-12-01: the user
  'user-may-use-measurement-data',
  'user-may-share-measurement-data',
  'user-may-sublicense-measurement-data',
  'user-may-process',
  'user-may-share-derived-data',
  'user-holding-unrestricted',
  'not-own-data',
  // 13(4) and old 13(2): holding measurement data
  'held-within-retention-period',
  'held-under-extension',
  'retention-period-ended',
  'not-received-data',
  // 2017-04-01 terms
  'user-consented-to-disclosure',
  'user-information-needs-user-consent',
  'provider-consented-to-passing-on',
  'passing-on-needs-provider-consent',
  'user-uses-service-information',
  'transmission-unrestricted',
  'user-and-person-consented',
  'person-consent-required',
  'outside-old-30-2',
  // Art. 31, 32 and 30, 2020-12-01
  'transmission-without-personal-data',
  'transmission-with-written-consent',
  'transmission-needs-written-consent',
  'user-information-within-privacy-policy',
  'user-information-beyond-privacy-policy',
  'user-information-entrusted',
  'user-information-held-under-appi',
  'anonymization-granted',
  'made-information-use-granted',
  'made-information-sharing-granted',
  'not-confidential-information',
  'confidentiality-exception',
  'own-confidential-information',
  'confidentiality-survival-ended',
  'confidential-use-for-service',
  'confidential-use-with-written-consent',
  'confidential-use-beyond-service',
  'confidential-to-its-discloser',
  'compelled-disclosure',
  'confidential-to-subcontractor',
  'confidential-disclosure-with-written-consent',
  'confidential-disclosure-needs-written-consent',
  'confidential-held-until-return-requested',
  'provider-owns-content',
  'user-may-use-provider-content',
  'provider-content-with-prior-consent',
  'provider-content-needs-prior-consent',
  // 30(3): who owns results made from the data
  'outcome-belongs-to-producer',
  'outcome-from-other-data',
  'outcome-producer-not-a-party',
  'no-outcome-rule',
  // anything no article grants
  'not-granted',
] as const;
/**
 * A stable reason code.
 *
 * @example
 * const at = '2021-06-01T10:00:00+09:00';
 * const [reason] = decide({ action: 'license', data: reading, recipient: 'third-party', at }).reasons;
 * const code: ReasonCode | undefined = reason?.code;
 * code //=> 'raw-measurement-data-may-not-leave'
 */
export type ReasonCode = KnownReasonCode | (string & {});

/**
 * A reason code of the shipped terms versions and the engine (a version defined elsewhere may add its own).
 *
 * @example
 * const code: KnownReasonCode = 'not-granted';
 */
export type KnownReasonCode = (typeof REASON_CODES)[number];

/**
 * Every obligation code a permit can carry (SPEC §3).
 *
 * @example
 * OBLIGATION_CODES.includes('bind-subcontractor-to-purpose') //=> true
 */
export const OBLIGATION_CODES = [
  'use-within-purpose',
  'bind-subcontractor-to-purpose',
  'record-determination',
  'delete-when-retention-ends',
  'notify-counterparty-before-disclosure',
  'notify-counterparty-after-disclosure',
  'impose-equivalent-confidentiality',
  'return-or-erase-on-request',
  'handle-under-appi',
  'supervise-subcontractor',
  'publish-anonymized-items',
  'publish-provision-items-and-method',
  'state-anonymized-to-recipient',
  'do-not-reidentify',
  'user-keeps-backup',
] as const;
/**
 * A stable obligation code.
 *
 * @example
 * const at = '2021-06-01T10:00:00+09:00';
 * const codes: ObligationCode[] = decide({ action: 'use', data: reading, purpose: 'service-analysis', at })
 *   .obligations.map((o) => o.code);
 * codes //=> ['use-within-purpose']
 */
export type ObligationCode = KnownObligationCode | (string & {});

/**
 * An obligation code of the shipped terms versions (a version defined elsewhere may add its own).
 *
 * @example
 * const code: KnownObligationCode = 'use-within-purpose';
 */
export type KnownObligationCode = (typeof OBLIGATION_CODES)[number];
