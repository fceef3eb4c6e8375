package io.gazette.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    @Test
    void reExportReplacesTheOldIndex() throws IOException {
        StaticIndexExporter.Result old = StaticIndexExporter.export(RelatedArticlesTest.bigArchive(), dir);
        StaticIndexExporter.Result now = StaticIndexExporter.export(SearchFixtures.archive(), dir);
        assertThat(now.version()).isNotEqualTo(old.version());
        assertThat(dir.resolve("search").resolve(old.version())).doesNotExist();
        assertThat(files(dir).keySet()).allMatch(p -> p.equals("search/manifest.json") || p.startsWith("search/" + now.version() + "/"));
    }

    @Test
    void sinkExportWritesSitePathsListsThemSortedAndDeletesNothing() throws IOException {
        Map<String, byte[]> written = new java.util.concurrent.ConcurrentHashMap<>();
        IndexFiles sink = (path, content) ->
                assertThat(written.put(path, content)).as("written twice: %s", path).isNull();
        List<SearchDocument> docs = RelatedArticlesTest.bigArchive();
        StaticIndexExporter.Result result = StaticIndexExporter.export(docs, sink);

        assertThat(result.paths()).isSorted().hasSize(result.files()).containsExactlyInAnyOrderElementsOf(written.keySet())
                .contains("search/manifest.json")
                .allMatch(p -> p.equals("search/manifest.json") || p.startsWith("search/" + result.version() + "/"));
        assertThat(result.bytes()).isEqualTo(written.values().stream().mapToLong(b -> b.length).sum());
        // Same bytes as the directory export.
        StaticIndexExporter.export(docs, dir);
        Map<String, String> onDisk = files(dir);
        assertThat(onDisk.keySet()).isEqualTo(written.keySet());
        written.forEach((path, bytes) -> assertThat(onDisk.get(path)).isEqualTo(java.util.HexFormat.of().formatHex(bytes)));
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
            DocSets.write(out, docs, 0, count, universe);
            assertThat(decode(out.toByteArray(), universe)).as("density %s", density)
                    .containsExactly(java.util.Arrays.copyOf(docs, count));
        }
        // Nearly everything: the missing documents are what is written.
        int[] all = java.util.stream.IntStream.range(0, universe).filter(d -> d != 500).toArray();
        DocSets.Sink out = new DocSets.Sink(16);
        DocSets.write(out, all, 0, all.length, universe);
        assertThat(out.bytes[0]).isEqualTo((byte) DocSets.COMPLEMENT);
        assertThat(out.size).isLessThan(8);
    }

    /** The decoder search.js implements, in Java. */
    private static int[] decode(byte[] bytes, int universe) {
        int[] pos = {1};
        java.util.List<Integer> docs = new ArrayList<>();
        switch (bytes[0]) {
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
            }
            case DocSets.COMPLEMENT -> {
                int n = varint(bytes, pos);
                java.util.Set<Integer> missing = new java.util.HashSet<>();
                int d = -1;
                for (int i = 0; i < n; i++) {
                    d = i == 0 ? varint(bytes, pos) : d + varint(bytes, pos) + 1;
                    missing.add(d);
                }
                for (int i = 0; i < universe; i++) {
                    if (!missing.contains(i)) {
                        docs.add(i);
                    }
                }
            }
            default -> throw new AssertionError("type " + bytes[0]);
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
        assertThat(manifest).startsWith("{\"format\":3,\"version\":\"" + result.version() + "\",\"docs\":8,")
                .contains("\"years\":[[2020,7,1],[2019,6,1],[2018,5,1],[2017,4,1],[2016,2,2],[2015,1,1],[2014,0,1]]")
                .contains("[\"Thi đua khen thưởng\",3]");
        // Oldest first, so the newest is last; markup in index data is escaped for JSON inlining too.
        String chunk = Files.readString(dir.resolve("search/" + result.version() + "/d/2.json"));
        assertThat(chunk).contains("[\"2020/02/an-toan/\",\"Hướng dẫn an toàn \\u003cscript\\u003e").endsWith("]]\n");
    }

    @Test
    void shardsAreKeyedByTheTermHash() {
        assertThat(StaticIndexExporter.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(Integer.toUnsignedString(StaticIndexExporter.fnv1a("a"))).isEqualTo("3826002220");
        assertThat(StaticIndexExporter.shardOf("thi dua", 1)).isZero();
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
