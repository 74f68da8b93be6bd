// The playground with a program in its editor, shared by measure.mjs and speed.mjs.

/// measure.mjs's heavy run: three CPU-bound threads counting to 400,000 each (8.4 M instructions).
export const HEAVY_PROGRAM = 'import threading\nn = 0\ndef add():\n    global n\n    for _ in range(400000):\n        n += 1\nts = [threading.Thread(target=add) for _ in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(n)\n';

/// A new page of `browser` on the playground at `siteUrl`, with `code` replacing the editor's text.
export async function openPlayground(browser, siteUrl, code) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  await page.goto(siteUrl + '#/play');
  await page.waitForSelector('.cm-editor');
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  return page;
}
