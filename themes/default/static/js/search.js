/*
 * Gazette search client: no dependencies, ES2017+.
 * Reads the static index written by io.gazette.search.StaticIndexExporter and ranks exactly like
 * io.gazette.search.SearchService. Tokenizing and folding mirror VietnameseTokens.java line by
 * line; src/test/js/analyzer.test.mjs checks them against vectors the Java side generates.
 *
 * Loading: a classic <script defer>. It sets globalThis.GazetteSearch (and module.exports under
 * CommonJS, which is how the Node tests load it), then mounts itself on [data-gazette-search].
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  root.GazetteSearch = api;
  if (typeof module === 'object' && module && module.exports) module.exports = api;
  if (root.document) {
    const start = () => {
      const el = root.document.querySelector('[data-gazette-search]');
      if (el) api.mount(el);
    };
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  // ---- Tokens: keep in step with VietnameseTokens.java ----
  const TOKEN = /[\p{L}\p{M}\p{Nd}]+/gu;
  const MARK = /\p{Mn}/gu;
  const MAX_TOKEN_LENGTH = 64;
  const formsCache = new Map();

  function forms(raw) {
    let f = formsCache.get(raw);
    if (f === undefined) {
      const exact = raw.toLowerCase().normalize('NFC');
      f = exact.length > MAX_TOKEN_LENGTH ? null : [exact, fold(exact)];
      if (formsCache.size < 50000) formsCache.set(raw, f);
    }
    return f;
  }

  function fold(exact) {
    return exact.normalize('NFD').replace(MARK, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  }

  /** [{start, end, exact, folded}]; offsets into text.normalize('NFC'). */
  function scan(text) {
    const nfc = String(text == null ? '' : text).normalize('NFC');
    const out = [];
    for (const m of nfc.matchAll(TOKEN)) {
      const f = forms(m[0]);
      if (f) out.push({ start: m.index, end: m.index + m[0].length, exact: f[0], folded: f[1] });
    }
    return out;
  }

  function tokens(text, folded) {
    return scan(text).map((s) => (folded ? s.folded : s.exact));
  }

  function tagKey(tag) {
    return tokens(tag, false).join(' ');
  }

  function parseQuery(query) {
    return parseTokens(scan(query), false);
  }

  /**
   * Terms of scanned query tokens. With prefix, the last token is the start of a syllable still
   * being typed: it is left out of unigrams and spellings (search() looks it up as a prefix), and
   * its pair with the token before becomes optional (lastPair).
   */
  function parseTokens(s, prefix) {
    const unigrams = new Set();
    const bigrams = new Set();
    const exacts = new Set();
    let lastPair = '';
    s.forEach((t, i) => {
      const isPrefix = prefix && i === s.length - 1;
      if (!isPrefix) {
        unigrams.add(t.folded);
        exacts.add(t.exact);
      }
      if (i > 0) {
        const pair = s[i - 1].folded + ' ' + t.folded;
        if (isPrefix) lastPair = pair;
        else bigrams.add(pair);
      }
    });
    // Spelling only counts when the query was typed with diacritics (ParsedQuery.java).
    const diacritics = s.some((t) => t.exact !== t.folded);
    return { unigrams: [...unigrams], bigrams: [...bigrams], exacts: diacritics ? [...exacts] : [], lastPair };
  }

  // ---- Static index ----
  /** The flag of a split entry's field mask (StaticIndexExporter.SPLIT). */
  const SPLIT = 0x80;
  /** A split term's fields in its first detail file (StaticIndexExporter.FIRST_FIELDS). */
  const FIRST_FIELDS = 2;
  const utf8 = new TextEncoder();
  const utf8d = new TextDecoder();

  function fnv1a(key) {
    let h = 0x811c9dc5;
    for (const b of utf8.encode(key)) h = Math.imul(h ^ b, 0x01000193);
    return h >>> 0;
  }

  class Reader {
    constructor(bytes, pos = 0) { this.b = bytes; this.p = pos; }
    byte() { return this.b[this.p++]; }
    varint() {
      let v = 0;
      let shift = 0;
      let b;
      do { b = this.b[this.p++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return v;
    }
    str() { const n = this.varint(); const s = utf8d.decode(this.b.subarray(this.p, this.p + n)); this.p += n; return s; }
    /** Marks mask in out[doc] for every document of the next docset. */
    docset(out, mask) {
      const type = this.byte();
      if (type === 0) {
        let n = this.varint();
        let d = this.varint();
        out[d] |= mask;
        while (--n > 0) { d += this.varint() + 1; out[d] |= mask; }
      } else if (type === 2) {
        // Every document from the first to the last except the listed ones (gaps from the first).
        const first = this.varint();
        const last = first + this.varint();
        let n = this.varint();
        let next = n ? first + this.varint() + 1 : last + 1;
        for (let d = first; d <= last; d++) {
          if (d === next) { next = --n > 0 ? next + this.varint() + 1 : last + 1; continue; }
          out[d] |= mask;
        }
      } else {
        const start = this.varint();
        const len = this.varint();
        for (let i = 0; i < len; i++) {
          const byte = this.b[this.p + i];
          if (byte) for (let j = 0; j < 8; j++) if (byte & (1 << j)) out[start + i * 8 + j] |= mask;
        }
        this.p += len;
      }
    }
  }

  /**
   * The shard table (search/shards.bin, ShardCutter.table in Java): the first hash bucket of each
   * shard, Rice-coded gaps.
   */
  function decodeTable(bytes) {
    const r = new Reader(bytes);
    const count = r.varint();
    const k = r.byte();
    const starts = new Int32Array(count);
    let bit = r.p * 8;
    const next = () => (bytes[bit >> 3] >> (7 - (bit++ & 7))) & 1;
    for (let i = 1; i < count; i++) {
      let q = 0;
      while (next()) q++;
      let low = 0;
      for (let j = 0; j < k; j++) low = low * 2 + next();
      starts[i] = starts[i - 1] + q * 2 ** k + low + 1;
    }
    return starts;
  }

  /** The start of the shard holding bucket: the last start at or below it. */
  function shardStart(starts, bucket) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= bucket) lo = mid; else hi = mid - 1;
    }
    return starts[lo];
  }

  /**
   * loader: {json(path), bytes(path)} resolving paths under the search/ directory.
   * Everything fetched is cached, so a further query only fetches the shards it has not seen.
   */
  function createIndex(loader) {
    let manifest = null;
    const files = new Map();
    const chunks = new Map();

    function load() {
      if (!manifest) {
        manifest = loader.json('manifest.json').then((m) => loader.bytes('shards.bin').then((t) => {
          m.starts = decodeTable(t);
          return m;
        })).catch((e) => { manifest = null; throw e; });
      }
      return manifest;
    }

    /** A file of keyed entries (a shard, or a split term's detail file), parsed once. */
    function entries(path) {
      if (!files.has(path)) {
        files.set(path, loader.bytes(path).then((bytes) => {
          const r = new Reader(bytes);
          const map = new Map();
          for (let n = r.varint(); n > 0; n--) {
            const key = r.str();
            const len = r.varint();
            map.set(key, r.p);
            r.p += len;
          }
          return { bytes, entries: map };
        }, (e) => { files.delete(path); throw e; }));
      }
      return files.get(path);
    }

    function shard(m, key) {
      const id = shardStart(m.starts, fnv1a(key) & (m.buckets - 1));
      return entries('t/' + id.toString(16).padStart(4, '0') + '.bin');
    }

    /**
     * Per-document field masks of one term (bit 0 only for spellings, tags and categories), or
     * null. A split term (StaticIndexExporter: a common syllable or prefix of a large archive)
     * comes as its union, each of its documents marked with every field the term has anywhere,
     * split = key and known = 0: how many first fields its masks hold exactly (refine() reads
     * more); an ordinary term's masks are exact (known undefined).
     */
    async function term(m, key) {
      const s = await shard(m, key);
      const pos = s.entries.get(key);
      if (pos === undefined) return null;
      const r = new Reader(s.bytes, pos);
      const fields = new Uint8Array(m.docs);
      if (key[0] === '#' || key[0] === '=' || key[0] === '@') {
        r.docset(fields, 1);
      } else {
        const mask = r.byte();
        if (mask & SPLIT) {
          r.docset(fields, mask & ~SPLIT);
          fields.split = key;
          fields.known = 0;
        } else {
          for (let f = 0; f < 8; f++) if (mask & (1 << f)) r.docset(fields, 1 << f);
        }
      }
      return fields;
    }

    /**
     * Reads a split term's next detail file: f/<hash>.bin, its first fields exactly (the others
     * stay "maybe"), then g/<hash>.bin, the others.
     */
    async function refine(fields) {
      const first = fields.known === 0;
      const name = fnv1a(fields.split).toString(16).padStart(8, '0') + '.bin';
      const s = await entries((first ? 'f/' : 'g/') + name);
      const pos = s.entries.get(fields.split);
      if (pos === undefined) throw new Error('no detail for ' + fields.split);
      if (!fields.docs) {
        const docs = [];
        for (let d = 0; d < fields.length; d++) if (fields[d]) docs.push(d);
        fields.docs = docs;
      }
      const docs = fields.docs;
      const ranks = new Uint8Array(docs.length);
      const r = new Reader(s.bytes, pos);
      const mask = r.byte();
      const low = (1 << FIRST_FIELDS) - 1;
      for (let f = first ? 0 : FIRST_FIELDS; f < (first ? FIRST_FIELDS : 8); f++) if (mask & (1 << f)) r.docset(ranks, 1 << f);
      const rest = first ? mask & ~low : 0;
      for (let i = 0; i < docs.length; i++) fields[docs[i]] = first ? ranks[i] | rest : (fields[docs[i]] & low) | ranks[i];
      fields.known = rest ? FIRST_FIELDS : 8;
      if (fields.known === 8) fields.split = '';
    }

    /**
     * Ranked document numbers: {total, ids, years: [[year, count]], terms, prefix}.
     * filter: {tag, year, category}. options: {prefix: the last syllable is still being typed and
     * matches as the start of a syllable (at least two letters; a single letter waits), sort:
     * 'newest' for newest first instead of relevance, limit: how many results will be shown —
     * ids may then stop there (default: all, ranked)}. Ranking tiers as in SearchService.
     */
    async function search(query, filter = {}, options = {}) {
      const m = await load();
      let s = scan(query);
      let prefix = '';
      if (options.prefix && s.length) {
        if ([...s[s.length - 1].folded].length >= 2) prefix = s[s.length - 1].folded;
        else if (s.length > 1) s = s.slice(0, -1);
      }
      const q = parseTokens(s, !!prefix);
      const tag = filter.tag ? tagKey(filter.tag) : '';
      const category = filter.category ? tagKey(filter.category) : '';
      const year = filter.year ? Number(filter.year) : 0;
      const result = { total: 0, ids: [], years: [], terms: q.unigrams, prefix };
      if (!q.unigrams.length && !prefix && !tag && !year && !category) return result;
      const [uni, bi, exact, tagTerm, catTerm, started, whole, lastPair] = await Promise.all([
        Promise.all(q.unigrams.map((u) => term(m, u))),
        Promise.all(q.bigrams.map((b) => term(m, b))),
        Promise.all(q.exacts.map((e) => term(m, '=' + e))),
        tag ? term(m, '#' + tag) : null,
        category ? term(m, '@' + category) : null,
        prefix ? term(m, '>' + prefix) : null,
        prefix ? term(m, prefix) : null,
        q.lastPair ? term(m, q.lastPair) : null,
      ]);
      if (uni.some((t) => !t) || (tag && !tagTerm) || (category && !catTerm)) return result;
      // Split terms hold only their union until refined: enough to match and count, and to
      // rank the phrase tier (pairs are never split); a document's field is then bounded from
      // above, and details are read only while the first `limit` results are not settled.
      const split = [...uni, started, whole].filter((t) => t && t.split);
      if (prefix) {
        // Syllables starting with the prefix, and the prefix as a whole syllable.
        if (!started && !whole) return result;
        uni.push(null);
        // The pair with the syllable before counts for the phrase tier when the prefix is whole.
        if (lastPair) bi.push(lastPair);
      }
      const merge = () => {
        if (!prefix) return;
        // (Into a new array: started and whole keep their own masks for refine().)
        const any = new Uint8Array(m.docs);
        for (const t of [started, whole]) if (t) for (let d = 0; d < any.length; d++) any[d] |= t[d];
        any.known = Math.min(started && started.split ? started.known : 8, whole && whole.split ? whole.known : 8);
        uni[uni.length - 1] = any;
      };
      merge();
      const yearCounts = new Map();
      const range = m.years.find((y) => y[0] === year);
      const matched = [];
      for (let d = 0; d < m.docs; d++) {
        if (tagTerm && !tagTerm[d]) continue;
        if (catTerm && !catTerm[d]) continue;
        let ok = true;
        for (const t of uni) if (!t[d]) { ok = false; break; }
        if (!ok) continue;
        const y = m.years.find((r) => d >= r[1] && d < r[1] + r[2]);
        if (y) yearCounts.set(y[0], (yearCounts.get(y[0]) || 0) + 1);
        if (year && (!range || d < range[1] || d >= range[1] + range[2])) continue;
        matched.push(d);
      }
      const limit = options.limit > 0 ? Math.min(options.limit, matched.length) : matched.length;
      const nFields = m.fields.length;
      let ranked;
      let settled;
      for (;;) {
        // Fields known exactly for every syllable: the first `known` ones (all when 8).
        let known = 8;
        for (const t of uni) if (t.split || t.known !== undefined) known = Math.min(known, t.known);
        ranked = [];
        for (const d of matched) {
          let all = 0xff;
          for (const t of uni) all &= t[d];
          let phraseMask = 0xff;
          for (const t of bi) phraseMask &= t ? t[d] : 0;
          const phrase = !bi.length || phraseMask !== 0;
          const fromPairs = bi.length > 0 && phraseMask !== 0;
          const best = fromPairs ? phraseMask : all;
          let field = 0;
          for (let f = 0; f < nFields; f++) if (best & (1 << f)) { field = nFields - f; break; }
          // The field is exact when it comes from the pairs, when the syllables share no field at
          // all, or when the first field they share is one known exactly; else it is an upper bound.
          const exactField = fromPairs || !all || (31 - Math.clz32(all & -all)) < known;
          let exactCount = 0;
          for (const e of exact) if (e && e[d]) exactCount++;
          ranked.push([phrase ? 1 : 0, exactCount, field, d, exactField]);
        }
        // Documents are numbered oldest first: a higher number is newer (then the smaller url).
        if (options.sort === 'newest') ranked.sort((a, b) => b[3] - a[3]);
        else ranked.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || b[3] - a[3]);
        // Sorted by upper bounds: when the first `limit` are exact, every other document's true
        // key is below theirs, so they are the true first `limit`, in order.
        settled = options.sort === 'newest' || ranked.slice(0, limit).every((r) => r[4]);
        const pending = split.filter((t) => t.split);
        if (settled || !pending.length) break;
        await Promise.all(pending.map(refine));
        merge();
      }
      result.total = ranked.length;
      // Past the settled ones the order may rest on bounds: give no more than was asked.
      const allExact = options.sort === 'newest' || ranked.every((r) => r[4]);
      result.ids = (allExact ? ranked : ranked.slice(0, limit)).map((r) => r[3]);
      result.years = [...yearCounts].sort((a, b) => b[0] - a[0]);
      return result;
    }

    /** Metadata of documents: [{id, url, title, date, tags, excerpt}]. */
    async function docs(ids) {
      const m = await load();
      const need = [...new Set(ids.map((id) => Math.floor(id / m.chunk)))];
      await Promise.all(need.map((c) => {
        if (!chunks.has(c)) {
          chunks.set(c, loader.json('d/' + c + '.json').catch((e) => { chunks.delete(c); throw e; }));
        }
        return chunks.get(c);
      }));
      return Promise.all(ids.map(async (id) => {
        const row = (await chunks.get(Math.floor(id / m.chunk)))[id % m.chunk];
        return { id, url: row[0], title: row[1], date: row[2], tags: row[3], excerpt: row[4] };
      }));
    }

    return { manifest: load, search, docs };
  }

  /** [{text, mark}] pieces of text; mark = the word matches a folded query term, or starts with prefix. */
  function highlight(text, foldedTerms, prefix) {
    const nfc = String(text == null ? '' : text).normalize('NFC');
    const terms = new Set(foldedTerms);
    const out = [];
    let at = 0;
    for (const s of scan(nfc)) {
      if (!terms.has(s.folded) && !(prefix && s.folded.startsWith(prefix))) continue;
      if (s.start > at) out.push({ text: nfc.slice(at, s.start), mark: false });
      out.push({ text: nfc.slice(s.start, s.end), mark: true });
      at = s.end;
    }
    if (at < nfc.length) out.push({ text: nfc.slice(at), mark: false });
    return out;
  }

  /** "2014-08-18" → "18/08/2014". */
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  // ---- Page ----
  const PAGE_SIZE = 10;

  function mount(rootEl) {
    const doc = rootEl.ownerDocument;
    const win = doc.defaultView;
    const indexUrl = new URL(rootEl.dataset.index || 'search/manifest.json', doc.baseURI);
    const dir = new URL('./', indexUrl);
    const siteBase = new URL(rootEl.dataset.base || doc.documentElement.dataset.base || '../', dir);
    const msg = (name, vars = {}) => (rootEl.dataset['msg' + name] || '').replace(/\{(\w+)\}/g, (_, k) => vars[k]);
    // The manifest (and passages.json) is asked for afresh; every other file with the manifest's
    // version, so that a browser or CDN never mixes files of two builds (their names are stable).
    const fresh = (path) => path === 'manifest.json' || path === 'passages.json';
    let version = '';
    const url = (path) => new URL(fresh(path) ? path : path + '?v=' + encodeURIComponent(version), dir);
    const get = (path) => fetch(url(path), fresh(path) ? { cache: 'no-cache' } : {})
      .then((r) => { if (!r.ok) throw new Error(r.status + ' ' + path); return r; });
    const index = createIndex({
      json: (p) => get(p).then((r) => r.json()).then((j) => { if (p === 'manifest.json') version = j.version; return j; }),
      bytes: (p) => get(p).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b)),
    });
    // Passages (js/passages.js, loaded before this file): each result shows the part of its
    // article that matches best; without it, or when it cannot, the excerpt.
    const P = win.GazettePassages;
    const passages = P && P.createPassages({
      json: (p) => get(p).then((r) => r.json()),
      range: (p, offset, length) => P.fetchRange(url(p), offset, length),
    });
    const form = rootEl.querySelector('form');
    const input = form.elements.q;
    const yearSel = form.elements.year;
    const tagSel = form.elements.tag;
    const catSel = form.elements.cat;
    const sortSel = form.elements.sort;
    const status = rootEl.querySelector('[data-role=status]');
    const list = rootEl.querySelector('[data-role=results]');
    const pager = rootEl.querySelector('[data-role=pager]');
    let seq = 0;
    let timer = 0;

    const el = (name, attrs, ...children) => {
      const e = doc.createElement(name);
      for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
      for (const c of children) e.append(c);
      return e;
    };
    const marked = (text, res) => highlight(text, res.terms, res.prefix).map((p) => (p.mark ? el('mark', null, p.text) : doc.createTextNode(p.text)));

    function readState() {
      const p = new URLSearchParams(win.location.search);
      return {
        q: p.get('q') || '', cat: p.get('cat') || '', tag: p.get('tag') || '', year: p.get('year') || '',
        sort: p.get('sort') === 'newest' ? 'newest' : '', page: Math.max(1, parseInt(p.get('page'), 10) || 1),
      };
    }
    function writeState(s, push) {
      const p = new URLSearchParams();
      if (s.q) p.set('q', s.q);
      if (s.cat) p.set('cat', s.cat);
      if (s.tag) p.set('tag', s.tag);
      if (s.year) p.set('year', s.year);
      if (s.sort) p.set('sort', s.sort);
      if (s.page > 1) p.set('page', String(s.page));
      const url = win.location.pathname + (p.toString() ? '?' + p : '');
      win.history[push ? 'pushState' : 'replaceState'](null, '', url);
    }
    function formState(page) {
      return { q: input.value.trim(), cat: catSel.value, tag: tagSel.value, year: yearSel.value, sort: sortSel.value, page: page || 1 };
    }
    function fill(sel, options, value, allLabel) {
      sel.replaceChildren(el('option', { value: '' }, allLabel));
      let found = !value;
      for (const [v, label] of options) {
        const o = el('option', { value: String(v) }, label);
        if (String(v) === value) { o.selected = true; found = true; }
        sel.append(o);
      }
      if (!found) sel.append(el('option', { value, selected: '' }, value));
    }

    async function run(state, focusResults) {
      const mine = ++seq;
      rootEl.setAttribute('aria-busy', 'true');
      try {
        const m = await index.manifest();
        // The last syllable matches as the start of a word: what the reader is still typing, and
        // a shared URL shows what its author saw.
        const res = await index.search(state.q, { tag: state.tag, year: state.year, category: state.cat },
          { prefix: true, sort: state.sort, limit: state.page * PAGE_SIZE });
        if (mine !== seq) return;
        const tags = m.tags.map((t) => [t[0], t[0] + ' (' + t[1] + ')']);
        fill(tagSel, tags, state.tag, msg('AllTags'));
        fill(catSel, (m.categories || []).map((c) => [c[0], c[0] + ' (' + c[1] + ')']), state.cat, msg('AllCategories'));
        sortSel.value = state.sort;
        const years = (state.q || state.tag ? res.years : m.years.map((y) => [y[0], y[2]]));
        fill(yearSel, years.map((y) => [y[0], y[0] + ' (' + y[1] + ')']), state.year, msg('AllYears'));
        // "More results" adds a page at a time; the URL's page says how many are shown.
        const pages = Math.max(1, Math.ceil(res.total / PAGE_SIZE));
        const page = Math.min(state.page, pages);
        const ids = res.ids.slice(0, page * PAGE_SIZE);
        const shown = await resultDocs(ids, m, res);
        if (mine !== seq) return;
        render(state, res, shown, page, pages, focusResults);
      } catch (e) {
        if (mine === seq) { status.textContent = msg('Error'); list.replaceChildren(); pager.replaceChildren(); }
      } finally {
        if (mine === seq) rootEl.removeAttribute('aria-busy');
      }
    }

    /**
     * The documents to show, each with its best passage: from the passage records (one Range
     * read each: row and text), else, where passages are off or a record is missing, from the
     * document chunks.
     */
    async function resultDocs(ids, m, res) {
      const none = () => ids.map(() => null);
      const found = passages ? await passages.passages(scan, ids, m.version, res.terms, res.prefix).catch(none) : none();
      const missing = ids.filter((id, i) => !found[i]);
      const chunked = new Map((missing.length ? await index.docs(missing) : []).map((d) => [d.id, d]));
      return ids.map((id, i) => {
        if (!found[i]) return chunked.get(id);
        const d = Object.assign({ id }, found[i].doc);
        if (found[i].passage) d.passage = found[i].passage;
        return d;
      });
    }

    function render(state, res, shown, page, pages, focusResults) {
      const searching = state.q || state.tag || state.year || state.cat;
      status.textContent = !searching ? msg('Empty')
        : res.total ? msg('Results', { n: res.total.toLocaleString('vi-VN') })
          + (res.total > shown.length ? ' · ' + msg('Shown', { n: shown.length.toLocaleString('vi-VN') }) : '')
          : msg('None', { q: state.q });
      const before = list.children.length;
      rootEl.toggleAttribute('data-no-results', !!searching && !res.total);
      list.replaceChildren(...shown.map((d) => {
        const link = el('a', { href: new URL(d.url, siteBase).href }, ...marked(d.title, res));
        const meta = el('p', { class: 'search-meta' });
        if (d.date) meta.append(el('time', { datetime: d.date }, formatDate(d.date)));
        for (const t of d.tags) {
          const b = el('button', { type: 'button', class: 'search-tag', 'aria-label': msg('FilterTag', { tag: t }) }, t);
          b.addEventListener('click', () => { tagSel.value = t; if (tagSel.value !== t) fill(tagSel, [[t, t]], t, msg('AllTags')); go(formState(), true, true); });
          meta.append(' ', b);
        }
        return el('li', { class: 'search-result' }, el('h2', null, link), meta, el('p', { class: 'search-snippet' }, ...marked(d.passage || d.excerpt, res)));
      }));
      pager.replaceChildren();
      if (page < pages) {
        const more = el('button', { type: 'button', class: 'search-more', 'data-role': 'more' }, msg('More'));
        more.addEventListener('click', () => go(Object.assign(formState(), { page: page + 1 }), false, 'more'));
        pager.append(more);
      }
      if (focusResults === 'more') {
        // After "more results", the first of the new ones: keyboard users carry on reading there.
        const next = list.children[Math.min(before, list.children.length - 1)];
        (next && next.querySelector('a') || status).focus();
      } else if (focusResults) {
        const first = list.querySelector('a');
        (first || status).focus();
      }
    }

    function go(state, push, focusResults) {
      writeState(state, push);
      return run(state, focusResults);
    }

    function show(state) {
      input.value = state.q;
      return run(state, false);
    }

    form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); go(formState(), true, false); });
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => go(formState(), false, false), 250); });
    yearSel.addEventListener('change', () => go(formState(), true, false));
    tagSel.addEventListener('change', () => go(formState(), true, false));
    catSel.addEventListener('change', () => go(formState(), true, false));
    sortSel.addEventListener('change', () => go(formState(), true, false));
    win.addEventListener('popstate', () => show(readState()));
    // Arrow keys walk from the box through the result links and back.
    rootEl.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const links = [...list.querySelectorAll('h2 a')];
      const at = links.indexOf(doc.activeElement);
      if (doc.activeElement === input && e.key === 'ArrowDown' && links.length) { links[0].focus(); e.preventDefault(); }
      else if (at >= 0) { (e.key === 'ArrowDown' ? links[at + 1] : links[at - 1] || input)?.focus(); e.preventDefault(); }
    });
    status.setAttribute('tabindex', '-1');
    const initial = readState();
    rootEl.dataset.ready = 'true';
    return show(initial);
  }

  return { tokens, scan, fold, tagKey, parseQuery, fnv1a, decodeTable, createIndex, highlight, formatDate, mount };
});
