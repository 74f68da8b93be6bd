// Profiles the page's main thread while it runs a program (a developer's tool, not a test):
// opens the playground from dist/, types the program, runs it as fast as possible, and prints
// the longest main-thread tasks and the functions that took the most self time (from Chromium's
// CPU profiler). Run after `trunk build --release`:
//
//   node tests/e2e/profile.mjs program.py [--python 3.9]
//
// DIST=dir serves another build (for function names: a build with data-wasm-opt="0" and
// data-keep-debug on the page's link in index.html).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, CHROMIUM_ARGS } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/e2e/profile.mjs program.py [--python MODE]');
  process.exit(2);
}
const python = rest[0] === '--python' ? rest[1] : null;

const site = await serve(process.env.DIST || path.join(ROOT, 'dist'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
// Times the page's handling of each report from the worker (the `onmessage` handler).
await page.addInitScript(() => {
  window.__reports = [];
  const Native = window.Worker;
  window.Worker = function (...args) {
    const w = new Native(...args);
    let handler = null;
    Object.defineProperty(w, 'onmessage', {
      set(f) {
        handler = f;
        w.__proto__.__lookupSetter__('onmessage').call(w, f && ((e) => {
          const t0 = performance.now();
          f(e);
          window.__reports.push([typeof e.data === 'string' ? e.data.length : 0, performance.now() - t0]);
        }));
      },
      get() { return handler; },
    });
    return w;
  };
  window.Worker.prototype = Native.prototype;
});
await page.goto(site.url + '#/play');
await page.waitForSelector('.cm-editor');
await page.click('.cm-content');
await page.keyboard.press('Control+A');
await page.keyboard.press('Delete');
await page.keyboard.insertText(fs.readFileSync(file, 'utf8'));
if (python) await page.selectOption('select[aria-label="Python"]', python);
await page.evaluate(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const started = Date.now();
await page.click('button.run');
await page.waitForSelector('.status.ok, .status.bad', { timeout: 600000 });
const wall = Date.now() - started;
const { profile } = await cdp.send('Profiler.stop');
const tasks = await page.evaluate(() => window.__tasks);
const reports = await page.evaluate(() => window.__reports);
const slowest = [...reports].sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log(`reports: ${reports.length}, ${(reports.reduce((a, r) => a + r[0], 0) / 1e6).toFixed(1)} MB of JSON; slowest to handle: ${slowest.map(([n, ms]) => `${ms.toFixed(0)} ms (${(n / 1e3).toFixed(0)} KB)`).join(', ')}`);
const segments = await page.getAttribute('canvas.tl-canvas', 'data-segments');

// Self time per function, from the sampled profile.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dts = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url || '')}`;
  self.set(name, (self.get(name) || 0) + (dts[i] || 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`run: ${wall} ms wall, ${segments} segments on the timeline`);
console.log(`long tasks (≥ 50 ms): ${tasks.length ? tasks.map((t) => t.toFixed(0)).join(', ') + ' ms' : 'none'}`);
console.log(`main-thread self time by function (of ${total.toFixed(0)} ms sampled):`);
for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
}
await browser.close();
site.close();
