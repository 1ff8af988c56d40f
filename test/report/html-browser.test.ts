import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, type Chromium } from '../../scripts/chromium.js';
import { REPO_ROOT, fixture, runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * The HTML report in real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * it renders without console errors and without any request but the file itself, sorting works,
 * and a screenshot is written to test-results/report-html/ as an artifact.
 */
const installed = chromiumInstalled();
const ARTIFACTS = join(REPO_ROOT, 'test-results', 'report-html');
const SKIP = `SKIPPED: no Chromium at ${CHROMIUM_PATH} (install it: apt-get install -y chromium)`;
if (!installed) process.stderr.write(`test/report/html-browser.test.ts: ${SKIP}\n`);

describe.runIf(installed)('the HTML report in headless Chromium', () => {
  let chromium: Chromium;
  beforeAll(async () => {
    chromium = await launchChromium({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  /** Writes the report of `cwd` to a temp file and opens it; fails on console errors, page errors and requests. */
  async function open(cwd: string) {
    const dir = tempProject({ '.keep': '' });
    const file = join(dir, 'report.html');
    const run = runLifecycle(['report', '--cwd', cwd, '--format', 'html', '--output', file]);
    expect(run.stderr).toBe('');
    const url = pathToFileURL(file).href;
    const page = await chromium.context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, problems };
  }

  const rowOrder = (page: Awaited<ReturnType<typeof open>>['page']) =>
    page.$$eval('#feature-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-feature')));

  it('renders examples/netsvc with no console errors and no request but the file itself; screenshot artifact', async () => {
    const { page, url, requests, problems } = await open(join(REPO_ROOT, 'examples', 'netsvc'));
    expect(await page.title()).toBe('Release review: netsvc 2026.2');
    expect(await page.locator('#feature-table tbody tr').count()).toBe(3);
    // The charts are drawn: timeline bars and a day strip of 30 cells per CI system.
    const timeline = await page.locator('svg.timeline').boundingBox();
    expect(timeline!.width).toBeGreaterThan(300);
    expect(await page.locator('svg.timeline rect.bar').count()).toBe(2);
    expect(await page.locator('svg.strip').count()).toBe(2);
    expect(await page.locator('svg.strip').first().locator('rect.day').count()).toBe(30);
    expect(await page.locator('#ci h3').allTextContents()).toEqual(['broken-ci not-yet', 'healthy-ci grant']);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'netsvc.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('sorts the feature table by a clicked column header, and reverses on a second click', async () => {
    const { page, url, requests, problems } = await open(fixture('report-states'));
    // Review order first: overdue, due next, on track, unknown, then stable and removed.
    expect(await rowOrder(page)).toEqual(['abandoned', 'late', 'ready', 'lastchance', 'ripe', 'unready', 'fresh', 'renewed', 'undated', 'settled', 'gone', 'retired']);
    const header = page.locator('#feature-table thead th', { hasText: 'Feature' });
    await header.locator('button').click();
    const ascending = await rowOrder(page);
    expect(ascending).toEqual([...ascending].sort());
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.locator('button').click();
    expect(await rowOrder(page)).toEqual([...ascending].reverse());
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    // A numeric column: errors, ascending; ties keep the review order.
    const errors = page.locator('#feature-table thead th', { hasText: 'Errors' });
    await errors.locator('button').click();
    const counts = await page.$$eval('#feature-table tbody tr', (rows) => rows.map((row) => Number((row as HTMLTableRowElement).cells[11]!.textContent)));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(await header.getAttribute('aria-sort')).toBeNull();
    expect(await rowOrder(page)).toEqual(['ripe', 'fresh', 'renewed', 'undated', 'gone', 'retired', 'ready', 'lastchance', 'abandoned', 'late', 'unready', 'settled']);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-states-sorted.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  });
});

// Without Chromium the suite above is not run; this one skipped test says why in the summary.
if (!installed) it.skip(SKIP, () => {});
