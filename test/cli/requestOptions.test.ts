import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { requireActionFields, requireTermsInForce, wrapWords } from '../../src/cli/requestOptions.js';

describe('wrapWords', () => {
  it('joins words with commas and wraps them under an indent, counting the lead on the first line', () => {
    expect(wrapWords(['use', 'process', 'disclose'], 26, 'required; ', 52)).toBe(
      `required; use, process,\n${' '.repeat(26)}disclose`,
    );
    expect(wrapWords(['user', 'provider'], 4)).toBe('user, provider');
  });
});

describe('requireActionFields', () => {
  it('asks for a purpose to use data and a recipient to hand it on', () => {
    expect(() => requireActionFields('use', { purpose: undefined, recipient: undefined })).toThrow(
      new UsageError('--purpose is required to use data'),
    );
    expect(() => requireActionFields('sublicense', { purpose: undefined, recipient: undefined })).toThrow(
      '--recipient is required to sublicense',
    );
    expect(() => requireActionFields('retain', { purpose: undefined, recipient: undefined })).not.toThrow();
  });
});

describe('requireTermsInForce', () => {
  it('refuses an instant before the first terms version (2017-04-01 00:00 JST)', () => {
    expect(() => requireTermsInForce(new Date('2017-03-31T23:59:59.999+09:00'))).toThrow(UsageError);
    expect(() => requireTermsInForce(new Date('2017-04-01T00:00:00+09:00'))).not.toThrow();
  });
});
