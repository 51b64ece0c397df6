import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  type DecisionRequest,
  PolicyInputError,
  type PolicyIssue,
  parseRecord,
} from '../../src/index.js';

const at = new Date('2021-06-01T10:00:00+09:00');
const policy = createPolicy({ clock: () => new Date('2021-06-01T10:00:00+09:00') });

/** A plain measurement record as it would arrive as JSON: valid, but not through parseRecord. */
const plainMeasurement = (): Record<string, unknown> => ({
  kind: 'measurement',
  id: 'm-1',
  contractId: 'C-1',
  metric: 'leakage-current',
  measuredAt: '2021-03-15T09:59:00+09:00',
  receivedAt: '2021-03-15T10:00:00+09:00',
  personalData: 'none',
});

/** The PolicyInputError a call throws; fails the test when it throws anything else or nothing. */
function inputErrorOf(fn: () => unknown): PolicyInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    expect((e as PolicyInputError).code).toBe('invalid-input');
    return e as PolicyInputError;
  }
  throw new Error('expected a PolicyInputError, but nothing was thrown');
}

const issuesOf = (request: unknown): readonly PolicyIssue[] =>
  inputErrorOf(() => policy.decide(request as DecisionRequest)).issues;

const pathsOf = (issues: readonly PolicyIssue[]) => issues.map((i) => i.path);

