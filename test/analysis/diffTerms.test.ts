import { describe, expect, it } from 'vitest';
import {
  analyzeTerms,
  cellRequest,
  createPolicy,
  defineRule,
  diffTerms,
  type FindingKind,
  type TermsVersion,
  terms20170401,
  terms20201201,
  termsArticle,
} from '../../src/index.js';

// The decision-level 新旧対照表 and the findings of a version (SPEC §10).

describe('diffTerms(2017-04-01, 2020-12-01)', () => {
  const diff = diffTerms(terms20170401, terms20201201);
  const policyOld = createPolicy({ terms: [terms20170401], locale: 'en', privacyPolicyPurposes: [] });
  const policyNew = createPolicy({ terms: [terms20201201], locale: 'en', privacyPolicyPurposes: [] });

  it('counts every changed cell once, by kind of change and by article', () => {
    const total = Object.values(diff.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(diff.cells.length);
    expect(diff.byArticle.reduce((n, g) => n + g.cells.length, 0)).toBe(diff.cells.length);
    for (const g of diff.byArticle)
      expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBe(g.cells.length);
    expect(diff.compared).toBeGreaterThan(diff.cells.length);
  });

  it('shows both decisions of a changed cell as decide gives them under each version', () => {
    for (const cell of diff.cells.filter((_, i) => i % 25 === 0)) {
      if (cell.case.privacyPolicy === 'listed') continue;
      expect(policyOld.decide(cellRequest(cell, terms20170401)).effect).toBe(cell.before.effect);
      expect(policyNew.decide(cellRequest(cell, terms20201201)).effect).toBe(cell.after.effect);
    }
  });

  it('finds the new 13(3)(1)ロ: a subcontractor may use measurement data for incident response from 2020-12-01', () => {
    const cell = diff.cells.find(
      (c) =>
        c.kind === 'measurement' &&
        c.actor === 'subcontractor' &&
        c.action === 'use' &&
        c.purpose === 'incident-response',
    );
    expect(cell?.change).toBe('deny-to-permit');
    expect(cell?.after.basis).toEqual(
      expect.arrayContaining([expect.objectContaining({ article: 13, paragraph: 3, subitem: 'ロ' })]),
    );
  });

  it('groups the changes under the articles of the new terms, Art. 13, 31 and 32 among them', () => {
    const articles = diff.byArticle.map((g) => g.article);
    expect(articles).toEqual(expect.arrayContaining([13, 31, 32]));
  });

  it('finds no change between a version and itself', () => {
    expect(diffTerms(terms20201201, terms20201201).cells).toEqual([]);
  });
});

describe('analyzeTerms', () => {
  it.each([terms20170401, terms20201201].map((v) => [v.id, v] as const))(
    'finds nothing in the shipped version %s',
    (_, version) => {
      expect(analyzeTerms(version)).toEqual([]);
    },
  );

  // A version broken on purpose, one finding of each kind. Built by hand, not by defineTerms, which would refuse
  // the code without a message.
  const shadowing = defineRule({
    id: 'fixture/deny-all-passing-on',
    kinds: ['derived'],
    actors: ['provider'],
    actions: ['disclose', 'transfer', 'license', 'sublicense'],
    effect: 'deny',
    reason: 'raw-measurement-data-may-not-leave',
    basis: [termsArticle(99)],
    obligations: [{ code: 'use-within-purpose', basis: termsArticle(13, 3) }],
  });
  const baseless = defineRule({
    id: 'fixture/permit-anonymize',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['anonymize'],
    effect: 'permit',
    reason: 'fixture-code',
    basis: [{ source: 'terms' }],
  });
  const broken: TermsVersion = {
    ...terms20201201,
    id: '2099-01-01',
    rules: [shadowing, baseless, ...terms20201201.rules],
  };

  it('shows each kind of finding on a version broken on purpose, each at its path', () => {
    const findings = analyzeTerms(broken);
    const kinds = new Set<FindingKind>(findings.map((f) => f.kind));
    expect(kinds).toEqual(
      new Set<FindingKind>([
        'shadowed-rule',
        'permit-without-basis',
        'deny-with-obligations',
        'code-without-message',
        'citation-of-unlisted-article',
      ]),
    );
    expect(findings.find((f) => f.kind === 'citation-of-unlisted-article')?.path).toEqual([
      'rules',
      0,
      'basis',
      0,
    ]);
    expect(findings.find((f) => f.kind === 'permit-without-basis')?.rule).toBe('fixture/permit-anonymize');
    expect(findings.filter((f) => f.kind === 'code-without-message').map((f) => f.message)).toEqual([
      'The reason code fixture-code has no ja message',
      'The reason code fixture-code has no en message',
    ]);
    // The rule the deny-all shadows: 13(3)(4)'s licence of derived data.
    expect(findings.filter((f) => f.kind === 'shadowed-rule').map((f) => f.rule)).toContain(
      '13-3-4/provider/derived',
    );
  });
});
