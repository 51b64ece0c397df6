import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run demo`, the README's first command, shows the whole job of a service on the bundled data, in Japanese and
// English: the 31(2) gate on receipt, analysis, licensing derived data, the retention sweep with due dates, and one
// decision explained.

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
  cwd,
  encoding: 'utf8',
});

describe('the demo', () => {
  it('shows every step of the job in Japanese, then in English', () => {
    for (const heading of [
      '1. 受信時の関門（第31条第2項）',
      '2. 分析',
      '3. 派生データを第三者に',
      '4. 保有期間の整理',
      '5. 判断の説明',
    ])
      expect(output).toContain(heading);
    for (const heading of [
      '1. The gate on receipt (31(2))',
      '2. Analysis',
      '3. Licensing derived data',
      '4. The retention sweep',
      '5. One decision explained',
    ])
      expect(output).toContain(heading);
    expect(output.indexOf('1. 受信時の関門')).toBeLessThan(output.indexOf('1. The gate on receipt'));
  });

  it('refuses the door camera’s image at the gate: the written consent came five days after it (31(2))', () => {
    expect(output).toMatch(/✘ kanto-sub-07\/door-camera\/2021-05-20T02:20: 拒否/);
    expect(output).toMatch(/✘ kanto-sub-07\/door-camera\/2021-05-20T02:20: refused/);
    // What the gate refused is neither analysed nor swept.
    expect(output).not.toMatch(/door-camera\/2021-05-20T02:20 — /);
  });

  it('gives due dates in JST and the Japanese part in Japanese: obligation messages, not codes; the version once per cell', () => {
    expect(output).toContain(
      '期間満了（削除）: kanto-sub-07/leak/2021-03-15T10:00 (期限 2022-03-16 00:00 JST)',
    );
    const japanese = output.slice(0, output.indexOf('M2M Sensor Net Service terms'));
    expect(japanese).not.toMatch(/use-within-purpose|delete-when-retention-ends/);
    for (const line of japanese.split('\n'))
      expect(line.split('規約(2020-12-01)').length).toBeLessThanOrEqual(2);
  });

  it('counts in its title the records it uses', () => {
    expect(output).toContain('同梱のサンプル 6 件');
    expect(output).toContain('the 6 bundled sample records');
  });
});
