package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export in proportion to the edit ({@link StaticIndexUpdate}) must leave exactly the files a
 * clean export of the same documents writes, byte for byte, after every kind of change (an edit,
 * a new article, a deletion, a moved date, tags, categories, authors), and must get there without
 * re-encoding the archive: it counts the keys it re-encoded and the shards it wrote.
 */
class StaticIndexUpdateTest {
    @TempDir
    Path dir;

    /** The files of the last export, and what the next one writes and keeps. */
    private static final class Site implements IndexFiles {
        Map<String, byte[]> files = new TreeMap<>();
        /** Written from the export's threads. */
        final Map<String, byte[]> written = new java.util.concurrent.ConcurrentSkipListMap<>();
        final Set<String> kept = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void write(String path, byte[] content) {
            assertThat(written.put(path, content)).as("written twice: " + path).isNull();
        }

        @Override
        public void keep(String path) {
            assertThat(files).as("kept but never written: " + path).containsKey(path);
            kept.add(path);
        }

        /** The last export's files, as the next export reads them back. */
        IndexFiles.Previous previous() {
            return new PreviousFiles(files);
        }

        /** The export is done: its files are those written and kept; the others are gone. */
        void finish() {
            Map<String, byte[]> next = new TreeMap<>(written);
            for (String path : kept) {
                assertThat(next).as("written and kept: " + path).doesNotContainKey(path);
                next.put(path, files.get(path));
            }
            files = next;
            written.clear();
            kept.clear();
        }
    }

