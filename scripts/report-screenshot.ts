import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from './chromium.js';

/**
 * `npm run screenshot:report`: renders the HTML report of examples/netsvc with the built CLI and
 * writes docs/report-screenshot.png (down to the per-feature details) with headless Chromium (see
 * scripts/chromium.ts).
 */
const root = packageRoot();
const out = join(root, 'docs', 'report-screenshot.png');
if (!chromiumInstalled()) {
  process.stderr.write(`report-screenshot: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'lifecycle-report-'));
const html = join(dir, 'report.html');
try {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'report', '--cwd', 'examples/netsvc', '--format', 'html', '--output', html], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`lifecycle report exited ${run.status}: ${run.stderr}`);
  const browser = await launchChromium({ width: 1280, height: 900 });
  try {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(html).href);
    // Summary, feature table, timeline and CI strips; the per-feature details below are left out (file size).
    const height = await page.evaluate(() => document.getElementById('details')?.getBoundingClientRect().top ?? document.body.scrollHeight);
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(height) } });
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
