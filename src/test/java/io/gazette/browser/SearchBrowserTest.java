package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page of a built fixture site, published under a subpath and served from 127.0.0.1,
 * in headless Chromium: a query typed without diacritics finds the article, filters narrow the
 * results, a query matching nothing says so (src/test/js/search.browser.mjs does the clicking).
 */
class SearchBrowserTest {
    @TempDir
    Path temp;

    @Test
    void readersFindArticlesWithoutTypingDiacritics() throws Exception {
        BrowserSupport.requireBrowser();
        try (StaticHost host = StaticHost.serve(TestSites.fresh("basic", temp), temp)) {
            String log = BrowserSupport.node(60, "search.browser.mjs", host.base(),
                    "--query", "hoi nghi thi dua", "--expect", "Hội nghị thi đua, khen thưởng năm 2014");
            assertThat(log).contains("finds \"Hội nghị thi đua, khen thưởng năm 2014\"").doesNotContain("FAIL");
        }
    }
}
