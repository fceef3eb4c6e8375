import { createRequire } from 'node:module';
import path from 'node:path';
import { diskLoader } from './fs-loader.mjs';
import { stat } from 'node:fs/promises';
const require = createRequire(import.meta.url);
const search = require('../../../themes/default/static/js/search.js');
const [site, ...queries] = process.argv.slice(2);
const dir = path.join(site, 'search');
const counter = { bytes: 0, files: [] };
const index = search.createIndex(diskLoader(dir, counter));
for (const q of queries) {
  const f0 = counter.files.length;
  const res = await index.search(q);
  const f1 = counter.files.length;
  await index.docs(res.ids.slice(0, 10));
  const list = [];
  for (const [i, f] of counter.files.slice(f0).entries()) list.push(f + ':' + (await stat(path.join(dir, f))).size + (f0 + i >= f1 ? 'D' : ''));
  console.log(q, res.total, list.join(' '));
}
