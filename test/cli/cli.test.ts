import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DecisionRequest, decide, explain } from 'm2m-data-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cwd } from './runCli.js';

const SAMPLE = 'examples/data/sample-records.ndjson';
const AT = '2021-06-01T10:00:00+09:00';
const COMMANDS = ['check', 'retention', 'explain', 'period', 'table', 'diff', 'report'];
const SAMPLE_IDS = [
  'kanto-sub-07/leak/2021-03-15T10:00',
  'kanto-sub-07/outage/2021-05-20T02:13',
  'kanto-sub-07/door-camera/2021-05-20T02:20',
  'kanto-sub-07/leak-trend/2021-Q1',
  'kanto-sub-07/site-visits/2021-05',
  'C-2019-0042/contact/maintenance-lead',
];

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const sample = readFileSync(join(cwd, SAMPLE), 'utf8');
const sampleLine = (n: number): string => sample.split('\n')[n - 1] ?? '';

let dir: string;
const temp = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// The build itself runs once, before every test file, in test/globalSetup.ts.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'm2m-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('m2m-data-policy', () => {
  it('prints its help with every command, and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toContain(`  ${command} `);
    expect(r.stdout).toContain('Exit codes: 0 done; 1 a request was denied');
  });

  it('says in its help that output is Japanese by default, --locale en, --lang its alias, messages English', async () => {
    const { stdout } = await cli(['--help']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('is Japanese by default, as the library');
    expect(text).toContain(
      '--locale en gives English (--lang is an alias of --locale; given both, they must agree)',
    );
    expect(text).toContain("The tool's own messages");
    expect(text).toContain('are always English');
    expect(text).not.toMatch(/--lang ja|unless --lang/);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each(COMMANDS)('prints the help of %s with --help and with help', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: m2m-data-policy ${name} `));
    expect(r.stdout).toContain('Exit codes:');
    expect((await cli(['help', name])).stdout).toBe(r.stdout);
  });

  it('refuses a missing or unknown command with exit 2', async () => {
    expect(await cli([])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage:') });
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown command 'frobnicate'; commands: ${COMMANDS.join(', ')}`);
  });
});

