import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Layers only point down (STYLE 11): each folder of src/ may import its own folder and the folders below it, never
// one above. The order is the architecture: vocabulary at the bottom, the engine on top, the optional subpaths
// (which import the package by its name, as a user does) above everything.

const LAYERS = [
  'model',
  'errors.ts',
  'internal',
  'time',
  'records',
  'request',
  'terms',
  'i18n',
  'retention',
  'engine',
  'analysis',
  'index.ts',
  'odrl',
  'sql',
  'testing',
  'cli',
] as const;

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The layer a file under src/ belongs to: its first folder, or the file itself at the top. */
const layerOf = (file: string): string => relative(src, file).split('/')[0] as string;

/** The files under src/ a source file imports (relative imports; the package by name counts as index.ts). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*?from '([^']+)'/gm)].flatMap(([, spec]) => {
    if (spec === undefined) return [];
    if (spec === 'm2m-data-policy') return [join(src, 'index.ts')];
    if (!spec.startsWith('.')) return [];
    return [join(file, '..', spec.replace(/\.js$/, '.ts'))];
  });
}

describe('architecture', () => {
  const files = sources(src);

  it('places every folder of src/ in a layer', () => {
    for (const file of files)
      expect(LAYERS as readonly string[], relative(src, file)).toContain(layerOf(file));
  });

  it('imports only from its own layer or one below it (STYLE 11)', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
      for (const target of importsOf(file)) {
        const to = LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]);
        if (to > from) upward.push(`${relative(src, file)} → ${relative(src, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps article numbers of the terms out of the engine: it cites only what a version gives it (SPEC §8)', () => {
    const engine = files.filter((f) => layerOf(f) === 'engine');
    for (const file of engine) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(src, file)).not.toMatch(/termsArticle\(\d|article: \d/);
    }
  });

  it('finds the import it checks: a test that saw no import could not fail', () => {
    const engineImports = files.filter((f) => layerOf(f) === 'engine').flatMap(importsOf);
    expect(engineImports.some((t) => layerOf(t) === 'terms')).toBe(true);
    expect(engineImports.some((t) => layerOf(t) === 'model')).toBe(true);
  });
});
