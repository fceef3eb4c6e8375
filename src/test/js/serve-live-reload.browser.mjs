// Drives headless Chromium against a running preview server; the Java test
// LiveReloadBrowserTest starts the server, makes the changes, and talks to this script over
// stdin/stdout one line per step.  Usage: node serve-live-reload.browser.mjs <base-url> <shot.png>
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [base, screenshot] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const next = async (expected) => {
  const { value } = await lines.next();
  if (value !== expected) throw new Error(`expected ${expected}, got ${value}`);
};
const say = (line) => process.stdout.write(line + '\n');

const overlayText = () => {
  const host = document.querySelector('gazette-overlay');
  if (!host || !host.shadowRoot) return null;
  return [...host.shadowRoot.querySelectorAll('pre.problem')].map((pre) => pre.textContent);
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(new URL('a/', base).href);
  say('loaded ' + (await page.textContent('body')).trim());

  await next('changed');
  await page.waitForFunction(() => document.body.textContent.includes('A v2'), null, { timeout: 10000 });
  say('reloaded ' + (await page.textContent('body')).trim());

  await next('broken');
  await page.waitForFunction(overlayText, null, { timeout: 10000 });
  const shown = await page.evaluate(overlayText);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('gazette-overlay').shadowRoot;
    return root.querySelectorAll('img, script').length + (window.pwned ? 100 : 0);
  });
  await page.screenshot({ path: screenshot });
  say('overlay ' + JSON.stringify(shown) + ' injected=' + injected);

  const other = await browser.newPage();
  await other.goto(new URL('b/', base).href);
  await other.waitForFunction(overlayText, null, { timeout: 10000 });
  say('overlay-in-new-tab');

  await next('fixed');
  await page.waitForFunction(() => !document.querySelector('gazette-overlay'), null, { timeout: 10000 });
  await other.waitForFunction(() => !document.querySelector('gazette-overlay'), null, { timeout: 10000 });
  say('cleared');

  // A hidden tab lets go of its stream and catches up when it is shown again.
  const setVisibility = (state) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  await page.evaluate(setVisibility, 'hidden');
  say('hidden');
  await next('changed-while-hidden');
  await page.evaluate(setVisibility, 'visible');
  await page.waitForFunction(() => document.body.textContent.includes('A v3'), null, { timeout: 10000 });
  say('caught-up ' + (await page.textContent('body')).trim());
} catch (e) {
  say('error ' + String(e).split('\n')[0]);
  process.exitCode = 1;
} finally {
  await browser.close();
}
process.exit();