describe('decide: request validation', () => {
  it('accepts a well-formed request with a parsed record and decides it', () => {
    const decision = policy.decide({
      action: 'use',
      data: measurement(),
      purpose: 'service-analysis',
      at,
    });
    expect(decision).toBePermitted();
  });

  it('refuses an unknown action at [action]', () => {
    const issues = issuesOf({ action: 'sell', data: measurement(), at });
    expect(pathsOf(issues)).toEqual([['action']]);
  });

  it('refuses a missing action at [action]', () => {
    expect(pathsOf(issuesOf({ data: measurement(), at }))).toEqual([['action']]);
  });

  it('refuses an unknown actor at [actor]', () => {
    const issues = issuesOf({ action: 'process', data: measurement(), actor: 'robot', at });
    expect(pathsOf(issues)).toEqual([['actor']]);
  });

  it('refuses an unknown recipient at [recipient]', () => {
    const issues = issuesOf({ action: 'disclose', data: measurement(), recipient: 'everyone', at });
    expect(pathsOf(issues)).toEqual([['recipient']]);
  });

  it.each(['disclose', 'transfer', 'license', 'sublicense'] as const)(
    'requires a recipient to %s, at [recipient]',
    (action) => {
      const issues = issuesOf({ action, data: measurement(), purpose: 'service-analysis', at });
      expect(issues).toEqual([expect.objectContaining({ path: ['recipient'], code: 'recipient-required' })]);
    },
  );

  it.each(['use', 'process', 'retain', 'transmit', 'anonymize', 'republish'] as const)(
    'does not require a recipient to %s',
    (action) => {
      expect(() =>
        policy.decide({ action, data: measurement(), purpose: 'service-analysis', at }),
      ).not.toThrow();
    },
  );

  it('requires a purpose to use data, at [purpose]', () => {
    const issues = issuesOf({ action: 'use', data: measurement(), at });
    expect(issues).toEqual([expect.objectContaining({ path: ['purpose'], code: 'purpose-required' })]);
  });

  it.each(['', ' ', '\t\n'])('refuses the blank purpose %j at [purpose]', (purpose) => {
    const issues = issuesOf({ action: 'use', data: measurement(), purpose, at });
    expect(pathsOf(issues)).toEqual([['purpose']]);
  });

  it('refuses a purpose that is not a string at [purpose]', () => {
    expect(pathsOf(issuesOf({ action: 'use', data: measurement(), purpose: 13, at }))).toEqual([['purpose']]);
  });

  it('accepts any other non-empty purpose string as an "other purpose" and decides it', () => {
    expect(policy.decide({ action: 'use', data: measurement(), purpose: 'marketing', at })).toBeDenied();
  });

  it('refuses malformed data with paths from the request root', () => {
    const issues = issuesOf({
      action: 'process',
      data: { ...plainMeasurement(), receivedAt: '2021-03-15T10:00:00' },
      at,
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['data', 'receivedAt'], code: 'timestamp-without-offset' }),
    ]);
  });

  it('refuses a record of unknown kind at [data, kind]', () => {
    const issues = issuesOf({ action: 'process', data: { ...plainMeasurement(), kind: 'reading' }, at });
    expect(issues).toEqual([expect.objectContaining({ path: ['data', 'kind'], code: 'unknown-kind' })]);
  });

  it('refuses a request without data at [data]', () => {
    expect(pathsOf(issuesOf({ action: 'process', at }))).toEqual([['data']]);
  });

  it('lists every problem at once: malformed data, missing recipient and a bad actor', () => {
    const { contractId: _dropped, ...withoutContract } = plainMeasurement();
    const issues = issuesOf({
      action: 'disclose',
      actor: 'robot',
      data: { ...withoutContract, receivedAt: '2021-02-30T10:00:00+09:00', personalData: 'perhaps' },
      at,
    });
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining([
        ['data', 'contractId'],
        ['data', 'receivedAt'],
        ['data', 'personalData'],
        ['actor'],
        ['recipient'],
      ]),
    );
    expect(issues).toHaveLength(5);
    expect(issues.find((i) => i.path.join('.') === 'data.receivedAt')?.code).toBe('impossible-date');
    expect(issues.find((i) => i.path.join('.') === 'recipient')?.code).toBe('recipient-required');
  });

  it('lists a missing purpose together with malformed data and a bad `at`', () => {
    const issues = issuesOf({
      action: 'use',
      data: { ...plainMeasurement(), id: ' ' },
      at: '2021-06-01T10:00:00',
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        [['data', 'id'], 'blank-string'],
        [['at'], 'timestamp-without-offset'],
        [['purpose'], 'purpose-required'],
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('reports nested request fields with their full path (consent, contract)', () => {
    const issues = issuesOf({
      action: 'process',
      data: measurement(),
      at,
      consent: { from: 'nobody', form: 'telepathy', grantedAt: 'yesterday' },
      contract: { id: '', formedAt: 42 },
    });
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining([
        ['consent', 'from'],
        ['consent', 'form'],
        ['consent', 'grantedAt'],
        ['contract', 'id'],
        ['contract', 'formedAt'],
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('refuses a legalBasis, justification or priorNoticeImpossible of the wrong kind', () => {
    const issues = issuesOf({
      action: 'process',
      data: measurement(),
      at,
      legalBasis: 'court-order',
      justification: 7,
      priorNoticeImpossible: 'yes',
    });
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining([['legalBasis'], ['justification'], ['priorNoticeImpossible']]),
    );
    expect(issues).toHaveLength(3);
  });

  it('accepts `at` as an ISO string with an offset and decides at that instant', () => {
    const decision = policy.decide({
      action: 'process',
      data: measurement(),
      at: '2020-11-30T23:59:59.999+09:00',
    });
    expect(decision.at).toBeInstanceOf(Date);
    expect(decision.at.toISOString()).toBe('2020-11-30T14:59:59.999Z');
    expect(decision.terms).toBe('2017-04-01');
    expect(
      policy.decide({ action: 'process', data: measurement(), at: '2020-12-01T00:00:00+09:00' }).terms,
    ).toBe('2020-12-01');
  });

  it('refuses `at` without an offset at [at]', () => {
    const issues = issuesOf({ action: 'process', data: measurement(), at: '2021-06-01T10:00:00' });
    expect(issues).toEqual([expect.objectContaining({ path: ['at'], code: 'timestamp-without-offset' })]);
  });

  it('refuses an impossible or invalid `at` at [at]', () => {
    expect(
      pathsOf(issuesOf({ action: 'process', data: measurement(), at: '2021-02-29T10:00:00+09:00' })),
    ).toEqual([['at']]);
    expect(pathsOf(issuesOf({ action: 'process', data: measurement(), at: new Date(Number.NaN) }))).toEqual([
      ['at'],
    ]);
    expect(pathsOf(issuesOf({ action: 'process', data: measurement(), at: 1622509200000 }))).toEqual([
      ['at'],
    ]);
  });

  it('refuses a fake Date (Date.prototype without a time value) at [at] with PolicyInputError', () => {
    const issues = issuesOf({ action: 'process', data: measurement(), at: Object.create(Date.prototype) });
    expect(pathsOf(issues)).toEqual([['at']]);
  });

  it('refuses a contract terminated before it was formed at [contract, terminatedAt]', () => {
    const issues = issuesOf({
      action: 'process',
      data: measurement({ contractId: 'C-1' }),
      at,
      contract: {
        id: 'C-1',
        formedAt: '2021-04-01T00:00:00+09:00',
        terminatedAt: '2021-03-31T23:59:59.999+09:00',
      },
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['contract', 'terminatedAt'], code: 'contract-ends-before-formed' }),
    ]);
  });

  it('refuses the same contract when given as Dates', () => {
    const issues = issuesOf({
      action: 'process',
      data: measurement({ contractId: 'C-1' }),
      at,
      contract: {
        id: 'C-1',
        formedAt: new Date('2021-04-01T00:00:00+09:00'),
        terminatedAt: new Date('2021-03-31T23:59:59.999+09:00'),
      },
    });
    expect(pathsOf(issues)).toEqual([['contract', 'terminatedAt']]);
  });

  it('accepts a contract terminated at the instant it was formed', () => {
    expect(() =>
      policy.decide({
        action: 'process',
        data: measurement({ contractId: 'C-1' }),
        at,
        contract: {
          id: 'C-1',
          formedAt: new Date('2021-04-01T00:00:00+09:00'),
          terminatedAt: new Date('2021-04-01T00:00:00+09:00'),
        },
      }),
    ).not.toThrow();
  });

  it('accepts a plain, unparsed but valid record and decides it like the parsed one', () => {
    const plain = policy.decide({
      action: 'use',
      data: plainMeasurement() as DecisionRequest['data'],
      purpose: 'service-analysis',
      at,
    });
    const parsed = policy.decide({
      action: 'use',
      data: parseRecord(plainMeasurement()),
      purpose: 'service-analysis',
      at,
    });
    expect(plain).toEqual(parsed);
    expect(plain).toBePermitted();
  });

  it('does not mutate a plain record or request it validates', () => {
    const data = plainMeasurement();
    const request = { action: 'use', data, purpose: 'service-analysis', at: '2021-06-01T10:00:00+09:00' };
    const before = structuredClone(request);
    policy.decide(request as DecisionRequest);
    expect(request).toStrictEqual(before);
  });

  it('never permits a plain object that looks parsed but whose receivedAt is an Invalid Date', () => {
    const lookalike = { ...measurement(), receivedAt: new Date(Number.NaN) };
    const issues = issuesOf({ action: 'use', data: lookalike, purpose: 'service-analysis', at });
    expect(issues).toEqual([expect.objectContaining({ path: ['data', 'receivedAt'], code: 'invalid-date' })]);
    expect(() => policy.decide({ action: 'retain', data: lookalike as never, at })).toThrow(PolicyInputError);
  });

  it('never permits a plain object that looks parsed but has the wrong kind', () => {
    const lookalike = { ...measurement(), kind: 'derived' };
    expect(() =>
      policy.decide({ action: 'use', data: lookalike as never, purpose: 'service-analysis', at }),
    ).toThrow(PolicyInputError);
    const unknown = { ...measurement(), kind: 'raw' };
    expect(pathsOf(issuesOf({ action: 'process', data: unknown, at }))).toEqual([['data', 'kind']]);
  });

  it('never permits a parsed record whose Date was changed to an invalid time afterwards', () => {
    // A frozen Date can still be set: the record is then malformed input, however it arrived.
    const record = measurement();
    record.receivedAt.setTime(Number.NaN);
    const issues = issuesOf({ action: 'retain', data: record, at });
    expect(pathsOf(issues)).toEqual([['data', 'receivedAt']]);
  });

  it('makes canUse throw PolicyInputError for malformed input, not return false', () => {
    inputErrorOf(() =>
      policy.canUse(
        { ...plainMeasurement(), measuredAt: '2021-03-15T09:59:00' } as never,
        'service-analysis',
        {
          at,
        },
      ),
    );
    inputErrorOf(() => policy.canUse(measurement(), '', { at }));
    inputErrorOf(() => policy.canUse(measurement(), 'service-analysis', { at: 'tomorrow' }));
  });

  it('makes canTransmit throw PolicyInputError for malformed input', () => {
    inputErrorOf(() =>
      policy.canTransmit({ ...plainMeasurement(), personalData: 'unknown' } as never, { at }),
    );
  });

  it('refuses a request that is not an object', () => {
    for (const request of [null, undefined, 'use', 42, []]) {
      inputErrorOf(() => policy.decide(request as never));
    }
  });

  it('throws PolicyInputError when the clock returns an invalid Date and the request has no `at`', () => {
    const broken = createPolicy({ clock: () => new Date(Number.NaN) });
    const error = inputErrorOf(() => broken.decide({ action: 'process', data: measurement() }));
    expect(pathsOf(error.issues)).toEqual([['at']]);
    inputErrorOf(() => broken.canUse(measurement(), 'service-analysis'));
  });

  it('throws PolicyInputError when the clock returns something other than a Date', () => {
    const broken = createPolicy({ clock: (() => '2021-06-01T10:00:00+09:00') as unknown as () => Date });
    inputErrorOf(() => broken.decide({ action: 'process', data: measurement() }));
  });

  it('does not consult a broken clock when the request names its own `at`', () => {
    const broken = createPolicy({ clock: () => new Date(Number.NaN) });
    expect(broken.decide({ action: 'process', data: measurement(), at }).at.getTime()).toBe(at.getTime());
  });
});
