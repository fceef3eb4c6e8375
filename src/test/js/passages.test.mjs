// The passage a result shows (passages.js choose), on the same texts as Java's SnippetsPassageTest
// (Snippets.around): both must give these exact passages, so the search page, `gazette search`
// and the preview agree. And the reading side: a stored text comes back through Range reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const search = require('../../../themes/default/static/js/search.js');
const P = require('../../../themes/default/static/js/passages.js');
const choose = (text, query, prefix = '') => P.choose(search.scan, text, search.parseQuery(query).unigrams, prefix);

const FILLER = 'Các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua. ';
export const TEXT = 'Sáng nay, nhà trường tổ chức lễ tổng kết năm học. Phong trào thi đua được phát động từ đầu năm. '
  + FILLER.repeat(4) + 'Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc. '
  + FILLER.repeat(3) + 'Năm sau, khen thưởng sẽ được mở rộng.';

export const EXPECTED = {
  'thi dua khen thuong': '…học kỳ vừa qua. Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể'
    + ' xuất sắc. Các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua. Các lớp báo'
    + ' cáo kết…',
  // Both words are in many places; "giấy khen cho các" has them nearest together.
  'khen cac': '…đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc. Các lớp báo cáo kết quả học tập,'
    + ' rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua. Các lớp báo cáo kết quả học tập, rèn luyện và hoạt'
    + ' động ngoại…',
  // Only the last sentence has all three; it ends the text: no trailing ellipsis.
  'khen thuong duoc': '…khóa trong học kỳ vừa qua. Năm sau, khen thưởng sẽ được mở rộng.',
};

test('the passage holds every query word the text has, nearest together, not the first match', () => {
  for (const [q, expected] of Object.entries(EXPECTED)) assert.equal(choose(TEXT, q), expected, q);
  // At the start of the text, no leading ellipsis; no match, no passage.
  assert.equal(choose('Phong trào thi đua được phát động từ đầu năm.', 'phat dong'),
    'Phong trào thi đua được phát động từ đầu năm.');
  assert.equal(choose(TEXT, 'xe dap'), null);
});

test('the syllable being typed matches as a prefix', () => {
  const p = choose(TEXT, 'khen', 'thu');
  assert.match(p, /Hội đồng Thi đua, Khen thưởng/);
});

test('a record is read back with two Range reads of its pack and inflated: row, then text', async () => {
  const { deflateRawSync } = await import('node:zlib');
  const row = (i) => JSON.stringify(['a/' + i + '/', 'Bài ' + i, '2014-08-18', ['Thi đua'], 'Mở đầu']);
  const texts = ['Một', TEXT, ''];
  const records = texts.map((t, i) => deflateRawSync(Buffer.from(row(i) + '\n' + t, 'utf8')));
  const header = 4 * (texts.length + 1);
  const offsets = Buffer.alloc(header);
  let at = header;
  records.forEach((r, i) => { offsets.writeUInt32LE(at, 4 * i); at += r.length; });
  offsets.writeUInt32LE(at, 4 * texts.length);
  const files = { 'p/0.bin': Buffer.concat([offsets, ...records]) };
  const reads = [];
  const loader = {
    json: async () => ({ format: 2, index: 'v', docs: 3, per: 1024, packs: 1 }),
    range: async (p, offset, length) => { reads.push([p, offset, length]); return new Uint8Array(files[p].subarray(offset, offset + length)); },
  };
  const ps = P.createPassages(loader);
  assert.equal(await ps.text(1, 'v'), TEXT);
  assert.deepEqual(reads, [['p/0.bin', 4, 8], ['p/0.bin', header + records[0].length, records[1].length]]);
  assert.equal(await ps.text(1, 'v'), TEXT); // cached
  assert.equal(reads.length, 2);
  assert.equal(await ps.text(2, 'v'), '');
  assert.deepEqual((await ps.record(0, 'v')).doc, { url: 'a/0/', title: 'Bài 0', date: '2014-08-18', tags: ['Thi đua'], excerpt: 'Mở đầu' });
  // Another build's passages, or a document past the end: none.
  assert.equal(await ps.text(1, 'other'), null);
  assert.equal(await ps.text(3, 'v'), null);
  const found = await ps.passages(search.scan, [1, 0], 'v', ['khen', 'thuong'], '');
  assert.match(found[0].passage, /Khen thưởng/);
  assert.equal(found[0].doc.url, 'a/1/');
  // A record without a match keeps its row: the page shows the excerpt.
  assert.equal(found[1].passage, null);
  assert.equal(found[1].doc.title, 'Bài 0');
});

test('a server that ignores Range turns passages off for good', async () => {
  let calls = 0;
  const ps = P.createPassages({
    json: async () => ({ format: 2, index: 'v', docs: 3, per: 1024, packs: 1 }),
    range: async () => { calls++; return null; },
  });
  assert.equal(await ps.text(0, 'v'), null);
  assert.equal(ps.off, true);
  assert.deepEqual(await ps.passages(search.scan, [0, 1, 2], 'v', ['khen'], ''), [null, null, null]);
  assert.equal(calls, 1);
});
