import { derived, measurement, userInformation } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  type DecisionLogEntry,
  defineRule,
  defineTerms,
  TermsNotInForceError,
  terms20201201,
  termsArticle,
} from '../../src/index.js';

// The one decision path every entry point takes (src/engine/decide.ts): the version in force at `at`, the first
// rule of its cell that holds, the template of that rule dated for the decision, and the audit hook (SPEC §3, §8).

const at = new Date('2021-06-01T10:00:00+09:00');
const clock = () => at;

/** Lets a rejected promise's handlers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('decide', () => {
  it('names the rule that decided, and default-deny when no rule of the version matched (SPEC §8)', () => {
    const policy = createPolicy({ clock });
    expect(policy.decide({ action: 'use', data: measurement(), purpose: 'service-analysis' }).rule).toBe(
      '13-3-1-i/provider/use',
    );
    const under2017 = createPolicy({ clock: () => new Date('2019-06-01T10:00:00+09:00') });
    const denied = under2017.decide({ action: 'anonymize', data: userInformation() });
    expect(denied).toMatchObject({ effect: 'deny', allowed: false, rule: expect.any(String) });
    expect(denied.basis.length).toBeGreaterThan(0);
  });

  it('decides at the request’s own instant, copied: the decision’s `at` is a new Date (SPEC §7)', () => {
    const own = new Date('2021-07-01T09:00:00+09:00');
    const decision = createPolicy({ clock }).decide({ action: 'process', data: measurement(), at: own });
    expect(decision.at).toEqual(own);
    expect(decision.at).not.toBe(own);
  });

  it('dates delete-when-retention-ends at the end of the holding period, the day after the last day (13(4))', () => {
    const policy = createPolicy({ clock });
    const reading = measurement({ receivedAt: '2021-03-15T10:00:00+09:00' });
    const decision = policy.decide({ action: 'retain', data: reading });
    expect(decision.obligations).toEqual([
      expect.objectContaining({
        code: 'delete-when-retention-ends',
        dueAt: new Date('2022-03-16T00:00:00+09:00'),
      }),
    ]);
  });

  it('dates the duty at the until of the extension that covers the instant, and leaves it undated without one (13(4))', () => {
    const policy = createPolicy({ clock: () => new Date('2022-05-01T10:00:00+09:00') });
    const extension = { decidedAt: '2022-03-01T10:00:00+09:00', reason: 'litigation hold' };
    const until = measurement({
      retentionExtensions: [{ ...extension, until: '2022-09-16T00:00:00+09:00' }],
    });
    expect(policy.decide({ action: 'retain', data: until }).obligations[0]?.dueAt).toEqual(
      new Date('2022-09-16T00:00:00+09:00'),
    );
    const openEnded = policy.decide({
      action: 'retain',
      data: measurement({ retentionExtensions: [extension] }),
    });
    expect(openEnded).toBePermitted();
    expect(openEnded.obligations).toHaveLength(1);
    expect(openEnded.obligations[0]).not.toHaveProperty('dueAt');
  });

  it('dates the duty at the end of the year while the year runs, even under an extension reaching beyond it (13(4))', () => {
    const policy = createPolicy({ clock: () => new Date('2022-01-10T10:00:00+09:00') });
    const reading = measurement({
      receivedAt: '2021-03-15T10:00:00+09:00',
      retentionExtensions: [
        {
          decidedAt: '2021-12-01T10:00:00+09:00',
          reason: 'litigation hold',
          until: '2022-09-16T00:00:00+09:00',
        },
      ],
    });
    expect(policy.decide({ action: 'retain', data: reading }).obligations[0]?.dueAt).toEqual(
      new Date('2022-03-16T00:00:00+09:00'),
    );
  });

  it('leaves undated a holding duty a user’s rule gives data other than measurement data (13(4) reaches received data only)', () => {
    const version = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: '2017-04-01T00:00:00+09:00',
      noticeGivenAt: undefined,
      rules: [
        defineRule({
          id: 'test/derived-retain',
          kinds: ['derived'],
          actors: ['provider'],
          actions: ['retain'],
          effect: 'permit',
          reason: 'not-received-data',
          basis: [termsArticle(13, 3, 3)],
          obligations: [
            { code: 'delete-when-retention-ends', basis: termsArticle(13, 4), due: 'holding-ends' },
          ],
        }),
      ],
    });
    const decision = createPolicy({ terms: [version], clock }).decide({ action: 'retain', data: derived() });
    expect(decision.obligations.map((o) => o.code)).toEqual(['delete-when-retention-ends']);
    expect(decision.obligations[0]).not.toHaveProperty('dueAt');
  });

  it('dates nothing of a permit whose rule has no dated duty (13(3)(1)イ)', () => {
    const decision = createPolicy({ clock }).decide({
      action: 'use',
      data: measurement(),
      purpose: 'service-analysis',
    });
    expect(decision.obligations.map((o) => o.code)).toEqual(['use-within-purpose']);
    expect(decision.obligations[0]).not.toHaveProperty('dueAt');
  });

  it('dates no holding duty of derived data, which 13(4) does not limit', () => {
    const decision = createPolicy({ clock }).decide({ action: 'retain', data: derived() });
    expect(decision).toMatchObject({ effect: 'permit', obligations: [] });
  });

  it('throws TermsNotInForceError before the earliest version, naming when it takes effect (SPEC §1)', () => {
    const policy = createPolicy({ clock });
    const before = new Date('2017-03-31T23:59:59.999+09:00');
    expect(() => policy.decide({ action: 'process', data: measurement(), at: before })).toThrow(
      TermsNotInForceError,
    );
    try {
      policy.decide({ action: 'process', data: measurement(), at: before });
    } catch (e) {
      expect(e).toMatchObject({ code: 'terms-not-in-force', at: before });
      // In JST, as every message of the library gives its instants.
      expect((e as Error).message).toContain(
        'at 2017-03-31 23:59:59.999 JST: the earliest takes effect at 2017-04-01 00:00:00 JST',
      );
    }
  });

  it('decides 2020-12-01 00:00 JST itself under the new terms, the millisecond before under the old (附則 1)', () => {
    const policy = createPolicy({ clock });
    const data = measurement();
    const at2020 = policy.decide({ action: 'process', data, at: '2020-12-01T00:00:00+09:00' });
    const at2017 = policy.decide({ action: 'process', data, at: '2020-11-30T23:59:59.999+09:00' });
    expect([at2017.terms, at2020.terms]).toEqual(['2017-04-01', '2020-12-01']);
  });
});

describe('onDecision', () => {
  it('gives each decision its own decisionId (SPEC §8)', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ clock, onDecision: (e) => entries.push(e) });
    policy.decide({ action: 'process', data: measurement() });
    policy.decide({ action: 'process', data: measurement() });
    expect(entries).toHaveLength(2);
    expect(entries[0]?.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[0]?.decisionId).not.toBe(entries[1]?.decisionId);
  });

  it('is called by canUse and canTransmit too, with the answer they return (SPEC §8)', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ clock, onDecision: (e) => entries.push(e) });
    expect(policy.canUse(measurement(), 'marketing')).toBe(false);
    expect(policy.canTransmit(measurement())).toBe(true);
    expect(entries.map((e) => [e.action, e.actor, e.effect])).toEqual([
      ['use', 'provider', 'deny'],
      ['transmit', 'user', 'permit'],
    ]);
  });

  it('answers canUse alike with and without a hook', () => {
    const withHook = createPolicy({ clock, onDecision: () => undefined });
    const without = createPolicy({ clock });
    for (const purpose of ['service-analysis', 'incident-response', 'marketing'])
      expect(withHook.canUse(measurement(), purpose)).toBe(without.canUse(measurement(), purpose));
  });

  it('reports a promise the hook returns that rejects to onHookError, with the entry, never as unhandled (SPEC §8)', async () => {
    const reported: [unknown, DecisionLogEntry][] = [];
    const failure = new Error('audit store unavailable');
    const policy = createPolicy({
      clock,
      onDecision: () => Promise.reject(failure),
      onHookError: (error, entry) => reported.push([error, entry]),
    });
    const decision = policy.decide({ action: 'process', data: measurement({ id: 'm-42' }) });
    expect(decision).toBePermitted();
    await settle();
    expect(reported).toHaveLength(1);
    expect(reported[0]?.[0]).toBe(failure);
    expect(reported[0]?.[1]).toMatchObject({ action: 'process', dataId: 'm-42', rule: '13-3-3/process' });
  });

  it('reports nothing for a hook whose promise resolves, or whose result only looks like one', async () => {
    const reported: unknown[] = [];
    const onHookError = (error: unknown) => reported.push(error);
    const data = measurement();
    createPolicy({ clock, onHookError, onDecision: () => Promise.resolve('written') }).decide({
      action: 'process',
      data,
    });
    // A result whose `then` is no function is not a promise: nothing to wait for, nothing to report.
    // biome-ignore lint/suspicious/noThenProperty: the look-alike is what this test is about
    const lookalike = { then: 'not a function' };
    createPolicy({ clock, onHookError, onDecision: () => lookalike }).decide({
      action: 'process',
      data,
    });
    await settle();
    expect(reported).toEqual([]);
  });

  it('reports a rejection to console.error when no onHookError is given (SPEC §8)', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      logged.push(args);
    };
    try {
      const failure = new Error('audit store unavailable');
      createPolicy({ clock, onDecision: () => Promise.reject(failure) }).decide({
        action: 'process',
        data: measurement(),
      });
      await settle();
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(failure);
    } finally {
      console.error = original;
    }
  });

  it('names the recipient in the entry when the request has one (SPEC §3 onDecision)', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ clock, onDecision: (e) => entries.push(e) });
    policy.decide({
      action: 'disclose',
      data: measurement(),
      recipient: 'subcontractor',
      purpose: 'incident-response',
    });
    expect(entries[0]).toMatchObject({
      recipient: 'subcontractor',
      purpose: 'incident-response',
      effect: 'permit',
    });
  });

  it('writes each dated duty’s dueAt into the entry, by code, and no dueAt when none is dated (SPEC §8)', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ clock, onDecision: (e) => entries.push(e) });
    policy.decide({ action: 'retain', data: measurement({ receivedAt: '2021-03-15T10:00:00+09:00' }) });
    policy.decide({ action: 'use', data: measurement(), purpose: 'service-analysis' });
    expect(entries[0]?.dueAt).toEqual({ 'delete-when-retention-ends': '2022-03-15T15:00:00.000Z' });
    expect(entries[1]).not.toHaveProperty('dueAt');
    expect(entries[1]).toMatchObject({ purpose: 'service-analysis', reasons: ['use-for-service-analysis'] });
    expect(entries[1]).not.toHaveProperty('recipient');
    expect(entries[0]).not.toHaveProperty('purpose');
  });
});
