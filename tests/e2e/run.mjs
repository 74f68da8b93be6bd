// End-to-end tests of the playground in real Chromium (playwright-core + Debian's chromium).
// Builds nothing: run `trunk build --release` first (scripts/test does). Serves dist/ under a
// sub-path, drives the page like a user, and saves screenshots of the main views to
// target/e2e/ (look at them). Prints one line per test and a total; exits non-zero on failure.
//
//   node tests/e2e/run.mjs [filter]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, CHROMIUM_ARGS } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'target/e2e');
fs.mkdirSync(SHOTS, { recursive: true });
const filter = process.argv[2] || '';

const site = await serve(path.join(ROOT, 'dist'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/// A fresh page (own storage) with page errors collected.
async function open(hash, opts = {}) {
  const context = opts.context || await browser.newContext({ viewport: opts.viewport || { width: 1400, height: 950 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(site.url + hash);
  return page;
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/// Replaces the editor's text as a user would (select all, type).
async function setCode(page, code) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText types the whole program at once, without auto-indent rewriting it.
  await page.keyboard.insertText(code);
}

async function waitFinished(page, timeout = 30000) {
  await page.waitForSelector('.status.ok, .status.bad', { timeout });
}

async function consoleText(page) {
  return (await page.locator('.console-line .text').allInnerTexts()).join('\n');
}

/// How many distinct non-background pixels the timeline's lanes have (drawn lanes ⇒ many).
async function timelineInk(page) {
  return page.$eval('canvas.tl-canvas', (c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(140 * devicePixelRatio, 50 * devicePixelRatio, c.width - 140 * devicePixelRatio, c.height - 50 * devicePixelRatio);
    const bg = [data[0], data[1], data[2]];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 60) ink++;
    }
    return ink;
  });
}

test('home page lists the lessons and links the playground', async () => {
  const page = await open('#/');
  await page.waitForSelector('.lesson-card');
  check((await page.title()).includes('Interleave'), 'title');
  const cards = await page.locator('.lesson-card').count();
  check(cards >= 2, `lesson cards: ${cards}`);
  check(await page.locator('a[href="#/play"]').count() >= 1, 'playground link');
  await shot(page, 'home');
  check(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('a lesson example runs and the timeline draws its lanes', async () => {
  const page = await open('#/lesson/01-processes-threads');
  await page.waitForSelector('.cm-editor');
  const expected = (await page.locator('.example-card.active .expected pre').innerText().catch(() => '')).trim();
  await page.click('button.run');
  await waitFinished(page);
  const out = await consoleText(page);
  if (expected) check(out.trim() === expected, `console:\n${out}\nexpected:\n${expected}`);
  check(await page.locator('.threads-table tr').count() >= 2, 'thread rows');
  const ink = await timelineInk(page);
  check(ink > 500, `timeline ink ${ink}`);
  await shot(page, 'lesson-run');
  check(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('edit, run, and the edit survives a reload', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'for i in range(3):\n    print("line", i)\n');
  await page.keyboard.press('Control+Enter');
  await waitFinished(page);
  check(await consoleText(page) === 'line 0\nline 1\nline 2', `console: ${await consoleText(page)}`);
  await page.reload();
  await page.waitForSelector('.cm-editor');
  const text = await page.locator('.cm-content').innerText();
  check(text.includes('print("line", i)'), `after reload: ${text}`);
  // Reset returns to the original program (and forgets the edit).
  page.once('dialog', (d) => d.accept());
  await page.click('button:has-text("Reset")');
  await page.waitForFunction(() => document.querySelector('.cm-content').innerText.includes('import threading'));
});

test('a program reads its stdin; the console can show virtual times', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'name = input("who? ")\nprint("hello,", name)\n');
  await page.click('details.stdin summary');
  await page.fill('details.stdin textarea', 'Ada\n');
  await page.click('button.run');
  await waitFinished(page);
  // What the program read shows after its prompt, as a terminal echoes it.
  check(await consoleText(page) === 'who? Ada\nhello, Ada', await consoleText(page));
  check(await page.locator('.console-line .typed').innerText() === 'Ada', 'typed input marked');
  await page.click('.console .toggle input');
  check(await page.locator('.console-line .stamp').count() >= 1, 'timestamps shown');
});

test('a program waits for input typed in the console; a share link carries what was typed', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'import threading\nname = input("Name? ")\nprint("Hello,", name)\nn = int(input("How many? "))\nprint("x" * n)\n');
  await page.click('button.run');
  const field = page.locator('.stdin-field input');
  await field.waitFor();
  check(await page.evaluate(() => !!document.activeElement?.closest('.stdin-field')), 'the input field has the focus');
  check((await page.locator('.console-line .text').first().innerText()).startsWith('Name?'), 'the prompt is shown before the field');
  check((await page.locator('.status').innerText()).includes('waiting for input'), await page.locator('.status').innerText());
  check((await page.locator('.threads-table').innerText()).includes('waiting for your input'), 'the thread is shown reading stdin');
  await shot(page, 'input-waiting');
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.console-line .text')].some((e) => e.innerText.includes('How many?')));
  await field.waitFor();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await waitFinished(page);
  const out = await consoleText(page);
  check(out === 'Name? Ada\nHello, Ada\nHow many? 3\nxxx', out);
  check(await page.locator('.console-line .typed').count() === 2, 'typed input marked');
  // The link carries the typed lines: the shared run needs no typing.
  await page.click('button:has-text("Share")');
  const link = await page.locator('input.share-link').inputValue();
  const other = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await other.goto(link);
  await waitFinished(other);
  check(await consoleText(other) === out, `shared run printed ${await consoleText(other)}`);
  // Ctrl+D ends the input: input() raises EOFError.
  await page.click('button.run');
  await field.waitFor();
  await page.keyboard.press('Control+D');
  await waitFinished(page);
  check((await consoleText(page)).includes('EOFError: EOF when reading a line'), await consoleText(page));
  check(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('a syntax error is reported with its line, marked in the editor', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'x = 1\nprint(x +)\n');
  await page.click('button.run');
  await waitFinished(page);
  const out = await consoleText(page);
  check(out.includes('line 2') && out.includes('SyntaxError: invalid syntax'), out);
  await page.waitForSelector('.cm-il-diag-marker', { timeout: 5000 });
  await shot(page, 'syntax-error');
});

test('the Unicode tables download only for a \\N{...} escape or a non-ASCII name; without them the error says so', async () => {
  const page = await open('#/play');
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/unicode/')) fetched.push(r.url().split('/unicode/')[1]); });
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'print("plain")\n');
  await page.click('button.run');
  await waitFinished(page);
  check(fetched.length === 0, `the table was fetched for a program without \\N: ${fetched}`);
  await setCode(page, 'print("\\N{BULLET} \\N{greek small letter alpha} \\N{LF}!")\n');
  await page.click('button.run');
  await page.waitForFunction(() => document.querySelector('.console')?.innerText.includes('!'));
  const out = await consoleText(page);
  check(out.includes('\u2022 \u03b1 \n!') || out.includes('\u2022 \u03b1\n!'), JSON.stringify(out));
  check(JSON.stringify(fetched) === '["names.txt"]', `fetched ${fetched}`);
  // re's \N{...} (unicodedata.lookup) uses the same table, already here.
  await setCode(page, 'import re\nprint(re.findall(r"\\N{BULLET}+", "a\u2022\u2022b\u2022"))\n');
  await page.click('button.run');
  await page.waitForFunction(() => document.querySelector('.console')?.innerText.includes(']'));
  check((await consoleText(page)).includes("['\u2022\u2022', '\u2022']"), await consoleText(page));
  // PEP 3131: identifiers are NFKC-normalized, so the ligature ﬁ spells fi.
  await setCode(page, '\ufb01le = "ligature"\nprint(file, "\u2165")\n');
  await page.click('button.run');
  await waitFinished(page);
  check((await consoleText(page)).includes('ligature \u2165'), await consoleText(page));
  check(JSON.stringify(fetched) === '["names.txt","nfkc.txt"]', `fetched ${fetched}`);

  // Offline: the compiler's message names the missing table instead of blaming the name.
  const offline = await open('#/play');
  await offline.route('**/unicode/names.txt', (route) => route.abort());
  await offline.waitForSelector('.cm-editor');
  await setCode(offline, 'print("\\N{BULLET}")\n');
  await offline.click('button.run');
  await waitFinished(offline);
  const err = await consoleText(offline);
  check(err.includes('SyntaxError') && err.includes('could not load its table of names'), err);
  await offline.route('**/unicode/nfkc.txt', (route) => route.abort());
  await setCode(offline, '\ufb01le = 1\n');
  await offline.click('button.run');
  await offline.waitForFunction(() => document.querySelector('.console')?.innerText.includes('non-ASCII names'));
  check((await consoleText(offline)).includes('SyntaxError: Interleave could not load its Unicode table for non-ASCII names'), await consoleText(offline));
  check(page.errors.length === 0, `page errors: ${page.errors}`);
  const unexpected = offline.errors.filter((e) => !e.includes('Failed to load resource'));
  check(unexpected.length === 0, `page errors: ${unexpected}`);
});

test('library packs download on first import only; a failed download is a clear ImportError', async () => {
  const page = await open('#/play');
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/library/')) fetched.push(r.url().split('/library/')[1]); });
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'import threading, queue, time, random, collections, functools\nprint("core")\n');
  await page.click('button.run');
  await waitFinished(page);
  check((await consoleText(page)).includes('core'), await consoleText(page));
  check(fetched.length === 0, `a core program fetched ${fetched}`);
  await setCode(page, 'import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    return "done"\nprint(asyncio.run(main()))\n');
  await page.click('button.run');
  await page.waitForFunction(() => document.querySelector('.console')?.innerText.includes('done'));
  await page.click('button.run');
  await waitFinished(page);
  // asyncio's own imports: socket and selectors (net), logging and typing (extra), and re
  // (which logging imports); each pack once.
  check(JSON.stringify([...fetched].sort()) === '["asyncio.txt","extra.txt","net.txt","re.txt"]', `fetched ${fetched}`);
  check(page.errors.length === 0, `page errors: ${page.errors}`);

  const offline = await open('#/play');
  await offline.route('**/library/*.txt', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await offline.waitForSelector('.cm-editor');
  await setCode(offline, 'try:\n    import multiprocessing\nexcept ImportError as e:\n    print("caught:", e)\n');
  await offline.click('button.run');
  await waitFinished(offline);
  const out = await consoleText(offline);
  check(out.includes("caught: Interleave could not download the 'multiprocessing' library pack") && out.includes('HTTP 404'), out);
  const unexpected = offline.errors.filter((e) => !e.includes('Failed to load resource'));
  check(unexpected.length === 0, `page errors: ${unexpected}`);
});

test('Stop ends an infinite loop at once, and the next run works', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'n = 0\nwhile True:\n    n += 1\n');
  await page.click('button.run');
  await page.waitForSelector('.status.live');
  await page.waitForTimeout(700);
  // Timed inside the page, from the click to the status saying "stopped" (the browser's
  // round trips with Playwright are not part of what the user sees).
  await page.evaluate(() => {
    const stop = document.querySelector('button.stop');
    stop.addEventListener('click', () => { window.__clicked = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (!window.__stopped && /stopped|已停止/.test(document.querySelector('.status').textContent)) window.__stopped = performance.now();
    }).observe(document.querySelector('.bench'), { subtree: true, childList: true, characterData: true });
  });
  await page.click('button.stop');
  await page.waitForFunction(() => window.__stopped);
  const ms = await page.evaluate(() => window.__stopped - window.__clicked);
  check(ms < 200, `stop took ${ms} ms`);
  // The page stays responsive and the fresh worker runs the next program.
  await setCode(page, 'print("after stop")\n');
  await page.click('button.run');
  await waitFinished(page);
  check(await consoleText(page) === 'after stop', await consoleText(page));
});

test('pause, step and scrub show where each thread was', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, [
    'import threading, time',
    'def work(name):',
    '    for i in range(5):',
    '        time.sleep(0.2)',
    '        print(name, i)',
    'a = threading.Thread(target=work, args=("a",))',
    'b = threading.Thread(target=work, args=("b",))',
    'a.start(); b.start()',
    'a.join(); b.join()',
    'print("end")',
    ''].join('\n'));
  await page.selectOption('select[aria-label="Speed"]', '1x');
  await page.click('button.run');
  await page.waitForTimeout(500);
  await page.click('button:has-text("Pause")');
  await page.waitForFunction(() => document.querySelector('.status').textContent.includes('paused'));
  await page.click('button:has-text("Step")');
  await page.click('button:has-text("Step")');
  await page.waitForSelector('.cm-il-thread-line', { timeout: 5000 });
  const rows = await page.locator('section.threads tr:not(.stack)').count();
  check(rows === 3, `threads while paused: ${rows}`);
  // While paused, each live thread shows its call stack (work() inside the program).
  const stacks = await page.locator('section.threads tr.stack').allInnerTexts();
  check(stacks.some((s) => s.includes('work')), `stacks: ${stacks}`);
  await page.click('button:has-text("Resume")');
  await page.selectOption('select[aria-label="Speed"]', 'max');
  await waitFinished(page);
  const all = await page.locator('.console-line').count();
  check(all === 11, `lines: ${all}`);
  // Click a quarter into the timeline: the playhead moves back, later lines are dimmed.
  const box = await page.locator('canvas.tl-canvas').boundingBox();
  await page.mouse.click(box.x + 132 + (box.width - 132) * 0.25, box.y + 40);
  await page.waitForFunction(() => document.querySelector('.tl-playhead').textContent.startsWith('Playhead'));
  const future = await page.locator('.console-line.future').count();
  check(future > 0 && future < all, `dimmed lines after scrubbing: ${future}`);
  // Keyboard: End returns to live.
  await page.focus('canvas.tl-canvas');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('.tl-playhead').textContent.startsWith('Live'));
  await shot(page, 'scrubbed');
});

