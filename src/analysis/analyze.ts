import type { CitationSpec } from '../model/citation.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { decisionTable } from './table.js';

// Findings a reviewer of a terms version wants before it ships (SPEC §10). None of them stops a version from being
// used — defineTerms refuses what cannot be decided at all — but each is a place where the version says less, or
// other, than it seems to.

/** What kind of finding. */
export type FindingKind =
  | 'shadowed-rule'
  | 'permit-without-basis'
  | 'deny-with-obligations'
  | 'code-without-message'
  | 'citation-of-unlisted-article';

/**
 * One finding about a terms version, at the path of what it is about.
 *
 * @example
 * const finding: Finding = { kind: 'shadowed-rule', path: ['rules', 3], rule: '13-3-4/x', message: '…' };
 */
export interface Finding {
  readonly kind: FindingKind;
  readonly path: readonly (string | number)[];
  readonly rule?: string;
  readonly message: string;
}

const hasText = (v: unknown): boolean => typeof v === 'string' && /\S/.test(v);

/**
 * Analyses a terms version: rules no cell of its decision table reaches (shadowed by earlier ones), permits that
 * cite no article, denies that list obligations (a deny carries none), codes its rules give without a message in
 * Japanese or English, and citations of articles of the terms the version does not list. Empty for the shipped
 * versions.
 *
 * @example
 * analyzeTerms(terms20201201) //=> []
 */
export function analyzeTerms(terms: TermsVersion): Finding[] {
  const findings: Finding[] = [];
  const reached = new Set(decisionTable(terms).cells.map((c) => c.decision.rule));
  const listed = new Set(Object.keys(terms.articles ?? {}).map(Number));
  for (const [i, rule] of terms.rules.entries()) {
    const at = ['rules', i] as const;
    if (!reached.has(rule.id))
      findings.push({
        kind: 'shadowed-rule',
        path: [...at],
        rule: rule.id,
        message: `No request reaches rule ${rule.id}: the rules before it decide every case it matches`,
      });
    const articles = rule.basis.filter((c) => c.source !== 'terms' || c.article !== undefined);
    if (rule.effect === 'permit' && articles.length === 0)
      findings.push({
        kind: 'permit-without-basis',
        path: [...at, 'basis'],
        rule: rule.id,
        message: `Rule ${rule.id} permits without citing an article`,
      });
    if (rule.effect === 'deny' && (rule.obligations?.length ?? 0) > 0)
      findings.push({
        kind: 'deny-with-obligations',
        path: [...at, 'obligations'],
        rule: rule.id,
        message: `Rule ${rule.id} denies yet lists obligations, which a deny never carries`,
      });
    const codes: [string, 'reasons' | 'obligations', readonly (string | number)[]][] = [
      [rule.reason, 'reasons', [...at, 'reason']],
      ...(rule.obligations ?? []).map(
        (o, j) =>
          [o.code, 'obligations', [...at, 'obligations', j, 'code']] as [
            string,
            'obligations',
            (string | number)[],
          ],
      ),
    ];
    for (const [code, group, path] of codes) {
      const message = terms.codes?.[group]?.[code];
      for (const locale of ['ja', 'en'] as const)
        if (!hasText(message?.[locale]))
          findings.push({
            kind: 'code-without-message',
            path,
            rule: rule.id,
            message: `The ${group === 'reasons' ? 'reason' : 'obligation'} code ${code} has no ${locale} message`,
          });
    }
    const citations: [CitationSpec, readonly (string | number)[]][] = [
      ...rule.basis.map((c, j) => [c, [...at, 'basis', j]] as [CitationSpec, (string | number)[]]),
      ...(rule.obligations ?? []).map(
        (o, j) => [o.basis, [...at, 'obligations', j, 'basis']] as [CitationSpec, (string | number)[]],
      ),
    ];
    for (const [c, path] of citations)
      if (c.source === 'terms' && c.article !== undefined && !listed.has(c.article))
        findings.push({
          kind: 'citation-of-unlisted-article',
          path,
          rule: rule.id,
          message: `Rule ${rule.id} cites Art. ${c.article}, which the version's articles do not list`,
        });
  }
  return findings;
}
