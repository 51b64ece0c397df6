import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCodeTables } from '../../scripts/codeTables.js';
import { withRuleTables } from '../../scripts/ruleTables.js';
import { OBLIGATION_CODES, REASON_CODES } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the demo and test commands a fresh clone runs', () => {
    const start = readme.indexOf('```sh');
    const firstBlock = readme.slice(start, readme.indexOf('```', start + 5));
    expect(firstBlock).toContain('npm ci && npm run demo');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it('has the code tables as `npm run docs:codes` writes them', () => {
    expect(readme).toBe(withCodeTables(readme));
  });

  it("has each version's rule table as `npm run docs:rules` writes it from the decision table", () => {
    expect(readme).toContain('<!-- rules:2020-12-01:start -->\n| rule |');
    expect(readme).toContain('<!-- rules:2017-04-01:start -->\n| rule |');
    expect(readme).toBe(withRuleTables(readme));
  });

  it.each([...REASON_CODES, ...OBLIGATION_CODES])('lists the code %s with its meaning', (code) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` +\\| \\S`, 'm'));
  });
});
