import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite as StrykerJS runs it for every mutant: the tests of the source, without those that run the built
// package (the CLI) or check generated files (README tables, JSON Schemas), and without the type tests and the
// build that only they need.
export default mergeConfig(
  { ...base, test: { ...base.test, globalSetup: [] } },
  defineConfig({
    test: {
      // The property and fuzz suites are left out too: slow per mutant, and the property file's check that
      // switching TZ changes local time does not hold inside Stryker's workers. The engine's and the terms'
      // property files go for the same reason: nearly every mutant of src/engine, src/terms and src/request is
      // covered by them, and vitest runs its slowest files first, so each such mutant paid their ~3 s before any
      // other test could kill it (measured: ~2.7 s of a 12 s single-worker run). The sentences beside them pin the
      // same rules case by case. termsImmutability reloads the library inside its tests (vi.resetModules), which
      // makes every module-level mutant — the rule tables of src/terms/v*/ above all — count as covered by its nine
      // probes alone: run against those, they "survived" by the hundred. Without it they are static, and
      // `ignoreStatic` leaves them out as it was meant to (measured: 1,364 of the 1,706 survivors of a full run).
      // The report's browser test and the SQL comparisons run the built package or a database: not per mutant.
      exclude: [
        'test/cli/**',
        'test/report/**',
        'test/sql/**',
        'test/docs/**',
        'test/properties/**',
        'test/fuzz/**',
        'test/engine/*.property.test.ts',
        'test/terms/**/*.property.test.ts',
        'test/engine/termsImmutability.test.ts',
        'node_modules/**',
      ],
      typecheck: { enabled: false },
    },
  }),
);
