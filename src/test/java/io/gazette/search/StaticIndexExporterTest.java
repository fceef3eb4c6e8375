package io.gazette.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StaticIndexExporterTest {
    @TempDir
    Path dir;

    @Test
    void exportIsByteIdenticalAcrossRunsAndInputOrders() throws IOException {
        List<SearchDocument> docs = RelatedArticlesTest.bigArchive();
        StaticIndexExporter.Result first = StaticIndexExporter.export(docs, dir.resolve("a"));
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(3));
        StaticIndexExporter.Result second = StaticIndexExporter.export(shuffled, dir.resolve("b"));
        assertThat(second).isEqualTo(first);
        assertThat(files(dir.resolve("b"))).isEqualTo(files(dir.resolve("a")));
        assertThat(files(dir.resolve("a"))).hasSize(first.files()).containsKey("search/manifest.json");
    }

    /**
     * The index of record is updated in place (changed documents replaced, gone ones deleted, new
     * ones added in another segment): the export and related articles read from it must be those
     * of a clean index of the same documents, byte for byte.
     */
    @Test
    void anUpdatedIndexExportsAndRelatesLikeACleanOne() throws IOException {
        List<SearchDocument> before = RelatedArticlesTest.bigArchive();
        List<SearchDocument> after = new ArrayList<>(before.subList(1, before.size()));
        SearchDocument edited = after.get(5);
        after.set(5, new SearchDocument(edited.url(), edited.title() + " sửa", edited.summary(), "Nội dung mới: thi đua.",
                edited.tags(), edited.category(), edited.author(), edited.date()));
        after.add(SearchFixtures.doc("2020/moi/", "Bài mới về thi đua khen thưởng", "Phong trào thi đua.", "2020-05-05", "Thi đua"));

        Path updated = dir.resolve("updated");
        SearchIndexer.rebuild(updated, before);
        assertThat(SearchIndexer.sync(updated, after)).isEqualTo(3);
        Path clean = dir.resolve("clean");
        SearchIndexer.rebuild(clean, after);

        StaticIndexExporter.Result fromUpdated;
        Map<String, List<String>> relatedUpdated;
        try (SearchIndex index = SearchIndex.open(updated)) {
            fromUpdated = index.exportStatic(IndexFiles.directory(dir.resolve("site-updated")));
            relatedUpdated = index.related(5);
        }
        try (SearchIndex index = SearchIndex.open(clean)) {
            assertThat(index.exportStatic(IndexFiles.directory(dir.resolve("site-clean")))).isEqualTo(fromUpdated);
            assertThat(index.related(5)).isEqualTo(relatedUpdated);
            // The newest document takes the last number; passages and other exporters list them in order.
            List<String> urls = new ArrayList<>();
            index.numbering().forEach((number, url) -> urls.add(url));
            assertThat(urls).hasSize(after.size()).last().isEqualTo("2020/moi/");
        }
        assertThat(files(dir.resolve("site-updated"))).isEqualTo(files(dir.resolve("site-clean")));
        assertThat(relatedUpdated).containsKey(edited.url()).doesNotContainKey(before.get(0).url());
    }

    /**
     * Stable names: exporting into the folder of the last export rewrites only the files whose
     * bytes change (the shards of the new article's terms, its document chunk, the table and the
     * manifest), leaves the others untouched (same modification time), deletes files no longer
     * written, and ends byte-identical to a clean export.
     */
    @Test
    void reExportRewritesOnlyWhatChangedAndDeletesTheRest() throws IOException {
        List<SearchDocument> before = RelatedArticlesTest.bigArchive();
        Path site = dir.resolve("site");
        StaticIndexExporter.export(before, site);
        Map<String, java.nio.file.attribute.FileTime> times = new TreeMap<>();
        for (String path : files(site).keySet()) {
            Path file = site.resolve(path);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
            times.put(path, Files.getLastModifiedTime(file));
        }
        Files.createDirectories(site.resolve("search/old"));
        Files.writeString(site.resolve("search/old/stale.json"), "{}");
        List<SearchDocument> after = new ArrayList<>(before);
        after.add(SearchFixtures.doc("2030/moi/", "Bài mới về hội nghị", "Hội nghị sơ kết.", "2030-05-05", "Hội nghị"));
        IndexFolderUpdate update = new IndexFolderUpdate(site);
        StaticIndexExporter.Result result = StaticIndexExporter.export(after, update);
        update.deleteOthers();

        StaticIndexExporter.export(after, dir.resolve("clean"));
        assertThat(files(site)).isEqualTo(files(dir.resolve("clean")));
        assertThat(site.resolve("search/old")).doesNotExist();
        // The stale file, and the shards whose start the cutter moved (their names are their starts).
        Set<String> gone = new java.util.TreeSet<>(times.keySet());
        gone.removeAll(files(site).keySet());
        assertThat(gone).allMatch(p -> p.startsWith("search/t/"));
        assertThat(gone.size()).as("shards renamed").isLessThan(10);
        assertThat(update.deleted()).isEqualTo(1 + gone.size());
        assertThat(update.written() + update.unchanged()).isEqualTo(result.files());
        assertThat(update.written()).as("files rewritten").isGreaterThan(2).isLessThan(result.files());
        assertThat(update.unchanged()).as("files untouched").isPositive();
        long untouched = times.entrySet().stream()
                .filter(e -> Files.exists(site.resolve(e.getKey())))
                .filter(e -> {
                    try {
                        return Files.getLastModifiedTime(site.resolve(e.getKey())).equals(e.getValue());
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }).count();
        assertThat(untouched).isEqualTo(update.unchanged());
    }

    /** Shards start where ShardCutter cut them: a bucket that grows moves at most a few starts. */
    @Test
    void shardStartsAreContentDefinedAndTheTableRoundTrips() throws IOException {
        Random random = new Random(5);
        int buckets = 4096;
        int[] sizes = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            sizes[b] = random.nextInt(10) == 0 ? 0 : random.nextInt(300) + (random.nextInt(200) == 0 ? 5_000 : 0);
        }
        List<Integer> first = cut(sizes);
        sizes[1000] += 700;
        List<Integer> second = cut(sizes);
        java.util.Set<Integer> moved = new java.util.HashSet<>(first);
        moved.removeAll(second);
        assertThat(first.size()).isBetween(buckets * 150 / 2_560 / 2, buckets * 150 / 2_560 * 2);
        assertThat(moved.size()).as("starts moved by one bigger bucket").isLessThanOrEqualTo(3);
        assertThat(first).startsWith(0).isSorted().doesNotHaveDuplicates();
        assertThat(StaticIndexDump.table(ShardCutter.table(first, buckets))).isEqualTo(first);
        assertThat(StaticIndexDump.table(ShardCutter.table(List.of(0), buckets))).containsExactly(0);
    }

    private static List<Integer> cut(int[] sizes) throws IOException {
        ShardCutter cutter = new ShardCutter(2_560, (start, count, parts) -> {
            assertThat(parts).isNotEmpty();
        });
        cutter.calibrate(java.util.Arrays.stream(sizes).asLongStream().sum(), sizes.length);
        for (int b = 0; b < sizes.length; b++) {
            cutter.add(b, sizes[b] == 0 ? 0 : 1, sizes[b] == 0 ? null : new byte[sizes[b]]);
        }
        cutter.finish();
        return cutter.starts();
    }

    @Test
    void sinkExportWritesSitePathsListsThemSortedAndDeletesNothing() throws IOException {
        Map<String, byte[]> written = new java.util.concurrent.ConcurrentHashMap<>();
        IndexFiles sink = (path, content) ->
                assertThat(written.put(path, content)).as("written twice: %s", path).isNull();
        List<SearchDocument> docs = RelatedArticlesTest.bigArchive();
        StaticIndexExporter.Result result = StaticIndexExporter.export(docs, sink);

        assertThat(result.paths()).isSorted().hasSize(result.files()).containsExactlyInAnyOrderElementsOf(written.keySet())
                .contains("search/manifest.json", "search/shards.bin")
                .allMatch(p -> p.startsWith("search/"));
        assertThat(result.bytes()).isEqualTo(written.values().stream().mapToLong(b -> b.length).sum());
        // Same bytes as the directory export.
        StaticIndexExporter.export(docs, dir);
        Map<String, String> onDisk = files(dir);
        assertThat(onDisk.keySet()).isEqualTo(written.keySet());
        written.forEach((path, bytes) -> assertThat(onDisk.get(path)).isEqualTo(java.util.HexFormat.of().formatHex(bytes)));
    }

    /**
     * The shards of a pass are encoded and written by several threads (what is left of a cold
     * build's export once its pages are written); the files are those of one thread writing them.
     */
    @Test
    void shardsAreWrittenFromSeveralThreadsWithTheSameBytes() throws IOException {
        Map<String, byte[]> once = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<String, byte[]> slow = new java.util.concurrent.ConcurrentHashMap<>();
        StaticIndexExporter.Result result;
        try (org.apache.lucene.index.DirectoryReader reader = SearchIndexer.inMemory(RelatedArticlesTest.bigArchive())) {
            DocNumbering numbering = DocNumbering.of(reader);
            // Small shards, so that there are many to write.
            StaticIndexExporter.export(reader, numbering, once::put, 256, StaticIndexExporter.SPLIT_BYTES);
            result = StaticIndexExporter.export(reader, numbering, (path, content) -> {
                if (path.startsWith("search/t/")) {
                    threads.add(Thread.currentThread().getName());
                    try {
                        Thread.sleep(2); // a slow disk: another thread takes the next shards meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                slow.put(path, content);
            }, 256, StaticIndexExporter.SPLIT_BYTES);
        }
        assertThat(result.paths()).filteredOn(p -> p.startsWith("search/t/")).hasSizeGreaterThan(20);
        assertThat(threads).hasSizeGreaterThan(1);
        assertThat(slow.keySet()).isEqualTo(once.keySet());
        slow.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(once.get(path)));
    }

    @Test
    void docSetsRoundTripInEveryForm() {
        Random random = new Random(9);
        int universe = 1000;
        for (double density : new double[]{0.001, 0.05, 0.3, 0.6, 0.95, 0.999, 1.0}) {
            int[] docs = new int[universe];
            int count = 0;
            for (int d = 0; d < universe; d++) {
                if (random.nextDouble() < density) {
                    docs[count++] = d;
                }
            }
            if (count == 0) {
                docs[count++] = 17;
            }
            DocSets.Sink out = new DocSets.Sink(16);
            DocSets.write(out, docs, 0, count);
            assertThat(decode(out.toByteArray())).as("density %s", density)
                    .containsExactly(java.util.Arrays.copyOf(docs, count));
            // The Java reader (the renumbering's) agrees with search.js's, its size read from the
            // header and bits alone, and stops where the set ends: two sets back to back.
            DocSets.write(out, docs, 0, count);
            byte[] twice = out.toByteArray();
            int[] at = {0};
            for (int copy = 0; copy < 2; copy++) {
                assertThat(DocSets.size(twice, at[0])).as("density %s", density).isEqualTo(count);
                assertThat(DocSets.read(twice, at)).as("density %s", density)
                        .containsExactly(java.util.Arrays.copyOf(docs, count));
            }
            assertThat(at[0]).isEqualTo(twice.length);
        }
        // Nearly everything: the missing documents are what is written.
        int[] all = java.util.stream.IntStream.range(0, universe).filter(d -> d != 500).toArray();
        DocSets.Sink out = new DocSets.Sink(16);
        DocSets.write(out, all, 0, all.length);
        assertThat(out.bytes[0]).isEqualTo((byte) DocSets.COMPLEMENT);
        assertThat(out.size).isLessThan(8);
        assertThat(decode(out.toByteArray())).containsExactly(all);
        // Nearly every document from the 300th on (a word of recent years): the missing ones
        // between its first and last are written, not the 300 before it.
        int[] late = java.util.stream.IntStream.range(300, universe).filter(d -> d % 97 != 0).toArray();
        out.size = 0;
        DocSets.write(out, late, 0, late.length);
        assertThat(out.bytes[0]).isEqualTo((byte) DocSets.COMPLEMENT);
        assertThat(out.size).isLessThan(16);
        assertThat(decode(out.toByteArray())).containsExactly(late);
    }

    /**
     * A new article takes the last number: an entry of a key it does not hold must keep its bytes
     * (else every added article rewrote the entries, and shards, of the keys most documents hold,
     * hundreds at 100,000 articles), and only the entries of its own keys change, each gaining it.
     */
    @Test
    void aNewArticleChangesOnlyTheEntriesOfItsOwnKeys() throws IOException {
        List<SearchDocument> before = RelatedArticlesTest.bigArchive();
        List<SearchDocument> after = new ArrayList<>(before);
        after.add(SearchFixtures.doc("2017/rieng/", "Bài riêng lẻ", "Một đoạn khác biệt.", "2017-12-31", "Riêng"));
        Map<String, byte[]> old = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, byte[]> now = new java.util.concurrent.ConcurrentSkipListMap<>();
        int n;
        try (org.apache.lucene.index.DirectoryReader reader = SearchIndexer.inMemory(before)) {
            StaticIndexExporter.export(reader, old::put);
        }
        try (org.apache.lucene.index.DirectoryReader reader = SearchIndexer.inMemory(after)) {
            DocNumbering numbering = DocNumbering.of(reader);
            n = numbering.size();
            assertThat(numbering.url(n - 1)).isEqualTo("2017/rieng/");
            StaticIndexExporter.export(reader, numbering, now::put);
        }
        Map<String, byte[]> oldBodies = bodies(old, "search/t/");
        Map<String, byte[]> newBodies = bodies(now, "search/t/");
        int kept = 0;
        int keptComplements = 0;
        int changed = 0;
        for (Map.Entry<String, byte[]> e : newBodies.entrySet()) {
            String key = e.getKey();
            Set<Integer> docs = documents(key, e.getValue());
            if (docs.contains(n - 1)) {
                changed++;
                if (oldBodies.containsKey(key)) {
                    Set<Integer> was = documents(key, oldBodies.get(key));
                    was.add(n - 1);
                    assertThat(docs).as(key).isEqualTo(was);
                }
            } else {
                assertThat(e.getValue()).as("the entry of %s, a key the new article does not hold", key)
                        .isEqualTo(oldBodies.get(key));
                kept++;
                if (usesComplement(key, e.getValue())) {
                    keptComplements++;
                }
            }
        }
        assertThat(changed).isGreaterThan(5);
        assertThat(kept).isGreaterThan(100);
        assertThat(keptComplements).as("keys in nearly every document, kept").isGreaterThan(0);
    }

    /** Every document of an entry (its union, for a split one). */
    private static Set<Integer> documents(String key, byte[] body) {
        Set<Integer> docs = new java.util.TreeSet<>();
        int[] at = {0};
        if (key.startsWith("=") || key.startsWith("#") || key.startsWith("@")) {
            Arrays.stream(decode(body, at)).forEach(docs::add);
            return docs;
        }
        int mask = body[at[0]++] & 0xff;
        for (int f = 0; f < 8; f++) {
            if ((mask & (1 << f)) != 0) {
                Arrays.stream(decode(body, at)).forEach(docs::add);
            }
        }
        return docs;
    }

    /** Whether any set of an unsplit entry is written as the documents missing. */
    private static boolean usesComplement(String key, byte[] body) {
        int[] at = {0};
        boolean single = key.startsWith("=") || key.startsWith("#") || key.startsWith("@");
        int mask = single ? 1 : body[at[0]++] & 0xff;
        for (int f = 0; f < 8; f++) {
            if ((mask & (1 << f)) != 0) {
                if (body[at[0]] == DocSets.COMPLEMENT) {
                    return true;
                }
                decode(body, at);
            }
        }
        return false;
    }

    private static int[] decode(byte[] bytes) {
        return decode(bytes, new int[]{0});
    }

    /** The docset at {@code pos[0]}, moving {@code pos[0]} past it. */
    private static int[] decode(byte[] bytes, int[] pos) {
        java.util.List<Integer> docs = new ArrayList<>();
        switch (bytes[pos[0]++]) {
            case DocSets.LIST -> {
                int n = varint(bytes, pos);
                int d = varint(bytes, pos);
                docs.add(d);
                while (--n > 0) {
                    d += varint(bytes, pos) + 1;
                    docs.add(d);
                }
            }
            case DocSets.BITMAP -> {
                int start = varint(bytes, pos);
                int length = varint(bytes, pos);
                for (int i = 0; i < length * 8; i++) {
                    if ((bytes[pos[0] + i / 8] & (1 << (i % 8))) != 0) {
                        docs.add(start + i);
                    }
                }
                pos[0] += length;
            }
            case DocSets.COMPLEMENT -> {
                int first = varint(bytes, pos);
                int last = first + varint(bytes, pos);
                int n = varint(bytes, pos);
                java.util.Set<Integer> missing = new java.util.HashSet<>();
                int d = first;
                for (int i = 0; i < n; i++) {
                    d = d + varint(bytes, pos) + 1;
                    missing.add(d);
                }
                for (int i = first; i <= last; i++) {
                    if (!missing.contains(i)) {
                        docs.add(i);
                    }
                }
            }
            default -> throw new AssertionError("type " + bytes[pos[0] - 1]);
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int varint(byte[] b, int[] pos) {
        int v = 0;
        int shift = 0;
        int x;
        do {
            x = b[pos[0]++];
            v |= (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return v;
    }

    @Test
    void excerptsAreTheCollapsedLeadOfTheBody() {
        String body = "  Đoạn\n\n mở\u00a0đầu " + "thi đua khen thưởng ".repeat(40);
        SearchDocument d = new SearchDocument("a/", "T", "", body, List.of(), null, null, null);
        String full = Snippets.lead(Snippets.collapse(body), DocChunks.EXCERPT_LENGTH);
        assertThat(DocChunks.excerpt(d)).isEqualTo(full).startsWith("Đoạn mở đầu thi").endsWith("…");
        SearchDocument withSummary = new SearchDocument("a/", "T", " Tóm  tắt. ", body, List.of(), null, null, null);
        assertThat(DocChunks.excerpt(withSummary)).isEqualTo("Tóm tắt.");
    }

    @Test
    void manifestDescribesDocumentsYearsAndTags() throws IOException {
        StaticIndexExporter.Result result = StaticIndexExporter.export(SearchFixtures.archive(), dir);
        String manifest = Files.readString(dir.resolve("search/manifest.json"));
        assertThat(manifest).startsWith("{\"format\":5,\"version\":\"" + result.version() + "\",\"docs\":8,\"buckets\":65536,")
                .contains("\"years\":[[2020,7,1],[2019,6,1],[2018,5,1],[2017,4,1],[2016,2,2],[2015,1,1],[2014,0,1]]")
                .contains("[\"Thi đua khen thưởng\",3]");
        // Oldest first, so the newest is last; markup in index data is escaped for JSON inlining too.
        String chunk = Files.readString(dir.resolve("search/d/0.json"));
        assertThat(chunk).contains("[\"2020/02/an-toan/\",\"Hướng dẫn an toàn \\u003cscript\\u003e").endsWith("]]\n");
    }

    /**
     * A split entry keeps the union of its field sets in the shard and the sets, as positions in
     * that union, in f/&lt;hash&gt;.bin (title, tags) and g/&lt;hash&gt;.bin (the others): decoding them gives back the field sets of an unsplit export.
     */
    @Test
    void splitEntriesKeepTheUnionInTheShardAndTheFieldsInTheirDetailFile() throws IOException {
        // Written from the export's threads.
        Map<String, byte[]> whole = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, byte[]> split = new java.util.concurrent.ConcurrentSkipListMap<>();
        try (org.apache.lucene.index.DirectoryReader reader = SearchIndexer.inMemory(RelatedArticlesTest.bigArchive())) {
            DocNumbering numbering = DocNumbering.of(reader);
            StaticIndexExporter.export(reader, numbering, whole::put, StaticIndexExporter.TARGET_BYTES, StaticIndexExporter.SPLIT_BYTES);
            StaticIndexExporter.export(reader, numbering, split::put, StaticIndexExporter.TARGET_BYTES, 0);
        }
        assertThat(whole.keySet()).noneMatch(p -> p.startsWith("search/f/"));
        Map<String, byte[]> plain = bodies(whole, "search/t/");
        Map<String, byte[]> shards = bodies(split, "search/t/");
        assertThat(shards.keySet()).isEqualTo(plain.keySet());
        int splitCount = 0;
        for (Map.Entry<String, byte[]> e : shards.entrySet()) {
            String key = e.getKey();
            byte[] body = e.getValue();
            if (key.startsWith("=") || key.startsWith("#") || key.startsWith("@") || (body[0] & StaticIndexExporter.SPLIT) == 0) {
                assertThat(body).as(key).isEqualTo(plain.get(key));
                continue;
            }
            splitCount++;
            assertThat(key).doesNotContain(" ");
            int[] pos = {1};
            int[] union = decode(body, pos);
            Map<Integer, List<Integer>> fromDetail = new TreeMap<>();
            for (int stage = 0; stage < 2; stage++) {
                byte[] detailFile = split.get(StaticIndexExporter.detailPath(stage, StaticIndexExporter.fnv1a(key)));
                int from = stage == 0 ? 0 : StaticIndexExporter.FIRST_FIELDS;
                int to = stage == 0 ? StaticIndexExporter.FIRST_FIELDS : 8;
                if (stage == 1 && (body[0] & 0x7f) >> from == 0) {
                    continue; // no field past the first ones: no second stage
                }
                byte[] detail = detailFile == null ? null : bodies(Map.of("f", detailFile), "f").get(key);
                assertThat(detail).as("stage %d detail of %s", stage, key).isNotNull();
                assertThat(detail[0]).isEqualTo((byte) (body[0] & ~StaticIndexExporter.SPLIT));
                int[] at = {1};
                for (int f = from; f < to; f++) {
                    if ((detail[0] & (1 << f)) != 0) {
                        fromDetail.put(f, java.util.Arrays.stream(decode(detail, at)).mapToObj(r -> union[r]).toList());
                    }
                }
                assertThat(at[0]).isEqualTo(detail.length);
            }
            assertThat(fromDetail).as(key).isEqualTo(fieldSets(plain.get(key)));
        }
        assertThat(splitCount).isGreaterThan(10);
    }

    /** Key → body of every entry of the files under {@code dir}. */
    private static Map<String, byte[]> bodies(Map<String, byte[]> files, String dir) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(dir)) {
                int[] at = {0};
                for (int n = DocSets.readVarint(bytes, at); n > 0; n--) {
                    int keyLength = DocSets.readVarint(bytes, at);
                    String key = new String(bytes, at[0], keyLength, StandardCharsets.UTF_8);
                    at[0] += keyLength;
                    int length = DocSets.readVarint(bytes, at);
                    out.put(key, java.util.Arrays.copyOfRange(bytes, at[0], at[0] + length));
                    at[0] += length;
                }
            }
        });
        return out;
    }

    private static Map<Integer, List<Integer>> fieldSets(byte[] body) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        int[] at = {1};
        for (int f = 0; f < 8; f++) {
            if ((body[0] & (1 << f)) != 0) {
                out.put(f, java.util.Arrays.stream(decode(body, at)).boxed().toList());
            }
        }
        return out;
    }

    @Test
    void shardsAreKeyedByTheTermHash() {
        assertThat(StaticIndexExporter.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(Integer.toUnsignedString(StaticIndexExporter.fnv1a("a"))).isEqualTo("3826002220");
        assertThat(StaticIndexExporter.bucketOf("a")).isEqualTo((int) (3826002220L & 0xffff));
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'),
                        java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
