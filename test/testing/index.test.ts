import { readdirSync, readFileSync } from 'node:fs';
import * as testing from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url);

/** Every TypeScript source under a folder of src, with its path relative to src. */
function sources(folder: string): { path: string; text: string }[] {
  return readdirSync(new URL(folder, src), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => ({
      path: `${folder}${path}`,
      text: readFileSync(new URL(`${folder}${path}`, src), 'utf8'),
    }));
}

describe('m2m-data-policy/testing', () => {
  it('exports the seven record factories and the matchers', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'anonymized',
      'confidential',
      'derived',
      'matchers',
      'measurement',
      'providerContent',
      'statistical',
      'userInformation',
    ]);
  });

  it('imports vitest for its types only, so vitest stays a peer of this subpath alone', () => {
    for (const { path, text } of sources('testing/')) {
      const runtime = text.match(
        /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]vitest(?:\/[^'"]*)?['"]/gm,
      );
      expect({ path, runtime }).toEqual({ path, runtime: null });
      expect({ path, dynamic: /\b(?:import|require)\(\s*['"]vitest/.test(text) }).toEqual({
        path,
        dynamic: false,
      });
    }
  });

  it('imports the library by its name, so the subpath shares the main entry and its parsed-record brand', () => {
    for (const { path, text } of sources('testing/')) {
      expect({ path, relative: /from\s+['"]\.\.\//.test(text) }).toEqual({ path, relative: false });
    }
  });

  it('is never imported by the library itself', () => {
    const library = sources('').filter(({ path }) => !path.startsWith('testing/'));
    for (const { path, text } of library) {
      expect({ path, importsTesting: /from\s+['"][^'"]*\/testing(?:\/[^'"]*)?['"]/.test(text) }).toEqual({
        path,
        importsTesting: false,
      });
    }
  });
});
