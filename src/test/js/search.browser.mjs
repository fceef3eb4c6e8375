// Real-browser test of the search page of an already-served built site.
//
//   node src/test/js/search.browser.mjs <site base URL> [options]
//     --query "hoi nghi"               typed without diacritics
//     --expect "Hội nghị Sơ kết"       a title that must appear in the results
//     --chromium /usr/bin/chromium
//
// Opens <base>/tim-kiem/, types the query, checks the expected title shows with highlighted
// words in their original diacritics, filters by year and by tag and checks the list changes
// accordingly, walks the results with the keyboard, reloads the shareable URL, and checks that a
// query matching nothing shows the no-result message. Exits non-zero on the first failure.
import { chromium } from 'playwright-core';

function args(argv) {
  const out = { base: argv[0], query: 'hoi nghi', expect: 'Hội nghị Sơ kết', chromium: '/usr/bin/chromium' };
  for (let i = 1; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!out.base) throw new Error('usage: node search.browser.mjs <base URL> [--query Q] [--expect TITLE]');
  if (!out.base.endsWith('/')) out.base += '/';
  return out;
}

const opts = args(process.argv.slice(2));
const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}

const browser = await chromium.launch({
  executablePath: opts.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(r.status() + ' ' + r.url()); });

  const results = page.locator('[data-role=results] > li');
  const status = page.locator('[data-role=status]');
  const settled = () => page.waitForFunction(() => {
    const root = document.querySelector('[data-gazette-search]');
    return root && root.dataset.ready === 'true' && !root.hasAttribute('aria-busy');
  });
  const titles = () => page.locator('[data-role=results] h2 a').allTextContents();
  const dates = () => page.locator('[data-role=results] time').allTextContents();

  await page.goto(opts.base + 'tim-kiem/');
  await settled();

  // 1. A query typed without diacritics finds the expected article.
  await page.locator('#search-q').fill(opts.query);
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).has('q'));
  await settled();
  const found = await titles();
  check(found.some((t) => t.includes(opts.expect)), `"${opts.query}" finds "${opts.expect}" (got ${found.length} results)`);
  const statusText = await status.textContent();
  check(/\d+ kết quả/.test(statusText || ''), `status announces the count: "${statusText}"`);
  check(await status.getAttribute('aria-live') === 'polite', 'status is an aria-live region');
  const marks = await page.locator('[data-role=results] mark').allTextContents();
  check(marks.some((m) => m !== m.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/gi, 'd')),
    `highlights keep the original diacritics: ${marks.slice(0, 6).join(', ')}`);
  const link = await page.locator('[data-role=results] h2 a').first().getAttribute('href');
  check(link && new URL(link, opts.base).href.startsWith(opts.base), `result links stay under the site base: ${link}`);

  // 2. Keyboard: ArrowDown from the box reaches the first result.
  await page.locator('#search-q').focus();
  await page.keyboard.press('ArrowDown');
  check(await page.evaluate(() => document.activeElement?.matches('[data-role=results] h2 a')), 'ArrowDown focuses the first result link');

  // 3. Year filter: only that year's articles, no more than before.
  const before = await results.count();
  const datesBefore = await dates();
  const expectedRow = page.locator('[data-role=results] > li', { hasText: opts.expect }).first();
  const year = ((await expectedRow.locator('time').textContent()) || '').slice(-4);
  await page.locator('#search-year').selectOption(year);
  await page.waitForFunction((y) => new URLSearchParams(location.search).get('year') === y, year);
  await settled();
  const yearDates = await dates();
  check(yearDates.length > 0 && yearDates.length <= before && yearDates.every((d) => d.endsWith('/' + year)),
    `year ${year} keeps only ${year} articles (${yearDates.join(' ')})`);
  if (datesBefore.some((d) => !d.endsWith('/' + year))) {
    check(yearDates.length < before, `the year filter removed the other years (${before} → ${yearDates.length})`);
  }
  check((await titles()).some((t) => t.includes(opts.expect)), `"${opts.expect}" is still there for ${year}`);

  // 4. Shareable URL: reloading shows the same list.
  const listed = await titles();
  await page.reload();
  await settled();
  check(JSON.stringify(await titles()) === JSON.stringify(listed), 'reloading the URL shows the same results');
  check(await page.locator('#search-q').inputValue() === opts.query, 'the box shows the query from the URL');

  // 5. Tag filter: every result carries the tag.
  await page.locator('#search-year').selectOption('');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('year'));
  await settled();
  const tag = (await page.locator('[data-role=results] .search-tag').first().textContent()) || '';
  await page.locator('[data-role=results] .search-tag').first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('tag'));
  await settled();
  const tagsPerResult = await page.locator('[data-role=results] > li').evaluateAll(
    (items) => items.map((li) => [...li.querySelectorAll('.search-tag')].map((b) => b.textContent)));
  check(tagsPerResult.length > 0 && tagsPerResult.every((tags) => tags.includes(tag)),
    `tag "${tag}" keeps only articles with that tag (${tagsPerResult.length})`);

  // 6. Back button returns to the unfiltered list.
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('tag'));
  await settled();
  check((await results.count()) === before, 'Back restores the previous results');

  // 7. Nothing found: the no-result message.
  await page.locator('#search-q').fill('zzqxw khongcotunay');
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-gazette-search]').hasAttribute('data-no-results'));
  const none = await status.textContent();
  check((await results.count()) === 0 && /Không tìm thấy/.test(none || ''), `no-result message: "${none}"`);

  check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.log('FAIL', e);
} finally {
  await browser.close();
}
console.log(`${failures.length ? failures.length + ' failed' : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
