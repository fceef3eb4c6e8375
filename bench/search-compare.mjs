// Compares Gazette's static search with Pagefind on the same built site, in headless Chromium:
// bytes downloaded per query (cold: first query of a fresh browser; warm: a further query on the
// same page), time from the data arriving to results on screen, and the top results.
//
//   node bench/search-compare.mjs <base URL of the served site> "query one" "query two" ...
//
// Needs playwright-core (src/test/js: npm ci) and Debian's chromium. The site must be served by a
// server that does not compress (bench/range_server.py), so bytes are what a plain host sends.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../src/test/js/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [base, ...queries] = process.argv.slice(2);
if (!base || queries.length === 0) {
  console.error('usage: node bench/search-compare.mjs <base URL> "query" ...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Bytes of the responses whose URL passes `counted`, while `action` runs. */
async function measure(page, counted, action) {
  let bytes = 0;
  let files = 0;
  const pending = [];
  const listener = (response) => {
    if (!counted(response.url())) return;
    pending.push(response.body().then((b) => { bytes += b.length; files += 1; }).catch(() => {}));
  };
  page.on('response', listener);
  const result = await action();
  await Promise.all(pending);
  page.off('response', listener);
  return { bytes, files, ...result };
}

async function gazette(page, query, first) {
  const counted = (u) => u.includes('/search/') || u.endsWith('/js/search.js') || u.endsWith('/js/passages.js');
  return measure(page, counted, async () => {
    if (first) {
      await page.goto(base + 'tim-kiem/?q=' + encodeURIComponent(query));
    } else {
      await page.fill('#search-q', query);
      await page.press('#search-q', 'Enter');
    }
    await page.waitForFunction((q) => {
      const root = document.querySelector('[data-gazette-search]');
      return root && root.dataset.ready === 'true' && !root.hasAttribute('aria-busy')
        && new URLSearchParams(location.search).get('q') === q;
    }, query);
    const titles = await page.locator('[data-role=results] h2 a').allTextContents();
    return { top: titles.slice(0, 5) };
  });
}

async function pagefind(page, query, first) {
  const counted = (u) => u.includes('/pagefind/');
  return measure(page, counted, async () => {
    if (first) {
      await page.goto(base + '404.html');
    }
    const out = await page.evaluate(async (q) => {
      const pf = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
      const t0 = performance.now();
      const search = await pf.search(q);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return { top: data.slice(0, 5).map((d) => d.meta.title), totalMs: performance.now() - t0 };
    }, query);
    return out;
  });
}

const report = { gazette: [], pagefind: [] };
for (const [name, run] of [['gazette', gazette], ['pagefind', pagefind]]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (let i = 0; i < queries.length; i++) {
    const r = await run(page, queries[i], i === 0);
    report[name].push({ query: queries[i], cold: i === 0, ...r });
  }
  await context.close();
}
await browser.close();

for (const name of ['gazette', 'pagefind']) {
  console.log(`\n### ${name}`);
  console.log('| query | cold? | KB downloaded | files | top results |');
  console.log('|---|---|---|---|---|');
  for (const r of report[name]) {
    console.log(`| \`${r.query}\` | ${r.cold ? 'cold' : 'further'} | ${(r.bytes / 1024).toFixed(1)} | ${r.files} | ${r.top.map((t) => t.replace(/\|/g, '/')).join(' · ')} |`);
  }
}
