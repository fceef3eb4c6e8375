// Real-browser test of search passages on an already-served built site (PassagesBrowserTest
// writes it): the article's lead lacks the query words, which come far into its body.
//
//   node src/test/js/passages.browser.mjs <site base URL>
//
// 1. "thi dua khen thuong" shows, under the article, a passage holding every query word, marked
//    in the article's own spelling, and not the lead.
// 2. Typing "khen thu" (the last syllable as a prefix) marks "khen thưởng" in the passage.
// 3. A server that ignores Range (answers 200 with the whole, large, file) gets the lead shown,
//    and the page asks for no more passages.
// 4. A browser without DecompressionStream shows the lead and asks for no passage file.
// Exits non-zero on the first failure.
import { chromium } from 'playwright-core';

const base = (process.argv[2] || '').replace(/\/?$/, '/');
if (base === '/') throw new Error('usage: node passages.browser.mjs <base URL>');
const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function open(setup) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/search/')) requests.push({ url: r.url(), range: r.headers().range || '' }); });
  if (setup) await setup(page);
  return { context, page, errors, requests };
}

/** Opens url, or (given a query) types it into the search box of the page already open. */
async function search(page, url) {
  if (url.includes('/')) {
    await page.goto(url);
  } else {
    await page.locator('#search-q').fill(url);
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, url);
  }
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-gazette-search]');
    return root && root.dataset.ready === 'true' && !root.hasAttribute('aria-busy')
      && document.querySelector('[data-role=results] .search-snippet');
  });
  const li = page.locator('[data-role=results] > li', { hasText: 'Tổng kết năm học' }).first();
  return {
    snippet: await li.locator('.search-snippet').textContent(),
    marks: await li.locator('.search-snippet mark').allTextContents(),
  };
}

const LEAD = 'Sáng nay, nhà trường tổ chức lễ tổng kết';
try {
  {
    const { context, page, errors, requests } = await open();
    const got = await search(page, base + 'tim-kiem/?q=' + encodeURIComponent('thi dua khen thuong'));
    check(!got.snippet.startsWith(LEAD), `the passage is not the lead: "${got.snippet.slice(0, 60)}…"`);
    const folded = got.marks.map((m) => m.toLowerCase());
    for (const word of ['thi', 'đua', 'khen', 'thưởng']) {
      check(folded.includes(word), `"${word}" is marked in its own spelling (marks: ${got.marks.join(', ')})`);
    }
    check(/thi đua,? khen thưởng/i.test(got.snippet), `the words stand together in the passage: "${got.snippet}"`);
    check(requests.some((r) => r.url.includes('/search/p/') && r.range), 'passages were read with Range requests');
    // A further query on the same page, as the reader types.
    const typed = await search(page, 'khen thu');
    check(typed.marks.some((m) => m.toLowerCase() === 'thưởng'), `"khen thu" marks "thưởng" (marks: ${typed.marks.join(', ')})`);
    check(errors.length === 0, 'no page errors: ' + errors.join('; '));
    await context.close();
  }
  {
    // A host that ignores Range: every passage file comes back whole with 200, and large (padded
    // past the 32 KB a page reads whole; offsets stay valid).
    let served = 0;
    const { context, page, errors } = await open((p) => p.route('**/search/p/**', async (route) => {
      served++;
      const headers = { ...route.request().headers() };
      delete headers.range;
      const whole = await route.fetch({ headers });
      const body = Buffer.concat([await whole.body(), Buffer.alloc(100 * 1024)]);
      await route.fulfill({ status: 200, body, headers: { 'content-type': 'application/octet-stream' } });
    }));
    const got = await search(page, base + 'tim-kiem/?q=' + encodeURIComponent('thi dua khen thuong'));
    check(got.snippet.startsWith(LEAD), `without Range support the lead is shown: "${got.snippet.slice(0, 60)}…"`);
    const first = served;
    check(first >= 1 && first <= 2, `one offsets request per result at most (got ${first})`);
    const again = await search(page, 'khen thuong');
    check(again.snippet.startsWith(LEAD) && served === first, `then no more passage requests (got ${served - first})`);
    check(errors.length === 0, 'no page errors: ' + errors.join('; '));
    await context.close();
  }
  {
    const { context, page, errors, requests } = await open((p) => p.addInitScript(() => { delete globalThis.DecompressionStream; }));
    const got = await search(page, base + 'tim-kiem/?q=' + encodeURIComponent('thi dua khen thuong'));
    check(got.snippet.startsWith(LEAD), `without DecompressionStream the lead is shown: "${got.snippet.slice(0, 60)}…"`);
    check(!requests.some((r) => r.url.includes('/search/p/')), 'and no passage file is asked for');
    check(errors.length === 0, 'no page errors: ' + errors.join('; '));
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(failures.length ? `${failures.length} failed` : 'all passed');
process.exit(failures.length ? 1 : 0);
