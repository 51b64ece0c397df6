// The shared workload of the benchmarks: ~1,000 varied parsed records, requests over them, and the same
// Article 13 rules for the provider written as CASL rules, so both libraries answer the same questions.
import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { type DataRecord, type DecisionRequest, type Purpose, parseRecord } from 'm2m-data-policy';

export const AT = new Date('2021-06-01T10:00:00+09:00');
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

/** What CASL is asked: the same facts flattened into a subject object, built once, like the requests above. */
export interface CaslSubject {
  readonly kind: 'measurement' | 'derived';
  readonly purpose?: string | undefined;
  readonly recipient?: string | undefined;
  readonly justified: boolean;
  readonly personal: boolean;
}

const subjectOf = (r: DecisionRequest): CaslSubject => ({
  kind: r.data.kind as 'measurement' | 'derived',
  purpose: r.purpose,
  recipient: r.recipient,
  justified: typeof r.justification === 'string' && r.justification.length > 0,
  personal: 'personalData' in r.data && r.data.personalData !== 'none',
});

export const caslUseSubjects: CaslSubject[] = useQuestions.map((q) =>
  subjectOf({
    action: 'use',
    data: q.data,
    purpose: q.purpose,
    justification: q.justified ? 'OPS-1182' : undefined,
  }),
);
export const caslMixed = mixedRequests.map((r) => ({ action: r.action, subject: subjectOf(r) }));

/** Article 13 (2020-12-01) for the provider, as CASL rules. */
export function article13Ability(): MongoAbility {
  const { can, build } = new AbilityBuilder(createMongoAbility);
  const LISTED = ['service-analysis', 'incident-response', 'service-provision'];
  can('use', 'measurement', { purpose: { $in: LISTED } });
  can('use', 'measurement', { purpose: 'incidental', justified: true });
  can('process', 'measurement');
  can('disclose', 'measurement', { recipient: 'subcontractor', purpose: { $in: LISTED } });
  can('disclose', 'measurement', { recipient: 'subcontractor', purpose: 'incidental', justified: true });
  can('disclose', 'measurement', { recipient: 'user' });
  can(['use', 'process'], 'derived');
  can([...PASS_ON], 'derived', { personal: false });
  can('disclose', 'derived', { personal: true, recipient: 'subcontractor' });
  return build({ detectSubjectType: (s) => (s as CaslSubject).kind });
}
