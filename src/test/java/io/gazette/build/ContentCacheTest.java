package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.content.FrontMatter;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.site.ArticleBody;
import io.gazette.site.InputFacts;
import io.gazette.site.SiteUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files' results kept between builds: found again under the same key only, never when damaged. */
class ContentCacheTest {
    @TempDir
    Path dir;

    private static final CacheKey KEY = new CacheKey("Gazette 1", "theme", "settings");
    private static final RenderedMarkdown BODY = new RenderedMarkdown("<p>Thi đua <em>khen thưởng</em></p>\n",
            "Thi đua khen thưởng", "Thi đua", 4);
    private static final FrontMatter FM = new FrontMatter("Tiêu đề", ZonedDateTime.parse("2015-01-10T08:00+07:00[Asia/Ho_Chi_Minh]"),
            null, "Tác giả", List.of("a", "b"), "Thời sự", "", "", "", "", List.of(), false, null,
            java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("nguon", "Báo Xây dựng"))));

    private static final Path SOURCE = Path.of("content/a.md");
    private static final SiteUrls URLS = new SiteUrls("https://example.org/", "/", ":year/:month/:slug/");

    private static SourceHash key(String text) {
        return SourceHash.of(Path.of("content/a.md"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertKept(ContentCache.Parsed parsed, FrontMatter fm, RenderedMarkdown body) {
        assertThat(parsed).isNotNull();
        assertThat(parsed.frontMatter()).isEqualTo(fm);
        assertThat(parsed.bodyFirstLine()).isEqualTo(7);
        assertThat(parsed.body().html()).isEqualTo(body.html());
        assertThat(parsed.body().plainText()).isEqualTo(body.plainText());
        assertThat(parsed.body().wordCount()).isEqualTo(body.wordCount());
        assertThat(parsed.body().summaryText()).isEqualTo(ArticleBody.summaryText(body));
        assertThat(parsed.body().summary()).isEqualTo(ArticleBody.summaryOf(ArticleBody.summaryText(body)));
        // What the site model derives from the article alone comes back as it was made, for the front matter read back.
        InputFacts made = InputFacts.make(SOURCE, fm, parsed.body().summary(), body.wordCount(), io.gazette.media.ArticleMedia.NONE.hash(), URLS);
        assertThat(parsed.facts().slug()).isEqualTo(made.slug()).isEqualTo("tieu-de");
        assertThat(parsed.facts().url()).isEqualTo(made.url()).isEqualTo("2015/01/tieu-de/");
        assertThat(parsed.facts().permalink()).isEqualTo(URLS.permalink());
        assertThat(parsed.facts().cardPrefix()).isEqualTo(made.cardPrefix());
        assertThat(parsed.facts().sitemapHash()).isEqualTo(made.sitemapHash());
    }

    @Test
    void aKeptBodyHoldsItsSummaryCutAndReadsTheLongTextItCameFromBack() throws IOException {
        String lead = "Hội nghị sơ kết công tác thi đua khen thưởng năm nay diễn ra tại Hà Nội, ".repeat(8);
        RenderedMarkdown long_ = new RenderedMarkdown("<p>" + lead + "</p>\n", lead, lead, 120);
        SourceHash key = key("long");
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            ArticleBody body = cache.put(key, SOURCE, FM, 7, long_, URLS).body();
            assertThat(body.summary()).isEqualTo(ArticleBody.summaryOf(ArticleBody.summaryText(long_))).endsWith("…");
            assertThat(body.summaryText()).isEqualTo(ArticleBody.summaryText(long_));
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            ArticleBody body = cache.get(key).body();
            assertThat(body.summary()).isEqualTo(ArticleBody.summaryOf(ArticleBody.summaryText(long_)));
            assertThat(body.summaryText()).isEqualTo(ArticleBody.summaryText(long_));
            assertThat(body.html()).isEqualTo(long_.html());
        }
    }

    /**
     * Summaries are not decoded when an entry is found: each is read from the data file when first
     * asked for. Entries of different lengths, asked in another order than they were written
     * (and one with no text at all), give each its own.
     */
    @Test
    void eachFoundEntryReadsItsOwnSummaryWhenAskedInAnyOrder() throws IOException {
        List<RenderedMarkdown> bodies = List.of(
                new RenderedMarkdown("<p>Một</p>\n", "Một", "Một", 1),
                new RenderedMarkdown("", "", "", 0),
                new RenderedMarkdown("<p>x</p>\n", "Giao thông Hà Nội sáng nay ùn tắc kéo dài. ".repeat(20),
                        "Giao thông Hà Nội sáng nay ùn tắc kéo dài. ".repeat(20), 180),
                new RenderedMarkdown("<p>Ba</p>\n", "Ba bài báo về thời tiết", "", 5));
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            for (int i = 0; i < bodies.size(); i++) {
                cache.put(key("entry " + i), SOURCE, FM, 7, bodies.get(i), URLS);
            }
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            List<ArticleBody> found = new java.util.ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                found.add(cache.get(key("entry " + i)).body());
            }
            for (int i = bodies.size() - 1; i >= 0; i--) {
                String expected = ArticleBody.summaryOf(ArticleBody.summaryText(bodies.get(i)));
                assertThat(found.get(i).summary()).as("entry %d", i).isEqualTo(expected);
                assertThat(found.get(i).summary()).as("entry %d asked again", i).isEqualTo(expected);
                assertThat(found.get(i).plainText()).isEqualTo(bodies.get(i).plainText());
            }
            assertThat(found.get(2).summary()).endsWith("…");
            assertThat(found.get(1).summary()).isEmpty();
        }
    }

    @Test
    void entriesReadBackShareTheNamesAndZonesArticlesRepeat() throws IOException {
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            cache.put(key("one"), SOURCE, FM, 7, BODY, URLS);
            cache.put(key("two"), SOURCE, FM, 7, BODY, URLS);
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            FrontMatter one = cache.get(key("one")).frontMatter();
            FrontMatter two = cache.get(key("two")).frontMatter();
            assertThat(one).isEqualTo(FM).isEqualTo(two);
            assertThat(two.author()).isSameAs(one.author());
            assertThat(two.category()).isSameAs(one.category());
            assertThat(two.tags().get(1)).isSameAs(one.tags().get(1));
            assertThat(two.date().getZone()).isSameAs(one.date().getZone());
            assertThat(two.title()).isNotSameAs(one.title()); // titles are each article's own
        }
    }

    @Test
    void aFileIsFoundByItsPathAndBytesInTheNextBuild() throws IOException {
        SourceHash key = key("v1");
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isNull();
            ContentCache.Parsed put = cache.put(key, SOURCE, FM, 7, BODY, URLS);
            ArticleBody body = put.body();
            // The body handed out reads from the cache's file: written once, not decoded again.
            assertThat(body.html()).isEqualTo(BODY.html());
            assertThat(body.plainText()).isEqualTo(BODY.plainText());
            // This build's model takes the facts made for the entry, as the next build reads them back.
            assertKept(put, FM, BODY);
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.damage()).isNull();
            assertKept(cache.get(key), FM, BODY);
            assertThat(cache.get(key("v2"))).isNull();
            assertThat(cache.get(SourceHash.of(Path.of("content/b.md"), "v1".getBytes(StandardCharsets.UTF_8)))).isNull();
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, new CacheKey("Gazette 2", "theme", "settings"))) {
            assertThat(cache.get(key)).isNull();
            assertThat(cache.damage()).isNull(); // another Gazette's cache is not damaged, only not ours
        }
    }

    @Test
    void aSettledFileIsKnownByItsStatAndAnythingElseIsNot() throws IOException {
        SourceHash key = key("v1");
        FileStat stat = new FileStat(2, 1_000_000_000_000L, 1_000_000_000_000L, 42);
        long read = 1_000_000_000_000L + 5_000_000_000L;
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            cache.put(key, SOURCE, FM, 7, BODY, URLS);
            cache.saw("content/a.md", stat, key, read);
            // Changed a second before it was read: a write in the same tick could keep the times.
            FileStat fresh = new FileStat(2, read - 1_000_000_000L, read - 1_000_000_000L, 43);
            cache.put(key("v2"), SOURCE, FM, 7, BODY, URLS);
            cache.saw("content/b.md", fresh, key("v2"), read);
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.knownHash("content/a.md", stat)).isEqualTo(key);
            assertThat(cache.knownHash("content/b.md", new FileStat(2, read - 1_000_000_000L, read - 1_000_000_000L, 43)))
                    .isNull();
            assertThat(cache.knownHash("content/a.md", new FileStat(2, stat.modifiedNanos(), stat.changedNanos() + 1, 42)))
                    .isNull();
            assertThat(cache.knownHash("content/a.md", new FileStat(2, stat.modifiedNanos(), stat.changedNanos(), 41)))
                    .isNull();
            assertThat(cache.knownHash("content/a.md", null)).isNull();
            assertThat(cache.knownHash("content/c.md", stat)).isNull();
            // Not looked up by this build: forgotten with its entry.
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.knownHash("content/a.md", stat)).isNull();
        }
    }

    @Test
    void aFrontMatterTheCacheCannotHoldIsNotKept() throws IOException {
        FrontMatter odd = new FrontMatter("T", FM.date(), null, "", List.of(), "", "", "", "", "", List.of(), false, null,
                Map.of("set", java.util.Set.of(1)));
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.put(key("x"), SOURCE, odd, 7, BODY, URLS)).isNull();
            assertThat(cache.get(key("x"))).isNull();
        }
    }

    @Test
    void aDamagedEntryIsAMissAndADamagedIndexSaysSo() throws IOException {
        SourceHash key = key("x");
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            cache.put(key, SOURCE, FM, 7, BODY, URLS);
            cache.save();
        }
        Path data = dir.resolve("content.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 20] ^= 1; // in the body's text
        Files.write(data, bytes);
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.get(key)).isNull();
            cache.put(key, SOURCE, FM, 7, BODY, URLS);
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertKept(cache.get(key), FM, BODY);
            cache.save();
        }
        // Cut short: no entry of it is trusted.
        Files.write(data, java.util.Arrays.copyOf(Files.readAllBytes(data), 40));
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.damage()).isEqualTo("its data file is cut short");
            assertThat(cache.get(key)).isNull();
        }
        Path index = dir.resolve("content.index");
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            cache.put(key, SOURCE, FM, 7, BODY, URLS);
            cache.save();
        }
        byte[] saved = Files.readAllBytes(index);
        saved[saved.length - 22] ^= 1; // in the last entry, before the (empty) list of settled files and the sum
        Files.write(index, saved);
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.damage()).isEqualTo("its checksum does not match");
            assertThat(cache.get(key)).isNull();
        }
        Files.write(index, new byte[] {1, 2, 3});
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.damage()).isEqualTo("it is cut short");
        }
    }

    @Test
    void entriesNoBuildUsesAreDroppedAndTheDataFileCompacted() throws IOException {
        String big = "x".repeat(1 << 20);
        RenderedMarkdown large = new RenderedMarkdown(big, big, "", 1);
        ArticleBody handedOut = null;
        for (int build = 0; build < 40; build++) {
            try (ContentCache cache = ContentCache.open(dir, KEY)) {
                ArticleBody body = cache.put(key("v" + build), SOURCE, FM, 7, new RenderedMarkdown(big + build, big, "", 1), URLS).body();
                if (build == 39) {
                    handedOut = body;
                }
                cache.save();
                if (build == 39) {
                    // Bodies handed out before the copy into a new data file still read right.
                    assertThat(body.html()).isEqualTo(big + build);
                }
            }
        }
        assertThat(handedOut).isNotNull();
        // One live entry of 2 MB; without compaction the file would hold all 40 (80 MB).
        assertThat(Files.size(dir.resolve("content.data"))).isLessThan(40L << 20);
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.get(key("v39")).body().html()).isEqualTo(big + 39);
            assertThat(cache.get(key("v0"))).isNull();
        }
        assertThat(large.wordCount()).isEqualTo(1);
    }

    @Test
    void entriesAreFoundByManyThreadsAtOnceAndStillAfterTheCopyIntoANewDataFile() throws Exception {
        String dead = "<p>" + "cũ ".repeat(6 << 20) + "</p>"; // ~24 MB no later build uses: the save copies
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            cache.put(key("dead"), SOURCE, FM, 7, new RenderedMarkdown(dead, "cũ", "", 1), URLS);
            for (int i = 0; i < 64; i++) {
                cache.put(key("v" + i), SOURCE, FM, 7, new RenderedMarkdown("<p>bài " + i + "</p>", "bài " + i, "", 2), URLS);
            }
            cache.save();
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<String>> found = new java.util.ArrayList<>();
                for (int round = 0; round < 8; round++) {
                    for (int i = 0; i < 64; i++) {
                        int n = i;
                        found.add(threads.submit(() -> cache.get(key("v" + n)).body().html()));
                    }
                }
                for (int j = 0; j < found.size(); j++) {
                    assertThat(found.get(j).get()).isEqualTo("<p>bài " + (j % 64) + "</p>");
                }
            } finally {
                threads.shutdown();
            }
            long before = Files.size(dir.resolve("content.data"));
            cache.save(); // the dead entry is most of the file: the live ones are copied into a new one
            assertThat(Files.size(dir.resolve("content.data"))).isLessThan(before / 4);
            // Looked up again in the same build: still found in the file it opened.
            assertThat(cache.get(key("v5")).body().html()).isEqualTo("<p>bài 5</p>");
        }
        try (ContentCache cache = ContentCache.open(dir, KEY)) {
            assertThat(cache.get(key("v63")).body().html()).isEqualTo("<p>bài 63</p>");
            assertThat(cache.get(key("dead"))).isNull();
        }
    }
}
