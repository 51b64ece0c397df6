import { describe, expect, it } from 'vitest';
import { appiArticle, civilCodeArticle, serviceContract, termsArticle } from '../../src/index.js';

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
