// What the search page adds on top of Java's ranking, over the same exported fixture as
// agreement.test.mjs (ClientAgreementTest writes it): the last syllable as a prefix, newest-first
// sorting and the category filter. Each is checked against the plain search it extends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diskLoader } from './fs-loader.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const search = require('../../../themes/default/static/js/search.js');

const dir = process.env.GAZETTE_AGREEMENT_DIR;

test('fixture is present', { skip: !dir && 'GAZETTE_AGREEMENT_DIR not set (run via ClientAgreementTest)' }, () => {});

if (dir) {
  const index = search.createIndex(diskLoader(path.join(dir, 'site', 'search')));
  const urls = async (res) => (await index.docs(res.ids)).map((d) => d.url);

  test('the last syllable being typed matches as the start of a word', async () => {
    const whole = await index.search('khen thuong');
    assert.ok(whole.total > 0);
    const typing = await index.search('khen thu', {}, { prefix: true });
    assert.equal(typing.prefix, 'thu');
    // Everything "khen thuong" finds, "khen thu" finds as well, with the phrase-ranked first.
    const typed = await urls(typing);
    for (const u of await urls(whole)) assert.ok(typed.includes(u), u);
    assert.equal(typed[0], (await urls(whole))[0]);
    // Without prefix matching "thu" is a syllable of its own, which these articles lack.
    const exact = await index.search('khen thu');
    assert.ok(exact.total < typing.total, `${exact.total} < ${typing.total}`);
    // Diacritics typed so far fold as usual; a whole syllable still matches itself.
    assert.equal((await index.search('khen thư', {}, { prefix: true })).total, typing.total);
    assert.equal((await index.search('khen thuong', {}, { prefix: true })).total, whole.total);
    // One letter is not enough to guess from: the query waits for the next one.
    assert.equal((await index.search('khen t', {}, { prefix: true })).total,
      (await index.search('khen')).total);
    // Nothing starts so: no results, not an error.
    assert.equal((await index.search('khen zzq', {}, { prefix: true })).total, 0);
  });

  test('highlighting marks the words the prefix starts', () => {
    const parts = search.highlight('Khen thưởng và thu hút', ['khen'], 'thu');
    assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Khen', 'thưởng', 'thu']);
  });

  test('newest first sorts the same results by date', async () => {
    const relevance = await index.search('thi dua');
    const newest = await index.search('thi dua', {}, { sort: 'newest' });
    assert.equal(newest.total, relevance.total);
    // Documents are numbered oldest first: newest first is by decreasing number.
    assert.deepEqual([...newest.ids].sort((a, b) => b - a), newest.ids);
    assert.notDeepEqual(newest.ids, relevance.ids, 'the fixture ranks some older article first');
    const dates = (await index.docs(newest.ids)).map((d) => d.date).filter(Boolean);
    assert.deepEqual([...dates].sort().reverse(), dates);
  });

  test('the category filter keeps only that category', async () => {
    const m = await index.manifest();
    assert.ok(m.categories.some((c) => c[0] === 'Hoạt động của Khối'), JSON.stringify(m.categories));
    const all = await index.search('thi dua khen thuong');
    const inCategory = await index.search('thi dua khen thuong', { category: 'hoạt động của khối' });
    const got = await urls(inCategory);
    assert.ok(inCategory.total > 0 && inCategory.total < all.total, `${inCategory.total} of ${all.total}`);
    assert.ok(got.includes('2014/08/hoi-nghi-so-ket/') && got.includes('2015/01/tong-ket-nam-2014/'), got.join(' '));
    const browse = await index.search('', { category: 'Hoạt động của Khối' });
    assert.equal(browse.total, m.categories.find((c) => c[0] === 'Hoạt động của Khối')[1]);
    assert.equal((await index.search('thi dua', { category: 'Không có chuyên mục này' })).total, 0);
  });
}
