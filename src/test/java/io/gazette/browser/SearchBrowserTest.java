package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.config.BuildOverrides;
import io.gazette.serve.PreviewServer;
import io.gazette.serve.PreviewSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        try (PreviewSite site = PreviewSite.inMemory()) {
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            try {
                String base = server.url() + "archive/";
                Path output = temp.resolve("public");
                SiteBuild.open(TestSites.options(TestSites.site("basic"),
                        new BuildOverrides(base, output, null, null))).buildToDirectory();
                // The host serves the built folder under /archive/, as a static host would.
                Path mounted = temp.resolve("root");
                java.nio.file.Files.createDirectories(mounted);
                java.nio.file.Files.move(output, mounted.resolve("archive"));
                site.replaceWithDirectory(mounted);

                Process node = new ProcessBuilder("node", BrowserSupport.JS.resolve("search.browser.mjs").toString(),
                        base, "--query", "hoi nghi thi dua", "--expect", "Hội nghị thi đua, khen thưởng năm 2014")
                        .redirectErrorStream(true).start();
                String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).as(log).isZero();
                assertThat(log).contains("finds \"Hội nghị thi đua, khen thưởng năm 2014\"").doesNotContain("FAIL");
            } finally {
                server.close();
            }
        }
    }
}
