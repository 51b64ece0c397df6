import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every test the interpretation notes cite must exist, word for word, in the file they name: a reading whose
// test was renamed or removed is no longer pinned.
const doc = readFileSync(new URL('../../docs/interpretation.md', import.meta.url), 'utf8');
const testRoot = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const citations = [...doc.matchAll(/`([\w/.-]+\.test\.ts)` — ((?:"[^"]+"(?:, | and )?)+)/g)].flatMap(
  ([, file, titles]) =>
    [...(titles ?? '').matchAll(/"([^"]+)"/g)].map(([, title]) => [file ?? '', title ?? ''] as const),
);

describe('docs/interpretation.md', () => {
  it('cites tests', () => {
    expect(citations.length).toBeGreaterThan(30);
  });

  it.each(citations)('names a test that exists: %s — %s', (file, title) => {
    expect(readFileSync(join(testRoot, file), 'utf8')).toContain(title);
  });

  it('names only test files that exist', () => {
    const known = new Set(files(testRoot).map((p) => p.slice(testRoot.length)));
    for (const [, file] of doc.matchAll(/`([\w/.-]+\.test\.ts)`/g)) expect(known, file).toContain(file);
  });
});
