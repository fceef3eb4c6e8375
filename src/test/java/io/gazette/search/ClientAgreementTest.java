package io.gazette.search;

import io.gazette.json.Json;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Node tests of the browser client: the analyzer vectors, and agreement between
 * search.js over the exported static index and {@link SearchService} over the Lucene index.
 * Needs {@code node} (18+) on the PATH.
 */
class ClientAgreementTest {
    static final Path WORK = AnalyzerVectorsTest.projectDir().resolve("target/search-agreement");

    /** Query, tag, year: plain queries, diacritics, phrases, filters, a browse and a miss. */
    static final List<String[]> QUERIES = List.of(
            new String[]{"thi dua khen thuong", null, null},
            new String[]{"thi đua", null, null},
            new String[]{"dua", null, null},
            new String[]{"đua", null, null},
            new String[]{"ĐUA THUYỀN", null, null},
            new String[]{"khen thưởng", null, null},
            new String[]{"hoi nghi", null, null},
            new String[]{"an toan giao thong", null, null},
            new String[]{"so 12", null, null},
            // Terms in (nearly) every document: their sets are stored as the documents missing.
            new String[]{"tin tuc", null, null},
            new String[]{"tin", null, "2012"},
            new String[]{"thi dua", "Thi đua khen thưởng", null},
            new String[]{"thi dua", null, "2014"},
            new String[]{"giai dua thuyen", "Thể thao", "2011"},
            new String[]{"", "Thể thao", null},
            new String[]{"", null, "2012"},
            new String[]{"không có từ này", null, null},
            new String[]{"tin", "Không có chủ đề này", null});

    @BeforeAll
    static void writeFixture() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        docs.addAll(RelatedArticlesTest.bigArchive());
        Path index = WORK.resolve("index");
        SearchIndexer.rebuild(index, docs);
        StaticIndexExporter.export(docs, WORK.resolve("site"));
        // The same index with every syllable and prefix of more than one field split (at 100,000
        // articles only common ones are): agreement.test.mjs expects the same answers from it.
        Path split = WORK.resolve("site-split");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexFolderUpdate update = new IndexFolderUpdate(split);
            StaticIndexExporter.export(reader, DocNumbering.of(reader), update, StaticIndexExporter.TARGET_BYTES, 0);
            update.deleteOthers();
        }
        try (var details = Files.list(split.resolve("search/f"))) {
            assertThat(details.count()).as("detail files of split terms").isGreaterThan(20);
        }
        StringBuilder json = new StringBuilder("[\n");
        try (SearchService search = SearchService.open(index)) {
            for (String[] q : QUERIES) {
                SearchFilter filter = new SearchFilter(q[1], q[2] == null ? null : Integer.valueOf(q[2]));
                SearchResults results = search.search(q[0], filter, 0, 10);
                json.append(json.length() > 2 ? ",\n" : "").append("{\"q\":").append(Json.quote(q[0]));
                json.append(",\"tag\":").append(q[1] == null ? "null" : Json.quote(q[1]));
                json.append(",\"year\":").append(q[2] == null ? "null" : q[2]);
                json.append(",\"total\":").append(results.total()).append(",\"urls\":[");
                json.append(String.join(",", results.hits().stream().map(h -> Json.quote(h.url())).toList()));
                json.append("],\"titles\":[");
                json.append(String.join(",", results.hits().stream().map(h -> Json.quote(h.title())).toList()));
                json.append("]}");
            }
        }
        Files.writeString(WORK.resolve("expected.json"), json.append("\n]\n"), StandardCharsets.UTF_8);
        assertThat(json).contains("2014/08/hoi-nghi-so-ket/");
    }

    @Test
    void browserClientTokenizesLikeJava() throws Exception {
        assertNodeTestPasses("src/test/js/analyzer.test.mjs");
    }

    @Test
    void browserClientRanksLikeJava() throws Exception {
        assertNodeTestPasses("src/test/js/agreement.test.mjs");
    }

    /** Prefix matching, newest-first sorting and the category filter of the search page. */
    @Test
    void browserClientAddsPrefixSortAndCategory() throws Exception {
        assertNodeTestPasses("src/test/js/features.test.mjs");
    }

    /** passages.js picks the passage Snippets.around picks (SnippetsPassageTest), and reads it back by Range. */
    @Test
    void browserClientChoosesPassagesLikeJava() throws Exception {
        assertNodeTestPasses("src/test/js/passages.test.mjs");
    }

    private static void assertNodeTestPasses(String file) throws Exception {
        Path project = AnalyzerVectorsTest.projectDir();
        ProcessBuilder pb = new ProcessBuilder("node", "--test", file)
                .directory(project.toFile())
                .redirectErrorStream(true);
        pb.environment().put("GAZETTE_AGREEMENT_DIR", WORK.toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("node --test %s:%n%s", file, output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }
}
