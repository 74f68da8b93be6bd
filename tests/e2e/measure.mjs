// Measures the built site (dist/): transfer sizes (raw, gzip, brotli; the first visit apart
// from the lesson data fetched when a lesson opens), time to interactive on
// localhost, and the longest main-thread task while a heavy program runs. Writes
// web/MEASUREMENTS.md. Run after `trunk build --release`:
//
//   node tests/e2e/measure.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, CHROMIUM_ARGS } from './server.mjs';
import { openPlayground, HEAVY_PROGRAM } from './playground.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// Sizes: raw, gzip (level 9) and brotli (quality 11, for hosts that serve it; the budget is in
// gzip) of each file.
function sizes(file) {
  const data = fs.readFileSync(file);
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: data.length, gz, br };
}

/// The table rows of the files directly in `dir`, and their totals.
function sizeTable(dir) {
  const files = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  const total = { raw: 0, gz: 0, br: 0 };
  const rows = files.map((f) => {
    const s = sizes(path.join(dir, f));
    total.raw += s.raw;
    total.gz += s.gz;
    total.br += s.br;
    return `| \`${f.replace(/-[0-9a-f]{16}(?=[._])/, '-…')}\` | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |`;
  });
  return { rows, total };
}

// What the first visit loads: the files at the top of dist/. Lesson data (dist/lessons/) is
// fetched only when a lesson opens, one file per lesson.
const initial = sizeTable(DIST);
const { raw: rawTotal, gz: gzTotal, br: brTotal } = initial.total;
const rows = initial.rows;
const lessonData = sizeTable(path.join(DIST, 'lessons'));
// What only some programs make the worker download: a library pack on the first import of one
// of its modules, a Unicode table for a \N{...} escape or a non-ASCII identifier.
const packs = sizeTable(path.join(DIST, 'library'));
const unicode = sizeTable(path.join(DIST, 'unicode'));
const everything = [lessonData, packs, unicode].reduce((sum, t) => sum + t.total.gz, gzTotal);

const site = await serve(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function timeTo(hash, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + hash);
  await page.waitForSelector(selector);
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

// Time to interactive: the median of 5 cold loads (a fresh context each: no cache).
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const home = [];
const play = [];
const lesson = [];
for (let i = 0; i < 5; i++) {
  home.push(await timeTo('#/', '.lesson-card'));
  play.push(await timeTo('#/play', '.cm-editor'));
  lesson.push(await timeTo('#/lesson/04-locks', '.example-card'));
}

// The longest main-thread task during a heavy run (three CPU-bound threads, as fast as
// possible, several seconds of simulation), from the Long Tasks API and from frame gaps.
const page = await openPlayground(browser, site.url, HEAVY_PROGRAM);
await page.evaluate(() => {
  window.__long = 0;
  window.__gap = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); })
    .observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const started = Date.now();
await page.click('button.run');
await page.waitForSelector('.status.ok, .status.bad', { timeout: 300000 });
const runMs = Date.now() - started;
const { long, gap, steps } = await page.evaluate(() => ({
  long: window.__long,
  gap: window.__gap,
  steps: document.querySelector('.report-stats div:nth-child(3) dd')?.textContent,
}));
// The timeline with many segments: ten threads sleeping 1,500 times each (about 30,000
// segments and 75,000 events), run as fast as possible, then 40 zoom steps with the wheel; the
// long tasks and frame gaps say whether the page keeps up and the redraw stays smooth.
await page.click('.cm-content');
await page.keyboard.press('Control+A');
await page.keyboard.press('Delete');
await page.keyboard.insertText('import threading, time\ndef worker():\n    for _ in range(1500):\n        time.sleep(0.001)\nts = [threading.Thread(target=worker) for _ in range(10)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint("done")\n');
await page.evaluate(() => { window.__long = 0; window.__gap = 0; });
await page.click('button.run');
await page.waitForSelector('.status.ok, .status.bad', { timeout: 300000 });
const busy = await page.evaluate(() => ({ long: window.__long, gap: window.__gap }));
const segments = Number(await page.getAttribute('canvas.tl-canvas', 'data-segments'));
await page.evaluate(() => { window.__long = 0; window.__gap = 0; });
const box = await page.locator('canvas.tl-canvas').boundingBox();
await page.mouse.move(box.x + box.width / 2, box.y + 40);
for (let i = 0; i < 40; i++) {
  await page.mouse.wheel(0, i < 20 ? -120 : 120);
  await page.waitForTimeout(25);
}
await page.waitForTimeout(200);
const redraw = await page.evaluate(() => ({ long: window.__long, gap: window.__gap }));
await browser.close();
site.close();

