package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.InlineSite;
import java.nio.file.Path;
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
        InlineSite site = InlineSite.in(temp).file("site.yml", "title: \"Bản tin\"\ntimeZone: Asia/Ho_Chi_Minh\n");
        // Titles name their category, so the browser can tell a result's category from its title.
        // The oldest article has "thi đua" in its title (ranks first by relevance); the newer ones
        // have it only in the body.
        article(site, 0, "Tin tức: Phát động thi đua năm 2010", "Tin tức", 2010, "Phong trào thi đua.");
        for (int i = 1; i <= 16; i++) {
            String category = i % 3 == 0 ? "Thông báo" : "Tin tức";
            article(site, i, category + ": bài số " + i, category, 2010 + i % 8,
                    "Nội dung về phong trào thi đua lần thứ " + i + ".");
        }
        article(site, 40, "Thông báo: Khen thưởng tập thể xuất sắc", "Thông báo", 2015,
                "Các tập thể được khen thưởng.");
        // "khen" without any word starting "thu": typing "khen thu" must leave it out.
        article(site, 41, "Tin tức: Lời khen của bạn đọc", "Tin tức", 2015, "Bạn đọc gửi lời khen.");
        try (StaticHost host = StaticHost.serve(site.project(), temp)) {
            String log = BrowserSupport.node(90, "search-features.browser.mjs", host.base());
            assertThat(log).contains("all passed").doesNotContain("FAIL");
        }
    }

    private static void article(InlineSite site, int n, String title, String category, int year, String body) {
        site.file("content/a" + n + ".md", "---\ntitle: \"" + title + "\"\nslug: bai-" + n
                + "\ndate: " + year + "-0" + (1 + n % 9) + "-1" + (n % 10) + "\ncategory: " + category + "\n---\n\n"
                + body + "\n");
    }
}
