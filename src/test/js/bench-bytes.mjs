// Measures what the browser client downloads for queries against an exported index, and how long
// ranking takes once the data is there, asking for the 10 results the page shows first (limit: 10).
// Used by SearchBench (Java, test scope):
//   node src/test/js/bench-bytes.mjs <site-dir> "<cold query>" "<further query>" ...
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { diskLoader } from './fs-loader.mjs';

const require = createRequire(import.meta.url);
const clientPath = require.resolve('../../../themes/default/static/js/search.js');
const search = require(clientPath);
const passagesPath = require.resolve('../../../themes/default/static/js/passages.js');
const P = require(passagesPath);

const [site, ...queries] = process.argv.slice(2);
const clientBytes = (await stat(clientPath)).size + (await stat(passagesPath)).size;
const counter = { bytes: 0, files: [] };
const loader = diskLoader(path.join(site, 'search'), counter);
const index = search.createIndex(loader);
// Passages, as the page reads them: passages.json, then two Range reads per result shown.
const passages = P.createPassages(loader);
const report = [];
for (const [i, q] of queries.entries()) {
  const before = counter.bytes;
  const filesBefore = counter.files.length;
  const res = await index.search(q, {}, { limit: 10 });
  const ids = res.ids.slice(0, 10);
  // As the page does: each result's row and passage from its record, the chunks for what is missing.
  const afterTerms = counter.bytes;
  const found = await passages.passages(search.scan, ids, (await index.manifest()).version, res.terms, res.prefix);
  const passageBytes = counter.bytes - afterTerms;
  const missing = ids.filter((id, i) => !found[i]);
  if (missing.length) await index.docs(missing);
  const downloaded = counter.bytes - before + (i === 0 ? clientBytes : 0);
  // Ranking alone, data cached: the "after data arrives" cost.
  const t0 = performance.now();
  const runs = 20;
  for (let r = 0; r < runs; r++) await index.search(q, {}, { limit: 10 });
  const ms = (performance.now() - t0) / runs;
  report.push({ query: q, cold: i === 0, total: res.total, files: counter.files.length - filesBefore + (i === 0 ? 1 : 0),
    bytes: downloaded, passageBytes, rankMs: Number(ms.toFixed(2)) });
}
console.log(JSON.stringify({ clientBytes, queries: report }, null, 1));
