/*
 * Gazette search passages: no dependencies, ES2017+.
 * For each result, the passage of the article that best matches the query: all query syllables
 * the text has, nearest together. The text comes from the files io.gazette.search.PassageExporter
 * writes under search/ (one deflated text per article, packed into a few large files), read with
 * HTTP Range requests and inflated with DecompressionStream. When a server ignores Range (for a
 * file larger than 32 KB), or the browser has no DecompressionStream, results keep their lead, and
 * nothing large is downloaded.
 * choose() picks the passage exactly as Snippets.around does in Java (gazette search, the preview).
 *
 * Loading: a classic <script defer> before search.js. It sets globalThis.GazettePassages (and
 * module.exports under CommonJS, for the Node tests).
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  root.GazettePassages = api;
  if (typeof module === 'object' && module && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  /** Passage length and context before the first match, as Snippets.DEFAULT_LENGTH / CONTEXT_BEFORE. */
  const LENGTH = 220;
  const CONTEXT_BEFORE = 40;
  const ELLIPSIS = '…';
  const WHITESPACE = /\s/u;

  /**
   * The passage of text that best matches: the run of matches spanning at most LENGTH - 40
   * characters with the most distinct query terms, then the shortest, then the earliest; it
   * starts up to 40 characters before its first match, on a word boundary, and is at most LENGTH
   * long. scan: GazetteSearch.scan. terms: folded query syllables; prefix: a folded start of a
   * syllable that also matches (the syllable being typed), or ''. Returns null when no syllable
   * of text matches. (A stored text the exporter cut ends in … itself.)
   */
  function choose(scan, text, terms, prefix, maxLength = LENGTH) {
    const nfc = String(text == null ? '' : text).normalize('NFC');
    const syllables = scan(nfc);
    const slotOf = new Map(terms.map((t, i) => [t, i]));
    const matches = [];
    const slots = [];
    syllables.forEach((s, i) => {
      const slot = slotOf.has(s.folded) ? slotOf.get(s.folded)
        : prefix && s.folded.startsWith(prefix) ? terms.length : -1;
      if (slot >= 0) { matches.push(i); slots.push(slot); }
    });
    if (!matches.length) return null;
    let bestFirst = matches[0];
    let bestDistinct = -1;
    let bestSpan = 0;
    for (let m = 0; m < matches.length; m++) {
      const from = syllables[matches[m]].start;
      const seen = new Set();
      let span = 0;
      for (let k = m; k < matches.length; k++) {
        const s = syllables[matches[k]];
        if (s.end - from > maxLength - CONTEXT_BEFORE) break;
        if (!seen.has(slots[k])) { seen.add(slots[k]); span = s.end - from; }
      }
      if (seen.size > bestDistinct || (seen.size === bestDistinct && span < bestSpan)) {
        bestDistinct = seen.size;
        bestSpan = span;
        bestFirst = matches[m];
      }
    }
    let first = bestFirst;
    const anchor = syllables[bestFirst].start;
    while (first > 0 && anchor - syllables[first - 1].start <= CONTEXT_BEFORE) first--;
    let start = 0;
    if (first > 0) {
      start = syllables[first].start;
      while (start > 0 && !WHITESPACE.test(nfc[start - 1])) start--;
    }
    let end = start;
    for (let i = first; i < syllables.length && syllables[i].end - start <= maxLength; i++) end = syllables[i].end;
    if (end === syllables[syllables.length - 1].end) end = nfc.length;
    return (start > 0 ? ELLIPSIS : '') + nfc.slice(start, end) + (end < nfc.length ? ELLIPSIS : '');
  }

  /** A record's text: its row (one line of JSON), then the text passages are cut from. */
  function parseRecord(t) {
    const nl = t.indexOf('\n');
    if (nl < 0) return null;
    try {
      const row = JSON.parse(t.slice(0, nl));
      return { doc: { url: row[0], title: row[1], date: row[2], tags: row[3], excerpt: row[4] }, text: t.slice(nl + 1) };
    } catch (e) {
      return null;
    }
  }

  /** Whether this browser can inflate the packed texts. */
  function canInflate() {
    if (typeof DecompressionStream !== 'function') return false;
    try { new DecompressionStream('deflate-raw'); return true; } catch (e) { return false; }
  }

  /** Text of one complete raw deflate stream. */
  async function inflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }

  /**
   * loader: {json(path), range(path, offset, length)} under search/; range resolves to exactly
   * those bytes, or null when the server does not answer with them (no Range support): then no
   * further passage is asked for. Everything is cached, so a further query only fetches texts it
   * has not seen.
   */
  function createPassages(loader) {
    let meta = null;
    let off = !canInflate();
    const texts = new Map();

    async function load() {
      if (!meta) meta = loader.json('passages.json').catch(() => null);
      return meta;
    }

    /** Pack id / per: its offsets first (two of them bound this text), then the texts. */
    async function fetchText(m, id) {
      const pack = 'p/' + Math.floor(id / m.per) + '.bin';
      const e = await loader.range(pack, (id % m.per) * 4, 8);
      if (!e) { off = true; return null; }
      const offset = (e[0] | (e[1] << 8) | (e[2] << 16) | (e[3] << 24)) >>> 0;
      const length = ((e[4] | (e[5] << 8) | (e[6] << 16) | (e[7] << 24)) >>> 0) - offset;
      if (!length) return '';
      const data = await loader.range(pack, offset, length);
      if (!data) { off = true; return null; }
      return inflate(data);
    }

    /**
     * The stored record of document id, {doc: {url, title, date, tags, excerpt}, text}, or null
     * when there is none to have: passages are off, or they belong to another build than the
     * index (indexVersion).
     */
    async function record(id, indexVersion) {
      if (off) return null;
      const m = await load();
      if (!m || m.format !== 2 || m.index !== indexVersion || !(id >= 0 && id < m.docs)) return null;
      if (!texts.has(id)) {
        texts.set(id, fetchText(m, id).catch(() => null).then((t) => {
          const r = t ? parseRecord(t) : null;
          if (!r) texts.delete(id);
          return r;
        }));
      }
      return texts.get(id);
    }

    /** The stored text of document id ('' when it has none), or null (see record). */
    async function text(id, indexVersion) {
      const r = await record(id, indexVersion);
      return r ? r.text : null;
    }

    /**
     * For each id, {doc, passage}: the result's row and its best passage for the query (null:
     * keep the excerpt); or null when there is no record (the caller reads the document chunks).
     */
    async function passages(scan, ids, indexVersion, terms, prefix) {
      if (off) return ids.map(() => null);
      return Promise.all(ids.map(async (id) => {
        const r = await record(id, indexVersion);
        if (!r) return null;
        return { doc: r.doc, passage: terms.length || prefix ? choose(scan, r.text, terms, prefix) : null };
      }));
    }

    return { record, text, passages, get off() { return off; } };
  }

  /** A whole file this small may be read when a server (or the browser's cache) answers a range with it. */
  const WHOLE_LIMIT = 32 * 1024;

  /**
   * A loader.range over fetch(): one Range request; those bytes, or null. A 200 answer (a server
   * that ignores Range) is read only when it is at most WHOLE_LIMIT (a small site works on any
   * host); a larger one is aborted at once rather than downloaded.
   */
  function fetchRange(url, offset, length) {
    const ctl = typeof AbortController === 'function' ? new AbortController() : null;
    // no-store: a browser cache holding the rest of a file may answer a range with the whole file
    // (Chromium does), which for a pack of megabytes would turn passages off. The page keeps what
    // it read in memory, so a further query asks for nothing twice.
    return fetch(url, {
      headers: { Range: 'bytes=' + offset + '-' + (offset + length - 1) }, cache: 'no-store', signal: ctl && ctl.signal,
    })
      .then((r) => {
        if (r.status === 206) {
          const range = /^bytes (\d+)-(\d+)\//.exec(r.headers.get('Content-Range') || '');
          if (range && Number(range[1]) === offset && Number(range[2]) === offset + length - 1) {
            return r.arrayBuffer().then((b) => (b.byteLength === length ? new Uint8Array(b) : null));
          }
        } else if (r.status === 200) {
          const size = Number(r.headers.get('Content-Length'));
          if (size > 0 && size <= WHOLE_LIMIT) {
            return r.arrayBuffer().then((b) => (b.byteLength >= offset + length ? new Uint8Array(b, offset, length) : null));
          }
        }
        if (ctl) ctl.abort();
        return null;
      });
  }

  return { LENGTH, choose, canInflate, inflate, createPassages, fetchRange };
});
