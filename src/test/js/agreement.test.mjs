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
  for (const c of expected) {
    test(`same results as Java for ${JSON.stringify(c)}`.slice(0, 120), async () => {
      const res = await index.search(c.q, { tag: c.tag, year: c.year });
      assert.equal(res.total, c.total, 'total');
      const docs = await index.docs(res.ids.slice(0, c.urls.length || 10));
      assert.deepEqual(docs.map((d) => d.url), c.urls, 'ranked urls');
      if (c.titles) assert.deepEqual(docs.map((d) => d.title), c.titles, 'titles');
    });
  }
}
