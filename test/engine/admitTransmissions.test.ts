import { describe, expect, it } from 'vitest';
import {
  type Admission,
  admitTransmissions,
  type ConsentOnFile,
  createPolicy,
  type DecisionLogEntry,
  type MeasurementRecord,
  PolicyInputError,
  parseRecord,
  type Refusal,
} from '../../src/index.js';

// The 31(2) gate in front of the data centre's receiver: every record of a batch is accepted (parsed, whole) or
// refused with its index and why; one decision, and so one audit-log entry, per measurement record.

/** The instant of receipt: under the 2020-12-01 terms, before the APPI renumbering. */
const AT = new Date('2021-06-01T10:00:00+09:00');
const AT_ISO = '2021-06-01T10:00:00+09:00';
const AT_PLUS_1MS = '2021-06-01T10:00:00.001+09:00';

/** A measurement as it arrives over the wire: plain JSON, timestamps as ISO strings with an offset. */
function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'measurement',
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2021-06-01T09:59:00+09:00',
    receivedAt: '2021-06-01T10:00:00+09:00',
    personalData: 'none',
    ...overrides,
  };
}

const written = (contractId: string, grantedAt: string): ConsentOnFile => ({
  contractId,
  from: 'provider',
  form: 'written',
  grantedAt,
});

