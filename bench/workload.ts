// The shared workload of the benchmarks: ~1,000 varied parsed records, requests over them, and the same
// Article 13 rules for the provider written as CASL rules, twice: the fuller encoding that reads like the
// article, and the smallest rule set that gives the same answers on this workload (CASL at its fastest), so
// both libraries answer the same questions.
import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { type DataRecord, type DecisionRequest, type Purpose, parseRecord } from 'm2m-data-policy';

export const AT_ISO = '2021-06-01T10:00:00+09:00';
export const AT = new Date(AT_ISO);
const PURPOSES: Purpose[] = [
  'service-analysis',
  'incident-response',
  'incidental',
  'service-provision',
  'marketing',
  'billing',
];
const RECIPIENTS = ['subcontractor', 'user', 'third-party', 'authority'] as const;
const PASS_ON = ['disclose', 'transfer', 'license', 'sublicense'] as const;

/** A small deterministic generator, so every run measures the same workload. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const random = lcg(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

export function makeRecords(n: number): DataRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const receivedAt = new Date(AT.getTime() - Math.floor(random() * 300) * 86_400_000 - i * 1000);
    return i % 4 === 3
      ? parseRecord({
          kind: 'derived',
          id: `d-${i}`,
          sources: [`m-${i - 1}`],
          processedBy: 'provider',
          processedAt: receivedAt,
          personalData: pick(['none', 'none', 'none', 'possible']),
        })
      : parseRecord({
          kind: 'measurement',
          id: `m-${i}`,
          contractId: `C-${i % 40}`,
          metric: pick([
            'leakage-current',
            'equipment-fault',
            'power-outage',
            'tank-pressure',
            'water-level',
          ]),
          measuredAt: new Date(receivedAt.getTime() - 500),
          receivedAt,
          personalData: pick(['none', 'none', 'possible']),
          value: Math.round(random() * 1000) / 10,
          unit: 'mA',
        });
  });
}

export const records = makeRecords(1000);

/** canUse questions: a record, a purpose, and for incidental use sometimes a recorded justification. */
export const useQuestions = records.map((data) => {
  const purpose = pick(PURPOSES);
  const justified = purpose === 'incidental' && random() < 0.5;
  return {
    data,
    purpose,
    context: justified ? { at: AT, justification: 'OPS-1182' } : { at: AT },
    justified,
  };
});

/** Mixed requests: use, process, disclosure to each recipient, and the other ways of passing data on. */
export const mixedRequests: DecisionRequest[] = records.map((data) => {
  const roll = random();
  if (roll < 0.4) {
    const purpose = pick(PURPOSES);
    return {
      action: 'use',
      data,
      purpose,
      at: AT,
      ...(purpose === 'incidental' && random() < 0.5 && { justification: 'OPS-1182' }),
    };
  }
  if (roll < 0.55) return { action: 'process', data, at: AT };
  if (roll < 0.85)
    return { action: 'disclose', data, recipient: pick(RECIPIENTS), purpose: pick(PURPOSES), at: AT };
  return { action: pick(PASS_ON), data, recipient: pick(RECIPIENTS), at: AT };
});

/** The mixed requests with their instant as an ISO-8601 string, as it arrives in JSON, built once outside the loops. */
export const mixedRequestsIso: DecisionRequest[] = mixedRequests.map((r) => ({ ...r, at: AT_ISO }));

/** The canUse questions as the requests a service would hold, from which CASL's subject is built. */
export const useRequests: DecisionRequest[] = useQuestions.map((q) => ({
  action: 'use',
  data: q.data,
  purpose: q.purpose,
  ...(q.justified && { justification: 'OPS-1182' }),
}));

/** What CASL is asked: the same facts flattened into a subject object. */
export interface CaslSubject {
  readonly kind: 'measurement' | 'derived';
  readonly purpose?: string | undefined;
  readonly recipient?: string | undefined;
  readonly justified: boolean;
  readonly personal: boolean;
}

/**
 * Builds CASL's subject from a request. The timed CASL tasks call it per call, as a service would build the
 * subject from each request it receives; `caslUseSubjects` and `caslMixed` are the same subjects built once,
 * for the clearly labelled "subject precomputed" rows only.
 */
