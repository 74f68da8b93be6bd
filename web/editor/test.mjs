// Self-test of the editor bundle in headless Chromium:
//   node web/editor/test.mjs
// Builds the bundle, serves web/editor/ on a free port, drives test.html with playwright-core
// and saves a screenshot to web/editor/dist/editor-test.png. Exits non-zero on any failure.
import http from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join, normalize, extname, sep } from "node:path";
import { chromium } from "playwright-core";
import { buildEditor } from "./build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const shot = join(here, "dist", "editor-test.png");
const shotDark = join(here, "dist", "editor-test-dark.png");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".css": "text/css" };

let failures = 0;
let passes = 0;
function check(cond, what, detail) {
  if (cond) { passes++; console.log(`  ok   ${what}`); }
  else { failures++; console.log(`  FAIL ${what}${detail !== undefined ? `: ${typeof detail === "string" ? detail : JSON.stringify(detail)}` : ""}`); }
}

function serve() {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      const p = normalize(join(here, decodeURIComponent(url.pathname === "/" ? "/test.html" : url.pathname)));
      if (p !== here && !p.startsWith(here + sep)) { res.writeHead(403).end(); return; }
      const body = await readFile(p);
      res.writeHead(200, { "content-type": TYPES[extname(p)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const size = await buildEditor();
  check(size.gzip < 200 * 1024, `bundle < 200 KB gzip (${(size.gzip / 1024).toFixed(1)} KB)`);

  const server = await serve();
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 560 }, deviceScaleFactor: 1 });
    const errors = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
    await page.goto(`http://127.0.0.1:${port}/test.html`);
    await page.waitForSelector("#ed .cm-editor .cm-content");

    const doc = () => page.evaluate(() => ed.getDoc());
    const sample = await page.evaluate(() => SAMPLE);

    // --- rendering
    console.log("render");
    const r = await page.evaluate(() => {
      const host = document.getElementById("ed");
      const editor = host.querySelector(".cm-editor");
      const content = editor.querySelector(".cm-content");
      const nums = [...editor.querySelectorAll(".cm-lineNumbers .cm-gutterElement")].map((e) => e.textContent);
      const line6 = editor.querySelectorAll(".cm-line")[5];
      const defSpan = [...line6.querySelectorAll("span")].find((s) => s.textContent === "def");
      const hb = host.getBoundingClientRect(), eb = editor.getBoundingClientRect();
      const scroller = editor.querySelector(".cm-scroller");
      return {
        editors: host.querySelectorAll(".cm-editor").length,
        nums, aria: content.getAttribute("aria-label"),
        defColor: defSpan && getComputedStyle(defSpan).color,
        defClass: defSpan && defSpan.className,
        plainColor: getComputedStyle(line6).color,
        font: getComputedStyle(scroller).fontFamily,
        fill: [hb.height, eb.height, hb.width, eb.width],
        scrollerOverflow: getComputedStyle(scroller).overflowY,
      };
    });
    check(r.editors === 1, "one .cm-editor in the parent", r.editors);
    check(r.nums.includes("1") && r.nums.includes("6"), "line numbers shown", r.nums.slice(0, 8));
    check(r.aria === "Python code", "aria-label on the content element", r.aria);
    check(!!r.defClass && r.defColor && r.defColor !== r.plainColor, "`def` highlighted differently from plain text",
      { defClass: r.defClass, defColor: r.defColor, plain: r.plainColor });
    check(/ui-monospace/.test(r.font) && /Noto Sans Mono CJK SC/.test(r.font), "monospace font stack", r.font);
    check(Math.abs(r.fill[1] - (r.fill[0] - 2)) <= 1 && Math.abs(r.fill[3] - (r.fill[2] - 2)) <= 1,
      "editor fills its parent", r.fill);

    // --- typing + onChange
    console.log("typing");
    await page.click("#ed .cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("x = 42");
    let d = await doc();
    check(d === sample + "x = 42", "typing changes getDoc()", d.slice(-20));
    let log = await page.evaluate(() => window.__log);
    check(log.changes.length >= 1 && log.changes.at(-1) === d, "onChange called with the whole text", log.changes.length);
    // The callback may call back into the API (CodeMirror forbids dispatch during an update).
    const re = await page.evaluate(async () => {
      const host = document.createElement("div");
      host.style.height = "50px";
      document.body.appendChild(host);
      let err = null;
      const e = InterleaveEditor.create(host, { doc: "a\n", onChange: (txt) => {
        try { e.setDiagnostics([{ line: 1, message: "m" }]); e.setThreadLines([{ line: 1, color: "red", label: "T" }]); e.setDoc(txt); }
        catch (x) { err = String(x); }
      } });
      e.focus();
      return await new Promise((res) => {
        setTimeout(() => { const r = { err, doc: e.getDoc(), n: host.querySelectorAll("[data-diagnostic]").length }; e.destroy(); host.remove(); res(r); }, 100);
        document.execCommand("insertText", false, "b");
      });
    });
    check(re.err === null && re.doc.includes("b") && re.n === 1, "API calls from inside onChange work", re);
    await page.evaluate(() => ed.focus());

    // --- Ctrl-Enter
    console.log("run key");
    await page.keyboard.press("Control+Enter");
    log = await page.evaluate(() => window.__log);
    check(log.runs === 1, "Ctrl+Enter calls onRun", log.runs);
    check((await doc()) === d, "Ctrl+Enter inserts no newline");

    // --- undo / redo
    console.log("history");
    await page.keyboard.press("Control+z");
    check((await doc()) === sample, "Ctrl+Z undoes the typing");
    await page.keyboard.press("Control+Shift+z");
    check((await doc()) === d, "Ctrl+Shift+Z redoes it");

    // --- setDoc, Tab / Shift-Tab, auto-indent
    console.log("indentation");
    const nChanges = (await page.evaluate(() => window.__log.changes.length));
    await page.evaluate(() => ed.setDoc("x = 1\n"));
    check((await doc()) === "x = 1\n", "setDoc replaces the text");
    check((await page.evaluate(() => window.__log.changes.length)) === nChanges, "setDoc does not call onChange");
    await page.evaluate(() => ed.focus());
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Tab");
    check((await doc()) === "x = 1\n    ", "Tab indents by 4 spaces", await doc());
    await page.keyboard.press("Shift+Tab");
    check((await doc()) === "x = 1\n", "Shift+Tab dedents", await doc());
    await page.keyboard.type("def f():");
    await page.keyboard.press("Enter");
    await page.keyboard.type("return 1");
    check((await doc()) === "x = 1\ndef f():\n    return 1", "auto-indent after ':'", await doc());
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+Enter");
    check((await doc()) === "x = 1\ndef f():\n    return 1\n    ", "Enter keeps the block indent", await doc());

    // --- read-only
    console.log("read-only");
    await page.evaluate(() => ed.setReadOnly(true));
    await page.keyboard.type("zzz");
    check(!(await doc()).includes("zzz"), "setReadOnly(true) blocks typing");
    const ro = await page.evaluate(() => ({
      aria: document.querySelector("#ed .cm-content").getAttribute("aria-readonly"),
      cursor: getComputedStyle(document.querySelector("#ed .cm-cursorLayer")).display,
    }));
    check(ro.aria === "true" && ro.cursor === "none", "read-only: aria-readonly and no cursor", ro);
    await page.evaluate(() => ed.setReadOnly(false));
    await page.keyboard.type("y");
    check((await doc()).endsWith("y"), "setReadOnly(false) allows typing again");

    // --- diagnostics
    console.log("diagnostics");
    await page.evaluate(() => { ed.setDoc(SAMPLE); window.scrollTo(0, 0); });
    await page.evaluate(() => ed.setDiagnostics([{ line: 3, col: 5, message: "SyntaxError: invalid syntax", severity: "error" }, { line: 4, col: 8, message: "NameError: name 'threading' is not defined", severity: "warning" }]));
    const dg = await page.evaluate(() => {
      const editor = document.querySelector("#ed .cm-editor");
      const lines = [...editor.querySelectorAll(".cm-line")];
      const idx = lines.findIndex((l) => l.getAttribute("data-diagnostic") === "error");
      const marker = editor.querySelector(".cm-il-diag-gutter .cm-il-diag-marker");
      const mark = editor.querySelector(".cm-il-diag-error");
      const lb = lines[2].getBoundingClientRect();
      const mb = marker && marker.closest(".cm-gutterElement").getBoundingClientRect();
      return {
        idx, count: lines.filter((l) => l.hasAttribute("data-diagnostic")).length,
        warnText: editor.querySelector(".cm-il-diag-warning")?.textContent,
        marker: !!marker, markerTop: mb && mb.top, lineTop: lb.top,
        markText: mark && mark.textContent,
        markerTitle: marker && marker.title,
        decoration: mark && getComputedStyle(mark).textDecorationStyle,
        bg: getComputedStyle(lines[2]).backgroundColor,
      };
    });
    check(dg.idx === 2 && dg.count === 2, "diagnostic line background on line 3", dg);
    check(dg.marker && Math.abs(dg.markerTop - dg.lineTop) < 2, "gutter marker on line 3", dg);
    check(dg.markerTitle === "SyntaxError: invalid syntax", "gutter marker carries the message", dg.markerTitle);
    check(dg.markText === "counter" && dg.decoration === "wavy", "wavy underline on the token at col 5", dg);
    check(dg.warnText === "threading", "a second diagnostic (warning) on line 4", dg);
    check(dg.bg !== "rgba(0, 0, 0, 0)", "diagnostic line has a background", dg.bg);
    await page.hover("#ed .cm-il-diag-error");
    const tip = await page.waitForSelector("#ed .cm-il-diag-tooltip", { timeout: 3000 }).then((h) => h.textContent()).catch(() => null);
    check(tip === "SyntaxError: invalid syntax", "message shown on hover", tip);
    await page.mouse.move(5, 5);

    // --- thread lines
    console.log("thread lines");
    await page.evaluate(() => ed.setThreadLines([
      { line: 2, color: "#e4572e", label: "Thread-1" },
      { line: 4, color: "#e4572e", label: "Thread-1" },
      { line: 4, color: "#2e86de", label: "Thread-2" },
      { line: 5, color: "#2e86de", label: "Thread-2" },
    ]));
    const th = await page.evaluate(() => {
      const lines = [...document.querySelectorAll("#ed .cm-line")];
      const info = (l) => ({
        threads: l.getAttribute("data-threads"), bg: getComputedStyle(l).backgroundColor,
        img: getComputedStyle(l).backgroundImage,
        labels: [...l.querySelectorAll(".cm-il-thread-label")].map((s) => [s.textContent, getComputedStyle(s).backgroundColor]),
      });
      return { all: lines.map((l) => l.getAttribute("data-threads")), l2: info(lines[1]), l4: info(lines[3]), l5: info(lines[4]) };
    });
    check(JSON.stringify(th.all.slice(0, 6)) === JSON.stringify([null, "Thread-1", null, "Thread-1,Thread-2", "Thread-2", null]),
      "thread lines on lines 2, 4, 5 only", th.all.slice(0, 6));
    check(th.l2.bg !== "rgba(0, 0, 0, 0)" && th.l5.bg !== "rgba(0, 0, 0, 0)" && th.l2.bg !== th.l5.bg,
      "two threads get two different translucent backgrounds", [th.l2.bg, th.l5.bg]);
    check(th.l4.labels.length === 2 && th.l4.labels[0][1] !== th.l4.labels[1][1] && /gradient/.test(th.l4.img),
      "a shared line shows both labels and both colours", th.l4);
    check(th.l2.labels.length === 1 && th.l2.labels[0][0] === "Thread-1", "label at the line end", th.l2.labels);
    check((await doc()) === sample, "decorations do not change the text");

    // --- screenshot (both themes: left is driven by this test, right is the dark showcase)
    await page.evaluate(() => { ed.setDiagnostics([]); ed.setThreadLines([]); demo(ed); document.activeElement.blur(); });
    await page.screenshot({ path: shot });
    console.log(`  screenshot: ${shot}`);

    // --- clearing + dark
    console.log("clear + theme");
    await page.evaluate(() => { ed.setDiagnostics([]); ed.setThreadLines([]); });
    const cleared = await page.evaluate(() => document.querySelectorAll("#ed [data-diagnostic], #ed [data-threads], #ed .cm-il-diag-marker").length);
    check(cleared === 0, "[] clears diagnostics and thread lines", cleared);
    const bgOf = () => page.evaluate(() => getComputedStyle(document.querySelector("#ed .cm-editor")).backgroundColor);
    const bgLight = await bgOf();
    await page.evaluate(() => ed.setDark(true));
    const bgDark = await bgOf();
    check(bgLight !== bgDark, "setDark(true) changes the background", [bgLight, bgDark]);
    await page.evaluate(() => { demo(ed); });
    await page.screenshot({ path: shotDark });
    await page.evaluate(() => ed.setDark(false));
    check((await bgOf()) === bgLight, "setDark(false) restores the light background");

    // --- destroy
    console.log("destroy");
    await page.evaluate(() => ed.destroy());
    const left = await page.evaluate(() => document.querySelectorAll("#ed .cm-editor").length);
    check(left === 0, "destroy() removes the editor", left);

    check(errors.length === 0, "no page errors or console errors", errors);
  } finally {
    await browser.close();
    server.close();
  }
}

main().then(() => {
  console.log(failures ? `\n${failures} FAILED, ${passes} passed` : `\nall ${passes} checks passed`);
  process.exit(failures ? 1 : 0);
}, (e) => {
  console.error(`\nFAIL: ${e?.stack ?? e}`);
  process.exit(1);
});
