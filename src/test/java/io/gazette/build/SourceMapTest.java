package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source map a build leaves in .gazette/: written again only when a page's source moved. */
class SourceMapTest {
    @TempDir
    Path project;

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @Test
    void theSameMapIsNotWrittenAgainAndAChangedOneIs() throws IOException {
        Path output = project.resolve("public");
        Map<String, String> pages = new HashMap<>();
        pages.put("2015/bai-1.html", "content/2015/bai-1.md");
        pages.put("2015/bai-2.html", "content\\2015\\bai-2.md");
        SourceMap.write(project, output, pages);
        Path file = SourceMap.file(project, output);
        Files.setLastModifiedTime(file, LONG_AGO);

        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("2015/bai-2.html", "content/2015/bai-2.md"); // the same source, written as the map writes it
        reordered.put("2015/bai-1.html", "content/2015/bai-1.md");
        SourceMap.write(project, output, reordered);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        assertThat(SourceMap.read(project, output).orElseThrow().sourceOf("2015/bai-2.html"))
                .contains(Path.of("content/2015/bai-2.md"));

        pages.put("2015/bai-2.html", "content/2015/bai-moi.md");
        SourceMap.write(project, output, pages);
        assertThat(SourceMap.read(project, output).orElseThrow().sourceOf("2015/bai-2.html"))
                .contains(Path.of("content/2015/bai-moi.md"));

        pages.put("2015/bai-3.html", "content/2015/bai-3.md");
        SourceMap.write(project, output, pages);
        assertThat(SourceMap.read(project, output).orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void aMapWithoutADigestIsWrittenAgain() throws IOException {
        Path output = project.resolve("public");
        Path file = SourceMap.file(project, output);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"output\":\"x\",\"pages\":{\"a.html\":\"content/old.md\"}}\n");
        SourceMap.write(project, output, Map.of("a.html", "content/a.md"));
        assertThat(SourceMap.read(project, output).orElseThrow().sourceOf("a.html")).contains(Path.of("content/a.md"));
    }

    @Test
    void theDigestDependsOnEveryEntryButNotOnTheirOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("a.html", "content/a.md");
        one.put("b.html", "content/b.md");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("b.html", "content/b.md");
        other.put("a.html", "content/a.md");
        assertThat(SourceMap.digest(one)).isEqualTo(SourceMap.digest(other));
        other.put("a.html", "content/b.md");
        assertThat(SourceMap.digest(one)).isNotEqualTo(SourceMap.digest(other));
        assertThat(SourceMap.digest(Map.of())).isNotEqualTo(SourceMap.digest(one));
    }

    @Test
    void aBuildPublishesTheMapItPreparedOnlyWithItsOutput() throws IOException {
        InlineSite site = InlineSite.in(project).file("site.yml", "title: Thử\nbaseUrl: https://example.org/\n")
                .file("content/2015/bai-1.md", "---\ntitle: Bài một\ndate: 2015-01-10\n---\n\nNội dung.\n");
        assertThat(site.buildWithCache().succeeded()).isTrue();
        Path output = site.output();
        Path file = SourceMap.file(site.project(), output);
        assertThat(SourceMap.read(site.project(), output).orElseThrow().size()).isEqualTo(1);

        // A new article (the map changes, and is prepared while the search runs) beside a broken
        // one: the build fails, so the map of the output still in place stays, and no temporary file.
        site.file("content/2015/bai-2.md", "---\ntitle: Bài hai\ndate: 2015-01-11\n---\n\nNội dung.\n")
                .file("content/2015/hong.md", "---\ntitle: Không ngày\n---\n\nNội dung.\n");
        assertThat(site.buildWithCache().succeeded()).isFalse();
        assertThat(SourceMap.read(site.project(), output).orElseThrow().size()).isEqualTo(1);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(file.getFileName().toString());
        }

        site.delete("content/2015/hong.md");
        assertThat(site.buildWithCache().succeeded()).isTrue();
        SourceMap map = SourceMap.read(site.project(), output).orElseThrow();
        assertThat(map.size()).isEqualTo(2);
        assertThat(Files.readString(file)).contains("content/2015/bai-2.md");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
