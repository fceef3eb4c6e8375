// The editor's loop in a real browser against `gazette serve` running the real pipeline. The Java
// test ServeBrowserTest edits the Markdown and front matter; this script watches the open page.
// One line per step over stdin/stdout.  Usage: node serve-edit.browser.mjs <article URL>
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [articleUrl] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const next = async (expected) => {
  const { value } = await lines.next();
  if (value !== expected) throw new Error(`expected ${expected}, got ${value}`);
};
const say = (line) => process.stdout.write(line + '\n');
const overlayText = () => {
  const host = document.querySelector('gazette-overlay');
  if (!host || !host.shadowRoot) return null;
  const problems = [...host.shadowRoot.querySelectorAll('pre.problem')].map((pre) => pre.textContent);
  return problems.length ? problems : null;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(articleUrl);
  say('loaded ' + (await page.textContent('h1')).trim());
  // The page must not be reloaded by hand: mark the window, and check the mark is gone after.
  await page.evaluate(() => { window.beforeEdit = true; });

  await next('edited');
  await page.waitForFunction(() => document.body.textContent.includes('Đoạn văn mới thêm vào'), null,
    { timeout: 15000 });
  say('sees-new-text reloaded=' + (await page.evaluate(() => window.beforeEdit !== true)));

  await next('broken');
  await page.waitForFunction(overlayText, null, { timeout: 15000 });
  say('overlay ' + (await page.evaluate(overlayText)).join(' | ').replace(/\s*\n\s*/g, ' '));

  await next('fixed');
  await page.waitForFunction(() => !document.querySelector('gazette-overlay')
    || !document.querySelector('gazette-overlay').shadowRoot.querySelector('pre.problem'), null, { timeout: 15000 });
  await page.waitForFunction(() => document.body.textContent.includes('Đã sửa xong'), null, { timeout: 15000 });
  say('cleared');
} finally {
  await browser.close();
}
// stdin stays open on the Java side: leave explicitly.
process.exit(0);
