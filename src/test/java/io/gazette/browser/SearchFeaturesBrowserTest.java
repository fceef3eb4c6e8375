package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.config.BuildOverrides;
import io.gazette.serve.PreviewServer;
import io.gazette.serve.PreviewSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page's reader features in headless Chromium, on a site written here with enough
 * articles for two pages of results, two categories and several years: typing "khen thu" finds
 * "khen thưởng", "more results", newest-first sorting and the category filter change the list, and
 * the URL keeps them (src/test/js/search-features.browser.mjs does the clicking).
 */
class SearchFeaturesBrowserTest {
    @TempDir
    Path temp;

    @Test
    void prefixSortCategoryAndMoreResultsWorkInABrowser() throws Exception {
        BrowserSupport.requireBrowser();
        Path project = temp.resolve("site");
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("site.yml"), "title: \"Bản tin\"\ntimeZone: Asia/Ho_Chi_Minh\n");
        // Titles name their category, so the browser can tell a result's category from its title.
        // The oldest article has "thi đua" in its title (ranks first by relevance); the newer ones
        // have it only in the body.
        article(project, 0, "Tin tức: Phát động thi đua năm 2010", "Tin tức", 2010, "Phong trào thi đua.");
        for (int i = 1; i <= 16; i++) {
            String category = i % 3 == 0 ? "Thông báo" : "Tin tức";
            article(project, i, category + ": bài số " + i, category, 2010 + i % 8,
                    "Nội dung về phong trào thi đua lần thứ " + i + ".");
        }
        article(project, 40, "Thông báo: Khen thưởng tập thể xuất sắc", "Thông báo", 2015,
                "Các tập thể được khen thưởng.");
        // "khen" without any word starting "thu": typing "khen thu" must leave it out.
        article(project, 41, "Tin tức: Lời khen của bạn đọc", "Tin tức", 2015, "Bạn đọc gửi lời khen.");
        try (PreviewSite site = PreviewSite.inMemory()) {
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            try {
                String base = server.url() + "archive/";
                Path output = temp.resolve("public");
                SiteBuild.open(TestSites.options(project, new BuildOverrides(base, output, null, null)))
                        .buildToDirectory();
                Path mounted = temp.resolve("root");
                Files.createDirectories(mounted);
                Files.move(output, mounted.resolve("archive"));
                site.replaceWithDirectory(mounted);

                Process node = new ProcessBuilder("node",
                        BrowserSupport.JS.resolve("search-features.browser.mjs").toString(), base)
                        .redirectErrorStream(true).start();
                String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(node.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).as(log).isZero();
                assertThat(log).contains("all passed").doesNotContain("FAIL");
            } finally {
                server.close();
            }
        }
    }

    private static void article(Path project, int n, String title, String category, int year, String body)
            throws java.io.IOException {
        Files.writeString(project.resolve("content/a" + n + ".md"), "---\ntitle: \"" + title + "\"\nslug: bai-" + n
                + "\ndate: " + year + "-0" + (1 + n % 9) + "-1" + (n % 10) + "\ncategory: " + category + "\n---\n\n"
                + body + "\n");
    }
}
