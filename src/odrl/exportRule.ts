import { citationLabel } from '../i18n/citationLabel.js';
import { codeMessage } from '../i18n/messages.js';
import type { CitationSpec } from '../model/citation.js';
import type { Citation } from '../model/decision.js';
import type { ObligationSpec, Rule } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { kindIri, partyIri, purposeIri, ruleIri } from './identifiers.js';
import { type DutyPlacement, dutyMapping, holdingDuration, ODRL_ACTION_OF } from './mapping.js';
import type {
  OdrlCitation,
  OdrlConstraint,
  OdrlDecisionRule,
  OdrlDuty,
  OdrlObligation,
  OdrlPermission,
  OdrlRestriction,
  OdrlText,
  OneOrMore,
} from './types.js';

// One rule of a terms version in ODRL: the rule itself (a permission or a prohibition in its first-applicable
// place), the preconditions it puts on a permission, and the obligations and restrictions that follow its use.

/** What one rule becomes. */
export interface ExportedRule {
  readonly permission?: OdrlPermission;
  readonly prohibition?: OdrlDecisionRule;
  readonly obligations: readonly OdrlObligation[];
  readonly restrictions: readonly OdrlRestriction[];
}

const oneOrMore = <T>(items: readonly T[]): OneOrMore<T> => {
  const [only, ...rest] = items;
  return only !== undefined && rest.length === 0 ? only : items;
};

const bilingual = (text: (locale: 'ja' | 'en') => string): readonly [OdrlText, OdrlText] => [
  { '@value': text('ja'), '@language': 'ja' },
  { '@value': text('en'), '@language': 'en' },
];

/** A citation as the rule writes it, with its version filled in as the engine does, and labelled. */
export function exportCitation(spec: CitationSpec, version: TermsVersion): OdrlCitation {
  const parts: Omit<Citation, 'label'> =
    spec.source === 'terms' || spec.source === 'contract' ? { ...spec, terms: version.id } : spec;
  return {
    'm2m:source': parts.source,
    ...(parts.terms !== undefined && { 'm2m:terms': parts.terms }),
    ...(parts.article !== undefined && { 'm2m:article': parts.article }),
    ...(parts.paragraph !== undefined && { 'm2m:paragraph': parts.paragraph }),
    ...(parts.item !== undefined && { 'm2m:item': parts.item }),
    ...(parts.subitem !== undefined && { 'm2m:subitem': parts.subitem }),
    'm2m:label': bilingual((locale) => citationLabel(parts, locale)),
  };
}

/** `eq` for one value, `isAnyOf` for a list. */
function anyOf(leftOperand: 'purpose' | 'recipient', iris: readonly string[]): OdrlConstraint {
  const [only, ...rest] = iris;
  return only !== undefined && rest.length === 0
    ? { leftOperand, operator: 'eq', rightOperand: { '@id': only } }
    : { leftOperand, operator: 'isAnyOf', rightOperand: iris.map((id) => ({ '@id': id })) };
}

/** A rule's own conditions: purposes (13(3)(1)), recipients (13(3)(2)) and its condition, which ODRL cannot state. */
function ruleConstraints(rule: Rule, uid: string): OdrlConstraint[] {
  return [
    ...(rule.purposes ? [anyOf('purpose', rule.purposes.map(purposeIri))] : []),
    ...(rule.recipients ? [anyOf('recipient', rule.recipients.map(partyIri))] : []),
    // The predicate is code: it is named, never dropped; the rule's note and basis say what it tests.
    ...(rule.when || rule.condition
      ? [
          {
            leftOperand: 'm2m:ruleCondition',
            operator: 'eq',
            rightOperand: { '@id': `${uid}:condition` },
          } as const,
        ]
      : []),
  ];
}

