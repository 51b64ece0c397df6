import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASES,
  type CellCase,
  cellRequest,
  createPolicy,
  DEFAULT_TERMS,
  type DecisionCell,
  DIMENSIONS,
  type Dimension,
  decisionTable,
  type Policy,
  type TermsVersion,
} from '../../src/index.js';

// The decision table of each shipped version (SPEC §10): every cell is what decide answers for the request the cell
// stands for, and the split into cases is sound — whatever a cell leaves open does not change its decision.

const policies = new Map<string, Policy>();
/** A policy of one version, with the cell's purpose listed in the privacy policy when its case says so. */
function policyFor(version: TermsVersion, listed: string | undefined): Policy {
  const key = `${version.id}|${listed ?? ''}`;
  let p = policies.get(key);
  if (p === undefined) {
    p = createPolicy({
      terms: [version],
      locale: 'en',
      privacyPolicyPurposes: listed === undefined ? [] : [listed],
    });
    policies.set(key, p);
  }
  return p;
}

const decisionOf = (version: TermsVersion, cell: Omit<DecisionCell, 'decision' | 'opaque'>) => {
  const request = cellRequest(cell, version);
  const listed = cell.case.privacyPolicy === 'listed' ? request.purpose : undefined;
  const d = policyFor(version, listed).decide(request);
  return {
    effect: d.effect,
    rule: d.rule,
    reasons: d.reasons.map((r) => r.code),
    basis: d.basis,
    obligations: d.obligations.map((o) => o.code),
  };
};

describe.each(DEFAULT_TERMS.map((v) => [v.id, v] as const))('decisionTable(%s)', (_, version) => {
  const table = decisionTable(version);

  it('gives every cell the decision decide answers for the request built from it', () => {
    for (const cell of table.cells) expect(decisionOf(version, cell)).toEqual(cell.decision);
  });

  it('covers every kind, actor and action, and reaches every rule of the version', () => {
    const rules = new Set(table.cells.map((c) => c.decision.rule));
    for (const rule of version.rules) expect(rules).toContain(rule.id);
    expect(new Set(table.cells.map((c) => c.kind)).size).toBe(7);
    expect(new Set(table.cells.map((c) => c.actor)).size).toBe(3);
    expect(new Set(table.cells.map((c) => c.action)).size).toBe(10);
  });

  it('lists each cell once, and no cell is opaque (the shipped rules are all condition records)', () => {
    const keys = table.cells.map((c) =>
      JSON.stringify([c.kind, c.actor, c.action, c.recipient, c.purpose, c.case]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(table.cells.filter((c) => c.opaque)).toEqual([]);
  });

  it('is sound: filling what a cell leaves open with any case never changes its decision', () => {
    const consents = [
      'none',
      'data-subject/written',
      'user/oral',
      'provider/written/late',
      'user+data-subject/written',
    ];
    const open = (c: CellCase): Dimension[] => DIMENSIONS.filter((d) => c[d] === undefined);
    fc.assert(
      fc.property(
        fc.nat(table.cells.length - 1),
        fc.array(fc.nat(9), { minLength: 12, maxLength: 12 }),
        (i, picks) => {
          const cell = table.cells[i] as DecisionCell;
          const filled: Record<string, string> = { ...cell.case };
          for (const [k, dim] of open(cell.case).entries()) {
            // privacyPolicy stays as the cell has it: it is a property of the policy, not of the request.
            if (dim === 'privacyPolicy') continue;
            const values = dim === 'consent' ? consents : CASES[dim];
            filled[dim] = values[(picks[k] ?? 0) % values.length] as string;
          }
          expect(decisionOf(version, { ...cell, case: filled })).toEqual(cell.decision);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decisionTable: cells at the edges of the terms', () => {
  const table = decisionTable(DEFAULT_TERMS[1] as TermsVersion);
  const find = (f: (c: DecisionCell) => boolean) => table.cells.filter(f);

  it('splits licensing derived data to a third party by personal data, then consent and legal basis (13(3)(4), APPI 27(1))', () => {
    const cells = find(
      (c) =>
        c.kind === 'derived' &&
        c.actor === 'provider' &&
        c.action === 'license' &&
        c.recipient === 'third-party',
    );
    const effect = (c: CellCase) =>
      cells.find((x) => JSON.stringify(x.case) === JSON.stringify(c))?.decision.effect;
    expect(effect({ personalData: 'none' })).toBe('permit');
    expect(effect({ personalData: 'yes', consent: 'none', legalBasis: 'none' })).toBe('deny');
    expect(effect({ personalData: 'yes', consent: 'data-subject/written' })).toBe('permit');
    // Consent a millisecond after the instant is no consent.
    expect(effect({ personalData: 'yes', consent: 'data-subject/written/late', legalBasis: 'none' })).toBe(
      'deny',
    );
    expect(effect({ personalData: 'possible', consent: 'none', legalBasis: 'law' })).toBe('permit');
    expect(cells).toHaveLength(19);
  });

  it('splits retaining measurement data by its holding state, the gap denied (13(4))', () => {
    const cells = find((c) => c.kind === 'measurement' && c.actor === 'provider' && c.action === 'retain');
    expect(Object.fromEntries(cells.map((c) => [c.case.retention, c.decision.effect]))).toEqual({
      'within-period': 'permit',
      ended: 'deny',
      extended: 'permit',
      gap: 'deny',
    });
  });

  it('tells consent a millisecond late from consent on time (31(2))', () => {
    const cells = find(
      (c) => c.kind === 'measurement' && c.action === 'transmit' && c.case.personalData === 'yes',
    );
    const byConsent = Object.fromEntries(cells.map((c) => [c.case.consent, c.decision.effect]));
    expect(byConsent['provider/written']).toBe('permit');
    expect(byConsent['provider/written/late']).toBe('deny');
    expect(byConsent['provider/electronic']).toBe('deny');
  });
});
