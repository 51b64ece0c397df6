import type { Subitem } from './decision.js';

/**
 * A citation as a rule writes it: the terms version and the label are filled in when rules are compiled.
 *
 * @example
 * const spec: CitationSpec = termsArticle(13, 3, 4);
 * spec //=> { source: 'terms', article: 13, paragraph: 3, item: 4 }
 */
export type CitationSpec =
  | {
      readonly source: 'terms';
      /** Omitted to cite the terms version as a whole. */
      readonly article?: number;
      readonly paragraph?: number;
      readonly item?: number;
      readonly subitem?: Subitem;
    }
  | {
      /** APPI, numbered as in force from 2022-04-01; decisions before then cite the earlier numbers. */
      readonly source: 'appi';
      readonly article: number;
      readonly paragraph?: number;
      readonly item?: number;
    }
  | { readonly source: 'civil-code'; readonly article: number; readonly paragraph?: number }
  | { readonly source: 'contract' };

/**
 * Cites an article of the terms (of the version the rule belongs to); with no article, the terms as a whole.
 *
 * @example
 * termsArticle(13, 3, 1, 'イ') //=> { source: 'terms', article: 13, paragraph: 3, item: 1, subitem: 'イ' }
 */
export function termsArticle(
  article?: number,
  paragraph?: number,
  item?: number,
  subitem?: Subitem,
): CitationSpec {
  return Object.freeze({
    source: 'terms',
    ...(article !== undefined && { article }),
    ...(paragraph !== undefined && { paragraph }),
    ...(item !== undefined && { item }),
    ...(subitem !== undefined && { subitem }),
  });
}

/**
 * Cites an article of the APPI by its number in force from 2022-04-01.
 *
 * @example
 * appiArticle(27, 1) //=> { source: 'appi', article: 27, paragraph: 1 }
 */
export function appiArticle(article: number, paragraph?: number, item?: number): CitationSpec {
  return Object.freeze({
    source: 'appi',
    article,
    ...(paragraph !== undefined && { paragraph }),
    ...(item !== undefined && { item }),
  });
}

/**
 * Cites an article of the Civil Code.
 *
 * @example
 * civilCodeArticle(143, 2) //=> { source: 'civil-code', article: 143, paragraph: 2 }
 */
export function civilCodeArticle(article: number, paragraph?: number): CitationSpec {
  return Object.freeze({ source: 'civil-code', article, ...(paragraph !== undefined && { paragraph }) });
}

/**
 * Cites the service contract itself: what the contract exists to do needs no further grant.
 *
 * @example
 * serviceContract //=> { source: 'contract' }
 */
export const serviceContract: CitationSpec = Object.freeze({ source: 'contract' });