/** When and after what an obligation falls due, beyond the exercise of its permission. */
function dutyConstraints(spec: ObligationSpec, dutyUid: string, version: TermsVersion): OdrlConstraint[] {
  const how = dutyMapping(spec.code);
  return [
    ...(how.afterEvent
      ? [{ leftOperand: 'event', operator: 'gt', rightOperand: { '@id': how.afterEvent } } as const]
      : []),
    ...(how.afterHolding
      ? [
          {
            leftOperand: 'elapsedTime',
            operator: 'eq',
            rightOperand: { '@value': holdingDuration(version.holdingPeriod ?? {}), '@type': 'xsd:duration' },
            // ODRL leaves the start open (SPEC §6): 13(4) counts from receipt, by the Civil Code.
            'm2m:countedFrom': { '@id': 'm2m:receivedAt' },
            'm2m:reckoning': { '@id': 'm2m:civilCodePeriod' },
            'm2m:extendedBy': { '@id': 'm2m:retentionExtension' },
          } as const,
        ]
      : spec.due
        ? [{ leftOperand: 'm2m:dueAt', operator: 'eq', rightOperand: { '@id': `${dutyUid}:dueAt` } } as const]
        : []),
  ];
}

/** What a duty does, with its constraints where it has any, and what it rests on. */
function exportDuty(spec: ObligationSpec, constraint: readonly OdrlConstraint[], version: TermsVersion) {
  const how = dutyMapping(spec.code);
  return {
    action: how.action,
    ...(how.informedParty && { informedParty: how.informedParty }),
    ...(constraint.length > 0 && { constraint }),
    'm2m:obligation': spec.code,
    'm2m:basis': [exportCitation(spec.basis, version)] as const,
  } satisfies OdrlDuty;
}

/**
 * Exports one rule at its position (from 1) in its version.
 *
 * @example
 * const [first] = terms20201201.rules; // 13-3-1-i/provider/use
 * if (first) exportRule(first, 1, terms20201201).permission?.constraint?.[0]
 * //=> { leftOperand: 'purpose', operator: 'eq', rightOperand: { '@id': 'urn:m2m-data-policy:purpose:service-analysis' } }
 */
export function exportRule(rule: Rule, order: number, version: TermsVersion): ExportedRule {
  const uid = ruleIri(version.id, rule.id);
  const target = oneOrMore(rule.kinds.map(kindIri));
  const assignee = oneOrMore(rule.actors.map(partyIri));
  const constraint = ruleConstraints(rule, uid);
  const decision = {
    uid,
    target,
    assignee,
    action: oneOrMore(rule.actions.map((a) => ODRL_ACTION_OF[a])),
    ...(constraint.length > 0 && { constraint }),
    'm2m:rule': rule.id,
    'm2m:order': order,
    'm2m:reason': rule.reason,
    'm2m:note': bilingual((locale) => codeMessage(version.codes, 'reasons', rule.reason, locale)),
    'm2m:basis': rule.basis.map((c) => exportCitation(c, version)),
  };
  // A deny carries no duties, whatever the rule lists: the engine gives obligations with permits only.
  if (rule.effect === 'deny') return { prohibition: decision, obligations: [], restrictions: [] };

  const specs = rule.obligations ?? [];
  const placed = (placement: DutyPlacement) =>
    specs.filter((s) => dutyMapping(s.code).placement === placement);
  // Duties that follow use arise once this rule's action has been exercised.
  const afterUse: OdrlConstraint = { leftOperand: 'event', operator: 'gt', rightOperand: { '@id': uid } };
  const dutyUid = (s: ObligationSpec) => `${uid}:${s.code}`;
  const duty = placed('duty').map((s) => exportDuty(s, dutyConstraints(s, dutyUid(s), version), version));
  return {
    permission: { ...decision, ...(duty.length > 0 && { duty }) },
    obligations: placed('obligation').map((s) => {
      const constraint = [afterUse, ...dutyConstraints(s, dutyUid(s), version)];
      return {
        uid: dutyUid(s),
        target,
        assignee,
        ...exportDuty(s, constraint, version),
        constraint,
        'm2m:rule': rule.id,
      };
    }),
    restrictions: placed('prohibition').map((s) => ({
      uid: dutyUid(s),
      target,
      assignee,
      ...exportDuty(s, [afterUse], version),
      constraint: [afterUse],
      'm2m:rule': rule.id,
    })),
  };
}