function refusalAt(admission: Admission, index: number): Refusal {
  const found = admission.refused.find((r) => r.index === index);
  if (found === undefined) throw new Error(`no refusal at index ${index}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------

describe('admitTransmissions', () => {
  describe('a mixed batch', () => {
    const nonPersonal = wire({ id: 'm-ok', value: 12.5, unit: 'mA', vendorField: 'dropped' });
    const personalWithConsent = wire({ id: 'm-consented', contractId: 'C-2', personalData: 'possible' });
    const personalWithoutConsent = wire({ id: 'm-no-consent', contractId: 'C-3', personalData: 'yes' });
    const personalConsentElsewhere = wire({
      id: 'm-other-contract',
      contractId: 'C-4',
      personalData: 'possible',
    });
    const malformed = {
      kind: 'measurement',
      id: 'm-bad',
      contractId: 'C-1',
      metric: 'humidity',
      personalData: 'none',
    };
    const derivedRecord = {
      kind: 'derived',
      id: 'd-1',
      sources: ['m-ok'],
      processedBy: 'user',
      processedAt: '2021-06-01T09:00:00+09:00',
    };
    const withoutOffset = wire({ id: 'm-no-offset', receivedAt: '2021-06-01T10:00:00' });
    const batch: unknown[] = [
      nonPersonal,
      personalWithConsent,
      personalWithoutConsent,
      personalConsentElsewhere,
      malformed,
      derivedRecord,
      withoutOffset,
    ];
    const consents: ConsentOnFile[] = [
      written('C-2', '2021-05-20T09:00:00+09:00'),
      // C-3 has consent on file, but not one 31(2) accepts.
      { contractId: 'C-3', from: 'provider', form: 'electronic', grantedAt: '2021-05-20T09:00:00+09:00' },
      { contractId: 'C-3', from: 'data-subject', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' },
      written('C-3', AT_PLUS_1MS),
    ];

    const log: DecisionLogEntry[] = [];
    const policy = createPolicy({ locale: 'en', onDecision: (entry) => log.push(entry) });
    const admission = policy.admitTransmissions(batch, { at: AT, consents });

    it('drops nothing: accepted and refused together are the batch (31(2))', () => {
      expect(admission.accepted.length + admission.refused.length).toBe(batch.length);
      expect(admission.accepted).toHaveLength(2);
      expect(admission.refused).toHaveLength(5);
    });

    it('refuses each record once, at its own index, in batch order', () => {
      expect(admission.refused.map((r) => r.index)).toEqual([2, 3, 4, 5, 6]);
      expect(admission.refused.map((r) => r.reason)).toEqual([
        'transmission-refused',
        'transmission-refused',
        'malformed',
        'not-measurement-data',
        'malformed',
      ]);
    });

    it('accepts non-personal data and personal data with written consent on file for its contract (31(2))', () => {
      expect(admission.accepted.map((r) => r.id)).toEqual(['m-ok', 'm-consented']);
    });

    it('accepts records parsed whole: Dates, value and unit kept, unknown keys dropped', () => {
      const [first, second] = admission.accepted;
      expect(first).toEqual(parseRecord(nonPersonal));
      expect(first?.receivedAt).toBeInstanceOf(Date);
      expect(first?.receivedAt.toISOString()).toBe('2021-06-01T01:00:00.000Z');
      expect(first).toMatchObject({ value: 12.5, unit: 'mA', metric: 'leakage-current', contractId: 'C-1' });
      expect(first).not.toHaveProperty('vendorField');
      expect(second).toEqual(parseRecord(personalWithConsent));
    });

    it('refuses personal data with no acceptable consent on file for its contract, citing 31(2)', () => {
      const refusal = refusalAt(admission, 2);
      expect(refusal).toMatchObject({ reason: 'transmission-refused', id: 'm-no-consent' });
      if (refusal.reason !== 'transmission-refused') throw new Error('unreachable');
      expect(refusal.decision).toMatchObject({ effect: 'deny', allowed: false, terms: '2020-12-01' });
      expect(refusal.decision.reasons.map((r) => r.code)).toEqual(['transmission-needs-written-consent']);
      expect(refusal.decision.basis).toContainEqual(
        expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 31, paragraph: 2 }),
      );
      expect(refusal.decision.at.getTime()).toBe(AT.getTime());
    });

    it('refuses personal data whose written consent is on file only for another contract (31(2))', () => {
      const refusal = refusalAt(admission, 3);
      expect(refusal).toMatchObject({ reason: 'transmission-refused', id: 'm-other-contract' });
      if (refusal.reason !== 'transmission-refused') throw new Error('unreachable');
      expect(refusal.decision.reasons.map((r) => r.code)).toEqual(['transmission-needs-written-consent']);
    });

    it('refuses a malformed object with its id and every issue with its path', () => {
      const refusal = refusalAt(admission, 4);
      expect(refusal).toMatchObject({ reason: 'malformed', id: 'm-bad' });
      if (refusal.reason !== 'malformed') throw new Error('unreachable');
      const paths = refusal.issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['metric', 'measuredAt', 'receivedAt']));
    });

    it('refuses a record that is not measurement data', () => {
      expect(refusalAt(admission, 5)).toEqual({ index: 5, id: 'd-1', reason: 'not-measurement-data' });
    });

    it('refuses a timestamp without an offset as malformed, naming the field', () => {
      const refusal = refusalAt(admission, 6);
      expect(refusal).toMatchObject({ reason: 'malformed', id: 'm-no-offset' });
      if (refusal.reason !== 'malformed') throw new Error('unreachable');
      expect(refusal.issues).toContainEqual(
        expect.objectContaining({ path: ['receivedAt'], code: 'timestamp-without-offset' }),
      );
    });

    it('logs exactly one decision per measurement record, none for the others', () => {
      expect(log).toHaveLength(4);
      expect(log.map((e) => e.dataId)).toEqual(['m-ok', 'm-consented', 'm-no-consent', 'm-other-contract']);
      expect(log.map((e) => e.effect)).toEqual(['permit', 'permit', 'deny', 'deny']);
      for (const entry of log) {
        expect(entry).toMatchObject({
          action: 'transmit',
          actor: 'user',
          dataKind: 'measurement',
          terms: '2020-12-01',
          at: AT.toISOString(),
        });
      }
    });

    it('logs no payload: the entries are JSON-safe and carry no value, unit or contract', () => {
      const text = JSON.stringify(log);
      expect(JSON.parse(text)).toEqual(log);
      expect(text).not.toContain('12.5');
      expect(text).not.toContain('mA');
      expect(text).not.toContain('C-2');
    });
  });

  describe('consent on file (31(2))', () => {
    const policy = createPolicy({ locale: 'en' });
    const personal = wire({ id: 'm-p', contractId: 'C-9', personalData: 'yes' });
    const admit = (consents: ConsentOnFile[]) => policy.admitTransmissions([personal], { at: AT, consents });

    it('accepts with the provider’s written consent granted at the same millisecond as receipt', () => {
      expect(admit([written('C-9', AT_ISO)]).accepted).toHaveLength(1);
    });

    it('refuses with the provider’s written consent granted 1 ms after receipt', () => {
      const { accepted, refused } = admit([written('C-9', AT_PLUS_1MS)]);
      expect(accepted).toHaveLength(0);
      expect(refused).toMatchObject([{ index: 0, id: 'm-p', reason: 'transmission-refused' }]);
    });

    it.each(['electronic', 'oral'] as const)('refuses with only %s consent from the provider', (form) => {
      expect(
        admit([{ contractId: 'C-9', from: 'provider', form, grantedAt: '2021-05-01T00:00:00+09:00' }])
          .refused,
      ).toHaveLength(1);
    });

    it.each(['user', 'data-subject', 'third-party', 'subcontractor', 'authority'] as const)(
      'refuses with written consent from the %s instead of the provider',
      (from) => {
        expect(
          admit([{ contractId: 'C-9', from, form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' }])
            .refused,
        ).toHaveLength(1);
      },
    );

    it('accepts when one of several consents on file for the contract suffices, whatever their order', () => {
      const weak: ConsentOnFile[] = [
        { contractId: 'C-9', from: 'provider', form: 'electronic', grantedAt: '2021-05-01T00:00:00+09:00' },
        written('C-9', AT_PLUS_1MS),
        { contractId: 'C-9', from: 'user', form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' },
      ];
      const good = written('C-9', '2021-05-20T09:00:00+09:00');
      expect(admit([good, ...weak]).accepted).toHaveLength(1);
      expect(admit([...weak, good]).accepted).toHaveLength(1);
      expect(admit(weak).accepted).toHaveLength(0);
    });

    it('refuses personal data when no consents are given at all', () => {
      const { accepted, refused } = policy.admitTransmissions([personal], { at: AT });
      expect(accepted).toHaveLength(0);
      expect(refused).toHaveLength(1);
    });
  });

  describe('the instant of receipt', () => {
    const personal = wire({ id: 'm-p', personalData: 'possible' });

    it('defaults to the policy’s clock', () => {
      const policy = createPolicy({ clock: () => new Date('2021-06-01T10:00:00+09:00') });
      const { accepted, refused } = policy.admitTransmissions([personal]);
      expect(accepted).toHaveLength(0);
      expect(refused).toMatchObject([{ index: 0, reason: 'transmission-refused' }]);
      const refusal = refused[0];
      if (refusal?.reason !== 'transmission-refused') throw new Error('unreachable');
      expect(refusal.decision.at.toISOString()).toBe('2021-06-01T01:00:00.000Z');
    });

    it('accepts personal data received at 2020-11-30T23:59:59.999+09:00, before 31(2) existed (2017-04-01 terms)', () => {
      const policy = createPolicy();
      const { accepted } = policy.admitTransmissions([personal], {
        at: new Date('2020-11-30T23:59:59.999+09:00'),
      });
      expect(accepted).toHaveLength(1);
    });

    it('refuses the same data received at 2020-12-01T00:00:00+09:00 (31(2))', () => {
      const policy = createPolicy();
      const { refused } = policy.admitTransmissions([personal], {
        at: new Date('2020-12-01T00:00:00+09:00'),
      });
      expect(refused).toMatchObject([{ index: 0, reason: 'transmission-refused' }]);
    });
  });

  describe('inputs', () => {
    const policy = createPolicy();

    it('reads any iterable, such as a generator', () => {
      function* records(): Generator<unknown> {
        yield wire({ id: 'g-1' });
        yield wire({ id: 'g-2', personalData: 'yes' });
      }
      const { accepted, refused } = policy.admitTransmissions(records(), { at: AT });
      expect(accepted.map((r) => r.id)).toEqual(['g-1']);
      expect(refused).toMatchObject([{ index: 1, id: 'g-2', reason: 'transmission-refused' }]);
    });

    it('accepts records already parsed', () => {
      const parsed = parseRecord(wire({ id: 'p-1' })) as MeasurementRecord;
      expect(policy.admitTransmissions([parsed], { at: AT }).accepted).toEqual([parsed]);
    });

    it.each([
      ['null', null],
      ['a number', 42],
      ['a string', 'm-1'],
      ['an array', []],
      ['an object of unknown kind', { kind: 'sensor-blob', id: 'x-1' }],
    ])('refuses %s as malformed without dropping it', (_label, input) => {
      const { accepted, refused } = policy.admitTransmissions([wire(), input], { at: AT });
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ index: 1, reason: 'malformed' });
    });

    it('gives an empty admission for an empty batch', () => {
      expect(policy.admitTransmissions([], { at: AT })).toEqual({ accepted: [], refused: [] });
    });

    it('is exported at top level, bound to the default policy', () => {
      const { accepted, refused } = admitTransmissions([wire(), wire({ id: 'm-2', personalData: 'yes' })], {
        at: AT,
      });
      expect(accepted).toHaveLength(1);
      expect(refused).toMatchObject([{ index: 1, reason: 'transmission-refused' }]);
    });
  });

  describe('the options, read before any record (31(2))', () => {
    const policy = createPolicy({ locale: 'en', clock: () => AT });

    /** The issues of the PolicyInputError admitting `[wire()]` with `options` throws, as `[path, code]`. */
    function optionIssues(options: unknown): [readonly (string | number)[], string][] {
      try {
        policy.admitTransmissions([wire()], options as never);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
        const issues = (e as PolicyInputError).issues;
        for (const issue of issues) expect(issue.message).toMatch(/\S/);
        return issues.map((i) => [i.path, i.code]);
      }
      throw new Error('expected a PolicyInputError, but nothing was thrown');
    }

    it('refuses options that are not an object, at the root', () => {
      expect(optionIssues('now')).toEqual([[[], 'invalid-type']]);
    });

    it('refuses consents that are not a list, at [consents]', () => {
      expect(optionIssues({ consents: written('C-9', AT_ISO) })).toEqual([[['consents'], 'invalid-type']]);
    });

    it('refuses a consent on file that names no contract, or a blank one, at its contractId', () => {
      const { contractId: _none, ...withoutContract } = written('C-9', AT_ISO);
      expect(optionIssues({ consents: [written('C-9', AT_ISO), withoutContract] })).toEqual([
        [['consents', 1, 'contractId'], 'invalid-type'],
      ]);
      expect(optionIssues({ consents: [{ ...written('C-9', AT_ISO), contractId: ' ' }] })).toEqual([
        [['consents', 0, 'contractId'], 'invalid-type'],
      ]);
    });

    it('reports the fields of a consent on file at [consents, i, field], and an invalid instant at [at], together', () => {
      expect(
        optionIssues({
          at: '2021-06-01T10:00:00',
          consents: [{ contractId: 'C-9', from: 'nobody', form: 'written', grantedAt: AT_ISO }, 'yes'],
        }),
      ).toEqual([
        [['at'], 'timestamp-without-offset'],
        [['consents', 0, 'from'], 'invalid-value'],
        [['consents', 1], 'invalid-type'],
        [['consents', 1, 'contractId'], 'invalid-type'],
      ]);
    });

    it('takes absent options as none: the clock’s instant and no consent on file', () => {
      const admission = policy.admitTransmissions([wire(), wire({ id: 'm-p', personalData: 'yes' })]);
      expect(admission.accepted.map((r) => r.id)).toEqual(['m-1']);
      expect(admission.refused).toMatchObject([{ index: 1, id: 'm-p', reason: 'transmission-refused' }]);
    });

    it('prefers the provider’s written consent given at the instant of receipt to one given a millisecond after (31(2))', () => {
      const personal = wire({ id: 'm-p', contractId: 'C-9', personalData: 'yes' });
      const admission = policy.admitTransmissions([personal], {
        at: AT,
        consents: [written('C-9', AT_PLUS_1MS), written('C-9', AT_ISO)],
      });
      expect(admission.accepted.map((r) => r.id)).toEqual(['m-p']);
    });

    it('admits under the 2017-04-01 terms, which ask no consent, whatever consents are on file', () => {
      const personal = wire({ id: 'm-p', contractId: 'C-9', personalData: 'yes' });
      const admission = policy.admitTransmissions([personal], {
        at: '2020-11-30T23:59:59.999+09:00',
        consents: [written('C-9', AT_ISO)],
      });
      expect(admission.accepted.map((r) => r.id)).toEqual(['m-p']);
    });

    it('refuses a malformed record with its id when it has a string one, and without an id otherwise', () => {
      const admission = policy.admitTransmissions([wire({ id: 'm-x', metric: 'humidity' }), { id: 42 }], {
        at: AT,
      });
      expect(admission.refused).toEqual([
        { index: 0, id: 'm-x', reason: 'malformed', issues: expect.any(Array) },
        { index: 1, reason: 'malformed', issues: expect.any(Array) },
      ]);
    });

    it('refuses a record of another kind as not measurement data, without deciding it (31(2))', () => {
      const trend = {
        kind: 'derived',
        id: 'd-9',
        sources: ['m-1'],
        processedBy: 'provider',
        processedAt: '2021-04-02T09:00:00+09:00',
      };
      expect(policy.admitTransmissions([trend], { at: AT }).refused).toEqual([
        { index: 0, id: 'd-9', reason: 'not-measurement-data' },
      ]);
    });

    it('decides with the consent on file that best answers the gate, and cites 31(2) when it falls short', () => {
      const personal = wire({ id: 'm-p', contractId: 'C-9', personalData: 'yes' });
      const late = written('C-9', AT_PLUS_1MS);
      const oral: ConsentOnFile = { ...written('C-9', '2021-05-01T00:00:00+09:00'), form: 'oral' };
      const refused = refusalAt(policy.admitTransmissions([personal], { at: AT, consents: [oral, late] }), 0);
      expect(refused).toMatchObject({ reason: 'transmission-refused' });
      if (refused.reason !== 'transmission-refused') return;
      expect(refused.decision.basis.map((c) => [c.article, c.paragraph])).toContainEqual([31, 2]);
    });
  });
});
