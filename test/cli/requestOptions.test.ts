import { createPolicy, decide } from 'm2m-data-policy';
import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import {
  DEFAULT_LOCALE,
  localeHelp,
  localeOption,
  requireActionFields,
  requireTermsInForce,
  wrapWords,
} from '../../src/cli/requestOptions.js';

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

describe('localeOption', () => {
  it('is Japanese when neither --locale nor --lang is given, as the library is', () => {
    expect(localeOption({})).toBe('ja');
    expect(localeOption({ locale: undefined, lang: undefined })).toBe(DEFAULT_LOCALE);
    const request = { action: 'retain', data: measurement(), at: '2021-06-01T10:00:00+09:00' } as const;
    expect(createPolicy({ locale: DEFAULT_LOCALE }).decide(request).basis).toEqual(decide(request).basis);
  });

  it('reads --locale, and --lang as its alias, alone or agreeing', () => {
    expect(localeOption({ locale: 'en' })).toBe('en');
    expect(localeOption({ lang: 'en' })).toBe('en');
    expect(localeOption({ locale: 'ja', lang: 'ja' })).toBe('ja');
    expect(localeOption({ locale: 'en', lang: 'en' })).toBe('en');
  });

  it('refuses a language it does not have, naming the option given', () => {
    expect(() => localeOption({ locale: 'fr' })).toThrow(
      new UsageError("--locale must be one of ja, en, not 'fr'"),
    );
    expect(() => localeOption({ lang: 'EN' })).toThrow(
      new UsageError("--lang must be one of ja, en, not 'EN'"),
    );
    expect(() => localeOption({ locale: 'en', lang: 'fr' })).toThrow(
      "--lang must be one of ja, en, not 'fr'",
    );
  });

  it('refuses --locale and --lang that disagree', () => {
    expect(() => localeOption({ locale: 'ja', lang: 'en' })).toThrow(
      new UsageError('--locale ja and --lang en disagree (--lang is an alias of --locale)'),
    );
  });
});

describe('localeHelp', () => {
  it('lays out --locale and its alias --lang as the other options of a help are, the text from column indent', () => {
    expect(localeHelp(20, 'the explanation').split('\n')).toEqual([
      '  --locale <ja|en>  language of the explanation (default: ja)',
      '  --lang <ja|en>    alias of --locale',
    ]);
    expect(localeHelp(26, 'the basis labels').split('\n')[0]).toBe(
      `  ${'--locale <ja|en>'.padEnd(24)}language of the basis labels (default: ja)`,
    );
  });
});
