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
      // switching TZ changes local time does not hold inside Stryker's workers.
      exclude: ['test/cli/**', 'test/docs/**', 'test/properties/**', 'test/fuzz/**', 'node_modules/**'],
      typecheck: { enabled: false },
    },
  }),
);
