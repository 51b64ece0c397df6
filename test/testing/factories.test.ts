import { type DataRecord, PolicyInputError, type PolicyIssue } from 'm2m-data-policy';
import {
  anonymized,
  confidential,
  derived,
  measurement,
  providerContent,
  statistical,
  userInformation,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { isParsed } from '../../src/records/trusted.js';

const FACTORIES = [
  ['measurement', measurement],
  ['derived', derived],
  ['userInformation', userInformation],
  ['confidential', confidential],
  ['anonymized', anonymized],
  ['statistical', statistical],
  ['providerContent', providerContent],
] as const satisfies readonly (readonly [string, () => DataRecord])[];

/** The issues of the PolicyInputError a call throws, as `path: code`. */
function issuesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    return (e as PolicyInputError).issues.map((i: PolicyIssue) => `${i.path.join('.')}: ${i.code}`);
  }
  throw new Error('expected the factory to throw');
}

/** Whether a value and everything under it is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

describe.each(FACTORIES)('%s', (_name, factory) => {
  it('returns a parsed record: deep-frozen and trusted by the engine', () => {
    const record = factory();
    expect(deeplyFrozen(record)).toBe(true);
    expect(isParsed(record)).toBe(true);
  });

  it('makes a fresh id of its kind on every call', () => {
    const ids = [factory(), factory(), factory()].map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${factory().kind}-\\d+$`));
  });

  it('keeps an id that is given', () => {
    expect(factory({ id: 'given-1' }).id).toBe('given-1');
    expect(factory({ id: 'given-1' }).id).toBe('given-1');
  });

  it('throws PolicyInputError for a blank id', () => {
    expect(issuesOf(() => factory({ id: ' ' }))).toEqual(['id: blank-string']);
  });

  it('keeps its kind whatever an untyped caller passes', () => {
    // @ts-expect-error kind is not an override
    expect(factory({ kind: 'provider-content' }).kind).toBe(factory().kind);
  });
});

describe('measurement', () => {
  it('defaults to a leakage-current reading received at 2021-03-15T10:00:00+09:00 with no personal data', () => {
    expect(measurement()).toEqual({
      kind: 'measurement',
      id: expect.stringMatching(/^measurement-\d+$/),
      contractId: 'C-2019-0042',
      metric: 'leakage-current',
      measuredAt: new Date('2021-03-15T09:59:30+09:00'),
      receivedAt: new Date('2021-03-15T10:00:00+09:00'),
      personalData: 'none',
      value: 12.4,
      unit: 'mA',
    });
  });

  it('takes overrides in one line, timestamps as ISO strings with an offset or Dates', () => {
    const reading = measurement({
      personalData: 'possible',
      metric: 'water-level',
      receivedAt: '2021-03-16T00:00:00+09:00',
      measuredAt: new Date('2021-03-15T23:59:00+09:00'),
      retentionExtensions: [{ decidedAt: '2022-03-01T09:00:00+09:00', reason: 'fault investigation' }],
    });
    expect(reading).toMatchObject({
      personalData: 'possible',
      metric: 'water-level',
      receivedAt: new Date('2021-03-16T00:00:00+09:00'),
      measuredAt: new Date('2021-03-15T23:59:00+09:00'),
      contractId: 'C-2019-0042',
      retentionExtensions: [
        { decidedAt: new Date('2022-03-01T09:00:00+09:00'), reason: 'fault investigation' },
      ],
    });
    expect(deeplyFrozen(reading)).toBe(true);
  });

  it('throws PolicyInputError with every problem of a malformed override', () => {
    expect(
      issuesOf(() =>
        measurement({
          receivedAt: '2021-03-15T10:00:00',
          retentionExtensions: [
            { decidedAt: '2022-03-01T09:00:00+09:00', reason: 'x', until: '2022-02-01T00:00:00+09:00' },
          ],
        }),
      ),
    ).toEqual([
      // Given only a receipt, the reading was measured then: the default measuredAt follows it.
      'measuredAt: timestamp-without-offset',
      'receivedAt: timestamp-without-offset',
      'retentionExtensions.0.until: extension-ends-before-decided',
    ]);
  });
});

describe('derived', () => {
  it('defaults to data the provider made from a measurement on 2021-04-01, with no personal data', () => {
    expect(derived()).toEqual({
      kind: 'derived',
      id: expect.stringMatching(/^derived-\d+$/),
      sources: ['measurement-source'],
      processedBy: 'provider',
      processedAt: new Date('2021-04-01T09:00:00+09:00'),
      personalData: 'none',
    });
  });

  it('takes overrides', () => {
    const record = derived({ sources: ['m-7', 'm-8'], processedBy: 'subcontractor', personalData: 'yes' });
    expect(record).toMatchObject({
      sources: ['m-7', 'm-8'],
      processedBy: 'subcontractor',
      personalData: 'yes',
    });
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(issuesOf(() => derived({ sources: [] }))).toEqual(['sources: too-small']);
  });
});

describe('userInformation', () => {
  it('defaults to an employee of the user, from the application of 2020-04-01 (7(1))', () => {
    expect(userInformation()).toEqual({
      kind: 'user-information',
      id: expect.stringMatching(/^user-information-\d+$/),
      subject: 'employee',
      source: 'application',
      collectedAt: new Date('2020-04-01T09:00:00+09:00'),
    });
  });

  it('takes overrides', () => {
    expect(userInformation({ subject: 'officer', source: 'notification' })).toMatchObject({
      subject: 'officer',
      source: 'notification',
    });
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(issuesOf(() => userInformation({ collectedAt: '2021-02-30T09:00:00+09:00' }))).toEqual([
      'collectedAt: impossible-date',
    ]);
  });
});

describe('confidential', () => {
  it('defaults to information the user designated in writing before disclosing it, scoped and marked (2(2)(6))', () => {
    expect(confidential()).toEqual({
      kind: 'confidential',
      id: expect.stringMatching(/^confidential-\d+$/),
      disclosedBy: 'user',
      disclosedAt: new Date('2021-05-10T10:00:00+09:00'),
      designation: { method: 'written', at: new Date('2021-05-09T10:00:00+09:00') },
      scopeSpecified: true,
      marked: true,
    });
  });

  it('takes overrides, replacing the designation whole', () => {
    expect(confidential({ designation: null, marked: false, exception: 'public' })).toMatchObject({
      designation: null,
      marked: false,
      exception: 'public',
      scopeSpecified: true,
    });
    expect(
      confidential({ designation: { method: 'electronic', at: '2021-05-01T10:00:00+09:00' } }).designation,
    ).toEqual({ method: 'electronic', at: new Date('2021-05-01T10:00:00+09:00') });
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(
      issuesOf(() => confidential({ designation: { method: 'written', at: '2021-05-09T10:00:00' } })),
    ).toEqual(['designation.at: timestamp-without-offset']);
  });
});

describe('anonymized', () => {
  it('defaults to information made on 2021-06-01 from a measurement and user information (31(3))', () => {
    expect(anonymized()).toEqual({
      kind: 'anonymized',
      id: expect.stringMatching(/^anonymized-\d+$/),
      sources: ['measurement-source', 'user-information-source'],
      createdAt: new Date('2021-06-01T00:00:00+09:00'),
      itemCategories: ['region', 'leakage-current'],
    });
  });

  it('takes overrides', () => {
    expect(anonymized({ itemCategories: ['region'] }).itemCategories).toEqual(['region']);
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(issuesOf(() => anonymized({ itemCategories: [] }))).toEqual(['itemCategories: too-small']);
  });
});

describe('statistical', () => {
  it('defaults to statistics made on 2021-06-01 from a measurement and user information (31(3))', () => {
    expect(statistical()).toEqual({
      kind: 'statistical',
      id: expect.stringMatching(/^statistical-\d+$/),
      sources: ['measurement-source', 'user-information-source'],
      createdAt: new Date('2021-06-01T00:00:00+09:00'),
    });
  });

  it('takes overrides', () => {
    expect(statistical({ createdAt: '2021-07-01T00:00:00Z' }).createdAt).toEqual(
      new Date('2021-07-01T09:00:00+09:00'),
    );
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(issuesOf(() => statistical({ sources: [''] }))).toEqual(['sources.0: blank-string']);
  });
});

describe('providerContent', () => {
  it('defaults to content the provider published at 2021-01-01T00:00:00+09:00 (30(1))', () => {
    expect(providerContent()).toEqual({
      kind: 'provider-content',
      id: expect.stringMatching(/^provider-content-\d+$/),
      publishedAt: new Date('2021-01-01T00:00:00+09:00'),
    });
  });

  it('takes overrides', () => {
    expect(providerContent({ publishedAt: '2021-04-01T00:00:00+09:00' }).publishedAt).toEqual(
      new Date('2021-04-01T00:00:00+09:00'),
    );
  });

  it('throws PolicyInputError for a malformed override', () => {
    expect(issuesOf(() => providerContent({ publishedAt: 'yesterday' }))).toEqual([
      'publishedAt: invalid-timestamp',
    ]);
  });
});