test('the state view shows who holds a lock and who waits for it', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'import threading, time\nlock = threading.Lock()\ndef hold():\n    with lock:\n        time.sleep(1)\nt = threading.Thread(target=hold)\nt.start()\ntime.sleep(0.1)\nwith lock:\n    print("got it")\n');
  await page.selectOption('select[aria-label="Speed"]', '1x');
  await page.click('button.run');
  await page.waitForTimeout(600);
  await page.click('button:has-text("Pause")');
  await page.waitForFunction(() => document.querySelector('.status').textContent.includes('paused'));
  const row = page.locator('.objects tr', { hasText: 'lock' });
  await row.waitFor();
  const text = await row.innerText();
  check(/locked/.test(text) && /Thread-1/.test(text) && /MainThread/.test(text), `lock row: ${text}`);
  await shot(page, 'state-view');
  await page.selectOption('select[aria-label="Speed"]', 'max');
  await page.click('button:has-text("Resume")');
  await waitFinished(page);
  check(await consoleText(page) === 'got it', await consoleText(page));
});

test('processes run in parallel, each with its lanes, and the process tree shows them', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, [
    'import multiprocessing as mp',
    'def work(n):',
    '    total = 0',
    '    for i in range(20000):',
    '        total += i',
    '    print("child", n, "done")',
    'if __name__ == "__main__":',
    '    ps = [mp.Process(target=work, args=(i,)) for i in range(2)]',
    '    for p in ps:',
    '        p.start()',
    '    for p in ps:',
    '        p.join()',
    '    print("exit codes", [p.exitcode for p in ps])',
    ''].join('\n'));
  for (const method of ['fork', 'spawn']) {
    await page.selectOption('select[aria-label="Start method"]', method);
    await page.click('button.run');
    await waitFinished(page);
    const out = (await consoleText(page)).split('\n');
    check(out.length === 3 && out[2] === 'exit codes [0, 0]', `${method}: ${out}`);
    // Each process has a MainThread: the console says whose.
    const tags = await page.locator('.console-line .tag').allInnerTexts();
    check(new Set(tags).size === 3 && tags.every((t) => /^MainThread · \d+$/.test(t)), `${method}: console tags ${tags}`);
    const procs = await page.locator('.proc-tree li').count();
    check(procs === 3, `${method}: process tree rows ${procs}`);
  }
  check(await timelineInk(page) > 500, 'lanes drawn');
  // The core lanes: one per core of the machine (4 by default), above the process lanes; the
  // two children ran at the same time on two of them.
  const before = Number(await page.getAttribute('canvas.tl-canvas', 'data-lanes'));
  await page.click('button.tl-cores');
  await page.waitForFunction((n) => Number(document.querySelector('canvas.tl-canvas').dataset.lanes) === n + 4, before);
  check(await page.getAttribute('button.tl-cores', 'aria-pressed') === 'true', 'cores button pressed');
  const box = await page.locator('canvas.tl-canvas').boundingBox();
  let busy = 0;
  for (let core = 0; core < 4; core++) {
    // Sample the middle of each core lane across the plot: a tooltip names who ran there.
    for (const frac of [0.3, 0.5, 0.7]) {
      await page.mouse.move(box.x + 140 + (box.width - 150) * frac, box.y + 22 + 24 * core + 12);
      const tip = await page.locator('.tl-tooltip').innerText().catch(() => '');
      check(tip.startsWith(`core ${core}:`), `tooltip on core ${core}: ${tip}`);
      if (!tip.includes('idle')) { busy++; break; }
    }
  }
  check(busy >= 2, `cores that ran something: ${busy}`);
  await shot(page, 'processes');
});

