import { PolicyInputError } from '../errors.js';
import { ACTIONS, type Actor, type Party } from '../model/vocabulary.js';
import { DATA_KINDS, type DataKind } from '../records/dataRecord.js';
import { INSTANT_MESSAGES, readInstant } from '../records/timestamp.js';
import type { DecisionRequest } from '../request/types.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import type { CellCase } from './cases.js';

// A concrete request for each cell of the table: the record and the request fields the case names, every instant
// placed relative to the decision's `at`, so a reader can rebuild the request from the cell and ask `decide`.

const DAY = 86_400_000;

/** The cell a request is built from: where it sits in the table and its case. */
export interface CellKey {
  readonly kind: DataKind;
  readonly actor: Actor;
  readonly action: (typeof ACTIONS)[number];
  readonly recipient: Party | null;
  /** A purpose some rule names, or `null` for any other (and none). */
  readonly purpose: string | null;
  readonly case: CellCase;
}

/** The purpose a request of an "other purpose" cell gives: none, except to `use`, which needs one. */
export const OTHER_PURPOSE = 'unlisted-purpose';

/** The concrete purpose of a cell, or undefined for none. */
export const purposeOf = (key: Pick<CellKey, 'action' | 'purpose'>): string | undefined =>
  key.purpose ?? (key.action === 'use' ? OTHER_PURPOSE : undefined);

/** Days a period can last at most: an instant that far back has surely passed it. */
const longest = (p: PeriodLength): number =>
  (p.years ?? 0) * 366 + (p.months ?? 0) * 31 + (p.weeks ?? 0) * 7 + (p.days ?? 0) + 2;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The periods a cell's instants are placed by: the version's holding and survival periods. */
export interface Periods {
  readonly holding: PeriodLength | undefined;
  readonly survival: PeriodLength | undefined;
}

/** The dimensions of a case that shape the record (the others shape the request around it). */
const RECORD_DIMENSIONS = [
  'personalData',
  'retention',
  'dataContract',
  'subject',
  'discloser',
  'designation',
  'exception',
] as const;

/** What the record of a cell depends on: its kind and the record dimensions of its case. */
export const recordKey = (key: CellKey): string =>
  [key.kind, ...RECORD_DIMENSIONS.map((d) => key.case[d] ?? '')].join('|');

function record(key: CellKey, atMs: number, periods: Periods): Record<string, unknown> {
  const c = key.case;
  const id = `${key.kind}-1`;
  const before = iso(atMs - 2 * DAY);
  switch (key.kind) {
    case 'measurement': {
      const state = c.retention ?? 'within-period';
      const ended = periods.holding === undefined ? atMs - DAY : atMs - longest(periods.holding) * DAY;
      const received = state === 'within-period' ? atMs - 1 : ended;
      const extension =
        state === 'extended'
          ? [{ decidedAt: iso(atMs - 1), reason: 'fault investigation' }]
          : state === 'gap'
            ? [{ decidedAt: iso(atMs + DAY), reason: 'fault investigation' }]
            : undefined;
      return {
        kind: 'measurement',
        id,
        // The request's contract is C-1: another customer's record is of C-2.
        contractId: c.dataContract === 'other' ? 'C-2' : 'C-1',
        metric: 'leakage-current',
        measuredAt: iso(received),
        receivedAt: iso(received),
        personalData: c.personalData ?? 'none',
        ...(extension && { retentionExtensions: extension }),
      };
    }
    case 'derived':
      return {
        kind: 'derived',
        id,
        sources: ['measurement-1'],
        processedBy: 'provider',
        processedAt: before,
        personalData: c.personalData ?? 'none',
      };
    case 'user-information':
      return {
        kind: 'user-information',
        id,
        subject: c.subject ?? 'employee',
        source: 'application',
        collectedAt: before,
      };
    case 'confidential': {
      const disclosedAt = atMs - 2 * DAY;
      const designation = c.designation ?? 'designated';
      return {
        kind: 'confidential',
        id,
        disclosedBy: c.discloser ?? 'user',
        disclosedAt: iso(disclosedAt),
        designation:
          designation === 'none'
            ? null
            : {
                method: 'written',
                at: iso(designation === 'after-disclosure' ? disclosedAt + 1 : disclosedAt - DAY),
              },
        scopeSpecified: designation !== 'not-scoped',
        marked: designation !== 'not-marked',
        ...(c.exception !== undefined && c.exception !== 'none' && { exception: c.exception }),
      };
    }
    case 'anonymized':
      return {
        kind: 'anonymized',
        id,
        sources: ['measurement-1'],
        createdAt: before,
        itemCategories: ['region'],
      };
    case 'statistical':
      return { kind: 'statistical', id, sources: ['measurement-1'], createdAt: before };
    case 'provider-content':
      return { kind: 'provider-content', id, publishedAt: before };
  }
}

