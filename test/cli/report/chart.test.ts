import { describe, expect, it } from 'vitest';
import { barChart, CHART, yAxis } from '../../../src/cli/report/chart.js';
import type { MonthCount } from '../../../src/cli/report/forecast.js';

const TEXTS = { title: 'Due per month', x: 'month (JST)', y: 'records' };

/** The bars of a chart: each `<rect class="bar">`'s month, count and height. */
const bars = (svg: string) =>
  [...svg.matchAll(/<rect class="bar" data-month="([^"]*)" data-count="(\d+)"[^>]* height="([\d.]+)"/g)].map(
    ([, month, count, height]) => ({ month, count: Number(count), height: Number(height) }),
  );

describe('yAxis', () => {
  it('steps by 1, 2 or 5 times a power of ten, at most five intervals, never below 1', () => {
    expect(yAxis(0)).toEqual({ step: 1, top: 1 });
    expect(yAxis(1)).toEqual({ step: 1, top: 1 });
    expect(yAxis(4)).toEqual({ step: 1, top: 4 });
    expect(yAxis(7)).toEqual({ step: 2, top: 8 });
    expect(yAxis(10)).toEqual({ step: 2, top: 10 });
    expect(yAxis(1234)).toEqual({ step: 500, top: 1500 });
    expect(yAxis(1_000_000)).toEqual({ step: 200_000, top: 1_000_000 });
  });
});

describe('barChart', () => {
  const months: MonthCount[] = [
    { month: '2022-01', count: 1 },
    { month: '2022-02', count: 0 },
    { month: '2022-03', count: 4 },
    { month: '2022-04', count: 3 },
  ];
  const svg = barChart(months, TEXTS);

  it('draws one bar per month, with its month and count as data attributes, a bar of no count included', () => {
    expect(bars(svg).map(({ month, count }) => [month, count])).toEqual(
      months.map((m) => [m.month, m.count]),
    );
  });

  it('makes each bar as high as its count in the scale of the y axis', () => {
    const plot = CHART.height - CHART.top - CHART.bottom;
    for (const bar of bars(svg)) expect(bar.height).toBeCloseTo((bar.count / 4) * plot, 1);
  });

  it('labels the months, the y ticks, both axes and the title', () => {
    for (const month of ['2022-01', '2022-04'])
      expect(svg).toContain(`rotate(-45)" text-anchor="end">${month}<`);
    for (const tick of [0, 1, 2, 3, 4]) expect(svg).toMatch(new RegExp(`class="tick"[^>]*>${tick}</text>`));
    expect(svg).toContain('<title id="chart-title">Due per month</title>');
    expect(svg).toContain('>month (JST)</text>');
    expect(svg).toContain('>records</text>');
  });

  it('writes large counts with thousands separators, data-count as a plain number', () => {
    const big = barChart([{ month: '2022-03', count: 17_280 }], TEXTS);
    expect(big).toContain('data-count="17280"');
    expect(big).toMatch(/class="tick"[^>]*>20,000<\/text>/);
    expect(big).toMatch(/class="count"[^>]*>17,280<\/text>/);
  });

  it('escapes its texts', () => {
    const hostile = barChart([{ month: '<b>', count: 1 }], { title: '<script>', x: '&', y: '"' });
    expect(hostile).not.toMatch(/<script>|<b>/);
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('data-month="&lt;b&gt;"');
  });

  it('draws empty bars on a 0–1 axis when nothing falls due', () => {
    const empty = barChart([{ month: '2022-01', count: 0 }], TEXTS);
    expect(bars(empty)).toEqual([{ month: '2022-01', count: 0, height: 0 }]);
  });
});
