// Writes the README's tables of reason and obligation codes from the English message table, between the
// <!-- reason-codes --> and <!-- obligation-codes --> markers. `npm run docs:codes`; a test keeps them in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { OBLIGATION_CODES, REASON_CODES } from '../src/model/codes.js';
import { en } from '../src/i18n/en.js';

const table = (rows: readonly (readonly [string, string])[]) =>
  [
    '| code | meaning |',
    '| --- | --- |',
    ...rows.map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
  ].join('\n');

/** The README with both tables regenerated. */
export function withCodeTables(readme: string): string {
  const replace = (text: string, marker: string, body: string) =>
    text.replace(
      new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`),
      `$1\n${body}\n$2`,
    );
  return replace(
    replace(readme, 'reason-codes', table(REASON_CODES.map((c) => [c, en.reasons[c]]))),
    'obligation-codes',
    table(OBLIGATION_CODES.map((c) => [c, en.obligations[c]])),
  );
}

if (process.argv[1]?.endsWith('codeTables.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withCodeTables(readFileSync(path, 'utf8')));
}