/** The consents of a case: `party/form` on time, `party/form/late` a millisecond after, `a+b/form` from each. */
function consents(value: string | undefined, atMs: number): unknown[] | undefined {
  if (value === undefined || value === 'none') return undefined;
  const [from = '', form, late] = value.split('/');
  const grantedAt = late === 'late' ? iso(atMs + 1) : iso(atMs - DAY);
  return from.split('+').map((party) => ({ from: party, form, grantedAt }));
}

function contract(
  value: string | undefined,
  atMs: number,
  periods: Periods,
): Record<string, unknown> | undefined {
  if (value === undefined || value === 'none') return undefined;
  const survival = periods.survival === undefined ? 1 : longest(periods.survival);
  const formed = atMs - (survival + 400) * DAY;
  if (value === 'running') return { id: 'C-1', formedAt: iso(formed) };
  const ended = value === 'ended-within-survival' ? atMs - DAY : atMs - survival * DAY;
  return { id: 'C-1', formedAt: iso(formed), terminatedAt: iso(ended) };
}

/**
 * The request a cell stands for, at `atMs`. `data` gives the record when the caller already has it (the same for
 * every cell of one {@link recordKey}); otherwise it is built.
 */
export function requestOf(
  key: CellKey,
  atMs: number,
  periods: Periods,
  data: DecisionRequest['data'] = record(key, atMs, periods) as unknown as DecisionRequest['data'],
): DecisionRequest {
  const c = key.case;
  const purpose = purposeOf(key);
  const consent = consents(c.consent, atMs);
  const agreement = contract(c.contract, atMs, periods);
  return {
    action: key.action,
    data,
    actor: key.actor,
    at: new Date(atMs),
    ...(key.recipient !== null && { recipient: key.recipient }),
    ...(purpose !== undefined && { purpose }),
    ...(c.justification === 'present' && { justification: 'OPS-1182: recorded determination' }),
    ...(consent !== undefined && { consent: consent as never }),
    ...(c.legalBasis !== undefined && c.legalBasis !== 'none' && { legalBasis: c.legalBasis as never }),
    ...(c.priorNotice === 'impossible' && { priorNoticeImpossible: true }),
    ...(agreement !== undefined && { contract: agreement as never }),
  };
}

/**
 * The concrete request a cell of a version's table stands for — what `decide` is asked to fill the cell — so a
 * reviewer can replay any cell. `at` is the table's instant (default the version's effective date). A cell whose
 * case lists the purpose in the privacy policy (`privacyPolicy: 'listed'`) is decided by a policy created with
 * `privacyPolicyPurposes: [request.purpose]`; every other cell by one created with `privacyPolicyPurposes: []`.
 *
 * @throws {PolicyInputError} for an invalid `at`.
 * @example
 * const table = decisionTable(terms20201201);
 * const cell = table.cells[0];
 * cell && createPolicy({ terms: [terms20201201], privacyPolicyPurposes: [] }).decide(cellRequest(cell, terms20201201))
 *   .rule === cell.decision.rule //=> true
 */
export function cellRequest(
  cell: CellKey,
  terms: TermsVersion,
  at: Date | string = terms.effectiveFrom,
): DecisionRequest {
  const atMs = readInstant(at);
  if (typeof atMs !== 'number')
    throw new PolicyInputError(
      [{ path: ['at'], code: atMs, message: INSTANT_MESSAGES[atMs] }],
      'cell request',
    );
  return requestOf(cell, atMs, { holding: terms.holdingPeriod, survival: terms.survivalPeriod });
}

export { ACTIONS, DATA_KINDS };
