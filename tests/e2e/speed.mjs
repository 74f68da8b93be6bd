// Wall time of measure.mjs's heavy run (three CPU-bound threads, 8.4 M instructions) in the
// simulation worker, repeated: compares the worker's speed between two builds, e.g. before and
// after a size optimisation. Prints each run and the minimum (the least disturbed by other
// load on the machine).
//
//   node tests/e2e/speed.mjs [DIST_DIR] [RUNS] [PROGRAM.py]
//
// With PROGRAM.py, that program runs instead (e.g. one that imports large library modules, to
// time the parser and the compiler).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, CHROMIUM_ARGS } from './server.mjs';
import { openPlayground, HEAVY_PROGRAM } from './playground.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const runs = Number(process.argv[3] || 5);
const site = await serve(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await openPlayground(browser, site.url, process.argv[4] ? fs.readFileSync(process.argv[4], 'utf8') : HEAVY_PROGRAM);
const times = [];
for (let i = 0; i < runs; i++) {
  const started = Date.now();
  await page.click('button.run');
  // The previous run's status stays until the new run reports, so wait for it to go first.
  await page.waitForFunction(() => !document.querySelector('.status.ok, .status.bad') || document.querySelector('.status.live'), null, { timeout: 300000 });
  await page.waitForSelector('.status.ok, .status.bad', { timeout: 300000 });
  times.push(Date.now() - started);
  await page.waitForTimeout(300);
}
await browser.close();
site.close();
console.log(`${dist}: runs ${times.join(' ')} ms; min ${Math.min(...times)} ms`);