test('greenlets share their thread: gevent output, switches and the running greenlet on hover', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, [
    'import gevent',
    'def cook(dish, seconds):',
    '    gevent.sleep(seconds)',
    '    print(dish, "ready")',
    'gevent.joinall([gevent.spawn(cook, "rice", 0.3), gevent.spawn(cook, "tea", 0.1)])',
    'print("served")',
    ''].join('\n'));
  await page.click('button.run');
  await waitFinished(page);
  check(await consoleText(page) === 'tea ready\nrice ready\nserved', await consoleText(page));
  // One thread lane only; hovering over it while everybody sleeps names the hub.
  const rows = await page.locator('section.threads .threads-table tr').count();
  check(rows === 1, `thread rows: ${rows}`);
  const box = await page.locator('canvas.tl-canvas').boundingBox();
  await page.mouse.move(box.x + 140 + (box.width - 150) * 0.5, box.y + 22 + 24 + 12);
  const tip = await page.locator('.tl-tooltip').innerText();
  check(tip.includes('greenlet Hub'), `tooltip: ${tip}`);
  // Under the thread, its greenlets lane names the greenlet that ran: the hub while all sleep.
  await page.mouse.move(box.x + 140 + (box.width - 150) * 0.5, box.y + 22 + 48 + 12);
  const lane = await page.locator('.tl-tooltip').innerText();
  check(lane.startsWith('greenlets of MainThread: Hub'), `greenlets lane tooltip: ${lane}`);
  // Hovering must not blank the drawing (it once replaced the canvas).
  check(await timelineInk(page) > 100, `timeline ink while hovering: ${await timelineInk(page)}`);
  await shot(page, 'greenlets');
});

