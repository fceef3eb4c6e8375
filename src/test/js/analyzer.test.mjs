// Checks that search.js tokenizes exactly like the Java analyzer, against the vectors that
// AnalyzerVectorsTest (Java) generates and keeps fresh. Run: node --test src/test/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const search = require('../../../themes/default/static/js/search.js');
const vectors = JSON.parse(readFileSync(new URL('../resources/search/analyzer-vectors.json', import.meta.url), 'utf8'));

test('vectors file is not empty and includes decomposed input', () => {
  assert.ok(vectors.length >= 10);
  assert.ok(vectors.some((v) => v.input !== v.input.normalize('NFC')), 'an NFD input');
});

for (const [i, v] of vectors.entries()) {
  test(`vector ${i}: ${JSON.stringify(v.input).slice(0, 40)}`, () => {
    assert.deepEqual(search.tokens(v.input, false), v.exact, 'exact tokens');
    assert.deepEqual(search.tokens(v.input, true), v.folded, 'folded tokens');
    assert.equal(search.tagKey(v.input), v.tagKey, 'tag key');
  });
}

test('NFD and NFC queries fold the same', () => {
  const nfc = 'Thi đua khen thưởng Đà Nẵng';
  assert.deepEqual(search.tokens(nfc.normalize('NFD'), true), search.tokens(nfc, true));
  assert.deepEqual(search.tokens(nfc, true), ['thi', 'dua', 'khen', 'thuong', 'da', 'nang']);
});

test('FNV-1a matches the Java shard hash', () => {
  assert.equal(search.fnv1a(''), 0x811c9dc5);
  assert.equal(search.fnv1a('a'), 3826002220);
});

test('highlight keeps the original spelling and marks folded matches', () => {
  const parts = search.highlight('Công tác thi đua, khen thưởng', ['dua', 'thuong']);
  assert.deepEqual(parts, [
    { text: 'Công tác thi ', mark: false },
    { text: 'đua', mark: true },
    { text: ', khen ', mark: false },
    { text: 'thưởng', mark: true },
  ]);
});

test('dates are shown the Vietnamese way', () => {
  assert.equal(search.formatDate('2014-08-18'), '18/08/2014');
  assert.equal(search.formatDate(''), '');
});
