import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './server.mjs';
const site = await serve('/work/main/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(site.url + '#/lesson/02-gil');
await page.waitForSelector('.cm-editor');
console.log(await page.evaluate(() => [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('\n')));
const p2 = await browser.newPage({ viewport: { width: 1400, height: 950 } });
await p2.goto(site.url + '#/play');
await p2.waitForSelector('.cm-editor');
await p2.selectOption('select[aria-label="Speed"]', '1x');
await p2.click('button.run');
for (let i = 0; i < 8; i++) { await p2.waitForTimeout(100); console.log(await p2.evaluate(() => [...document.querySelectorAll(".bench-toolbar button")].map(b => b.textContent + ":" + b.disabled).join(" ") + " " + document.querySelector(".status").textContent)); }
await browser.close(); site.close();
