import {
  type AnonymizedRecord,
  type ConfidentialRecord,
  type DataKind,
  type DataRecordInput,
  type DerivedRecord,
  type MeasurementRecord,
  type ProviderContentRecord,
  parseRecord,
  type RecordOf,
  type StatisticalRecord,
  type UserInformationRecord,
} from 'm2m-data-policy';

/**
 * The fields a factory takes for a record of one kind: any of the record's input fields except `kind`, with
 * timestamps as `Date`s or ISO strings with an offset.
 *
 * @example
 * const overrides: RecordOverrides<'measurement'> = { personalData: 'possible', receivedAt: '2021-03-16T00:00:00+09:00' };
 * measurement(overrides).personalData //=> 'possible'
 */
export type RecordOverrides<K extends DataKind> = Partial<
  Omit<Extract<DataRecordInput, { kind: K }>, 'kind'>
>;

let sequence = 0;

/** A record id no other factory call has returned in this module instance: `measurement-1`, `derived-2`… */
const nextId = (kind: DataKind): string => `${kind}-${++sequence}`;

// `kind` is written after the overrides so that no override (from untyped code) can turn one factory's record into
// another kind: the cast to the factory's own record type then holds. A fresh id is only made when none is given.
function build<K extends DataKind>(
  kind: K,
  defaults: Omit<Extract<DataRecordInput, { kind: K }>, 'kind' | 'id'>,
  overrides: RecordOverrides<K>,
): RecordOf<K> {
  const id = overrides.id ?? nextId(kind);
  return parseRecord({ ...defaults, ...overrides, id, kind }) as RecordOf<K>;
}

/**
 * A parsed measurement record (2(2)): a leakage-current reading of contract `C-2019-0042`, measured at
 * 2021-03-15T09:59:30+09:00 and received at 2021-03-15T10:00:00+09:00, 12.4 mA, with no personal data.
 * Frozen and trusted by the engine; a fresh id (`measurement-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * measurement({ personalData: 'possible' })
 * //=> { kind: 'measurement', id: 'measurement-…', contractId: 'C-2019-0042', metric: 'leakage-current',
 * //     measuredAt: 2021-03-15T00:59:30.000Z, receivedAt: 2021-03-15T01:00:00.000Z, personalData: 'possible',
 * //     value: 12.4, unit: 'mA' }
 */
export function measurement(overrides: RecordOverrides<'measurement'> = {}): MeasurementRecord {
  return build(
    'measurement',
    {
      contractId: 'C-2019-0042',
      metric: 'leakage-current',
      // A reading is measured before it is received: given only a receipt, it was measured then.
      measuredAt: overrides.receivedAt !== undefined ? overrides.receivedAt : '2021-03-15T09:59:30+09:00',
      receivedAt: '2021-03-15T10:00:00+09:00',
      personalData: 'none',
      value: 12.4,
      unit: 'mA',
    },
    overrides,
  );
}

/**
 * A parsed derived-data record (2(5)): made by the provider from measurement `measurement-source` at
 * 2021-04-01T09:00:00+09:00, with no personal data. Frozen; a fresh id (`derived-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * derived({ processedBy: 'subcontractor' })
 * //=> { kind: 'derived', id: 'derived-…', sources: ['measurement-source'], processedBy: 'subcontractor',
 * //     processedAt: 2021-04-01T00:00:00.000Z, personalData: 'none' }
 */
export function derived(overrides: RecordOverrides<'derived'> = {}): DerivedRecord {
  return build(
    'derived',
    {
      sources: ['measurement-source'],
      processedBy: 'provider',
      processedAt: '2021-04-01T09:00:00+09:00',
      personalData: 'none',
    },
    overrides,
  );
}

/**
 * A parsed user-information record (2(8)): about an employee of the user, taken from the application (7(1)) at
 * 2020-04-01T09:00:00+09:00. Frozen; a fresh id (`user-information-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * userInformation({ subject: 'officer' })
 * //=> { kind: 'user-information', id: 'user-information-…', subject: 'officer', source: 'application',
 * //     collectedAt: 2020-04-01T00:00:00.000Z }
 */
export function userInformation(overrides: RecordOverrides<'user-information'> = {}): UserInformationRecord {
  return build(
    'user-information',
    { subject: 'employee', source: 'application', collectedAt: '2020-04-01T09:00:00+09:00' },
    overrides,
  );
}

/**
 * A parsed confidential-information record (2(2)(6)) that binds its receiver under Art. 32: disclosed by the user at
 * 2021-05-10T10:00:00+09:00, designated in writing the day before, its scope specified and marked. Override
 * `designation: null` for information never designated. Frozen; a fresh id (`confidential-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * confidential({ disclosedBy: 'provider' })
 * //=> { kind: 'confidential', id: 'confidential-…', disclosedBy: 'provider', disclosedAt: 2021-05-10T01:00:00.000Z,
 * //     designation: { method: 'written', at: 2021-05-09T01:00:00.000Z }, scopeSpecified: true, marked: true }
 */
export function confidential(overrides: RecordOverrides<'confidential'> = {}): ConfidentialRecord {
  return build(
    'confidential',
    {
      disclosedBy: 'user',
      disclosedAt: '2021-05-10T10:00:00+09:00',
      designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' },
      scopeSpecified: true,
      marked: true,
    },
    overrides,
  );
}

/**
 * A parsed anonymized-information record (31(3)): made at 2021-06-01T00:00:00+09:00 from `measurement-source` and
 * `user-information-source`, containing the item categories `region` and `leakage-current`. Frozen; a fresh id
 * (`anonymized-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * anonymized({ itemCategories: ['region'] })
 * //=> { kind: 'anonymized', id: 'anonymized-…', sources: ['measurement-source', 'user-information-source'],
 * //     createdAt: 2021-05-31T15:00:00.000Z, itemCategories: ['region'] }
 */
export function anonymized(overrides: RecordOverrides<'anonymized'> = {}): AnonymizedRecord {
  return build(
    'anonymized',
    {
      sources: ['measurement-source', 'user-information-source'],
      createdAt: '2021-06-01T00:00:00+09:00',
      itemCategories: ['region', 'leakage-current'],
    },
    overrides,
  );
}

/**
 * A parsed statistical-information record (31(3)): made at 2021-06-01T00:00:00+09:00 from `measurement-source` and
 * `user-information-source`. Frozen; a fresh id (`statistical-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * statistical({ id: 'monthly-leakage-2021-05' })
 * //=> { kind: 'statistical', id: 'monthly-leakage-2021-05', sources: ['measurement-source', 'user-information-source'],
 * //     createdAt: 2021-05-31T15:00:00.000Z }
 */
export function statistical(overrides: RecordOverrides<'statistical'> = {}): StatisticalRecord {
  return build(
    'statistical',
    { sources: ['measurement-source', 'user-information-source'], createdAt: '2021-06-01T00:00:00+09:00' },
    overrides,
  );
}

/**
 * A parsed provider-content record (30(1)): published by the provider at 2021-01-01T00:00:00+09:00. Frozen; a
 * fresh id (`provider-content-<n>`) unless one is given.
 *
 * @throws {PolicyInputError} when an override is malformed.
 * @example
 * providerContent({ publishedAt: '2021-04-01T00:00:00+09:00' })
 * //=> { kind: 'provider-content', id: 'provider-content-…', publishedAt: 2021-03-31T15:00:00.000Z }
 */
export function providerContent(overrides: RecordOverrides<'provider-content'> = {}): ProviderContentRecord {
  return build('provider-content', { publishedAt: '2021-01-01T00:00:00+09:00' }, overrides);
}
