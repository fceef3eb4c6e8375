package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.InlineSite;
import io.gazette.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled and expiring articles, built with {@code --as-of} so that the schedule is checked at
 * chosen times: a whole site written here, built through the command line as an editor would.
 */
class ScheduleTest {
    @TempDir
    Path temp;

    /** What the last command printed. */
    private GazetteCli.Ran last;

    /**
     * Four articles of one category and tag, each with a word of its own in its text: one published,
     * one scheduled for 2 June 09:00, one expiring on 1 June at noon, and a draft.
     */
    private Path site() {
        return InlineSite.in(temp)
                .file("site.yml", """
                        title: "Bản tin"
                        baseUrl: "https://example.org/"
                        timeZone: Asia/Ho_Chi_Minh
                        """)
                .file("content/2026/da-dang.md", article("Hội nghị đã đăng", "da-dang", "date: 2026-06-01 08:00"))
                .file("content/2026/hen-gio.md", article("Thông báo hẹn giờ", "hen-gio", "date: 2026-06-02 09:00"))
                .file("content/2026/het-han.md", article("Thư mời hết hạn", "het-han",
                        "date: 2026-05-01 08:00\nexpiryDate: 2026-06-01 12:00"))
                .file("content/2026/ban-nhap.md", article("Bản nháp", "ban-nhap", "date: 2026-05-02 08:00\ndraft: true"))
                .project();
    }

    private static String article(String title, String slug, String dates) {
        return """
                ---
                title: "%s"
                slug: %s
                %s
                category: Thông báo
                tags: [Lịch]
                ---

                Nội dung của bài %s %s.
                """.formatted(title, slug, dates, slug, word(slug));
    }

    /** A word only this article's text has: {@code trongvanbandadang}. */
    private static String word(String slug) {
        return "trongvanban" + slug.replace("-", "");
    }

    private GazetteCli.Ran run(Object... args) {
        last = GazetteCli.run(args);
        return last;
    }

    private Map<String, String> build(Path project, String asOf) throws IOException {
        Path output = temp.resolve("out-" + asOf.replace(':', '-'));
        assertThat(run("build", "-s", project, "-o", output, "--as-of", asOf).code()).as(last.err()).isZero();
        return text(output);
    }

