package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.markdown.RenderedMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renderings kept between builds: found again under the same key only, never when damaged. */
class MarkdownCacheTest {
    @TempDir
    Path dir;

    private static final CacheKey KEY = new CacheKey("Gazette 1", "theme", "settings");
    private static final RenderedMarkdown BODY = new RenderedMarkdown("<p>Thi đua <em>khen thưởng</em></p>\n",
            "Thi đua khen thưởng", "Thi đua khen thưởng", 4);

    @Test
    void aRenderingIsFoundByItsInputsInTheNextBuild() throws IOException {
        MarkdownCache.Key key = MarkdownCache.keyOf("content/a.md", null, 7, "Thi đua *khen thưởng*");
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isNull();
            cache.put(key, BODY);
            cache.save();
        }
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isEqualTo(BODY);
            // Any input differs: another key.
            assertThat(cache.get(MarkdownCache.keyOf("content/a.md", null, 8, "Thi đua *khen thưởng*"))).isNull();
            assertThat(cache.get(MarkdownCache.keyOf("content/b.md", null, 7, "Thi đua *khen thưởng*"))).isNull();
            assertThat(cache.get(MarkdownCache.keyOf("content/a.md", "a.jpg", 7, "Thi đua *khen thưởng*"))).isNull();
            assertThat(cache.get(MarkdownCache.keyOf("content/a.md", null, 7, "Thi đua *khen thương*"))).isNull();
        }
        try (MarkdownCache cache = MarkdownCache.open(dir, new CacheKey("Gazette 2", "theme", "settings"))) {
            assertThat(cache.get(key)).isNull();
        }
    }

    @Test
    void aDamagedEntryOrIndexIsAMiss() throws IOException {
        MarkdownCache.Key key = MarkdownCache.keyOf("content/a.md", null, 7, "x");
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            cache.put(key, BODY);
            cache.save();
        }
        Path data = dir.resolve("bodies.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[40] ^= 1;
        Files.write(data, bytes);
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isNull();
            cache.put(key, BODY);
            cache.save();
        }
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isEqualTo(BODY);
        }
        Files.write(dir.resolve("bodies.index"), new byte[] {1, 2, 3});
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isNull();
        }
    }

    @Test
    void entriesNoBuildUsesAreDroppedAndTheDataFileCompacted() throws IOException {
        String big = "x".repeat(1 << 20);
        RenderedMarkdown large = new RenderedMarkdown(big, big, "", 1);
        for (int build = 0; build < 40; build++) {
            try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
                cache.put(MarkdownCache.keyOf("content/a.md", null, 1, "v" + build), large);
                cache.save();
            }
        }
        // One live entry of 2 MB; without compaction the file would hold all 40 (80 MB).
        assertThat(Files.size(dir.resolve("bodies.data"))).isLessThan(40L << 20);
        try (MarkdownCache cache = MarkdownCache.open(dir, KEY)) {
            assertThat(cache.get(MarkdownCache.keyOf("content/a.md", null, 1, "v39"))).isEqualTo(large);
            assertThat(cache.get(MarkdownCache.keyOf("content/a.md", null, 1, "v0"))).isNull();
        }
    }
}
