// Real-browser test of an article with photos and a YouTube embed, on an already-served site.
//
//   node src/test/js/media.browser.mjs <article URL> [--chromium /usr/bin/chromium]
//
// 1. On a narrow screen the lead photo's srcset loads the 480-pixel copy, on a wide high-density
//    screen the 1600-pixel one: the browser gets a resized file of the width it needs.
// 2. The YouTube embed requests nothing from any other host until it is clicked; the click puts a
//    youtube-nocookie.com player in its place (the request is answered locally: no network).
// Exits non-zero on the first failure.
import { chromium } from 'playwright-core';

const url = process.argv[2];
let executablePath = '/usr/bin/chromium';
for (let i = 3; i < process.argv.length; i += 2) if (process.argv[i] === '--chromium') executablePath = process.argv[i + 1];
if (!url) throw new Error('usage: node media.browser.mjs <article URL>');
const origin = new URL(url).origin;

const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function leadPhoto(viewport, deviceScaleFactor) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const images = [];
  page.on('request', (r) => { if (r.resourceType() === 'image') images.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  const lead = page.locator('.lead-image img');
  await lead.evaluate((img) => img.complete || new Promise((done) => img.addEventListener('load', done)));
  // naturalWidth is scaled by the srcset density; the file's own width is what was sent.
  const info = await lead.evaluate(async (img) => {
    const bitmap = await createImageBitmap(await (await fetch(img.currentSrc)).blob());
    return { current: img.currentSrc, natural: bitmap.width };
  });
  await context.close();
  return { ...info, images };
}

try {
  const narrow = await leadPhoto({ width: 400, height: 800 }, 1);
  check(narrow.current.endsWith('-480.jpg') && narrow.natural === 480,
    `a 400 px screen loads the 480 px copy (${narrow.current}, ${narrow.natural} px wide)`);
  check(!narrow.images.some((u) => /-1600\.jpg$/.test(u)), 'and not the 1600 px one');
  const wide = await leadPhoto({ width: 1400, height: 900 }, 2);
  check(wide.current.endsWith('-1600.jpg') && wide.natural === 1600,
    `a wide 2x screen loads the 1600 px copy (${wide.current}, ${wide.natural} px wide)`);

  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const elsewhere = [];
  await page.route('**/*', (route) => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) return route.continue();
    elsewhere.push(request.url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('.embed-youtube a').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  check(elsewhere.length === 0, `before the click nothing is requested from another host (${elsewhere.join(', ') || 'none'})`);
  check(await page.locator('iframe').count() === 0, 'before the click there is no player');
  await page.locator('.embed-youtube a').click();
  const frame = page.locator('.embed-youtube iframe');
  await frame.waitFor();
  const src = await frame.getAttribute('src');
  check(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?autoplay=1&start=90$/.test(src || ''), `the click puts the player in place: ${src}`);
  await page.waitForTimeout(300);
  check(elsewhere.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/')), 'only then is YouTube asked');
  await context.close();
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all media checks passed');