const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
const chromiumVersion = execSync(`${process.env.CHROMIUM || '/usr/bin/chromium'} --version`).toString().trim();
const ok = (cond) => (cond ? 'within budget' : '**over budget**');
const md = `# Web playground measurements

Written by \`node tests/e2e/measure.mjs\` (after \`trunk build --release\`) on commit \`${commit}\`,
${new Date().toISOString().slice(0, 10)}, ${chromiumVersion}, headless, served from localhost by a plain static server.

## Transfer size of the first visit (dist/)

| file | raw | gzip | brotli |
|---|---|---|---|
${rows.join('\n')}
| **total** | **${kb(rawTotal)}** | **${kb(gzTotal)}** | **${kb(brTotal)}** |

Budget: ≤ 1.5 MB gzip in total — ${ok(gzTotal <= 1.5 * 1024 * 1024)}. The simulation worker's wasm (the whole
interpreter, its parser and the embedded standard modules) is most of it; the page itself is
small.

## Loaded when a lesson opens (dist/lessons/)

Each lesson's text (rendered to HTML at build time) and examples, fetched when its page opens
and kept for the session; not part of the first visit above.

| file | raw | gzip | brotli |
|---|---|---|---|
${lessonData.rows.join('\n')}
| **all ${lessonData.rows.length} lessons** | **${kb(lessonData.total.raw)}** | **${kb(lessonData.total.gz)}** | **${kb(lessonData.total.br)}** |

## Loaded when a program needs it (dist/library/, dist/unicode/)

The worker downloads a library pack the first time a program imports one of its modules
(\`asyncio\` fetches asyncio, net, extra and re; \`multiprocessing\` and \`concurrent.futures\`'
process pool fetch multiprocessing; \`gevent\` gevent; \`socket\` net; \`re\` re), and a Unicode table the
first time a program spells \`\\N{...}\` (names.txt) or has a non-ASCII identifier (nfkc.txt).
Each is fetched once per page; a program that needs none of them (threads, locks, queues,
thread pools) loads nothing more than the first visit.

| file | raw | gzip | brotli |
|---|---|---|---|
${packs.rows.map((r) => r.replace('| `', '| `library/')).join('\n')}
${unicode.rows.map((r) => r.replace('| `', '| `unicode/')).join('\n')}
| **all** | **${kb(packs.total.raw + unicode.total.raw)}** | **${kb(packs.total.gz + unicode.total.gz)}** | **${kb(packs.total.br + unicode.total.br)}** |

Everything in dist/, if one visitor opened every lesson and ran programs needing every pack
and table: ${kb(everything)} gzip.

## Time to interactive (localhost, median of 5 cold loads)

| page | ready when | time |
|---|---|---|
| home | the lesson list is shown | ${median(home).toFixed(0)} ms |
| playground | the code editor is shown | ${median(play).toFixed(0)} ms |
| lesson 04 | its text (fetched) and example cards are shown | ${median(lesson).toFixed(0)} ms |

Budget: < 1 s — ${ok(median(home) < 1000 && median(play) < 1000 && median(lesson) < 1000)}.

## Main thread during a heavy run

Three CPU-bound threads counting to 400,000 each (${steps || '?'} instructions), run as fast as possible:
${(runMs / 1000).toFixed(1)} s of wall time.

| measure | value |
|---|---|
| longest main-thread task (Long Tasks API; only tasks ≥ 50 ms are reported) | ${long ? `${long.toFixed(0)} ms` : 'none ≥ 50 ms'} |
| longest gap between animation frames | ${gap.toFixed(0)} ms |

Budget: no task > 50 ms — ${ok(!long || long <= 50)}.

## Timeline with many segments

Ten threads each sleeping 1 ms 1,500 times: ${segments} segments on the timeline, drawn live as
the run goes, then 40 zoom steps with the wheel.

| measure | value |
|---|---|
| longest main-thread task while running | ${busy.long ? `${busy.long.toFixed(0)} ms` : 'none ≥ 50 ms'} |
| longest gap between animation frames while running | ${busy.gap.toFixed(0)} ms |
| longest main-thread task while zooming | ${redraw.long ? `${redraw.long.toFixed(0)} ms` : 'none ≥ 50 ms'} |
| longest gap between animation frames while zooming | ${redraw.gap.toFixed(0)} ms |

Budget: no task > 50 ms — ${ok((!busy.long || busy.long <= 50) && (!redraw.long || redraw.long <= 50))}.
`;
fs.writeFileSync(path.join(ROOT, 'web/MEASUREMENTS.md'), md);
console.log(md);
