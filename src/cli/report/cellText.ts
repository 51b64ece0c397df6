/**
 * A decision table's cells as text: the values of each column, the same in every format but JSON.
 *
 * @module
 */
import type { CellCase, CellDecision, CellKey } from 'm2m-data-policy';
import type { Labels } from './labels.js';

/**
 * A cell's case as `dimension=value` pairs in the table's column order, `; ` between them; empty when the cell's
 * rules tell no cases apart.
 *
 * @example
 * caseText({ personalData: 'yes', consent: 'data-subject/written' }) //=> 'personalData=yes; consent=data-subject/written'
 * caseText({}) //=> ''
 */
export function caseText(c: CellCase): string {
  return Object.entries(c)
    .map(([dimension, value]) => `${dimension}=${value}`)
    .join('; ');
}

/**
 * The place of a cell as text: kind, actor, action, recipient (or the locale's word for none), purpose (or its
 * word for any other) and case.
 *
 * @example
 * keyColumns({ kind: 'measurement', actor: 'user', action: 'use', recipient: null, purpose: null, case: {} }, labelsFor('en'))
 * //=> ['measurement', 'user', 'use', 'none', 'any other', '']
 */
export function keyColumns(key: CellKey, labels: Labels): string[] {
  return [
    key.kind,
    key.actor,
    key.action,
    key.recipient ?? labels.noRecipient,
    key.purpose ?? labels.otherPurpose,
    caseText(key.case),
  ];
}

/**
 * A cell's decision as text: the effect in the locale's word, the rule id, then reason codes, citation labels and
 * obligation codes, each list joined by `; `.
 *
 * @example
 * decisionColumns(cell.decision, labelsFor('en'))
 * //=> ['Permit', '13-2-1/user', 'user-may-use-measurement-data', 'Terms (2020-12-01) Art. 13(2)(1)', '']
 */
export function decisionColumns(decision: CellDecision, labels: Labels): string[] {
  return [
    labels.effect[decision.effect],
    decision.rule,
    decision.reasons.join('; '),
    decision.basis.map((c) => c.label).join('; '),
    decision.obligations.join('; '),
  ];
}
