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
    void manifestDescribesDocumentsYearsAndTags() throws IOException {
        StaticIndexExporter.Result result = StaticIndexExporter.export(SearchFixtures.archive(), dir);
        String manifest = Files.readString(dir.resolve("search/manifest.json"));
        assertThat(manifest).startsWith("{\"format\":2,\"version\":\"" + result.version() + "\",\"docs\":8,")
                .contains("\"years\":[[2020,0,1],[2019,1,1],[2018,2,1],[2017,3,1],[2016,4,2],[2015,6,1],[2014,7,1]]")
                .contains("[\"Thi đua khen thưởng\",3]");
        String chunk = Files.readString(dir.resolve("search/" + result.version() + "/d/0.json"));
        // Newest first; markup in index data is escaped for JSON inlining too.
        assertThat(chunk).startsWith("[[\"2020/02/an-toan/\",\"Hướng dẫn an toàn \\u003cscript\\u003e");
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
