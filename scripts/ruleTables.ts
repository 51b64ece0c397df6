// Writes the README's tables of which article each rule comes from, one per shipped version, from the versions'
// decision tables (`decisionTable`): a row per rule, with the requests it decides as the table finds them. Between the
// <!-- rules:<version>:start --> and <!-- rules:<version>:end --> markers. `npm run docs:rules`; a test keeps them in
// step with the rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { DIMENSIONS } from '../src/analysis/cases.js';
import { type DecisionCell, decisionTable } from '../src/analysis/table.js';
import type { Citation } from '../src/model/decision.js';
import { ACTIONS, ACTORS, PARTIES } from '../src/model/vocabulary.js';
import { DATA_KINDS } from '../src/records/dataRecord.js';
import { DEFAULT_TERMS } from '../src/terms/defaultTerms.js';

/** The instant each version's table is decided at: the 2020-12-01 terms with the APPI as renumbered in 2022. */
const AT: Readonly<Record<string, string>> = { '2020-12-01': '2022-04-01T00:00:00+09:00' };

const listed = (values: ReadonlySet<string>, all: readonly string[], any = 'any'): string => {
  const present = all.filter((v) => values.has(v));
  return present.length === all.length ? any : present.map((v) => (v === '—' ? v : `\`${v}\``)).join(', ');
};

/** A citation as the tables write it: `13(3)(1)イ`, `APPI 27(1)`, `Civil Code 140`, `contract`. */
function short(c: Citation): string {
  if (c.source === 'contract') return 'contract';
  const at = `${c.article ?? ''}${c.paragraph === undefined ? '' : `(${c.paragraph})`}${c.item === undefined ? '' : `(${c.item})`}${c.subitem ?? ''}`;
  if (c.source === 'appi') return `APPI ${at}`;
  if (c.source === 'civil-code') return `Civil Code ${at}`;
  return at === '' ? 'the terms' : at;
}

/** The cases a rule decides, dimension by dimension, as `dimension: value, value`. */
function whenOf(cells: readonly DecisionCell[]): string {
  const parts: string[] = [];
  for (const dim of DIMENSIONS) {
    const values = new Set(cells.map((c) => c.case[dim]).filter((v): v is string => v !== undefined));
    if (values.size > 0) parts.push(`${dim}: ${[...values].join(', ')}`);
  }
  return parts.join('; ').replaceAll('|', '\\|');
}

/** The table of one version: a row per rule that decides some cell, in the version's order, then the default. */
export function ruleTable(versionId: string): string {
  const version = DEFAULT_TERMS.find((v) => v.id === versionId);
  if (version === undefined) throw new Error(`no shipped version ${versionId}`);
  const table = decisionTable(version, { at: AT[versionId] ?? version.effectiveFrom, locale: 'en' });
  const byRule = new Map<string, DecisionCell[]>();
  for (const c of table.cells) byRule.set(c.decision.rule, [...(byRule.get(c.decision.rule) ?? []), c]);
  const rows = [...version.rules.map((r) => r.id), 'default-deny'].flatMap((id) => {
    const cells = byRule.get(id);
    if (cells === undefined) return [];
    const first = cells[0] as DecisionCell;
    const set = <T>(f: (c: DecisionCell) => T) => new Set(cells.map(f).map(String));
    const purposes = set((c) => c.purpose ?? '(other)');
    return [
      [
        `\`${id}\``,
        listed(
          set((c) => c.actor),
          ACTORS,
        ),
        listed(
          set((c) => c.kind),
          DATA_KINDS,
        ),
        listed(
          set((c) => c.action),
          ACTIONS,
        ),
        listed(
          set((c) => c.recipient ?? '—'),
          ['—', ...PARTIES],
          '—, any party',
        ),
        [...purposes].map((p) => (p === '(other)' ? 'other' : `\`${p}\``)).join(', '),
        whenOf(cells),
        first.decision.effect,
        first.decision.basis.map(short).join(', '),
        first.decision.obligations.map((o) => `\`${o}\``).join(', '),
      ].join(' | '),
    ];
  });
  return [
    '| rule | who | data | action | to | purpose | when | answer | basis | obligations |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

/** The README with every version's rule table regenerated. */
export function withRuleTables(readme: string): string {
  return DEFAULT_TERMS.reduce(
    (text, v) =>
      text.replace(
        new RegExp(`(<!-- rules:${v.id}:start -->)[\\s\\S]*?(<!-- rules:${v.id}:end -->)`),
        `$1\n${ruleTable(v.id)}\n$2`,
      ),
    readme,
  );
}

if (process.argv[1]?.endsWith('ruleTables.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withRuleTables(readFileSync(path, 'utf8')));
}
