import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  type DataRecordInput,
  PolicyInputError,
  parseRecord,
  retentionStatus,
  safeParseRecord,
  sweepRetention,
} from '../../src/index.js';

// The edges a new user and an attacker reach first (issue 11): batches fed JSON, reports that must stay small, and
// the dates nobody checks. Each test names what it pins.

const AT_ISO = '2021-06-01T10:00:00+09:00';
const personalRow = (id: string): DataRecordInput => ({
  kind: 'derived',
  id,
  sources: ['m-1'],
  processedBy: 'provider',
  processedAt: '2021-04-01T09:00:00+09:00',
  personalData: 'yes',
});

describe('filterPermitted fed JSON', () => {
  it('takes a string at and a string consent.grantedAt, and decides by them (13(3)(4), APPI 27(1))', () => {
    const policy = createPolicy();
    const ask = (grantedAt: string) => [
      ...policy.filterPermitted([personalRow('p-1')], {
        action: 'disclose',
        recipient: 'third-party',
        at: AT_ISO,
        consent: { from: 'data-subject', form: 'written', grantedAt },
      }),
    ];
    expect(ask('2021-06-01T10:00:00+09:00').map((r) => r.id)).toEqual(['p-1']);
    // Consent one millisecond after the disclosure does not count.
    expect(ask('2021-06-01T10:00:00.001+09:00')).toEqual([]);
  });

  it('yields three distinct frozen records from a cursor that reuses one row object', () => {
    const row: Record<string, unknown> = { ...personalRow(''), personalData: 'none' };
    function* cursor() {
      for (const id of ['a', 'b', 'c']) {
        row.id = id;
        yield row;
      }
    }
    const yielded = [
      ...createPolicy().filterPermitted(cursor(), {
        action: 'license',
        recipient: 'third-party',
        at: AT_ISO,
      }),
    ];
    expect(yielded.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(new Set(yielded).size).toBe(3);
    for (const r of yielded) expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('reports stay small', () => {
  // A 3 MB line of JSON: a statistical record with a million empty sources.
  const huge = {
    kind: 'statistical',
    id: 's-1',
    createdAt: '2021-04-01T09:00:00+09:00',
    sources: new Array<string>(1_000_000).fill(''),
  };

  it('reports a million bad array elements as 100 issues and a count, in a message of a few kilobytes', () => {
    try {
      parseRecord(huge);
      expect.fail('expected a PolicyInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      const issues = (e as PolicyInputError).issues;
      expect(issues).toHaveLength(101);
      expect(issues.at(-1)?.code).toBe('too-many-issues');
      expect((e as Error).message.length).toBeLessThan(20_000);
    }
  }, 60_000);

  it('reports the same record inside a request under data, bounded the same way', () => {
    try {
      createPolicy().decide({ action: 'use', data: huge as never, purpose: 'service-analysis', at: AT_ISO });
      expect.fail('expected a PolicyInputError');
    } catch (e) {
      const issues = (e as PolicyInputError).issues;
      expect(issues.length).toBeLessThanOrEqual(101);
      expect(issues[0]?.path.slice(0, 2)).toEqual(['data', 'sources']);
      expect((e as Error).message.length).toBeLessThan(20_000);
    }
  }, 60_000);
});

describe('retention at an ISO instant with an offset', () => {
  const reading = measurement({ receivedAt: '2021-03-15T10:00:00+09:00' });

  it('retentionStatus reads an ISO at with any offset as that instant (13(4))', () => {
    expect(retentionStatus(reading, '2022-03-15T23:59:59.999+09:00').state).toBe('within-period');
    expect(retentionStatus(reading, '2022-03-15T15:00:00Z').state).toBe('expired');
    expect(retentionStatus(reading, '2022-03-15T07:00:00-08:00').state).toBe('expired');
  });

  it('sweepRetention reads an ISO at with an offset as that instant (13(4))', () => {
    expect(sweepRetention([reading], '2022-03-15T14:59:59.999Z').keep).toHaveLength(1);
    expect(sweepRetention([reading], '2022-03-16T00:00:00+09:00').expired).toHaveLength(1);
  });

  it('refuses an ISO at without an offset for both', () => {
    expect(() => retentionStatus(reading, '2022-03-16T00:00:00')).toThrow(PolicyInputError);
    expect(() => sweepRetention([reading], '2022-03-16T00:00:00')).toThrow(PolicyInputError);
  });
});

describe('dates nobody checks (SPEC §7)', () => {
  it('refuses a measurement measured after it was received (measured-after-received)', () => {
    const result = safeParseRecord({
      ...JSON.parse(JSON.stringify(measurement())),
      measuredAt: '2021-03-15T10:00:00.001+09:00',
      receivedAt: '2021-03-15T10:00:00+09:00',
    });
    expect(result.success ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      [['measuredAt'], 'measured-after-received'],
    ]);
  });

  it('refuses a receipt of 9999-12-31T23:59:59.999-23:59, which is in the year 10000 (instant-out-of-range)', () => {
    const result = safeParseRecord({
      ...JSON.parse(JSON.stringify(measurement())),
      receivedAt: '9999-12-31T23:59:59.999-23:59',
    });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toContain('instant-out-of-range');
  });
});
