// The browser client, reading the exported static index from disk, must rank exactly like Java's
// SearchService. ClientAgreementTest (Java) writes the export and Java's answers into a directory
// given by GAZETTE_AGREEMENT_DIR, then runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { diskLoader } from './fs-loader.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const search = require('../../../themes/default/static/js/search.js');

const dir = process.env.GAZETTE_AGREEMENT_DIR;

test('agreement fixture is present', { skip: !dir && 'GAZETTE_AGREEMENT_DIR not set (run via ClientAgreementTest)' }, () => {});

if (dir) {
  const expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8'));
  const index = search.createIndex(diskLoader(path.join(dir, 'site', 'search')));
  // Every syllable and prefix of more than one field split into a union and a detail file.
  const splitCounter = { bytes: 0, files: [] };
  const split = search.createIndex(diskLoader(path.join(dir, 'site-split', 'search'), splitCounter));
  for (const c of expected) {
    test(`same results as Java for ${JSON.stringify(c)}`.slice(0, 120), async () => {
      const res = await index.search(c.q, { tag: c.tag, year: c.year });
      assert.equal(res.total, c.total, 'total');
      const docs = await index.docs(res.ids.slice(0, c.urls.length || 10));
      assert.deepEqual(docs.map((d) => d.url), c.urls, 'ranked urls');
      if (c.titles) assert.deepEqual(docs.map((d) => d.title), c.titles, 'titles');
    });
    test(`split terms give the same answers for ${JSON.stringify(c)}`.slice(0, 120), async () => {
      const filter = { tag: c.tag, year: c.year };
      const all = await index.search(c.q, filter);
      assert.deepEqual(await split.search(c.q, filter), all, 'every result, refined');
      for (const options of [{ limit: 1 }, { limit: 3 }, { limit: 10 }, { limit: 3, prefix: true },
        { limit: 10, sort: 'newest' }, { limit: 2, prefix: true, sort: 'newest' }]) {
        const want = await index.search(c.q, filter, options);
        const got = await split.search(c.q, filter, options);
        assert.equal(got.total, want.total, 'total ' + JSON.stringify(options));
        assert.deepEqual(got.years, want.years, 'years ' + JSON.stringify(options));
        assert.deepEqual(got.ids.slice(0, options.limit), want.ids.slice(0, options.limit), 'first ids ' + JSON.stringify(options));
      }
    });
  }
}

if (dir) {
  test('a query settled by its phrase tier reads no detail file', async () => {
    const counter = { bytes: 0, files: [] };
    const split = search.createIndex(diskLoader(path.join(dir, 'site-split', 'search'), counter));
    await split.search('thi dua', {}, { limit: 1 });
    assert.ok(!counter.files.some((f) => f.startsWith('f/')), counter.files.join(' '));
    await split.search('thi dua');
    assert.ok(counter.files.some((f) => f.startsWith('f/')), 'all results ranked: details read');
  });

  test('a query settled by the title reads the first detail file only', async () => {
    const counter = { bytes: 0, files: [] };
    const split = search.createIndex(diskLoader(path.join(dir, 'site-split', 'search'), counter));
    await split.search('dua', {}, { limit: 3 });
    assert.ok(counter.files.some((f) => f.startsWith('f/')), counter.files.join(' '));
    assert.ok(!counter.files.some((f) => f.startsWith('g/')), counter.files.join(' '));
  });
}