describe.concurrent('check', () => {
  it('writes one JSON decision per record, in input order, with labels and codes but no payload', async () => {
    const r = await cli([
      'check',
      SAMPLE,
      '--action',
      'use',
      '--purpose',
      'service-analysis',
      '--at',
      AT,
      '--locale',
      'en',
    ]);
    expect(r.code).toBe(0);
    const decisions = jsonLines(r.stdout);
    expect(decisions.map((d) => d.id)).toEqual(SAMPLE_IDS);
    expect(decisions.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(decisions[0]).toEqual({
      line: 1,
      id: 'kanto-sub-07/leak/2021-03-15T10:00',
      effect: 'permit',
      terms: '2020-12-01',
      basis: ['Terms (2020-12-01) Art. 13(3)(1)イ'],
      reasons: ['use-for-service-analysis'],
      obligations: ['use-within-purpose'],
    });
    // User information is used within the privacy policy's purposes only (31(1)).
    expect(decisions[5]).toMatchObject({
      effect: 'deny',
      reasons: ['user-information-beyond-privacy-policy'],
    });
    expect(r.stdout).not.toMatch(/12\.4|"mA"|contractId|receivedAt/);
    expect(r.stderr).toBe('check: 6 records decided (5 permit, 1 deny), 0 malformed lines\n');
  });

  it('reads stdin when given no path or -', async () => {
    const args = ['--action', 'license', '--recipient', 'third-party', '--at', AT];
    const fromFile = await cli(['check', SAMPLE, ...args]);
    expect(await cli(['check', ...args], sample)).toEqual(fromFile);
    expect(await cli(['check', '-', ...args], sample)).toEqual(fromFile);
    expect(jsonLines(fromFile.stdout)[0]).toMatchObject({
      effect: 'deny',
      reasons: ['raw-measurement-data-may-not-leave'],
    });
  });

  it('adds the deletion due date of a retain permit (13(4))', async () => {
    const r = await cli(['check', SAMPLE, '--action', 'retain', '--at', AT]);
    expect(jsonLines(r.stdout)[0]).toMatchObject({
      effect: 'permit',
      obligations: ['delete-when-retention-ends'],
      dueAt: '2022-03-16T00:00:00+09:00',
    });
  });

  it('exits 1 with --fail-on-deny when a request is denied, and 0 when none is', async () => {
    const deny = await cli([
      'check',
      SAMPLE,
      '--action',
      'use',
      '--purpose',
      'marketing',
      '--at',
      AT,
      '--fail-on-deny',
    ]);
    expect(deny.code).toBe(1);
    expect(jsonLines(deny.stdout)).toHaveLength(6);
    expect((await cli(['check', SAMPLE, '--action', 'use', '--purpose', 'marketing', '--at', AT])).code).toBe(
      0,
    );
    expect((await cli(['check', SAMPLE, '--action', 'retain', '--at', AT, '--fail-on-deny'])).code).toBe(0);
  });

  it('reports malformed lines with their numbers and issues, decides the rest, and exits 2', async () => {
    const input = [
      sampleLine(1),
      '{"kind": "measurement", oops',
      '',
      '{"kind":"measurement","id":"m-x","contractId":"C-1","metric":"leakage-current","personalData":"none",' +
        '"measuredAt":"2021-03-15T09:59:30+09:00","receivedAt":"2021-03-15T10:00:00"}',
      '42',
      sampleLine(6),
    ].join('\n');
    const r = await cli([
      'check',
      temp('malformed.ndjson', input),
      '--action',
      'use',
      '--purpose',
      'marketing',
    ]);
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout).map((d) => [d.line, d.id])).toEqual([
      [1, SAMPLE_IDS[0]],
      [6, SAMPLE_IDS[5]],
    ]);
    const stderr = r.stderr.trimEnd().split('\n');
    expect(stderr[0]).toBe('line 2: invalid JSON at character 25: unexpected character');
    expect(stderr[1]).toMatch(/^line 4: invalid record: receivedAt: .* \[timestamp-without-offset\]$/);
    expect(stderr[2]).toMatch(/^line 5: invalid record: \(root\): .* \[invalid-type\]$/);
    expect(stderr[3]).toBe('check: 2 records decided (0 permit, 2 deny), 3 malformed lines');
    // Malformed input outranks a deny.
    expect(
      (await cli(['check', '--action', 'use', '--purpose', 'marketing', '--fail-on-deny'], input)).code,
    ).toBe(2);
  });

  it.each([
    [['--purpose', 'x'], '--action is required'],
    [
      ['--action', 'sell'],
      '--action must be one of use, process, disclose, transfer, license, sublicense, retain',
    ],
    [['--action', 'use'], '--purpose is required to use data'],
    [['--action', 'disclose'], '--recipient is required to disclose'],
    [['--action', 'disclose', '--recipient', 'anyone'], '--recipient must be one of user, provider'],
    [['--action', 'process', '--actor', 'auditor'], '--actor must be one of user, provider, subcontractor'],
    [
      ['--action', 'process', '--at', '2021-06-01T10:00:00'],
      "--at '2021-06-01T10:00:00': The date-time has no offset",
    ],
    [['--action', 'process', '--at', '2021-02-29T10:00:00+09:00'], '[impossible-date]'],
    [['--action', 'process', '--at', '9999-12-31T23:59:59.999-23:59'], '[instant-out-of-range]'],
    [
      ['--action', 'process', '--max-line-bytes', '0'],
      '--max-line-bytes must be a whole number of bytes from 1',
    ],
    [['--action', 'process', '--max-line-bytes', '1e6'], "not '1e6'"],
    [['--action', 'process', '--max-line-bytes', '9999999999'], "not '9999999999'"],
    [['--action', 'process', '--at', '2016-06-01T10:00:00+09:00'], 'No terms version is in force'],
    [['--action', 'process', '--locale', 'fr'], "--locale must be one of ja, en, not 'fr'"],
    [['--action', 'process', '--lang', 'fr'], "--lang must be one of ja, en, not 'fr'"],
    [['--action', 'process', '--locale', 'ja', '--lang', 'en'], '--locale ja and --lang en disagree'],
    [['--action', 'process', '--verbose'], "Unknown option '--verbose'"],
    [['--action', 'process', 'a.ndjson', 'b.ndjson'], 'expected one input, got 2'],
  ])('refuses bad arguments %j with exit 2 before reading input', async (args, message) => {
    const r = await cli(['check', ...args], sample);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^m2m-data-policy check: /);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Run 'm2m-data-policy check --help' for usage.");
  });

  it('reads --at with the library parser: lower-case t and z and a comma fraction are accepted', async () => {
    const r = await cli(['check', SAMPLE, '--action', 'process', '--at', '2021-06-01t01:00:00,5z']);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((d) => d.id)).toEqual(SAMPLE_IDS);
    expect(r.stderr).toBe('check: 6 records decided (5 permit, 1 deny), 0 malformed lines\n');
  });

  it('refuses an input file that does not exist with exit 2', async () => {
    const r = await cli(['check', join(dir, 'missing.ndjson'), '--action', 'process']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read '.*missing\.ndjson': no such file/);
  });
});