    private static Map<String, String> text(Path output) throws IOException {
        return TestSites.tree(output).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(e.getValue(), StandardCharsets.UTF_8)));
    }

    /** Whether the article appears anywhere but its own page: lists, feeds, sitemap, search files. */
    private static boolean listed(Map<String, String> site, String slug) {
        String word = word(slug);
        return site.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("2026/0"))
                .anyMatch(e -> e.getValue().contains("/2026/0") && e.getValue().contains(slug)
                        || e.getKey().startsWith("search/") && e.getValue().contains(word));
    }

    @Test
    void aScheduledArticleAppearsWhenDueAndAnExpiredOneLeaves() throws IOException {
        Path project = site();

        Map<String, String> morning = build(project, "2026-06-01T10:00:00+07:00");
        assertThat(morning).containsKey("2026/06/da-dang/index.html").containsKey("2026/05/het-han/index.html")
                .doesNotContainKey("2026/06/hen-gio/index.html").doesNotContainKey("2026/05/ban-nhap/index.html");
        assertThat(listed(morning, "da-dang")).isTrue();
        assertThat(listed(morning, "het-han")).isTrue();
        assertThat(listed(morning, "hen-gio")).isFalse();
        assertThat(last.out()).containsPattern("Drafts\\s+1").containsPattern("Scheduled\\s+1")
                .containsPattern("Expired\\s+0");

        // The next day, at the scheduled minute: the article is out, the expired one gone everywhere.
        Map<String, String> nextDay = build(project, "2026-06-02T02:00:00Z");
        assertThat(nextDay).containsKey("2026/06/hen-gio/index.html").doesNotContainKey("2026/05/het-han/index.html");
        assertThat(listed(nextDay, "hen-gio")).isTrue();
        assertThat(listed(nextDay, "het-han")).isFalse();
        assertThat(nextDay.get("feed.xml")).contains("Thông báo hẹn giờ").doesNotContain("Thư mời hết hạn");
        assertThat(nextDay.get("sitemap-1.xml")).contains("2026/06/hen-gio/").doesNotContain("het-han");
        assertThat(last.out()).containsPattern("Scheduled\\s+0").containsPattern("Expired\\s+1");

        // A minute before: still waiting.
        assertThat(build(project, "2026-06-02T08:59:59+07:00")).doesNotContainKey("2026/06/hen-gio/index.html");
    }

    @Test
    void theNewsSitemapListsTheTwoDaysBeforeTheBuildsTime() throws IOException {
        Path project = site();
        String news = build(project, "2026-06-02T10:00:00+07:00").get("sitemap-news.xml");
        assertThat(news).contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"")
                .contains("<loc>https://example.org/2026/06/hen-gio/</loc>")
                .contains("<news:publication_date>2026-06-02T09:00:00+07:00</news:publication_date>")
                .contains("<news:title>Thông báo hẹn giờ</news:title>")
                .contains("<news:name>Bản tin</news:name><news:language>vi</news:language>")
                .contains("/2026/06/da-dang/").doesNotContain("het-han").doesNotContain("ban-nhap");
        assertThat(news.indexOf("hen-gio")).as("newest first").isLessThan(news.indexOf("da-dang"));

        // 48 hours after 2026-06-01 08:00 that article is no longer news; the ordinary sitemap keeps it.
        Map<String, String> later = build(project, "2026-06-03T08:30:00+07:00");
        assertThat(later.get("sitemap-news.xml")).contains("/2026/06/hen-gio/").doesNotContain("da-dang");
        assertThat(later.get("sitemap-1.xml")).contains("/2026/06/da-dang/");
        // sitemap.xml, the one address to submit, is the index of both.
        assertThat(later.get("sitemap.xml")).contains("<sitemapindex ")
                .contains("<sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>")
                .contains("<sitemap><loc>https://example.org/sitemap-news.xml</loc></sitemap>")
                .doesNotContain("da-dang");
        assertThat(later.get("robots.txt")).contains("Sitemap: https://example.org/sitemap.xml\n")
                .contains("Sitemap: https://example.org/sitemap-news.xml\n");

        // Long after, the file is still there for crawlers, with no entries.
        assertThat(build(project, "2027-01-01T00:00:00Z").get("sitemap-news.xml")).doesNotContain("<url>")
                .contains("<urlset");
    }

    @Test
    void eachCategoryHasAFeedLinkedFromItsPage() throws IOException {
        Path project = site();
        Map<String, String> site = build(project, "2026-06-02T10:00:00+07:00");
        String feed = site.get("chuyen-muc/thong-bao/feed.xml");
        assertThat(feed).isNotNull().contains("<title>Bản tin – Thông báo</title>")
                .contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/chuyen-muc/thong-bao/\"/>")
                .contains("Thông báo hẹn giờ").contains("Hội nghị đã đăng").doesNotContain("Thư mời hết hạn");
        String page = site.get("chuyen-muc/thong-bao/index.html");
        assertThat(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("href=\"/chuyen-muc/thong-bao/feed.xml\"");
        // The tag feeds are still there, and gazette check finds every feed and sitemap sound.
        assertThat(site).containsKey("tu-khoa/lich/feed.xml");
        assertThat(run("check", "-s", project, "--as-of", "2026-06-02T10:00:00+07:00").code()).as(last.printed())
                .isZero();
    }

    @Test
    void theSameContentAndTimeGiveTheSameBytes() throws IOException {
        Path project = site();
        Map<String, String> first = build(project, "2026-06-01T10:00:00+07:00");
        Path again = temp.resolve("again");
        assertThat(run("build", "-s", project, "-o", again, "--as-of", "2026-06-01T03:00:00Z").code()).isZero();
        Map<String, String> second = text(again);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((file, content) -> assertThat(second.get(file)).as(file).isEqualTo(content));
    }

    @Test
    void aTimeWithoutOffsetIsAUsageError() throws IOException {
        Path project = site();
        assertThat(run("build", "-s", project, "--as-of", "2026-06-01T10:00").code()).isEqualTo(2);
        assertThat(last.err()).contains("2026-06-01T10:00").contains("+07:00");
        assertThat(run("check", "-s", project, "--as-of", "mai").code()).isEqualTo(2);
        assertThat(run("serve", "-s", project, "--as-of", "mai").code()).isEqualTo(2);
    }

    @Test
    void theEnvironmentVariableSetsTheTimeAndTheOptionWins() {
        Map<String, String> env = Map.of(AsOf.VARIABLE, "2026-06-01T10:00:00+07:00");
        assertThat(AsOf.clock(null, env::get).instant()).isEqualTo(Instant.parse("2026-06-01T03:00:00Z"));
        assertThat(AsOf.clock(Instant.parse("2030-01-01T00:00:00Z"), env::get).instant())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        Map<String, String> none = Map.of();
        assertThat(AsOf.clock(null, none::get)).isEqualTo(Clock.systemUTC());
        Map<String, String> bad = Map.of(AsOf.VARIABLE, "hôm nay");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsOf.clock(null, bad::get))
                .hasMessageContaining(AsOf.VARIABLE).hasMessageContaining("hôm nay");
    }

    @Test
    void anExpiryNotAfterTheDateIsAnErrorWithItsLine() {
        Path project = InlineSite.in(temp)
                .file("site.yml", "title: T\n")
                .file("content/2026/sai.md", "---\ntitle: \"Sai\"\ndate: 2026-05-01\nexpiryDate: 2026-04-01\n---\n\nX.\n")
                .file("content/2026/khong-doc-duoc.md",
                        "---\ntitle: \"Sai\"\ndate: 2026-05-01\nexpiryDate: tháng sau\n---\n\nX.\n")
                .project();
        Path output = temp.resolve("bad");
        assertThat(run("build", "-s", project, "-o", output, "--as-of", "2026-06-01T00:00:00Z").code()).isEqualTo(1);
        assertThat(last.err()).contains("content/2026/sai.md:4: error: `expiryDate: 2026-04-01` is not after")
                .contains("content/2026/khong-doc-duoc.md:4: error: cannot read `expiryDate: tháng sau`");
        assertThat(output).doesNotExist();
        assertThat(Arrays.asList(last.err().split("\n"))).anyMatch(line -> line.contains("hint:"));
    }
}
