import { describe, expect, it } from 'vitest';
import { CELL_CHANGES, type Labels, labelsFor } from '../../../src/cli/report/labels.js';

/** Every text of a locale's labels, functions called with sample arguments, keyed by where it is. */
function texts(labels: Labels): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, String(value(13, 'Title')));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(labels, '');
  return out;
}

describe('labelsFor', () => {
  const ja = texts(labelsFor('ja'));
  const en = texts(labelsFor('en'));

  it('has the same headings in Japanese and English', () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('translates every heading and word: no Japanese text is the English one', () => {
    const same = [...ja].filter(([key, text]) => en.get(key) === text).map(([key]) => key);
    expect(same).toEqual([]);
  });

  it('writes every Japanese text in Japanese (some kana or kanji in each)', () => {
    const latin = [...ja].filter(([, text]) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)).map(([k]) => k);
    expect(latin).toEqual([]);
  });

  it('names the effects as the library does (許可, 不許可; Permit, Deny)', () => {
    expect(labelsFor('ja').effect).toEqual({ permit: '許可', deny: '不許可' });
    expect(labelsFor('en').effect).toEqual({ permit: 'Permit', deny: 'Deny' });
  });

  it('has a word for every kind of change', () => {
    for (const locale of ['ja', 'en'] as const)
      expect(Object.keys(labelsFor(locale).change).sort()).toEqual([...CELL_CHANGES].sort());
  });
});