describe.concurrent('retention', () => {
  it('prints the kept / extended / expired counts and the earliest due date of kept records', async () => {
    const r = await cli(['retention', SAMPLE, '--at', '2022-03-16T00:00:00+09:00']);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'Retention at 2022-03-16T00:00:00+09:00',
        'state      records  earliest due',
        'kept             5  2022-05-21T00:00:00+09:00',
        'extended         0  -',
        'expired          1  -',
        'malformed        0',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('lists the expired records with --list, and counts extended ones', async () => {
    const extended = JSON.stringify({
      ...(JSON.parse(sampleLine(2)) as object),
      id: 'm-extended',
      measuredAt: '2021-03-01T09:59:00+09:00',
      receivedAt: '2021-03-01T10:00:00+09:00',
      retentionExtensions: [
        {
          decidedAt: '2022-02-20T09:00:00+09:00',
          reason: 'fault investigation',
          until: '2022-09-01T00:00:00+09:00',
        },
      ],
    });
    const r = await cli(
      ['retention', '-', '--at', '2022-03-16T00:00:00+09:00', '--list'],
      `${sample}${extended}\n`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extended         1  2022-09-01T00:00:00+09:00\n');
    expect(r.stdout).toContain(
      '\nExpired (1): id, end of holding\nkanto-sub-07/leak/2021-03-15T10:00\t2022-03-16T00:00:00+09:00\n',
    );
  });

  it('counts malformed lines in the table, reports them, and exits 2', async () => {
    const r = await cli(['retention', '--at', '2022-03-16T00:00:00+09:00'], `${sample}[]\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('kept             5');
    expect(r.stdout).toContain('malformed        1\n');
    expect(r.stderr).toMatch(/^line 7: invalid record: \(root\): .*\[invalid-type\]\n$/);
  });

  it('refuses an --at without a time or an offset with exit 2, with the code of the instant parser', async () => {
    const r = await cli(['retention', SAMPLE, '--at', '2022-03-16']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--at '2022-03-16': Expected an ISO-8601 date-time");
    expect(r.stderr).toContain('[invalid-timestamp]');
  });

  it('refuses an --at after the year 9999 once its offset is applied with exit 2 [instant-out-of-range]', async () => {
    const r = await cli(['retention', SAMPLE, '--at', '9999-12-31T23:59:59.999-23:59']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain("--at '9999-12-31T23:59:59.999-23:59': ");
    expect(r.stderr).toContain('[instant-out-of-range]');
  });

  it('streams a large input without drawing progress when stderr is not a terminal', async () => {
    const line = sampleLine(1);
    const path = temp('large.ndjson', `${line}\n`.repeat(100_001));
    const r = await cli(['retention', path, '--at', '2022-03-16T00:00:00+09:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('expired     100001  -');
    expect(r.stderr).toBe('');
  }, 20_000);
});

const REQUEST = {
  action: 'license',
  recipient: 'third-party',
  at: AT,
  data: JSON.parse(sampleLine(1)) as object,
};

describe.concurrent('explain', () => {
  it('explains an inline JSON request in English with --locale en', async () => {
    const r = await cli(['explain', JSON.stringify(REQUEST), '--locale', 'en']);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'Deny — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST',
        'Basis:',
        '  - Terms (2020-12-01) Art. 13(3)(4) (Use of measurement data)',
        'Reasons:',
        '  - The provider may not disclose, transfer or license unprocessed measurement data to others; only derived data may leave. [raw-measurement-data-may-not-leave]',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('explains in Japanese by default, from a file or stdin alike', async () => {
    const inline = await cli(['explain', JSON.stringify(REQUEST)]);
    expect(inline.stdout).toMatch(/^不許可 — 規約\(2020-12-01\)による判断、2021-06-01 10:00:00 JST\n/);
    expect(await cli(['explain', temp('request.json', JSON.stringify(REQUEST))])).toEqual(inline);
    expect(await cli(['explain', '-'], JSON.stringify(REQUEST))).toEqual(inline);
  });

  it('exits 1 for a deny with --fail-on-deny', async () => {
    expect((await cli(['explain', JSON.stringify(REQUEST), '--fail-on-deny'])).code).toBe(1);
    const permit = { ...REQUEST, action: 'process' };
    expect((await cli(['explain', JSON.stringify(permit), '--fail-on-deny'])).code).toBe(0);
  });

  it('reports every problem of a malformed request with its path, and exits 2', async () => {
    const r = await cli([
      'explain',
      JSON.stringify({ action: 'disclose', data: { kind: 'measurement', id: 'm-1' } }),
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('m2m-data-policy explain: invalid request:\n');
    expect(r.stderr).toMatch(/ {2}data\.receivedAt: .* \[invalid-type\]\n/);
    expect(r.stderr).toMatch(/ {2}recipient: .* \[recipient-required\]\n/);
  });

  it('refuses text that is not JSON, and a file that does not exist, with exit 2', async () => {
    expect(await cli(['explain', '{"action":'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the request from argument is not JSON'),
    });
    expect(await cli(['explain', join(dir, 'nope.json')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read'),
    });
  });
});

describe.concurrent('period', () => {
  it('prints the first day, the last day and the exclusive end in JST (Civil Code 140, 141, 143)', async () => {
    expect(await cli(['period', '2021-03-15T10:00:00+09:00', '--years', '1'])).toEqual({
      code: 0,
      stdout: [
        'first day  2021-03-16',
        'last day   2022-03-15',
        'ends at    2022-03-16T00:00:00+09:00 (exclusive: 00:00 JST after the last day)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('ends a year from a leap day on the last day of February (143(2))', async () => {
    const r = await cli(['period', '2024-02-28T10:00:00+09:00', '--years', '1']);
    expect(r.stdout).toContain(
      'first day  2024-02-29\nlast day   2025-02-28\nends at    2025-03-01T00:00:00+09:00',
    );
  });

  it('reads a start in the other forms RFC 3339 allows (lower-case t and z, a comma fraction)', async () => {
    const r = await cli(['period', '2021-03-15t15:30:00,250z', '--days', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('first day  2021-03-17\nlast day   2021-03-17\n');
  });

  it('reads a start in another offset in Japan time, and mixes units', async () => {
    const r = await cli(['period', '2021-03-15T15:30:00Z', '--months', '1', '--days', '3']);
    expect(r.stdout).toContain('first day  2021-03-17\nlast day   2021-04-19\n');
  });

  it.each([
    [[], 'a start is required'],
    [['2021-03-15T10:00:00'], "<start> '2021-03-15T10:00:00': The date-time has no offset"],
    [['9999-12-31T23:59:59.999-23:59', '--days', '1'], '[instant-out-of-range]'],
    [['2021-03-15T10:00:00+09:00'], 'give a length'],
    [['2021-03-15T10:00:00+09:00', '--days', '0'], 'A period needs a positive length'],
    [['2021-03-15T10:00:00+09:00', '--days', 'two'], "--days must be a whole number, not 'two'"],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await cli(['period', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

// One default language, Japanese (the library's), and one flag, --locale, with --lang its alias, in every command
// whose output has words in a language. table, diff and report build the shipped versions' tables: seconds each.
const EPOCH = '1796083200';
const LOCALIZED: readonly (readonly [string, readonly string[]])[] = [
  ['check', ['check', SAMPLE, '--action', 'license', '--recipient', 'third-party', '--at', AT]],
  ['explain', ['explain', JSON.stringify(REQUEST)]],
  ['table', ['table', '2017-04-01']],
  ['diff', ['diff', '2017-04-01', '2020-12-01']],
  ['report', ['report', '--at', AT]],
];
/** Runs each command of {@link LOCALIZED} with `extra` after its arguments, the report made at a fixed time. */
const runEach = (extra: readonly string[]) =>
  Promise.all(
    LOCALIZED.map(([, args]) => cli([...args, ...extra], '', { env: { SOURCE_DATE_EPOCH: EPOCH } })),
  );

describe.concurrent('the language of the output', { timeout: 60_000 }, () => {
  it('uses Japanese by default in every command, as the library does', async () => {
    const [check, explained, table, diff, report] = await runEach([]);
    // check and explain write what the library's decide and explain give, neither told a locale.
    const decision = decide(REQUEST as DecisionRequest);
    expect(jsonLines(check?.stdout ?? '')[0]?.basis).toEqual(decision.basis.map((c) => c.label));
    expect(jsonLines(check?.stdout ?? '')[0]?.basis).toEqual(['規約(2020-12-01)第13条第3項第4号']);
    expect(explained?.stdout).toBe(`${explain(decision)}\n`);
    expect(explained?.stdout).toMatch(/^不許可 — 規約\(2020-12-01\)による判断/);
    expect(table?.stdout.split('\n')[0]).toBe('# 規約(2017-04-01)の判断表');
    expect(diff?.stdout.split('\n')[0]).toBe('# 規約(2017-04-01)から規約(2020-12-01)への変更');
    expect(report?.stdout.startsWith('<!doctype html>\n<html lang="ja">')).toBe(true);
    expect(report?.stdout).toContain('<h1>M2Mセンサネットサービス規約 判断レポート</h1>');
    expect([check, explained, table, diff, report].map((r) => r?.code)).toEqual([0, 0, 0, 0, 0]);
    // The tool's own messages stay English.
    expect(check?.stderr).toBe('check: 6 records decided (1 permit, 5 deny), 0 malformed lines\n');
  });

  it('takes --locale en and its alias --lang en', async () => {
    const [locale, lang] = await Promise.all([runEach(['--locale', 'en']), runEach(['--lang', 'en'])]);
    expect(lang).toEqual(locale);
    const [check, explained, table, diff, report] = locale.map((r) => r.stdout);
    expect(jsonLines(check ?? '')[0]?.basis).toEqual(['Terms (2020-12-01) Art. 13(3)(4)']);
    expect(explained).toMatch(/^Deny — decided under the 2020-12-01 terms/);
    expect(table?.split('\n')[0]).toBe('# Decision table of the 2017-04-01 terms');
    expect(diff?.split('\n')[0]).toBe('# Changes from the 2017-04-01 terms to the 2020-12-01 terms');
    expect(report?.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(locale.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    // Both may be given when they agree.
    const both = await cli(['explain', JSON.stringify(REQUEST), '--lang', 'en', '--locale', 'en']);
    expect(both).toEqual(locale[1]);
  });

  it.each(LOCALIZED)('refuses --locale fr with exit 2: %s', async (name, args) => {
    for (const option of ['--locale', '--lang']) {
      const r = await cli([...args, option, 'fr'], sample);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `m2m-data-policy ${name}: ${option} must be one of ja, en, not 'fr'\nRun 'm2m-data-policy ${name} --help' for usage.\n`,
      });
    }
  });

  it.each(LOCALIZED)('refuses --locale ja --lang en with exit 2: %s', async (name, args) => {
    for (const options of [
      ['--locale', 'ja', '--lang', 'en'],
      ['--lang', 'en', '--locale', 'ja'],
    ]) {
      const r = await cli([...args, ...options], sample);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `m2m-data-policy ${name}: --locale ja and --lang en disagree (--lang is an alias of --locale)\nRun 'm2m-data-policy ${name} --help' for usage.\n`,
      });
    }
  });

  it.each([
    ['retention', [SAMPLE, '--at', '2022-03-16T00:00:00+09:00']],
    ['period', ['2021-03-15T10:00:00+09:00', '--years', '1']],
  ])('gives no --locale to %s, whose words are the same in any case', async (name, args) => {
    const r = await cli([name, ...args, '--locale', 'ja']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(`m2m-data-policy ${name}: Unknown option '--locale'`);
    expect((await cli([name, '--help'])).stdout).not.toContain('--locale');
  });
});
