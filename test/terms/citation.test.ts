import { describe, expect, it } from 'vitest';
import {
  appiArticle,
  civilCodeArticle,
  DEFAULT_TERMS,
  serviceContract,
  termsArticle,
} from '../../src/index.js';

// How rules write their citations (SPEC §3 `Citation`): only the levels a citation names are present, so a
// citation of 13(3)(4) has no subitem key and one of the terms as a whole has no article key.

describe('termsArticle', () => {
  it('cites a subitem with every level above it (13(3)(1)イ)', () => {
    expect(termsArticle(13, 3, 1, 'イ')).toStrictEqual({
      source: 'terms',
      article: 13,
      paragraph: 3,
      item: 1,
      subitem: 'イ',
    });
  });

  it('cites an item without a subitem key (13(3)(4))', () => {
    expect(termsArticle(13, 3, 4)).toStrictEqual({ source: 'terms', article: 13, paragraph: 3, item: 4 });
  });

  it('cites a paragraph without item or subitem keys (13(4))', () => {
    expect(termsArticle(13, 4)).toStrictEqual({ source: 'terms', article: 13, paragraph: 4 });
  });

  it('cites an article without paragraph, item or subitem keys (Art. 12)', () => {
    expect(termsArticle(12)).toStrictEqual({ source: 'terms', article: 12 });
  });

  it('cites the bullets of old 13(1) as subitems of the paragraph, with no item key (old 13(1)イ)', () => {
    expect(termsArticle(13, 1, undefined, 'イ')).toStrictEqual({
      source: 'terms',
      article: 13,
      paragraph: 1,
      subitem: 'イ',
    });
  });

  it('cites the terms as a whole with no article key (old terms default)', () => {
    expect(termsArticle()).toStrictEqual({ source: 'terms' });
  });

  it('returns a frozen citation', () => {
    expect(Object.isFrozen(termsArticle(13, 3))).toBe(true);
  });
});

describe('appiArticle', () => {
  it('cites APPI 27(1)(4) with every level given', () => {
    expect(appiArticle(27, 1, 4)).toStrictEqual({ source: 'appi', article: 27, paragraph: 1, item: 4 });
  });

  it('cites APPI 25 without paragraph or item keys', () => {
    expect(appiArticle(25)).toStrictEqual({ source: 'appi', article: 25 });
  });
});

describe('civilCodeArticle', () => {
  it('cites Civil Code 143(2) with its paragraph', () => {
    expect(civilCodeArticle(143, 2)).toStrictEqual({ source: 'civil-code', article: 143, paragraph: 2 });
  });

  it('cites Civil Code 140 without a paragraph key', () => {
    expect(civilCodeArticle(140)).toStrictEqual({ source: 'civil-code', article: 140 });
    expect(Object.isFrozen(civilCodeArticle(140))).toBe(true);
  });
});

describe('serviceContract', () => {
  it('cites the contract itself and nothing more', () => {
    expect(serviceContract).toStrictEqual({ source: 'contract' });
  });
});

describe('citations of Art. 2 in the shipped versions (the definitions are 2(2)(1)-(8))', () => {
  const citationsOf = (version: (typeof DEFAULT_TERMS)[number]) =>
    version.rules.flatMap((r) => [...r.basis, ...(r.obligations ?? []).map((o) => o.basis)]);

  it.each(DEFAULT_TERMS.map((v) => [v.id, v] as const))(
    'cites Art. 2 of the %s terms only as paragraph 2 with an item: the new Art. 2 has two paragraphs',
    (_, version) => {
      const article2 = citationsOf(version).filter((c) => c.source === 'terms' && c.article === 2);
      for (const c of article2) expect(c).toMatchObject({ paragraph: 2, item: expect.any(Number) });
    },
  );

  it('cites confidential information as 2(2)(6), not 2(6), in the 2020-12-01 terms (32(1))', () => {
    const v2020 = DEFAULT_TERMS.find((v) => v.id === '2020-12-01');
    const article2 = citationsOf(v2020 as (typeof DEFAULT_TERMS)[number]).filter(
      (c) => c.source === 'terms' && c.article === 2,
    );
    expect(article2.length).toBeGreaterThan(0);
    const label = (c: object) => {
      const { article, paragraph, item } = c as { article?: number; paragraph?: number; item?: number };
      return `${article}(${paragraph})(${item})`;
    };
    expect(new Set(article2.map(label))).toEqual(new Set(['2(2)(6)']));
  });
});
