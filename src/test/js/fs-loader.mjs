// A fetch-free loader for search.js's createIndex(): reads the exported static index from disk
// and counts what a browser would download.
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

export function diskLoader(searchDir, counter = { bytes: 0, files: [] }) {
  const read = async (p) => {
    const b = await readFile(path.join(searchDir, p));
    counter.bytes += b.length;
    counter.files.push(p);
    return b;
  };
  // What a server honouring Range sends: those bytes only.
  const range = async (p, offset, length) => {
    const file = await open(path.join(searchDir, p));
    try {
      const b = new Uint8Array(length);
      const { bytesRead } = await file.read(b, 0, length, offset);
      counter.bytes += bytesRead;
      counter.files.push(p + '#' + offset);
      return bytesRead === length ? b : null;
    } finally {
      await file.close();
    }
  };
  return {
    counter,
    json: async (p) => JSON.parse((await read(p)).toString('utf8')),
    bytes: async (p) => new Uint8Array(await read(p)),
    range,
  };
}
