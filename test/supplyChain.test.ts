import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

describe('supply chain', () => {
  it('keeps zod the one runtime dependency (SPEC allows date-fns, @date-fns/tz and ts-pattern; each costs every import)', () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['zod']);
  });

  it('runs nothing when it is installed: no install scripts', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
      expect(pkg.scripts?.[hook], hook).toBeUndefined();
    }
  });

  it('keeps vitest an optional peer, for the testing subpath only', () => {
    expect(pkg.peerDependenciesMeta?.vitest?.optional).toBe(true);
    const main = readFileSync(new URL('src/index.ts', root), 'utf8');
    expect(main).not.toMatch(/testing|vitest/);
  });

  it('commits the lockfile CI installs from', () => {
    expect(existsSync(new URL('package-lock.json', root))).toBe(true);
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
      lockfileVersion: number;
    };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
  });
});

describe('docs/errors.md', () => {
  const doc = readFileSync(new URL('docs/errors.md', root), 'utf8');

  it('lists every error class and code', () => {
    for (const name of ['PolicyInputError', 'PolicyViolationError', 'TermsNotInForceError'])
      expect(doc).toContain(name);
    for (const code of ['invalid-input', 'policy-violation', 'terms-not-in-force'])
      expect(doc).toContain(`\`${code}\``);
  });

  it('lists every issue code the library itself raises', () => {
    const sources = [
      'records/timestamp.ts',
      'records/fields.ts',
      'records/measurement.ts',
      'request/readRequest.ts',
      'engine/createPolicy.ts',
      'engine/retention.ts',
      'terms/defineTerms.ts',
      'time/civilCodePeriod.ts',
      'sql/identifiers.ts',
      'sql/expiredWhere.ts',
      'sql/permittedWhere.ts',
      'retention/sweepRetention.ts',
    ].map((f) => readFileSync(new URL(`src/${f}`, root), 'utf8'));
    const codes = new Set(
      sources.flatMap((s) =>
        [...s.matchAll(/(?:code: |\.add\((?:[^'(]|'[a-z]+')*?)'([a-z]+(?:-[a-z]+)+)'/g)].map(
          (m) => m[1] as string,
        ),
      ),
    );
    for (const code of codes) expect(doc, code).toContain(`\`${code}\``);
  });
});
