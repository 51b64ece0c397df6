import { describe, expect, it } from 'vitest';
import { cli } from './runCli.js';

// Malformed NDJSON lines as the built command meets them: not JSON. Each is reported on stderr with its line number
// and what is wrong — never its content — and the lines after it are read on.

const AT = '2021-06-01T10:00:00+09:00';
const CHECK = ['check', '--action', 'process', '--at', AT];

describe.concurrent('JSON errors', () => {
  const PERSONAL = [
    '{"id":"山田太郎 090-1234-5678",',
    '{"id":山田太郎 090-1234-5678}',
    '{"id":"山田太郎 090-1234-5678"}}',
    '{"id":"山田太郎\t090-1234-5678"}',
    '{"id":"山田太郎 \\q090-1234-5678"}',
    '{"id":"山田太郎 090-1234-5678',
  ];

  it('reports where and why a line is not JSON without quoting it: no name or phone number on stderr', async () => {
    const r = await cli(CHECK, `${PERSONAL.join('\n')}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/山|田|090|1234|5678/);
    expect(r.stderr.split('\n').slice(0, PERSONAL.length)).toEqual([
      'line 1: invalid JSON at character 28: unexpected end of input',
      'line 2: invalid JSON at character 7: unexpected character',
      'line 3: invalid JSON at character 28: trailing characters after the value',
      'line 4: invalid JSON at character 12: control character in string',
      'line 5: invalid JSON at character 13: bad escape',
      'line 6: invalid JSON at character 7: unterminated string',
    ]);
  });

  it('reports a request that is not JSON to explain without quoting it', async () => {
    const r = await cli(['explain', '{"action":"use","data":{"id":山田太郎 090-1234-5678}}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'm2m-data-policy explain: the request from argument is not JSON: at character 30: unexpected character\n',
    );
  });
});
