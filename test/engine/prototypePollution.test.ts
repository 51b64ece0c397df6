// SPEC §7: "A value inherited from Object.prototype counts as absent: a polluted prototype grants nothing."
// Each case pollutes a prototype (as a careless deep merge of `{"__proto__": {...}}` would) only for the length
// of one call, restores it in `finally`, and asks that the call be answered exactly as without the pollution.
import {
  createPolicy,
  type DataRecord,
  type DecisionRequest,
  type Policy,
  PolicyInputError,
  PolicyViolationError,
  retentionStatus,
} from 'm2m-data-policy';
import { confidential, derived, measurement, userInformation } from 'm2m-data-policy/testing';
import { afterEach, describe, expect, it } from 'vitest';

const NOW = '2021-06-01T10:00:00+09:00';
const clock = () => new Date(NOW);
// Requests carry `at` as a Date: every entry point must then answer (an ISO string is pinned elsewhere).
const AT = new Date(NOW);

type Outcome =
  | { readonly value: unknown }
  | {
      readonly error: string;
      readonly code: unknown;
      readonly issues?: readonly string[];
      readonly decision?: unknown;
    };

/** A deep copy with every Date replaced by a genuine Date of its internal time value. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return new Date(Date.prototype.getTime.call(value));
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** What a call gives: its value, or its error's class and code (and, for bad input, the paths it names). */
function outcome(run: () => unknown): Outcome {
  try {
    return { value: canonical(run()) };
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    const error = e instanceof Error ? e.constructor.name : typeof e;
    if (e instanceof PolicyInputError) return { error, code, issues: e.issues.map((i) => i.path.join('.')) };
    if (e instanceof PolicyViolationError) return { error, code, decision: canonical(e.decision) };
    return { error, code };
  }
}

/** Runs `run` with `target[key]` set by plain assignment (enumerable, as pollution is), then restores it. */
function whilePolluted(target: object, key: PropertyKey, value: unknown, run: () => unknown): Outcome {
  const before = Object.getOwnPropertyDescriptor(target, key);
  try {
    (target as Record<PropertyKey, unknown>)[key] = value;
    return outcome(run);
  } finally {
    if (before === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, before);
  }
}

const POLLUTED_KEYS = [
  'legalBasis',
  'consent',
  'actor',
  'at',
  'justification',
  'exception',
  'personalData',
  'priorNoticeImpossible',
  'until',
  'purpose',
  'recipient',
];

afterEach(() => {
  // Belt and braces: whilePolluted restores in `finally`; nothing may leak into the next test.
  for (const key of POLLUTED_KEYS) Reflect.deleteProperty(Object.prototype, key);
  Reflect.deleteProperty(Array.prototype, 0);
  Reflect.deleteProperty(Array.prototype, 1);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
});

// Records are made (parsed and frozen) before any prototype is touched.
const personalDerived = derived({ personalData: 'possible' });
const secret = confidential(); // disclosed by the user, designated in writing, scope specified, marked
const employeeInfo = userInformation({ subject: 'employee' });
const personalReading = measurement({ personalData: 'yes' });
const reading = measurement();
// Received 2020-03-15: its year ends at 2021-03-16T00:00:00+09:00; an open-ended extension decided before then.
const extendedReading = measurement({
  receivedAt: '2020-03-15T10:00:00+09:00',
  measuredAt: '2020-03-15T09:59:30+09:00',
  retentionExtensions: [{ decidedAt: '2021-03-01T09:00:00+09:00', reason: 'fault investigation' }],
});

/** A record as JSON brings it: ISO strings, own keys only. */
const rawSecret = {
  kind: 'confidential',
  id: 'confidential-raw-1',
  disclosedBy: 'user',
  disclosedAt: '2021-05-10T10:00:00+09:00',
  designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' },
  scopeSpecified: true,
  marked: true,
} as const;
const rawReadingWithoutPersonalData = {
  kind: 'measurement',
  id: 'measurement-raw-1',
  contractId: 'C-2019-0042',
  metric: 'leakage-current',
  measuredAt: '2021-03-15T09:59:30+09:00',
  receivedAt: '2021-03-15T10:00:00+09:00',
} as const;
const rawExtendedReading = {
  kind: 'measurement',
  id: 'measurement-raw-2',
  contractId: 'C-2019-0042',
  metric: 'leakage-current',
  measuredAt: '2020-03-15T09:59:30+09:00',
  receivedAt: '2020-03-15T10:00:00+09:00',
  personalData: 'none',
  retentionExtensions: [{ decidedAt: '2021-03-01T09:00:00+09:00', reason: 'fault investigation' }],
} as const;

