// Real-browser test of the search page's reader features on an already-served built site made by
// SearchFeaturesBrowserTest: the last syllable matching as a prefix while typing, sorting, the
// category filter, "more results" and the shareable URL.
//
//   node src/test/js/search-features.browser.mjs <site base URL> [--chromium /usr/bin/chromium]
import { chromium } from 'playwright-core';

const base = process.argv[2].endsWith('/') ? process.argv[2] : process.argv[2] + '/';
const executablePath = process.argv[4] || '/usr/bin/chromium';
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
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(r.status() + ' ' + r.url()); });
  const settled = () => page.waitForFunction(() => {
    const root = document.querySelector('[data-gazette-search]');
    return root && root.dataset.ready === 'true' && !root.hasAttribute('aria-busy');
  });
  const titles = () => page.locator('[data-role=results] h2 a').allTextContents();
  const dates = () => page.locator('[data-role=results] time').getAttribute === undefined ? [] :
    page.locator('[data-role=results] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const param = (name) => page.evaluate((n) => new URLSearchParams(location.search).get(n), name);
  const status = () => page.locator('[data-role=status]').textContent();

  await page.goto(base + 'tim-kiem/');
  await settled();

  // 1. Typing "khen thu" (no Enter): the last syllable matches as a prefix.
  await page.locator('#search-q').pressSequentially('khen thu', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'khen thu');
  await settled();
  const typed = await titles();
  check(typed.some((t) => t.includes('Khen thưởng tập thể')), `typing "khen thu" finds "Khen thưởng tập thể…" (${typed.length} results)`);
  check(!typed.some((t) => t.includes('Lời khen')), 'an article with "khen" but no word starting "thu" is left out');
  const marks = await page.locator('[data-role=results] mark').allTextContents();
  check(marks.some((m) => m.toLowerCase() === 'thưởng'), `the typed start highlights "thưởng": ${marks.slice(0, 8).join(', ')}`);

  // 2. A query with more than one page of results: the count, then "more results".
  await page.locator('#search-q').fill('thi dua');
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'thi dua');
  await settled();
  const total = Number(((await status()) || '').match(/(\d+) kết quả/)?.[1]);
  const firstPage = await titles();
  check(total > 10 && firstPage.length === 10, `"thi dua": ${total} results, 10 shown`);
  check(/đang hiện 10/.test((await status()) || ''), `status says how many are shown: "${await status()}"`);
  await page.locator('[data-role=more]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
  await settled();
  const more = await titles();
  check(more.length === Math.min(20, total) && JSON.stringify(more.slice(0, 10)) === JSON.stringify(firstPage),
    `"more results" adds the next ones below the first ten (${more.length})`);
  check(await page.evaluate(() => document.activeElement?.closest('li')
    === document.querySelectorAll('[data-role=results] > li')[10]), 'focus moves to the first new result');
  check((await page.locator('[data-role=more]').count()) === (total > 20 ? 1 : 0), 'no "more" button once all are shown');
  const relevance = await titles();

  // 3. Newest first: the same results, dates descending, an order that differs from relevance.
  await page.locator('#search-sort').selectOption('newest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'newest');
  await settled();
  const newestDates = await dates();
  check(newestDates.length > 1 && newestDates.every((d, i) => i === 0 || d <= newestDates[i - 1]),
    `newest first: ${newestDates.slice(0, 5).join(' ')}…`);
  const newest = await titles();
  check(newest[0] !== relevance[0], `sorting changes the first result (${relevance[0]} → ${newest[0]})`);

  // 4. Category filter: fewer results, each one from the category (its titles say so).
  await page.locator('#search-cat').selectOption('Thông báo');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('cat') === 'Thông báo');
  await settled();
  const inCategory = await titles();
  check(inCategory.length > 0 && inCategory.every((t) => t.startsWith('Thông báo')),
    `category "Thông báo" keeps only its articles (${inCategory.length}): ${inCategory.slice(0, 3).join(' | ')}`);
  const catTotal = Number(((await status()) || '').match(/(\d+) kết quả/)?.[1]);
  check(catTotal < total, `the category narrows ${total} → ${catTotal}`);

  // 5. The URL keeps query, category and sort: a reload shows the same list and form.
  const before = await titles();
  await page.reload();
  await settled();
  check(JSON.stringify(await titles()) === JSON.stringify(before), 'reloading the URL shows the same results');
  check(await page.locator('#search-cat').inputValue() === 'Thông báo', 'the category is selected again');
  check(await page.locator('#search-sort').inputValue() === 'newest', 'the sort is selected again');
  check(await page.locator('#search-q').inputValue() === 'thi dua', 'the box shows the query');
  check(await param('q') === 'thi dua' && await param('cat') === 'Thông báo' && await param('sort') === 'newest',
    'q, cat and sort are in the URL');

  check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.log('FAIL', e);
} finally {
  await browser.close();
}
console.log(`${failures.length ? failures.length + ' failed' : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
