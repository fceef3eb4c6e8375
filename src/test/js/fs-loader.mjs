// A fetch-free loader for search.js's createIndex(): reads the exported static index from disk
// and counts what a browser would download.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function diskLoader(searchDir, counter = { bytes: 0, files: [] }) {
  const read = async (p) => {
    const b = await readFile(path.join(searchDir, p));
    counter.bytes += b.length;
    counter.files.push(p);
    return b;
  };
  return {
    counter,
    json: async (p) => JSON.parse((await read(p)).toString('utf8')),
    bytes: async (p) => new Uint8Array(await read(p)),
  };
}