const asData = (raw: object): DataRecord => raw as DataRecord;

interface PollutionCase {
  /** What the case pins, as the test name says it. */
  readonly pins: string;
  readonly target: object;
  readonly key: PropertyKey;
  readonly value: unknown;
  readonly request: DecisionRequest;
  /** How the request is answered with clean prototypes. */
  readonly clean: 'deny' | 'permit' | 'invalid-input';
}

const ALL_CASES: readonly PollutionCase[] = [
  {
    pins: "Object.prototype.legalBasis = 'law' does not compel disclosing confidential information to a third party (32(1), 32(2))",
    target: Object.prototype,
    key: 'legalBasis',
    value: 'law',
    request: { action: 'disclose', data: secret, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.legalBasis = 'law' does not make user information disclosable to a third party (31(1), APPI 27(1))",
    target: Object.prototype,
    key: 'legalBasis',
    value: 'law',
    request: { action: 'disclose', data: employeeInfo, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.consent (the data subject's, written) does not let personal derived data go to a third party (13(3)(4), APPI 27(1))",
    target: Object.prototype,
    key: 'consent',
    value: { from: 'data-subject', form: 'written', grantedAt: new Date('2020-01-01T00:00:00+09:00') },
    request: { action: 'disclose', data: personalDerived, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.consent (the data subject's, written) does not let an employee's information go to a third party (31(1), APPI 27(1))",
    target: Object.prototype,
    key: 'consent',
    value: { from: 'data-subject', form: 'written', grantedAt: new Date('2020-01-01T00:00:00+09:00') },
    request: { action: 'disclose', data: employeeInfo, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.consent (the provider's, written) does not open the transmission gate for personal measurement data (31(2))",
    target: Object.prototype,
    key: 'consent',
    value: { from: 'provider', form: 'written', grantedAt: new Date('2020-01-01T00:00:00+09:00') },
    request: { action: 'transmit', actor: 'user', data: personalReading, at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.consent (the user's, written) does not release the user's confidential information to a third party (32(1))",
    target: Object.prototype,
    key: 'consent',
    value: { from: 'user', form: 'written', grantedAt: new Date('2020-01-01T00:00:00+09:00') },
    request: { action: 'disclose', data: secret, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.actor = 'user' does not make the provider's licensing of raw measurement data the user's (13(3)(4))",
    target: Object.prototype,
    key: 'actor',
    value: 'user',
    request: { action: 'license', data: reading, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: 'Object.prototype.at (a Date in 2019) does not move a transmission without `at` back under the 2017-04-01 terms (31(2), Art. 3)',
    target: Object.prototype,
    key: 'at',
    value: new Date('2019-06-01T10:00:00+09:00'),
    request: { action: 'transmit', actor: 'user', data: personalReading },
    clean: 'deny',
  },
  {
    pins: 'Object.prototype.at (an ISO string in 2019) does not move a transmission without `at` back under the 2017-04-01 terms (31(2), Art. 3)',
    target: Object.prototype,
    key: 'at',
    value: '2019-06-01T10:00:00+09:00',
    request: { action: 'transmit', actor: 'user', data: personalReading },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.justification = 'x' does not justify incidental use (13(3)(1)ハ)",
    target: Object.prototype,
    key: 'justification',
    value: 'x',
    request: { action: 'use', data: reading, purpose: 'incidental', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.exception = 'public' does not lift Art. 32 from a parsed confidential record (32(1)(4))",
    target: Object.prototype,
    key: 'exception',
    value: 'public',
    request: { action: 'disclose', data: secret, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.exception = 'public' does not lift Art. 32 from a raw confidential record (32(1)(4))",
    target: Object.prototype,
    key: 'exception',
    value: 'public',
    request: { action: 'disclose', data: asData(rawSecret), recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: "Object.prototype.personalData = 'none' does not complete a measurement input lacking it: still malformed (2(2)(2), 31(2))",
    target: Object.prototype,
    key: 'personalData',
    value: 'none',
    request: { action: 'transmit', actor: 'user', data: asData(rawReadingWithoutPersonalData), at: AT },
    clean: 'invalid-input',
  },
  {
    pins: 'Object.prototype.priorNoticeImpossible = true does not change a denied disclosure of confidential information (32(1))',
    target: Object.prototype,
    key: 'priorNoticeImpossible',
    value: true,
    request: { action: 'disclose', data: secret, recipient: 'third-party', at: AT },
    clean: 'deny',
  },
  {
    pins: 'Object.prototype.priorNoticeImpossible = true does not turn notice before a compelled disclosure into notice after (32(2))',
    target: Object.prototype,
    key: 'priorNoticeImpossible',
    value: true,
    request: { action: 'disclose', data: secret, recipient: 'authority', legalBasis: 'law', at: AT },
    clean: 'permit',
  },
  {
    pins: 'Object.prototype.until does not end an open-ended retention extension of a parsed record (13(4))',
    target: Object.prototype,
    key: 'until',
    value: new Date('2021-04-01T00:00:00+09:00'),
    request: { action: 'retain', data: extendedReading, at: AT },
    clean: 'permit',
  },
  {
    pins: 'Object.prototype.until does not end an open-ended retention extension of a raw record (13(4))',
    target: Object.prototype,
    key: 'until',
    value: '2021-04-01T00:00:00+09:00',
    request: { action: 'retain', data: asData(rawExtendedReading), at: AT },
    clean: 'permit',
  },
  {
    pins: 'Array.prototype[0] (a written consent) does not fill an empty consent list (SPEC §11: several consents)',
    target: Array.prototype,
    key: 0,
    value: { from: 'data-subject', form: 'written', grantedAt: '2020-01-01T00:00:00+09:00' },
    request: {
      action: 'disclose',
      data: personalDerived,
      recipient: 'third-party',
      at: AT,
      consent: [],
    } as unknown as DecisionRequest,
    // Either refused as malformed (one consent only) or denied (a list of none): pinned as equal below.
    clean: 'deny',
  },
  {
    pins: 'Array.prototype[0] (an extension) does not fill an empty list of retention extensions (13(4))',
    target: Array.prototype,
    key: 0,
    value: { decidedAt: '2021-03-01T09:00:00+09:00', reason: 'fault investigation' },
    request: {
      action: 'retain',
      data: asData({ ...rawExtendedReading, retentionExtensions: [] }),
      at: AT,
    },
    clean: 'deny',
  },
];

type EntryPoint = (policy: Policy, request: DecisionRequest) => unknown;

function split(request: DecisionRequest) {
  const { action, data, ...context } = request;
  return { action, data, context };
}

const ENTRY_POINTS: readonly (readonly [string, EntryPoint])[] = [
  ['policy.decide', (policy, request) => policy.decide(request)],
  ['policy.assertPermitted', (policy, request) => policy.assertPermitted(request)],
  ['policy.decideMany (the request alone)', (policy, request) => policy.decideMany([request])],
  [
    'policy.decideMany (the fields as the shared context)',
    (policy, request) => {
      const { action, data, context } = split(request);
      return policy.decideMany([{ action, data }], context);
    },
  ],
  [
    'policy.filterPermitted (ids yielded)',
    (policy, request) => {
      const { data, ...filter } = request;
      return [...policy.filterPermitted([data], filter)].map((r) => r.id);
    },
  ],
];

const policy = createPolicy({ clock });

describe.each(ALL_CASES)('$pins', ({ target, key, value, request, clean }) => {
  it(`is answered with clean prototypes as the case expects (${clean})`, () => {
    const answer = outcome(() => policy.decide(request));
    if (clean === 'invalid-input') {
      expect(answer).toMatchObject({ error: 'PolicyInputError', code: 'invalid-input' });
    } else if (!('value' in answer)) {
      // Only the consent list may be refused as malformed by an engine that takes one consent.
      expect(Array.isArray((request as { consent?: unknown }).consent)).toBe(true);
    } else {
      expect(answer).toMatchObject({ value: { effect: clean } });
    }
  });

  it.each(ENTRY_POINTS)('%s answers exactly as without the pollution', (_name, entryPoint) => {
    const expected = outcome(() => entryPoint(policy, request));
    // The clean call must answer (a value, or assertPermitted's deny carrying its decision) unless the input is
    // malformed: an input error equal to an input error would pin nothing.
    if (clean !== 'invalid-input' && !Array.isArray((request as { consent?: unknown }).consent))
      expect('value' in expected || 'decision' in expected).toBe(true);
    expect(whilePolluted(target, key, value, () => entryPoint(policy, request))).toEqual(expected);
  });
});

describe('the shortcuts ignore polluted prototypes too (SPEC §7)', () => {
  it("policy.canUse(reading, 'incidental', { at }) stays false with Object.prototype.justification set (13(3)(1)ハ)", () => {
    const call = () => policy.canUse(reading, 'incidental', { at: AT });
    expect(outcome(call)).toEqual({ value: false });
    expect(whilePolluted(Object.prototype, 'justification', 'x', call)).toEqual({ value: false });
  });

  it("policy.canUse(info, 'marketing') stays false with Object.prototype.purpose = 'service-provision' (APPI 18)", () => {
    const call = () => policy.canUse(employeeInfo, 'marketing', { at: AT });
    expect(outcome(call)).toEqual({ value: false });
    expect(whilePolluted(Object.prototype, 'purpose', 'service-provision', call)).toEqual({ value: false });
  });

  it('policy.canTransmit(personal) without a context stays false with Object.prototype.at in 2019 (31(2))', () => {
    const call = () => policy.canTransmit(personalReading);
    expect(outcome(call)).toEqual({ value: false });
    expect(whilePolluted(Object.prototype, 'at', new Date('2019-06-01T10:00:00+09:00'), call)).toEqual({
      value: false,
    });
  });

  it('policy.canTransmit(personal, { at }) stays false with Object.prototype.consent from the provider (31(2))', () => {
    const call = () => policy.canTransmit(personalReading, { at: AT });
    const consent = { from: 'provider', form: 'written', grantedAt: new Date('2020-01-01T00:00:00+09:00') };
    expect(outcome(call)).toEqual({ value: false });
    expect(whilePolluted(Object.prototype, 'consent', consent, call)).toEqual({ value: false });
  });

  it('policy.canTransmit(raw input lacking personalData) stays malformed with Object.prototype.personalData set', () => {
    const call = () => policy.canTransmit(asData(rawReadingWithoutPersonalData) as never, { at: AT });
    const expected = outcome(call);
    expect(expected).toMatchObject({ error: 'PolicyInputError', issues: ['data.personalData'] });
    expect(whilePolluted(Object.prototype, 'personalData', 'none', call)).toEqual(expected);
  });

  it("a request missing its recipient stays malformed with Object.prototype.recipient = 'subcontractor'", () => {
    const call = () => policy.decide({ action: 'disclose', data: reading, at: AT } as DecisionRequest);
    const expected = outcome(call);
    expect(expected).toMatchObject({ error: 'PolicyInputError', issues: ['recipient'] });
    expect(whilePolluted(Object.prototype, 'recipient', 'subcontractor', call)).toEqual(expected);
  });
});

describe('retentionStatus ignores a polluted prototype (13(4), SPEC §7)', () => {
  it('keeps an open-ended extension open when Object.prototype.until is set', () => {
    const call = () => retentionStatus(extendedReading, new Date(NOW));
    const expected = outcome(call);
    expect(expected).toMatchObject({ value: { state: 'extended' } });
    expect(whilePolluted(Object.prototype, 'until', new Date('2021-04-01T00:00:00+09:00'), call)).toEqual(
      expected,
    );
  });
});
