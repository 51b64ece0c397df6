import type { Decision, KnownObligationCode, MeasurementRecord, RecordOf } from 'm2m-data-policy';
import {
  type CitationQuery,
  confidential,
  matchers,
  measurement,
  providerContent,
  type RecordOverrides,
} from 'm2m-data-policy/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';

declare const decision: Decision;

describe('m2m-data-policy/testing types', () => {
  it('adds the matchers to vitest assertions, with .not', () => {
    expectTypeOf(expect(decision).toBePermitted).toBeFunction();
    expectTypeOf(expect(decision).not.toBeDenied).toBeFunction();
    expectTypeOf(expect(decision).toCite).parameter(0).toEqualTypeOf<CitationQuery>();
    expectTypeOf(expect(decision).toOblige).parameter(0).toEqualTypeOf<KnownObligationCode>();
  });

  it('adds them as asymmetric matchers, on expect and expect.not', () => {
    expectTypeOf(expect.toCite).parameter(0).toEqualTypeOf<CitationQuery>();
    expectTypeOf(expect.not.toOblige).parameter(0).toEqualTypeOf<KnownObligationCode>();
  });

  it('refuses queries and codes that could never match', () => {
    // @ts-expect-error the article is required
    expect(decision).toCite({ paragraph: 3 });
    // @ts-expect-error not a subitem of 13(3)(1)
    expect(decision).toCite({ article: 13, subitem: 'ニ' });
    // @ts-expect-error not an obligation code
    expect(decision).toOblige('use-within-purpos');
  });

  it('gives each factory its record type and typed overrides', () => {
    expectTypeOf(measurement()).toEqualTypeOf<MeasurementRecord>();
    expectTypeOf(confidential({ designation: null })).toEqualTypeOf<RecordOf<'confidential'>>();
    expectTypeOf<RecordOverrides<'provider-content'>>().toEqualTypeOf<{
      id?: string;
      publishedAt?: string | Date;
    }>();
    // @ts-expect-error not a personal-data status
    measurement({ personalData: 'maybe' });
    // @ts-expect-error provider content has no sources
    providerContent({ sources: ['m-1'] });
  });

  it('exports matchers that expect.extend accepts', () => {
    expect.extend(matchers);
  });
});