export const subjectOf = (r: DecisionRequest): CaslSubject => ({
  kind: r.data.kind as 'measurement' | 'derived',
  purpose: r.purpose,
  recipient: r.recipient,
  justified: typeof r.justification === 'string' && r.justification.length > 0,
  personal: 'personalData' in r.data && r.data.personalData !== 'none',
});

export const caslUseSubjects: CaslSubject[] = useRequests.map(subjectOf);
export const caslMixed = mixedRequests.map((r) => ({ action: r.action, subject: subjectOf(r) }));

const LISTED = ['service-analysis', 'incident-response', 'service-provision'];
const detectSubjectType = (s: unknown) => (s as CaslSubject).kind;

/** Article 13 (2020-12-01) for the provider, as CASL rules: the fuller encoding, one rule per clause. */
export function article13Ability(): MongoAbility {
  const { can, build } = new AbilityBuilder(createMongoAbility);
  can('use', 'measurement', { purpose: { $in: LISTED } });
  can('use', 'measurement', { purpose: 'incidental', justified: true });
  can('process', 'measurement');
  can('disclose', 'measurement', { recipient: 'subcontractor', purpose: { $in: LISTED } });
  can('disclose', 'measurement', { recipient: 'subcontractor', purpose: 'incidental', justified: true });
  can('disclose', 'measurement', { recipient: 'user' });
  can(['use', 'process'], 'derived');
  can([...PASS_ON], 'derived', { personal: false });
  can('disclose', 'derived', { personal: true, recipient: 'subcontractor' });
  return build({ detectSubjectType });
}

/**
 * The smallest CASL rule set that gives exactly the answers of `article13Ability()` (and ours) on the whole
 * workload (every canUse question and every mixed request; `assertEquivalent` checks it before anything is
 * timed): 4 rules instead of 9. With conditions that each test one field (equality, `$in`, `$nin`, `$ne`), an
 * exhaustive search over the workload's answers finds no list of 3 `can`/`cannot` rules that does it, and
 * with `can` rules alone it takes 5. Removing any one of the 4 makes `assertEquivalent` throw.
 *
 * It encodes this workload, not the whole article: it leans on what the workload holds (the six purposes,
 * the four recipients, a justification only on incidental use). Smallest is not fastest: its `$nin`, `$ne`
 * and `cannot` checks cost CASL more per call than the fuller set's equalities, so both are measured.
 */
export function minimalAbility(): MongoAbility {
  const { can, cannot, build } = new AbilityBuilder(createMongoAbility);
  // 1. One broad grant for both kinds: use, process and disclosure, except to a third party or an authority.
  //    It alone answers process (both kinds), use of derived data (any purpose), use of a measurement for a
  //    listed purpose, disclosure of a measurement to the user (any purpose), and disclosure to the
  //    subcontractor of derived data (personal or not) and of a measurement for a listed purpose.
  //    A use or process request has no recipient, and `$nin` matches an absent field.
  can(['use', 'process', 'disclose'], 'all', { recipient: { $nin: ['third-party', 'authority'] } });
  // 2. Derived data with no personal data may be passed on in every way, to anyone (the rows rule 1 leaves
  //    out: disclosure to a third party or an authority, and transfer, license and sublicense).
  can([...PASS_ON], 'derived', { personal: false });
  // 3. Takes back from rule 1 what Article 13 does not allow for a measurement: use for a purpose not listed
  //    (billing, marketing, incidental without a justification: `justified: false` keeps a justified
  //    incidental use allowed), and disclosure to the subcontractor for a purpose not listed or with no
  //    purpose (`$ne: 'user'` keeps disclosure to the user allowed for any purpose).
  cannot(['use', 'disclose'], 'measurement', {
    purpose: { $nin: LISTED },
    recipient: { $ne: 'user' },
    justified: false,
  });
  // 4. Takes back from rule 1 the disclosure to the user of derived data that may hold personal data
  //    (only the subcontractor may receive it).
  cannot('disclose', 'derived', { recipient: 'user', personal: true });
  return build({ detectSubjectType });
}
