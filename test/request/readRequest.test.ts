import { confidential, measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { createPolicy, PolicyInputError, type PolicyIssue } from '../../src/index.js';
import { readCall, readRequest } from '../../src/request/readRequest.js';

// SPEC §3 and §7: a request is read once into a snapshot, and the reading that decides is the one that reports
// every problem, each with its path from the request's root.

const NOW = Date.parse('2021-06-01T10:00:00+09:00');
const defaults = { actor: 'provider', now: () => NOW } as const;

/** The issues a reading throws; fails the test when it throws anything else or nothing. */
function issuesOf(read: () => unknown): readonly PolicyIssue[] {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    const issues = (e as PolicyInputError).issues;
    for (const issue of issues) expect(issue.message).toMatch(/\S/);
    return issues;
  }
  throw new Error('expected a PolicyInputError, but nothing was thrown');
}

describe('readRequest', () => {
  it('fills in what a request leaves out: the policy’s actor and clock, no consent, prior notice possible (SPEC §3)', () => {
    const data = measurement();
    expect(readRequest({ action: 'process', data }, defaults)).toEqual({
      action: 'process',
      data,
      actor: 'provider',
      purpose: undefined,
      recipient: undefined,
      atMs: NOW,
      contract: undefined,
      consents: [],
      justification: undefined,
      legalBasis: undefined,
      priorNoticeImpossible: false,
      given: 3,
    });
  });

  it('takes a field given as undefined as absent, so the default applies rather than an issue (SPEC §7)', () => {
    const s = readRequest(
      { action: 'process', data: measurement(), actor: undefined, at: undefined, consent: undefined },
      defaults,
    );
    expect(s).toMatchObject({ actor: 'provider', atMs: NOW, consents: [] });
  });

  it('copies every field it is given into the snapshot, instants as epoch milliseconds (SPEC §7)', () => {
    const data = confidential();
    const s = readRequest(
      {
        action: 'disclose',
        data,
        actor: 'provider',
        purpose: 'service-provision',
        recipient: 'authority',
        at: '2021-06-02T09:00:00+09:00',
        contract: {
          id: 'C-2019-0042',
          formedAt: '2019-04-01T00:00:00+09:00',
          terminatedAt: new Date('2021-03-31T00:00:00+09:00'),
        },
        consent: { from: 'user', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' },
        justification: 'court order 2021-17',
        legalBasis: 'law',
        priorNoticeImpossible: true,
      },
      defaults,
    );
    expect(s).toMatchObject({
      action: 'disclose',
      data,
      actor: 'provider',
      purpose: 'service-provision',
      recipient: 'authority',
      atMs: Date.parse('2021-06-02T09:00:00+09:00'),
      contract: {
        id: 'C-2019-0042',
        formedAtMs: Date.parse('2019-04-01T00:00:00+09:00'),
        terminatedAtMs: Date.parse('2021-03-31T00:00:00+09:00'),
      },
      consents: [{ from: 'user', form: 'written', grantedAtMs: Date.parse('2021-05-20T09:00:00+09:00') }],
      justification: 'court order 2021-17',
      legalBasis: 'law',
      priorNoticeImpossible: true,
    });
  });

  it('reads a list of consents in order, each with its instant (SPEC §11: several consents)', () => {
    const s = readRequest(
      {
        action: 'process',
        data: measurement(),
        consent: [
          { from: 'user', form: 'oral', grantedAt: '2021-05-01T09:00:00+09:00' },
          { from: 'data-subject', form: 'electronic', grantedAt: new Date('2021-05-02T09:00:00+09:00') },
        ],
      },
      defaults,
    );
    expect(s.consents).toEqual([
      { from: 'user', form: 'oral', grantedAtMs: Date.parse('2021-05-01T09:00:00+09:00') },
      { from: 'data-subject', form: 'electronic', grantedAtMs: Date.parse('2021-05-02T09:00:00+09:00') },
    ]);
  });

  it('keeps a contract without terminatedAt as running: terminatedAtMs undefined (SPEC §11)', () => {
    const s = readRequest(
      {
        action: 'process',
        data: measurement(),
        contract: { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00' },
      },
      defaults,
    );
    expect(s.contract).toEqual({
      id: 'C-1',
      formedAtMs: Date.parse('2019-04-01T00:00:00+09:00'),
      terminatedAtMs: undefined,
    });
  });

  it('reports a consent that is not an object at its place: [consent] alone, [consent, i] in a list', () => {
    const one = issuesOf(() => readRequest({ action: 'process', data: measurement(), consent: 7 }, defaults));
    expect(one.map((i) => [i.path, i.code])).toEqual([[['consent'], 'invalid-type']]);
    const list = issuesOf(() =>
      readRequest(
        {
          action: 'process',
          data: measurement(),
          consent: [{ from: 'user', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' }, 'yes'],
        },
        defaults,
      ),
    );
    expect(list.map((i) => [i.path, i.code])).toEqual([[['consent', 1], 'invalid-type']]);
  });

  it('reports the fields of a listed consent at [consent, i, field]', () => {
    const issues = issuesOf(() =>
      readRequest(
        {
          action: 'process',
          data: measurement(),
          consent: [
            { from: 'user', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' },
            { from: 'nobody', form: 'telepathy', grantedAt: 'yesterday' },
          ],
        },
        defaults,
      ),
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['consent', 1, 'from'],
      ['consent', 1, 'form'],
      ['consent', 1, 'grantedAt'],
    ]);
  });

  it('reports a contract that is not an object at [contract], and a bad terminatedAt at its field', () => {
    const notObject = issuesOf(() =>
      readRequest({ action: 'process', data: measurement(), contract: 'C-1' }, defaults),
    );
    expect(notObject.map((i) => [i.path, i.code])).toEqual([[['contract'], 'invalid-type']]);
    const badEnd = issuesOf(() =>
      readRequest(
        {
          action: 'process',
          data: measurement(),
          contract: { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00', terminatedAt: 'soon' },
        },
        defaults,
      ),
    );
    expect(badEnd.map((i) => i.path)).toEqual([['contract', 'terminatedAt']]);
  });

  it('reports a request that is not an object once, at the root', () => {
    const issues = issuesOf(() => readRequest('use it', defaults));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [[], 'invalid-type'],
      [['action'], 'required'],
      [['data'], 'required'],
    ]);
  });

  it('asks for an action that is absent, with one issue at [action], not also for its value', () => {
    const issues = issuesOf(() => readRequest({ data: measurement(), action: undefined }, defaults));
    expect(issues.map((i) => [i.path, i.code])).toEqual([[['action'], 'required']]);
  });

  it('names the values an enumerated field allows in its message (SPEC §3 issues)', () => {
    const [issue] = issuesOf(() => readRequest({ action: 'sell', data: measurement() }, defaults));
    expect(issue).toMatchObject({ path: ['action'], code: 'invalid-value' });
    expect(issue?.message).toContain('use');
    expect(issue?.message).toContain('republish');
  });

  it('names the action that needs a recipient in the message (SPEC §3)', () => {
    const [issue] = issuesOf(() => readRequest({ action: 'license', data: measurement() }, defaults));
    expect(issue).toMatchObject({ path: ['recipient'], code: 'recipient-required' });
    expect(issue?.message).toContain('license');
  });

  it.each([
    ['spaces only', '   '],
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
  ])('refuses a purpose of %s as blank', (_what, purpose) => {
    const issues = issuesOf(() => readRequest({ action: 'use', data: measurement(), purpose }, defaults));
    expect(issues.map((i) => [i.path, i.code])).toEqual([[['purpose'], 'blank-string']]);
  });

  it('accepts a purpose that starts with a space or with a character outside ASCII, as an other purpose', () => {
    for (const purpose of [' marketing', '販売促進', '\u3000販促'])
      expect(readRequest({ action: 'use', data: measurement(), purpose }, defaults).purpose).toBe(purpose);
  });

  it('reports at most 100 issues and counts the rest in one too-many-issues issue (a million bad entries are one report)', () => {
    const issues = issuesOf(() =>
      readRequest(
        { action: 'process', data: measurement(), consent: Array.from({ length: 150 }, () => null) },
        defaults,
      ),
    );
    expect(issues).toHaveLength(101);
    expect(issues[0]?.path).toEqual(['consent', 0]);
    expect(issues[99]?.path).toEqual(['consent', 99]);
    expect(issues[100]).toEqual({ path: [], code: 'too-many-issues', message: '50 more issues not listed' });
  });

  it('lists exactly 100 issues without a count when there are 100', () => {
    const issues = issuesOf(() =>
      readRequest(
        { action: 'process', data: measurement(), consent: Array.from({ length: 100 }, () => null) },
        defaults,
      ),
    );
    expect(issues).toHaveLength(100);
    expect(issues.some((i) => i.code === 'too-many-issues')).toBe(false);
  });
});

describe('readCall', () => {
  it('never reads an action or data from the context of a shortcut: canUse decides its own (SPEC §3)', () => {
    const data = measurement();
    const s = readCall(
      { action: 'license', data: 'not a record', at: '2021-06-02T09:00:00+09:00' },
      'use',
      data,
      'service-analysis',
      undefined,
      defaults,
    );
    expect(s).toMatchObject({
      action: 'use',
      data,
      purpose: 'service-analysis',
      atMs: Date.parse('2021-06-02T09:00:00+09:00'),
    });
  });

  it('refuses a blank purpose given to canUse at [purpose]', () => {
    const issues = issuesOf(() => readCall(undefined, 'use', measurement(), ' ', undefined, defaults));
    expect(issues.map((i) => [i.path, i.code])).toEqual([[['purpose'], 'blank-string']]);
  });

  it('keeps the actor of the context when the shortcut fixes none: canUse for a subcontractor (13(3)(2))', () => {
    const s = readCall(
      { actor: 'subcontractor' },
      'use',
      measurement(),
      'incident-response',
      undefined,
      defaults,
    );
    expect(s.actor).toBe('subcontractor');
  });

  it('lets canTransmit decide for the user whatever actor an untyped context names (31(2))', () => {
    const camera = measurement({ personalData: 'possible' });
    const policy = createPolicy({ clock: () => new Date(NOW) });
    // For the provider, transmitting is not a right the terms grant; for the user, 31(2) asks for consent.
    expect(policy.canTransmit(camera, { actor: 'provider' } as never)).toBe(false);
    expect(
      policy.canTransmit(camera, {
        actor: 'provider',
        consent: { from: 'provider', form: 'written', grantedAt: '2021-01-05T09:00:00+09:00' },
      } as never),
    ).toBe(true);
  });
});
