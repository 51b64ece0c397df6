import { describe, expect, it } from 'vitest';
import { csvField, csvRow, escapeHtml, mdCell, mdTable } from '../../../src/cli/report/escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can end a text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('leaves other text, Japanese included, as it is', () => {
    expect(escapeHtml('規約(2020-12-01)第13条第3項 → permit')).toBe('規約(2020-12-01)第13条第3項 → permit');
  });
});

describe('csvField', () => {
  it('quotes a field holding a comma, a quote, CR or LF, doubling its quotes (RFC 4180 2.6, 2.7)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('leaves a plain field unquoted, spaces and semicolons included', () => {
    expect(csvField('personalData=yes; consent=data-subject/written')).toBe(
      'personalData=yes; consent=data-subject/written',
    );
    expect(csvField('')).toBe('');
  });
});

describe('csvRow', () => {
  it('joins fields with commas and ends the record with CRLF (RFC 4180 2.1)', () => {
    expect(csvRow(['kind', 'a,b', ''])).toBe('kind,"a,b",\r\n');
  });
});

describe('mdCell', () => {
  it('escapes pipes and backslashes and turns line breaks into spaces, so a value stays in its cell', () => {
    expect(mdCell('a|b\\c\r\nd\ne')).toBe('a\\|b\\\\c d e');
  });
});

describe('mdTable', () => {
  it('writes a header, a delimiter row aligning the given columns right, and the rows', () => {
    expect(mdTable(['state', 'records'], [['expired', '1']], [1])).toBe(
      '| state | records |\n| --- | ---: |\n| expired | 1 |\n',
    );
  });
});
