package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled and expiring articles, built with {@code --as-of} so that the schedule is checked at
 * chosen times: a whole site written here, built through the command line as an editor would.
 */
class ScheduleTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void useRepositoryThemes() {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("gazette.home");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return GazetteCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path site() throws IOException {
        Path project = temp.resolve("site");
        Files.createDirectories(project.resolve("content/2026"));
        Files.writeString(project.resolve("site.yml"), """
                title: "Bản tin"
                baseUrl: "https://example.org/"
                timeZone: Asia/Ho_Chi_Minh
                """);
        article(project, "da-dang", "Hội nghị đã đăng", "2026-06-01 08:00", null, false);
        article(project, "hen-gio", "Thông báo hẹn giờ", "2026-06-02 09:00", null, false);
        article(project, "het-han", "Thư mời hết hạn", "2026-05-01 08:00", "2026-06-01 12:00", false);
        article(project, "ban-nhap", "Bản nháp", "2026-05-02 08:00", null, true);
        return project;
    }

    private static void article(Path project, String slug, String title, String date, String expiry, boolean draft)
            throws IOException {
        Files.writeString(project.resolve("content/2026/" + slug + ".md"), "---\ntitle: \"" + title + "\"\nslug: " + slug + "\ndate: " + date
                + "\n" + (expiry == null ? "" : "expiryDate: " + expiry + "\n") + (draft ? "draft: true\n" : "")
                + "category: Thông báo\ntags: [Lịch]\n---\n\nNội dung của bài " + slug + " trongvanban" + slug.replace("-", "")
                + ".\n");
    }

    private Map<String, String> build(Path project, String asOf) throws IOException {
        Path output = temp.resolve("out-" + asOf.replace(':', '-'));
        assertThat(run("build", "-s", project.toString(), "-o", output.toString(), "--as-of", asOf))
                .as(err.toString()).isZero();
        return text(output);
    }

    private static Map<String, String> text(Path output) throws IOException {
        return TestSites.tree(output).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(e.getValue(), StandardCharsets.UTF_8)));
    }

    /** Whether the article appears anywhere but its own page: lists, feeds, sitemap, search files. */
    private static boolean listed(Map<String, String> site, String slug) {
        String word = "trongvanban" + slug.replace("-", "");
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
        assertThat(out.toString()).containsPattern("Drafts\\s+1").containsPattern("Scheduled\\s+1")
                .containsPattern("Expired\\s+0");

        // The next day, at the scheduled minute: the article is out, the expired one gone everywhere.
        Map<String, String> nextDay = build(project, "2026-06-02T02:00:00Z");
        assertThat(nextDay).containsKey("2026/06/hen-gio/index.html").doesNotContainKey("2026/05/het-han/index.html");
        assertThat(listed(nextDay, "hen-gio")).isTrue();
        assertThat(listed(nextDay, "het-han")).isFalse();
        assertThat(nextDay.get("feed.xml")).contains("Thông báo hẹn giờ").doesNotContain("Thư mời hết hạn");
        assertThat(nextDay.get("sitemap-1.xml")).contains("2026/06/hen-gio/").doesNotContain("het-han");
        assertThat(out.toString()).containsPattern("Scheduled\\s+0").containsPattern("Expired\\s+1");

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
        assertThat(run("check", "-s", project.toString(), "--as-of", "2026-06-02T10:00:00+07:00")).as(out + "\n" + err)
                .isZero();
    }

    @Test
    void theSameContentAndTimeGiveTheSameBytes() throws IOException {
        Path project = site();
        Map<String, String> first = build(project, "2026-06-01T10:00:00+07:00");
        Path again = temp.resolve("again");
        assertThat(run("build", "-s", project.toString(), "-o", again.toString(), "--as-of", "2026-06-01T03:00:00Z"))
                .isZero();
        Map<String, String> second = text(again);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((file, content) -> assertThat(second.get(file)).as(file).isEqualTo(content));
    }

    @Test
    void aTimeWithoutOffsetIsAUsageError() throws IOException {
        Path project = site();
        assertThat(run("build", "-s", project.toString(), "--as-of", "2026-06-01T10:00")).isEqualTo(2);
        assertThat(err.toString()).contains("2026-06-01T10:00").contains("+07:00");
        assertThat(run("check", "-s", project.toString(), "--as-of", "mai")).isEqualTo(2);
        assertThat(run("serve", "-s", project.toString(), "--as-of", "mai")).isEqualTo(2);
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
    void anExpiryNotAfterTheDateIsAnErrorWithItsLine() throws IOException {
        Path project = site();
        Files.writeString(project.resolve("content/2026/sai.md"),
                "---\ntitle: \"Sai\"\ndate: 2026-05-01\nexpiryDate: 2026-04-01\n---\n\nX.\n");
        Files.writeString(project.resolve("content/2026/khong-doc-duoc.md"),
                "---\ntitle: \"Sai\"\ndate: 2026-05-01\nexpiryDate: tháng sau\n---\n\nX.\n");
        Path output = temp.resolve("bad");
        assertThat(run("build", "-s", project.toString(), "-o", output.toString(), "--as-of", "2026-06-01T00:00:00Z"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("content/2026/sai.md:4: error: `expiryDate: 2026-04-01` is not after")
                .contains("content/2026/khong-doc-duoc.md:4: error: cannot read `expiryDate: tháng sau`");
        assertThat(output).doesNotExist();
        assertThat(Arrays.asList(err.toString().split("\n"))).anyMatch(line -> line.contains("hint:"));
    }
}
