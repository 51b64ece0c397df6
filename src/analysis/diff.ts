import type { Citation } from '../model/decision.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import type { CellKey } from './requests.js';
import { type CellDecision, cellsOf, type DecisionTableOptions, deciderOf, places } from './table.js';

// The decision-level 新旧対照表 (SPEC §10): the request space of two versions split by the cases either tells
// apart, each cell decided under both, and the cells whose answer changed, grouped by article.

/** How a cell's answer changed: its effect flipped, or the same effect rests on other reasons, articles or duties. */
export type CellChange = 'deny-to-permit' | 'permit-to-deny' | 'reasons' | 'basis' | 'obligations';

/**
 * A cell whose decision differs between two versions, with both decisions.
 *
 * @example
 * const changed: ChangedCell | undefined = diffTerms(terms20170401, terms20201201).cells[0];
 * changed?.change //=> 'reasons' (the user's own use: permitted by both, on the contract before and 13(2)(1) now)
 */
export interface ChangedCell extends CellKey {
  readonly change: CellChange;
  readonly before: CellDecision;
  readonly after: CellDecision;
}

/**
 * The changed cells citing one article of the newer version (or of the older, where the newer answers by its
 * default deny), with their count by kind of change.
 *
 * @example
 * const group: ArticleChanges | undefined = diffTerms(terms20170401, terms20201201).byArticle[0];
 * group?.article //=> 2
 */
export interface ArticleChanges {
  /** The article number, or `null` for cells that cite no article of the terms on either side. */
  readonly article: number | null;
  readonly counts: Readonly<Record<CellChange, number>>;
  readonly cells: readonly ChangedCell[];
}

/**
 * Two versions compared cell by cell.
 *
 * @example
 * const diff: TermsDiff = diffTerms(terms20170401, terms20201201);
 * diff.counts['deny-to-permit'] > 0 //=> true
 */
export interface TermsDiff {
  readonly before: string;
  readonly after: string;
  /** How many cells of the joint space were compared. */
  readonly compared: number;
  readonly counts: Readonly<Record<CellChange, number>>;
  /** The changed cells, in table order. */
  readonly cells: readonly ChangedCell[];
  readonly byArticle: readonly ArticleChanges[];
}

/** A citation without its version and label: what the same article of two versions has in common. */
const citationKey = (c: Citation): string =>
  [c.source, c.article, c.paragraph, c.item, c.subitem].filter((x) => x !== undefined).join(':');

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** How a cell's decision changed, or null. Rule ids are each version's own names, so they are not compared. */
export function changeOf(before: CellDecision, after: CellDecision): CellChange | null {
  if (before.effect !== after.effect) return after.effect === 'permit' ? 'deny-to-permit' : 'permit-to-deny';
  if (!same(before.reasons, after.reasons)) return 'reasons';
  if (!same(before.basis.map(citationKey), after.basis.map(citationKey))) return 'basis';
  if (!same(before.obligations, after.obligations)) return 'obligations';
  return null;
}

const CHANGES: readonly CellChange[] = [
  'deny-to-permit',
  'permit-to-deny',
  'reasons',
  'basis',
  'obligations',
];
const zero = (): Record<CellChange, number> => ({
  'deny-to-permit': 0,
  'permit-to-deny': 0,
  reasons: 0,
  basis: 0,
  obligations: 0,
});

const articleOf = (d: CellDecision): number | null =>
  d.basis.find((c) => c.source === 'terms' && c.article !== undefined)?.article ?? null;

/**
 * The decision-level old/new table of two terms versions (SPEC §10): every cell of their joint request space
 * decided under each (at its own effective date, unless `options.at`), and the cells whose effect, reasons,
 * articles or obligations differ, each with both decisions, grouped by the article the newer decision cites.
 *
 * @example
 * const diff = diffTerms(terms20170401, terms20201201);
 * diff.byArticle.map((g) => g.article).includes(13) //=> true
 */
export function diffTerms(
  before: TermsVersion,
  after: TermsVersion,
  options: Omit<DecisionTableOptions, 'at'> = {},
): TermsDiff {
  const deciders = [deciderOf(before, options), deciderOf(after, options)] as const;
  const counts = zero();
  const cells: ChangedCell[] = [];
  let compared = 0;
  for (const place of places(deciders))
    for (const { key } of cellsOf(place, deciders)) {
      compared++;
      const b = deciders[0].decide(key);
      const a = deciders[1].decide(key);
      const change = changeOf(b, a);
      if (change === null) continue;
      counts[change]++;
      cells.push(Object.freeze({ ...key, change, before: b, after: a }));
    }
  const groups = new Map<number | null, ChangedCell[]>();
  for (const c of cells) {
    const article = articleOf(c.after) ?? articleOf(c.before);
    groups.set(article, [...(groups.get(article) ?? []), c]);
  }
  const byArticle = [...groups]
    .sort(([x], [y]) => (x ?? Number.POSITIVE_INFINITY) - (y ?? Number.POSITIVE_INFINITY))
    .map(([article, group]) => {
      const n = zero();
      for (const c of group) n[c.change]++;
      return Object.freeze({ article, counts: Object.freeze(n), cells: Object.freeze(group) });
    });
  return Object.freeze({
    before: before.id,
    after: after.id,
    compared,
    counts: Object.freeze(counts),
    cells: Object.freeze(cells),
    byArticle: Object.freeze(byArticle),
  });
}

export { CHANGES };
