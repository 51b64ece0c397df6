// StrykerJS: mutation testing of the rules and the calendar. `npm run mutation`; the report is in reports/mutation.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/terms/**/*.ts',
    'src/time/**/*.ts',
    'src/retention/**/*.ts',
    // Article titles and summaries are text for people, not rules.
    '!src/terms/**/articles.ts',
  ],
  // Build outputs are not copied into Stryker's sandbox: a concurrent build can remove files from under it.
  ignorePatterns: ['dist', 'coverage', 'reports', 'docs/api'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 15000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
};