    private Map<String, byte[]> clean(List<SearchDocument> docs, int splitBytes) throws IOException {
        Site site = new Site();
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.Result result = StaticIndexExporter.export(reader, numbering, site,
                    StaticIndexExporter.TARGET_BYTES, splitBytes);
            PassageExporter.export(reader, numbering, result.version(), site);
        }
        site.finish();
        return site.files;
    }

    /** One edit after another, each exported by an update and compared with a clean export. */
    private void editsExportLikeACleanIndex(int splitBytes) throws IOException {
        editsExportLikeACleanIndex(splitBytes, true);
    }

    /** @param proportional whether each update must also write in proportion to its edit */
    private void editsExportLikeACleanIndex(int splitBytes, boolean proportional) throws IOException {
        Path index = dir.resolve("index-" + splitBytes);
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        SearchIndexer.rebuild(index, docs);
        Site site = new Site();
        ExportState state;
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.Result full = StaticIndexExporter.export(reader, numbering, site,
                    StaticIndexExporter.TARGET_BYTES, splitBytes);
            PassageExporter.export(reader, numbering, full.version(), site);
            state = full.state().atCommit(SearchIndexer.commitVersion(index));
        }
        site.finish();
        assertSameFiles(site.files, clean(docs, splitBytes), "full");

        List<UnaryOperator<List<SearchDocument>>> edits = List.of(
                // the body of an article of the middle
                d -> replace(d, 30, x -> new SearchDocument(x.url(), x.title(), x.summary(),
                        x.body() + " Thêm một đoạn về hội nghị tổng kết công tác.", x.tags(), x.category(), x.author(), x.date())),
                // a new article, the newest, with a new tag and a new category
                d -> add(d, SearchFixtures.doc("2030/01/bai-moi/", "Bài mới về hội nghị điển hình tiên tiến",
                        "Hội nghị biểu dương điển hình tiên tiến.", "2030-01-05", "Điển hình", "Thi đua")),
                // its title
                d -> replace(d, d.size() - 1, x -> new SearchDocument(x.url(), "Sửa: " + x.title(), x.summary(), x.body(),
                        x.tags(), "Chuyên mục mới", x.author(), x.date())),
                // an author, which is searched but not shown
                d -> replace(d, 12, x -> new SearchDocument(x.url(), x.title(), x.summary(), x.body(), x.tags(),
                        x.category(), "Quỳnh Anh", x.date())),
                // nothing
                d -> d,
                // the newest deleted
                d -> remove(d, d.size() - 1),
                // a date moved: every newer article is renumbered
                d -> replace(d, 7, x -> new SearchDocument(x.url(), x.title(), x.summary(), x.body(), x.tags(),
                        x.category(), x.author(), x.date().plusYears(1))),
                // a url changed, the date kept (a title edit changes the slug): the others keep their numbers
                d -> replace(d, 20, x -> new SearchDocument(x.url().replace("bai-", "bai-doi-ten-"), x.title(),
                        x.summary(), x.body(), x.tags(), x.category(), x.author(), x.date())),
                // an old article deleted
                d -> remove(d, 3),
                // a tag removed from every article of a theme, and one new article without the common words
                d -> {
                    List<SearchDocument> out = new ArrayList<>();
                    for (SearchDocument x : d) {
                        out.add(x.tags().contains("Giao thông") ? new SearchDocument(x.url(), x.title(), x.summary(),
                                x.body(), List.of(), x.category(), x.author(), x.date()) : x);
                    }
                    out.add(SearchFixtures.doc("2031/02/khac/", "Khác hẳn", "Chẳng giống bài nào.", "2031-02-02"));
                    return out;
                });
        int step = 0;
        for (UnaryOperator<List<SearchDocument>> edit : edits) {
            step++;
            docs = edit.apply(docs);
            IndexChanges changes = new IndexChanges(SearchIndexer.commitVersion(index));
            SearchIndexer.sync(index, docs.stream(), changes);
            StaticIndexUpdate.Outcome outcome;
            try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
                DocNumbering numbering = DocNumbering.of(reader);
                outcome = StaticIndexUpdate.update(reader, numbering, state, changes, site.previous(), site);
                assertThat(outcome.reason()).as("step " + step).isNull();
                PassageExporter.export(reader, numbering, outcome.result().version(), outcome.changedNumbers(),
                        outcome.previousDocuments(), outcome.sourceOf(), site.previous(), site);
            }
            site.finish();
            state = outcome.result().state().atCommit(SearchIndexer.commitVersion(index));
            assertSameFiles(site.files, clean(docs, splitBytes), "step " + step);
            StaticIndexUpdate.Counts counts = StaticIndexUpdate.lastCounts;
            if (proportional) {
                assertThat(counts.shardsWritten()).as("shards written at step " + step)
                        .isLessThan(Math.max(8, counts.shardsKept() / 3));
            }
            if (step == 8) {
                assertThat(counts.documents()).as("a url changed, its day's articles renumbered").isEqualTo(1);
            }
            if (step == 5) {
                assertThat(counts.keys()).as("nothing changed, nothing re-encoded").isZero();
                assertThat(counts.shardsWritten()).isZero();
            }
        }
    }

    /** A key's kind read from its bytes (the renumbering's path) is the one read from its text. */
    @Test
    void aKeysKindFromItsBytesIsTheOneFromItsText() {
        for (String key : List.of("thi", "đua", "thi đua", "khen thưởng", ">th", ">đ", "=Đua", "#hà nội", "@xã hội",
                "ư", "a b")) {
            assertThat(StaticIndexUpdate.kindOf(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as(key).isEqualTo(DocKeys.Kind.of(key));
        }
    }

    @Test
    void everyKindOfEditExportsTheFilesOfACleanExport() throws IOException {
        editsExportLikeACleanIndex(StaticIndexExporter.SPLIT_BYTES);
    }

    /** With a tiny split threshold most syllables and prefixes are split: their detail files too. */
    @Test
    void splitEntriesAndTheirDetailFilesFollowTheEdits() throws IOException {
        editsExportLikeACleanIndex(12);
    }

    /**
     * Every entry patched from its old bytes (the documents taken out and put in) rather than
     * read again from the index: what long entries get, which these small fixtures do not reach.
     */
    @Test
    void patchedEntriesGiveTheFilesOfACleanExport() throws IOException {
        int before = StaticIndexUpdate.patchFrom;
        StaticIndexUpdate.patchFrom = 0;
        try {
            editsExportLikeACleanIndex(StaticIndexExporter.SPLIT_BYTES);
            editsExportLikeACleanIndex(12);
        } finally {
            StaticIndexUpdate.patchFrom = before;
        }
    }

    /**
     * Every edit that changes anything through {@link StaticIndexUpdate}'s renumbering path (every
     * entry of the last export decoded, given the documents' numbers now and encoded again), which
     * a deletion or an older-dated article takes in a large archive: the files must be a clean
     * export's, with and without split entries.
     */
    @Test
    void renumberedEntriesGiveTheFilesOfACleanExport() throws IOException {
        int before = StaticIndexUpdate.renumberFrom;
        int renumbered = StaticIndexUpdate.renumberings.get();
        StaticIndexUpdate.renumberFrom = 0;
        try {
            editsExportLikeACleanIndex(StaticIndexExporter.SPLIT_BYTES, false);
            editsExportLikeACleanIndex(12, false);
        } finally {
            StaticIndexUpdate.renumberFrom = before;
        }
        // Eight of the ten edits change the index (not "nothing", nor the author's, which the sync
        // leaves as it was), in each of the two runs.
        assertThat(StaticIndexUpdate.renumberings.get() - renumbered).as("updates by renumbering").isEqualTo(16);
    }

    /** An update re-encodes the keys of the changed article, not the archive's. */
    @Test
    void anEditReEncodesItsOwnKeysOnly() throws IOException {
        Path index = dir.resolve("index");
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        for (int i = 0; i < 2000; i++) {
            docs.add(SearchFixtures.doc(String.format("2009/%04d/", i), "Bài cũ số " + i + " về chủ đề " + (i * 7919 % 1000),
                    "Nội dung riêng " + Integer.toString(i * 104729, 36) + " và " + Integer.toString(i * 7, 36), "2009-01-01"));
        }
        SearchIndexer.rebuild(index, docs);
        Site site = new Site();
        ExportState state;
        int shards;
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.Result full = StaticIndexExporter.export(reader, numbering, site);
            PassageExporter.export(reader, numbering, full.version(), site);
            state = full.state().atCommit(SearchIndexer.commitVersion(index));
            shards = full.state().starts.length;
        }
        site.finish();
        long totalEntries = java.util.Arrays.stream(state.bucketCounts).sum();
        docs = replace(docs, 200, x -> new SearchDocument(x.url(), x.title() + " sửa", x.summary(), x.body(), x.tags(),
                x.category(), x.author(), x.date()));
        IndexChanges changes = new IndexChanges(SearchIndexer.commitVersion(index));
        SearchIndexer.sync(index, docs.stream(), changes);
        assertThat(changes.size()).isEqualTo(1);
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            StaticIndexUpdate.Outcome outcome = StaticIndexUpdate.update(reader, DocNumbering.of(reader), state,
                    changes, site.previous(), site);
            assertThat(outcome.reason()).isNull();
        }
        StaticIndexUpdate.Counts counts = StaticIndexUpdate.lastCounts;
        assertThat(counts.keys()).as("keys re-encoded of " + totalEntries).isBetween(1, (int) (totalEntries / 20));
        assertThat(counts.shardsWritten()).as("shards written of " + shards).isBetween(1, counts.keys());
        assertThat(site.written.keySet()).as("document files").filteredOn(p -> p.startsWith("search/d/")).hasSize(1);
        assertThat(site.written).as("files written of " + site.files.size()).hasSizeLessThan(site.files.size() / 4);
    }

    /**
     * A new article, the newest, re-encodes the entries of its own keys and nothing else: not the
     * keys every other article holds (a set's bytes do not depend on how many documents there
     * are), and the files are a clean export's.
     */
    @Test
    void anAddedArticleReEncodesItsOwnKeysOnly() throws IOException {
        anAddedArticleReEncodesItsOwnKeysOnly(StaticIndexExporter.SPLIT_BYTES);
    }

    /**
     * The same with most entries split (as common syllables are at 100,000 articles): a split entry
     * the new article joins is its old union and detail sets with the article put at their end,
     * without its postings, and the files are still a clean export's.
     */
    @Test
    void anAddedArticleGrowsSplitEntriesAtTheirEnd() throws IOException {
        int before = StaticIndexUpdate.appendedSplits.get();
        anAddedArticleReEncodesItsOwnKeysOnly(16);
        assertThat(StaticIndexUpdate.appendedSplits.get() - before).as("split entries grown at their end").isGreaterThan(3);
    }

    private void anAddedArticleReEncodesItsOwnKeysOnly(int splitBytes) throws IOException {
        Path index = dir.resolve("index");
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        for (int i = 0; i < 400; i++) {
            // Every old article holds "bai", "cu", "so", "chu", "de": sets written as the documents missing.
            docs.add(SearchFixtures.doc(String.format("2009/%04d/", i), "Bài cũ số " + i + " về chủ đề " + (i * 7919 % 100),
                    "Nội dung riêng " + Integer.toString(i * 104729, 36), "2009-01-01"));
        }
        SearchIndexer.rebuild(index, docs);
        Site site = new Site();
        ExportState state;
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.Result full = StaticIndexExporter.export(reader, numbering, site, StaticIndexExporter.TARGET_BYTES,
                    splitBytes);
            PassageExporter.export(reader, numbering, full.version(), site);
            state = full.state().atCommit(SearchIndexer.commitVersion(index));
        }
        site.finish();
        // Words of the older articles' titles and bodies (split entries when splitBytes is small), none of the common ones.
        docs.add(SearchFixtures.doc("2030/01/moi/", "Tin thi đua mới hoàn toàn", "Phong trào thi đua yêu nước, một đoạn khác hẳn.",
                "2030-01-01", "Thi đua"));
        IndexChanges changes = new IndexChanges(SearchIndexer.commitVersion(index));
        SearchIndexer.sync(index, docs.stream(), changes);
        int ownKeys;
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            int newest = numbering.size() - 1;
            assertThat(numbering.url(newest)).isEqualTo("2030/01/moi/");
            ownKeys = DocKeys.of(SearchFields.fromStored(reader.storedFields().document(numbering.luceneDoc(newest)))).size();
            StaticIndexUpdate.Outcome outcome = StaticIndexUpdate.update(reader, numbering, state, changes, site.previous(), site);
            assertThat(outcome.reason()).isNull();
            PassageExporter.export(reader, numbering, outcome.result().version(), outcome.changedNumbers(),
                    outcome.previousDocuments(), outcome.sourceOf(), site.previous(), site);
        }
        site.finish();
        assertThat(StaticIndexUpdate.lastCounts.keys()).as("keys re-encoded: the new article's own").isEqualTo(ownKeys);
        assertSameFiles(site.files, clean(docs, splitBytes), "an added article");
    }

    /**
     * A day's articles are numbered by their source, not their url: a title edit (a new slug,
     * the file kept) keeps every number and re-encodes the article's own keys, where ordered by
     * url it moved among the others of its day and renumbered them all; a file moved (the url
     * and text kept) is written again by the sync and numbered where a clean export numbers it.
     */
    @Test
    void aNewSlugKeepsEveryNumberAndAMovedFileIsNumberedAgain() throws IOException {
        Path index = dir.resolve("index");
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        for (int i = 0; i < 300; i++) {
            SearchDocument x = SearchFixtures.doc(String.format("2009/01/bai-%04d/", i), "Bài cũ số " + i
                    + " về chủ đề " + (i * 7919 % 100), "Nội dung riêng " + Integer.toString(i * 104729, 36), "2009-01-01");
            docs.add(withSource(x, x.url(), String.format("content/2009/bai-%04d.md", i)));
        }
        SearchIndexer.rebuild(index, docs);
        Site site = new Site();
        ExportState state;
        List<String> urlsBefore = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.Result full = StaticIndexExporter.export(reader, numbering, site);
            PassageExporter.export(reader, numbering, full.version(), site);
            state = full.state().atCommit(SearchIndexer.commitVersion(index));
            numbering.forEach((number, url) -> urlsBefore.add(url));
        }
        site.finish();

        // A title edit: the slug sorts after every other of the day (ordered by url, it moved 199 articles).
        int edited = 60 + 100;
        docs = replace(docs, edited, x -> withSource(new SearchDocument("2009/01/zz-sua-bai-cu/", "Sửa: " + x.title(),
                x.summary(), x.body(), x.tags(), x.category(), x.author(), x.date()), "2009/01/zz-sua-bai-cu/", x.source()));
        int renumbered = StaticIndexUpdate.renumberings.get();
        List<String> urlsAfter = new ArrayList<>();
        state = updated(index, docs, state, site, urlsAfter);
        assertThat(StaticIndexUpdate.renumberings.get()).as("updates by renumbering").isEqualTo(renumbered);
        assertThat(StaticIndexUpdate.lastCounts.documents()).as("documents re-encoded").isEqualTo(1);
        assertThat(urlsAfter).hasSameSizeAs(urlsBefore);
        List<Integer> moved = new ArrayList<>();
        for (int j = 0; j < urlsAfter.size(); j++) {
            if (!urlsAfter.get(j).equals(urlsBefore.get(j))) {
                moved.add(j);
            }
        }
        assertThat(moved).as("numbers whose document changed").hasSize(1);
        assertThat(urlsAfter.get(moved.get(0))).isEqualTo("2009/01/zz-sua-bai-cu/");
        assertSameFiles(site.files, clean(docs, StaticIndexExporter.SPLIT_BYTES), "title edit");

        // A file moved: the same url and text under a source sorting first among the day's.
        SearchDocument movedFile = docs.get(60 + 50);
        docs = replace(docs, 60 + 50, x -> withSource(x, x.url(), "content/2009/zz-chuyen-cho.md"));
        urlsAfter.clear();
        updated(index, docs, state, site, urlsAfter);
        assertThat(urlsAfter.indexOf(movedFile.url())).as("the moved file's number")
                .isEqualTo(urlsBefore.indexOf("2009/01/bai-0299/"));
        assertSameFiles(site.files, clean(docs, StaticIndexExporter.SPLIT_BYTES), "file moved");
    }

    /** Syncs {@code docs}, updates the export of {@code state} and puts the urls in number order into {@code urls}. */
    private ExportState updated(Path index, List<SearchDocument> docs, ExportState state, Site site, List<String> urls)
            throws IOException {
        IndexChanges changes = new IndexChanges(SearchIndexer.commitVersion(index));
        SearchIndexer.sync(index, docs.stream(), changes);
        assertThat(changes.size()).as("documents the sync wrote or deleted").isBetween(1, 2);
        StaticIndexUpdate.Outcome outcome;
        try (DirectoryReader reader = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(index))) {
            DocNumbering numbering = DocNumbering.of(reader);
            outcome = StaticIndexUpdate.update(reader, numbering, state, changes, site.previous(), site);
            assertThat(outcome.reason()).isNull();
            PassageExporter.export(reader, numbering, outcome.result().version(), outcome.changedNumbers(),
                    outcome.previousDocuments(), outcome.sourceOf(), site.previous(), site);
            numbering.forEach((number, url) -> urls.add(url));
        }
        site.finish();
        return outcome.result().state().atCommit(SearchIndexer.commitVersion(index));
    }

    private static SearchDocument withSource(SearchDocument x, String url, String source) {
        return new SearchDocument(url, x.title(), x.summary(), x.body(), x.tags(), x.category(), x.author(), x.date(),
                source);
    }

    /** A state read back equals the one written; a damaged one is refused with a reason. */
    @Test
    void theStateRoundTripsAndADamagedOneIsRefused() throws IOException {
        Site site = new Site();
        ExportState state;
        try (DirectoryReader reader = SearchIndexer.inMemory(RelatedArticlesTest.bigArchive())) {
            state = StaticIndexExporter.export(reader, DocNumbering.of(reader), site).state().atCommit(7);
        }
        Path file = dir.resolve(ExportState.FILE_NAME);
        state.write(file);
        assertThat(ExportState.read(file)).isEqualTo(state);
        assertThat(ExportState.read(dir.resolve("none"))).isNull();
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        java.nio.file.Files.write(file, bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportState.read(file))
                .isInstanceOf(ExportState.Unusable.class).hasMessageContaining("checksum");
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, 20));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportState.read(file))
                .isInstanceOf(ExportState.Unusable.class);
    }

    /** The keys made from a document are the terms Lucene indexed for it, with their fields. */
    @Test
    void documentKeysAreTheTermsOfTheIndex() throws IOException {
        List<SearchDocument> docs = RelatedArticlesTest.bigArchive();
        Map<String, Integer> fromIndex = new HashMap<>();
        try (DirectoryReader reader = SearchIndexer.inMemory(docs.subList(0, 1))) {
            SearchDocument stored = SearchFields.fromStored(reader.storedFields().document(0));
            assertThat(DocKeys.of(stored)).isEqualTo(DocKeys.of(docs.get(0)));
            for (String field : SearchFields.TEXT_FIELDS) {
                int bit = 1 << SearchFields.TEXT_FIELDS.indexOf(field);
                collect(reader, SearchFields.folded(field), "", bit, fromIndex);
                collect(reader, SearchFields.pairs(field), "", bit, fromIndex);
            }
            collect(reader, SearchFields.EXACT, "=", 1, fromIndex);
            collect(reader, SearchFields.TAG_KEY, "#", 1, fromIndex);
            collect(reader, SearchFields.CATEGORY_KEY, "@", 1, fromIndex);
        }
        Map<String, Integer> keys = new HashMap<>(DocKeys.of(docs.get(0)));
        keys.keySet().removeIf(k -> k.startsWith(">"));
        assertThat(keys).isEqualTo(fromIndex).isNotEmpty();
    }

    /** The same paths with the same bytes; the message names the paths that differ. */
    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected, String label) {
        Set<String> differ = new java.util.TreeSet<>();
        Set<String> all = new java.util.TreeSet<>(actual.keySet());
        all.addAll(expected.keySet());
        for (String path : all) {
            if (!java.util.Arrays.equals(actual.get(path), expected.get(path))) {
                differ.add(path + (actual.containsKey(path) ? "" : " (missing)") + (expected.containsKey(path) ? "" : " (extra)"));
            }
        }
        assertThat(differ).as(label + ": files that differ from a clean export").isEmpty();
    }

    private static void collect(DirectoryReader reader, String field, String mark, int bit, Map<String, Integer> out)
            throws IOException {
        org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        org.apache.lucene.index.TermsEnum e = terms.iterator();
        for (org.apache.lucene.util.BytesRef t = e.next(); t != null; t = e.next()) {
            out.merge(mark + t.utf8ToString(), bit, (a, b) -> a | b);
        }
    }

    private static List<SearchDocument> replace(List<SearchDocument> docs, int at, UnaryOperator<SearchDocument> change) {
        List<SearchDocument> out = new ArrayList<>(docs);
        out.set(at, change.apply(out.get(at)));
        return out;
    }

    private static List<SearchDocument> add(List<SearchDocument> docs, SearchDocument doc) {
        List<SearchDocument> out = new ArrayList<>(docs);
        out.add(doc);
        return out;
    }

    private static List<SearchDocument> remove(List<SearchDocument> docs, int at) {
        List<SearchDocument> out = new ArrayList<>(docs);
        out.remove(at);
        return out;
    }
}