test('a share link reproduces the same run in a fresh page; a broken one says so', async () => {
  const page = await open('#/play');
  await page.waitForSelector('.cm-editor');
  await setCode(page, 'import threading\ncount = 0\ndef add():\n    global count\n    for _ in range(20000):\n        count += 1\nts = [threading.Thread(target=add) for _ in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(count)\n');
  await page.selectOption('select[aria-label="Python"]', '3.9');
  await page.fill('input[aria-label="Seed"]', '7');
  await page.locator('input[aria-label="Seed"]').dispatchEvent('change');
  await page.click('button.run');
  await waitFinished(page);
  const first = await consoleText(page);
  await page.click('button:has-text("Share")');
  const link = await page.locator('input.share-link').inputValue();
  check(link.includes('#/run/v1.'), link);
  const fresh = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await waitFinished(other);
  const second = await consoleText(other);
  check(second === first, `shared run printed ${second}, original ${first}`);
  check(await other.locator('select[aria-label="Python"]').inputValue() === '3.9', 'mode carried');
  await shot(other, 'shared');
  const broken = await open('#/run/v1.this-is-not-a-link');
  await broken.waitForSelector('[role="alert"]');
  const msg = await broken.locator('[role="alert"]').innerText();
  check(/cannot be opened/.test(msg), msg);
  const hostile = await open('#/run/' + encodeURIComponent('<img src=x onerror=alert(1)>'));
  await hostile.waitForSelector('[role="alert"]');
  check(await hostile.locator('img').count() === 0, 'no injected element');
});

