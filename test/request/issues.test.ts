import { describe, expect, it } from 'vitest';
import { Issues } from '../../src/request/issues.js';

// SPEC §3: every problem of a request at once, each with its path from the request's root; at most 100 of them,
// and a count of the rest (a million bad entries are one report).

describe('Issues', () => {
  it('counts the issues it left out of its list', () => {
    const issues = new Issues();
    for (let i = 0; i < 103; i++) issues.add('invalid-type', 'Expected a string', 'consent', i);
    expect(issues.count).toBe(103);
    expect(issues.all()).toHaveLength(101);
  });

  it('builds a path from the keys given, leaving out the absent ones', () => {
    const issues = new Issues();
    expect(issues.count).toBe(0);
    expect(issues.all()).toEqual([]);
    issues.add('invalid-value', 'Expected one of user, provider', 'consent', undefined, 'from');
    issues.add('invalid-type', 'A request is an object');
    issues.addUnder(['data'], [{ path: ['receivedAt'], code: 'invalid-date', message: 'Invalid date' }]);
    expect(issues.all()).toEqual([
      { path: ['consent', 'from'], code: 'invalid-value', message: 'Expected one of user, provider' },
      { path: [], code: 'invalid-type', message: 'A request is an object' },
      { path: ['data', 'receivedAt'], code: 'invalid-date', message: 'Invalid date' },
    ]);
  });
});
