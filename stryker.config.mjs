// StrykerJS: mutation testing of the engine, the rules, the request reader, the calendar and retention.
// `npm run mutation`; the report is in reports/mutation.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/engine/**/*.ts',
    'src/terms/**/*.ts',
    'src/request/**/*.ts',
    'src/time/**/*.ts',
    'src/retention/**/*.ts',
    // Article titles and summaries, and the messages of the codes, are text for people, not rules.
    '!src/terms/**/articles.ts',
    '!src/terms/**/codes.ts',
    '!src/terms/common/messages.ts',
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
  // A full run of every folder takes longer than a sitting on two cores; later runs retest only the mutants whose
  // code or covering tests changed since the last report. `npm run mutation -- --force` retests everything.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
};