test('language and theme switch', async () => {
  const page = await open('#/');
  await page.waitForSelector('.lesson-card');
  await page.click('button.lang-toggle');
  await page.waitForFunction(() => document.querySelector('.topbar nav a').textContent === '课程');
  check(await page.getAttribute('html', 'lang') === 'zh-CN', 'html lang');
  await page.click('button.theme-toggle');
  check(await page.getAttribute('html', 'data-theme') === 'dark', 'dark theme');
  await shot(page, 'home-zh-dark');
  await page.goto(site.url + '#/lesson/02-gil');
  await page.waitForSelector('.cm-editor');
  await page.click('button.run');
  await waitFinished(page);
  await shot(page, 'lesson-zh-dark');
  await page.reload();
  await page.waitForSelector('.topbar');
  check(await page.getAttribute('html', 'data-theme') === 'dark', 'theme kept after reload');
});

test('a phone-sized screen stacks the layout', async () => {
  const page = await open('#/lesson/02-gil', { viewport: { width: 390, height: 844 } });
  await page.waitForSelector('.cm-editor');
  await shot(page, 'phone-lesson');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `horizontal overflow ${overflow}px`);
});

test('an exercise is checked over its seeds and remembered when solved', async () => {
  const page = await open('#/lesson/01-processes-threads');
  await page.waitForSelector('.cm-editor');
  await page.click('#ex-join-them button');
  await page.waitForSelector('.check-bar');
  await page.click('.check-bar button:has-text("Check")');
  await page.waitForSelector('.check-note.bad');
  const why = await page.locator('.check-note.bad').innerText();
  check(/pages fetched: 0/.test(why), `failure explained: ${why}`);
  await page.click('.check-bar button:has-text("Show a solution")');
  await page.click('.check-bar button:has-text("Check")');
  await page.waitForSelector('.check-note.ok');
  await shot(page, 'exercise-solved');
  await page.goto(site.url + '#/');
  await page.waitForSelector('.lesson-card');
  const first = await page.locator('.lesson-card').first().innerText();
  check(/1\/1 solved/.test(first), `progress on the home page: ${first}`);
});

