// The report as a reader opens it: the built CLI writes it for the fixture, and Debian's Chromium (never a
// downloaded browser) loads it from disk through playwright-core. Skipped where /usr/bin/chromium is absent, unless
// M2M_BROWSER=1 says the browser must be there (CI): then it fails.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffTerms, type TermsDiff, terms20170401, terms20201201 } from 'm2m-data-policy';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cwd } from '../cli/runCli.js';
import { AT, HOSTILE_ID, MONTHS, RECORDS } from '../fixtures/report/expected.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.M2M_BROWSER === '1';
const SCREENSHOT = join(cwd, 'docs/report.png');
// The page says it was made at 2026-12-01T09:00:00+09:00, so the screenshot changes only when the report does.
const EPOCH = '1796083200';

describe.skipIf(!existsSync(CHROMIUM) && !REQUIRED)('the report in Chromium', { timeout: 60_000 }, () => {
  let dir: string;
  let url: string;
  let context: BrowserContext | undefined;
  let page: Page;
  let diff: TermsDiff;
  const requests: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'm2m-browser-'));
    const out = join(dir, 'report.html');
    process.env.SOURCE_DATE_EPOCH = EPOCH;
    // In English, as the chart's labels below and the screenshot in docs/ are.
    const written = cli(['report', RECORDS, '--at', AT, '--locale', 'en', '--out', out]);
    // Computed here while the child writes the report: what the page's counts table must show.
    diff = diffTerms(terms20170401, terms20201201);
    const run = await written;
    delete process.env.SOURCE_DATE_EPOCH;
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    url = pathToFileURL(out).href;

    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1600 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs in Debian's Chromium at /usr/bin/chromium", () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('loads with no console error, no failed request, and no request but the file itself', () => {
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('draws one bar per month, 18, as high as the fixture’s counts in one scale', async () => {
    const bars = await page.$$eval('svg rect.bar', (rects) =>
      rects.map((r) => ({
        month: r.getAttribute('data-month'),
        count: Number(r.getAttribute('data-count')),
        height: r.getBoundingClientRect().height,
      })),
    );
    expect(bars).toHaveLength(18);
    expect(bars.map((b) => [b.month, b.count])).toEqual(MONTHS);
    const unit = (bars.find((b) => b.count === 4)?.height ?? 0) / 4;
    expect(unit).toBeGreaterThan(10);
    for (const b of bars) expect(b.height).toBeCloseTo(b.count * unit, 0);
  });

  it('labels the chart: a title, both axes, the months and the ticks', async () => {
    const texts = await page.$$eval('svg text', (ts) => ts.map((t) => t.textContent));
    expect(texts).toContain('Measurement records falling due per month (JST), next 18 months');
    expect(texts).toContain('month (JST)');
    expect(texts).toContain('records falling due');
    for (const [month] of MONTHS) expect(texts).toContain(month);
    for (const tick of ['0', '1', '2', '3', '4']) expect(texts).toContain(tick);
  });

  it('shows the counts by article of diffTerms(terms20170401, terms20201201)', async () => {
    const rows = await page.$$eval('table.counts tbody tr', (trs) =>
      trs.map((tr) => ({
        article: tr.getAttribute('data-article'),
        counts: Object.fromEntries(
          [...tr.querySelectorAll('td[data-change]')].map((td) => [
            td.getAttribute('data-change'),
            Number(td.textContent),
          ]),
        ),
      })),
    );
    expect(rows).toEqual(
      diff.byArticle.map((g) => ({
        article: g.article === null ? 'none' : String(g.article),
        counts: { ...g.counts, total: g.cells.length },
      })),
    );
  });

  it('keeps the decision tables and the changed cells collapsed', async () => {
    const open = await page.$$eval('details', (ds) => ds.filter((d) => d.hasAttribute('open')).length);
    expect(open).toBe(0);
    expect(await page.locator('details[data-terms]').count()).toBe(2);
  });

  it('shows a hostile record id as text, running nothing', async () => {
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const openEnded = page.locator('#open-ended');
    await openEnded.locator('summary').click();
    expect(await openEnded.locator('li').allTextContents()).toEqual([HOSTILE_ID]);
    await openEnded.locator('summary').click();
  });

  it('saves a screenshot of the top of the page to docs/report.png', async () => {
    // Opening a section above may have scrolled the page; the picture is of its top.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
