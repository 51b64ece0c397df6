/**
 * The retention forecast as an inline SVG bar chart: one bar per month, labelled axes, ticks, a title.
 *
 * @module
 */
import { escapeHtml } from './escape.js';
import type { MonthCount } from './forecast.js';

/** The chart's geometry, in SVG user units. */
export const CHART = { width: 1000, height: 380, left: 72, right: 16, top: 44, bottom: 84 } as const;

/**
 * The y axis for counts up to `max`: a step of 1, 2 or 5 times a power of ten giving at most five intervals (never
 * below 1: counts are whole), and the top tick, the smallest multiple of the step at or above `max` (1 when all
 * counts are 0).
 *
 * @example
 * yAxis(0) //=> { step: 1, top: 1 }
 * yAxis(7) //=> { step: 2, top: 8 }
 * yAxis(1234) //=> { step: 500, top: 1500 }
 */
export function yAxis(max: number): { step: number; top: number } {
  if (max <= 0) return { step: 1, top: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude);
  return { step, top: Math.ceil(max / step) * step };
}

const fixed = (n: number): string => String(Math.round(n * 100) / 100);
// Tick and bar labels with thousands separators (17,280), the same in both locales; data-count stays a plain number.
const count = (n: number): string => n.toLocaleString('en-US');

/** The chart's texts: its title and the two axis labels. */
export interface ChartTexts {
  readonly title: string;
  readonly x: string;
  readonly y: string;
}

/**
 * An SVG bar chart of counts per month: each bar a `<rect class="bar">` with `data-month` and `data-count`, its
 * height proportional to its count (0 for none, but present, so every month has its bar); the x axis labelled
 * with the months, the y axis with ticks; the title as `<title>` and as visible text. All text is escaped.
 *
 * @example
 * barChart([{ month: '2022-04', count: 3 }], { title: 'Due', x: 'month', y: 'records' })
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" … <rect class="bar" data-month="2022-04" data-count="3" …'
 */
export function barChart(months: readonly MonthCount[], texts: ChartTexts): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const baseY = top + plotH;
  const axis = yAxis(Math.max(0, ...months.map((m) => m.count)));
  const band = plotW / Math.max(1, months.length);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="chart-title">${escapeHtml(texts.title)}</title>`,
    `<text class="title" x="${width / 2}" y="20" text-anchor="middle">${escapeHtml(texts.title)}</text>`,
  ];
  for (let v = 0; v <= axis.top; v += axis.step) {
    const y = fixed(baseY - (v / axis.top) * plotH);
    out.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${count(v)}</text>`,
    );
  }
  for (const [i, m] of months.entries()) {
    const h = (m.count / axis.top) * plotH;
    const x = left + i * band + band * 0.15;
    const cx = fixed(left + (i + 0.5) * band);
    out.push(
      `<rect class="bar" data-month="${escapeHtml(m.month)}" data-count="${m.count}" x="${fixed(x)}" y="${fixed(baseY - h)}" width="${fixed(band * 0.7)}" height="${fixed(h)}"><title>${escapeHtml(`${m.month}: ${count(m.count)}`)}</title></rect>`,
      `<text class="month" transform="translate(${cx},${baseY + 14}) rotate(-45)" text-anchor="end">${escapeHtml(m.month)}</text>`,
    );
    if (m.count > 0)
      out.push(
        `<text class="count" x="${cx}" y="${fixed(baseY - h - 4)}" text-anchor="middle">${count(m.count)}</text>`,
      );
  }
  out.push(
    `<line class="axis" x1="${left}" x2="${width - right}" y1="${baseY}" y2="${baseY}"/>`,
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${baseY}"/>`,
    `<text class="axis-label" x="${left + plotW / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(texts.x)}</text>`,
    `<text class="axis-label" transform="translate(16,${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(texts.y)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
