import type { Citation } from '../model/decision.js';
import type { Locale } from './locale.js';

type CitationParts = Omit<Citation, 'label'>;

function jaNumbers(c: CitationParts): string {
  return `${c.article !== undefined ? `第${c.article}条` : ''}${c.paragraph !== undefined ? `第${c.paragraph}項` : ''}${
    c.item !== undefined ? `第${c.item}号` : ''
  }${c.subitem ?? ''}`;
}

function enNumbers(c: CitationParts): string {
  if (c.article === undefined) return '';
  return `Art. ${c.article}${c.paragraph !== undefined ? `(${c.paragraph})` : ''}${c.item !== undefined ? `(${c.item})` : ''}${
    c.subitem ?? ''
  }`;
}

/**
 * The readable form of a citation in a locale.
 *
 * @example
 * citationLabel({ source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3, item: 1, subitem: 'イ' }, 'en')
 * //=> 'Terms (2020-12-01) Art. 13(3)(1)イ'
 */
export function citationLabel(c: CitationParts, locale: Locale): string {
  const ja = locale === 'ja';
  // A switch over the closed union of sources: a new source does not compile until it is labelled here.
  switch (c.source) {
    case 'terms': {
      const version =
        c.terms !== undefined ? (ja ? `規約(${c.terms})` : `Terms (${c.terms})`) : ja ? '規約' : 'Terms';
      const numbers = ja ? jaNumbers(c) : enNumbers(c);
      return numbers ? (ja ? `${version}${numbers}` : `${version} ${numbers}`) : version;
    }
    case 'appi':
      return ja ? `個人情報保護法${jaNumbers(c)}` : `APPI ${enNumbers(c)}`;
    case 'civil-code':
      return ja ? `民法${jaNumbers(c)}` : `Civil Code ${enNumbers(c)}`;
    case 'contract':
      return ja
        ? `サービス利用契約${c.terms ? `(規約${c.terms})` : ''}`
        : `Service contract${c.terms ? ` (terms ${c.terms})` : ''}`;
    default:
      return unreachable(c.source);
  }
}

/** The end of an exhaustive switch: compiles only when every case of the union is handled. */
export function unreachable(value: never): never {
  throw new TypeError(`Unexpected value ${String(value)}`);
}
