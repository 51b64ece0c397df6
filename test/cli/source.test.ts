import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { MAX_LINE_BYTES_CEILING } from '../../src/cli/lineSplitter.js';
import { maxLineBytesOption } from '../../src/cli/source.js';

describe('maxLineBytesOption', () => {
  it('reads a whole number of bytes, 1 MiB when the option is absent', () => {
    expect(maxLineBytesOption(undefined)).toBe(1_048_576);
    expect(maxLineBytesOption('1')).toBe(1);
    expect(maxLineBytesOption('4194304')).toBe(4_194_304);
    expect(maxLineBytesOption(String(MAX_LINE_BYTES_CEILING))).toBe(MAX_LINE_BYTES_CEILING);
  });

  it.each(['0', '-1', '1.5', '1e6', '4 MB', '', String(MAX_LINE_BYTES_CEILING + 1), '99999999999'])(
    'refuses %j, naming the option and the range',
    (value) => {
      expect(() => maxLineBytesOption(value)).toThrow(UsageError);
      expect(() => maxLineBytesOption(value)).toThrow(
        `--max-line-bytes must be a whole number of bytes from 1 to ${MAX_LINE_BYTES_CEILING}, not '${value}'`,
      );
    },
  );
});
