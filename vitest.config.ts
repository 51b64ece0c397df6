import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The testing helpers and the CLI import the library by its name, as a user's code does; in this
    // project's own tests that name is the source.
    alias: [
      { find: /^m2m-data-policy\/testing$/, replacement: src('testing/index.ts') },
      { find: /^m2m-data-policy\/odrl$/, replacement: src('odrl/index.ts') },
      { find: /^m2m-data-policy\/sql$/, replacement: src('sql/index.ts') },
      { find: /^m2m-data-policy$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    setupFiles: ['test/setup.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The CLI runs in child processes (test/cli), where v8 coverage does not reach; its tests cover it.
      exclude: ['src/cli/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      thresholds: { lines: 95, branches: 90 },
    },
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
