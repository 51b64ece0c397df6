import {
  ACTORS,
  type Action,
  type Actor,
  PARTIES,
  type Party,
  RECIPIENT_ACTIONS,
} from '../model/vocabulary.js';
import type { DataKind } from '../records/dataRecord.js';
import type { Condition } from '../terms/condition.js';
import type { Rule } from '../terms/rule.js';

// A version's request space is finite once each condition is reduced to its cases. This module says which cases a
// cell's rules can tell apart: a condition record is read by its single key, and each key names the dimension of
// the request or record it looks at. A rule whose `when` closure no record can describe makes its cell opaque: its
// cases cannot be listed, and the table says so rather than guess.

/** The dimensions of a request or record a condition can look at, in the table's column order. */
export const DIMENSIONS = [
  'personalData',
  'retention',
  'dataContract',
  'subject',
  'discloser',
  'designation',
  'exception',
  'consent',
  'justification',
  'legalBasis',
  'priorNotice',
  'privacyPolicy',
  'contract',
] as const;
/** One dimension of a cell's cases. */
export type Dimension = (typeof DIMENSIONS)[number];

/** The case of each dimension a cell's rules tell apart: e.g. `{ personalData: 'yes', consent: 'none' }`. */
export type CellCase = Readonly<Partial<Record<Dimension, string>>>;

/** The cases of each dimension but consent, whose cases depend on the parties the rules ask. */
export const CASES: Readonly<Record<Exclude<Dimension, 'consent'>, readonly string[]>> = {
  personalData: ['none', 'possible', 'yes'],
  retention: ['within-period', 'ended', 'extended', 'gap'],
  dataContract: ['same', 'other'],
  subject: ['user', 'officer', 'employee', 'other-staff'],
  discloser: ['user', 'provider'],
  designation: ['designated', 'none', 'after-disclosure', 'not-scoped', 'not-marked'],
  exception: ['none', 'already-held', 'obtained-from-third-party', 'independently-developed', 'public'],
  justification: ['absent', 'present'],
  legalBasis: ['none', 'law', 'authority-request'],
  priorNotice: ['possible', 'impossible'],
  privacyPolicy: ['unlisted', 'listed'],
  contract: ['none', 'running', 'ended-within-survival', 'ended-past-survival'],
};

/** What a cell's rules look at: the dimensions, the parties whose consent matters, and whether a closure decides. */
export interface Looks {
  readonly dimensions: Set<Dimension>;
  readonly consentFrom: Set<Party>;
  opaque: boolean;
}

export const noLooks = (): Looks => ({ dimensions: new Set(), consentFrom: new Set(), opaque: false });

const PERSONAL_KINDS: ReadonlySet<DataKind> = new Set(['measurement', 'derived']);

/** Adds what a condition looks at in a request of `kind` to `looks`. */
export function look(c: Condition, kind: DataKind, looks: Looks): void {
  const [key] = Object.keys(c);
  const value: unknown = (c as Readonly<Record<string, unknown>>)[key as string];
  const d = looks.dimensions;
  switch (key) {
    case 'all':
    case 'any':
      for (const x of value as readonly Condition[]) look(x, kind, looks);
      return;
    case 'not':
      look(value as Condition, kind, looks);
      return;
    case 'personalData':
      if (PERSONAL_KINDS.has(kind)) d.add('personalData');
      return;
    case 'holding':
      if (kind === 'measurement') d.add('retention');
      return;
    case 'justified':
      d.add('justification');
      return;
    case 'legalBasis':
      d.add('legalBasis');
      return;
    case 'priorNoticeImpossible':
      d.add('priorNotice');
      return;
    case 'privacyPolicyPurpose':
      d.add('privacyPolicy');
      return;
    case 'survivalEnded':
    case 'contractEnded':
      d.add('contract');
      return;
    case 'otherContract':
      d.add('contract');
      if (kind === 'measurement') d.add('dataContract');
      return;
    case 'subject':
      if (kind === 'user-information') d.add('subject');
      return;
    case 'designated':
      if (kind === 'confidential') d.add('designation');
      return;
    case 'exception':
      if (kind === 'confidential') d.add('exception');
      return;
    case 'disclosedBy':
      if (kind === 'confidential') d.add('discloser');
      return;
    case 'recipient':
      if (value === 'person' && kind === 'user-information') d.add('subject');
      if (value === 'discloser' && kind === 'confidential') d.add('discloser');
      return;
    case 'consent': {
      d.add('consent');
      const from = (value as { from: string }).from;
      if (from === 'person') {
        looks.consentFrom.add('data-subject');
        if (kind === 'user-information') {
          looks.consentFrom.add('user');
          d.add('subject');
        }
      } else if (from === 'discloser') {
        looks.consentFrom.add('user');
        looks.consentFrom.add('provider');
        if (kind === 'confidential') d.add('discloser');
      } else looks.consentFrom.add(from as Party);
      return;
    }
    default:
      // A condition this module cannot reduce: the cell cannot be listed by cases.
      looks.opaque = true;
  }
}

/** Adds what a rule looks at (its condition, and whether a closure decides). */
export function lookAtRule(rule: Rule, kind: DataKind, looks: Looks): void {
  if (rule.condition !== undefined) look(rule.condition, kind, looks);
  if (rule.when !== undefined) looks.opaque = true;
}

/**
 * The consent cases of the parties asked: none; each party on time in each form, and late in writing; and, when
 * several are asked, all of them together in writing (`user+data-subject/written`).
 */
export function consentCases(parties: ReadonlySet<Party>): string[] {
  const ordered = PARTIES.filter((p) => parties.has(p));
  const cases = ['none'];
  for (const p of ordered) cases.push(`${p}/written`, `${p}/electronic`, `${p}/oral`, `${p}/written/late`);
  if (ordered.length > 1) cases.push(`${ordered.join('+')}/written`);
  return cases;
}

/** Every combination of the cases of `dims`, in {@link DIMENSIONS} order. */
export function combinations(dims: ReadonlySet<Dimension>, consent: readonly string[]): CellCase[] {
  let out: Record<string, string>[] = [{}];
  for (const dim of DIMENSIONS) {
    if (!dims.has(dim)) continue;
    const values = dim === 'consent' ? consent : CASES[dim];
    out = out.flatMap((c) => values.map((v) => ({ ...c, [dim]: v })));
  }
  return out;
}

/** The recipient cases of an action: none, or each party for an action that passes data on. */
export const recipientsOf = (action: Action): readonly (Party | null)[] =>
  RECIPIENT_ACTIONS.includes(action) ? PARTIES : [null];

export { ACTORS, type Actor };
