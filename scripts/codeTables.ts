// Writes the README's tables of reason and obligation codes from the messages the terms versions carry (the newest
// version's wording, else the engine's), between the <!-- reason-codes --> and <!-- obligation-codes --> markers.
// `npm run docs:codes`; a test keeps them in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { en } from '../src/i18n/en.js';
import { OBLIGATION_CODES, REASON_CODES } from '../src/model/codes.js';
import { DEFAULT_TERMS } from '../src/terms/defaultTerms.js';

const newestFirst = [...DEFAULT_TERMS].reverse();
const message = (group: 'reasons' | 'obligations', code: string): string =>
  newestFirst.map((v) => v.codes[group][code]?.en).find((m) => m !== undefined) ??
  (en.reasons as Readonly<Record<string, string>>)[code] ??
  code;

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
    replace(readme, 'reason-codes', table(REASON_CODES.map((c) => [c, message('reasons', c)]))),
    'obligation-codes',
    table(OBLIGATION_CODES.map((c) => [c, message('obligations', c)])),
  );
}

if (process.argv[1]?.endsWith('codeTables.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withCodeTables(readFileSync(path, 'utf8')));
}