test('lesson data loads on demand: loading state, a failed load offers Retry, then the session cache', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  // The first request fails as if offline, the second gets a 404, the third is held back
  // until the loading state is seen, then served; later visits must not fetch again.
  let requests = 0;
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/lessons/03-threads.json', async (route) => {
    requests++;
    if (requests === 1) return route.abort('internetdisconnected');
    if (requests === 2) return route.fulfill({ status: 404, body: '<h1>not found</h1>' });
    await held;
    return route.continue();
  });
  await page.goto(site.url + '#/lesson/03-threads');
  const alert = page.locator('.lesson-error[role="alert"]');
  await alert.waitFor();
  check(/could not be loaded/.test(await alert.innerText()) && /offline/.test(await alert.innerText()), await alert.innerText());
  check(await page.locator('h1').innerText() === 'Threads', `title from the index: ${await page.locator('h1').innerText()}`);
  await shot(page, 'lesson-load-failed');
  await alert.locator('button:has-text("Retry")').click();
  await page.waitForFunction(() => /HTTP status 404/.test(document.querySelector('.lesson-error')?.textContent || ''));
  check(await page.locator('text=not found').count() === 0, 'the response body is never shown');
  await page.locator('.lesson-error button:has-text("Retry")').click();
  await page.waitForSelector('.lesson-loading[aria-busy="true"]');
  check(/Loading the lesson/.test(await page.locator('.lesson-loading').innerText()), 'loading text');
  await shot(page, 'lesson-loading');
  release();
  await page.waitForSelector('.example-card');
  await page.waitForSelector('.cm-editor');
  check(await page.locator('.lesson-error').count() === 0, 'the error is gone');
  check(requests === 3, `requests: ${requests}`);
  // Kept for the session: leaving and coming back fetches nothing.
  await page.goto(site.url + '#/');
  await page.waitForSelector('.lesson-card');
  await page.goto(site.url + '#/lesson/03-threads');
  await page.waitForSelector('.example-card');
  check(requests === 3, `requests after coming back: ${requests}`);
  // In Chinese the same failure is translated.
  const zh = await context.newPage();
  await zh.route('**/lessons/05-coordination.json', (route) => route.fulfill({ status: 200, body: '{"slug":"05-coordination"' }));
  await zh.goto(site.url + '#/');
  await zh.waitForSelector('.lesson-card');
  await zh.click('button.lang-toggle');
  await zh.goto(site.url + '#/lesson/05-coordination');
  await zh.waitForSelector('.lesson-error');
  const text = await zh.locator('.lesson-error').innerText();
  check(/无法加载这一课/.test(text) && /重试/.test(text), text);
  await context.close();
});

test('every lesson opens and runs its first example', async () => {
  const page = await open('#/');
  await page.waitForSelector('.lesson-card');
  const hrefs = await page.locator('.lesson-card').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) {
    await page.goto(site.url + href);
    await page.waitForSelector('.cm-editor');
    const expected = (await page.locator('.example-card.active .expected pre').innerText().catch(() => null));
    await page.click('button.run');
    await waitFinished(page, 60000);
    if (expected !== null) {
      const out = await consoleText(page);
      check(out.trim() === expected.trim(), `${href}: console\n${out}\nexpected\n${expected}`);
    }
  }
  check(page.errors.length === 0, `page errors: ${page.errors}`);
});

let failed = 0;
let passed = 0;
for (const t of tests) {
  if (filter && !t.name.includes(filter)) continue;
  const start = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`e2e ok    ${t.name} (${Date.now() - start} ms)`);
  } catch (e) {
    failed++;
    console.log(`e2e FAIL  ${t.name}: ${e.message}`);
  }
}
await browser.close();
site.close();
console.log(`e2e result: ${passed} passed, ${failed} failed; screenshots in target/e2e/`);
process.exit(failed ? 1 : 0);
