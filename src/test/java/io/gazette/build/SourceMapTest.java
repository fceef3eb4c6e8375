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
}
