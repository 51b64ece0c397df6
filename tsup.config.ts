import { defineConfig } from 'tsup';

const shared = {
  target: 'node20',
  sourcemap: false,
  treeshake: true,
  // Japanese messages as UTF-8, not \uXXXX escapes: half the bytes, and readable in the built files.
  esbuildOptions(options: { charset?: string }) {
    options.charset = 'utf8';
  },
} as const;

export default defineConfig([
  {
    ...shared,
    // The library and its testing helpers, for both module systems, with declarations for each.
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      odrl: 'src/odrl/index.ts',
      sql: 'src/sql/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // No shared chunk: the main entry stays one file (a second module costs every import); the subpaths carry
    // their own copy of the few helpers they share with it.
    splitting: false,
    // The testing helpers, the ODRL export and the SQL pushdown import the library by name: it must stay the package's own entry, not
    // a copy inlined here.
    external: ['vitest', 'm2m-data-policy'],
  },
  {
    ...shared,
    // The command line: one ESM file with its shebang, importing the library's built entry.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    external: ['m2m-data-policy'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
