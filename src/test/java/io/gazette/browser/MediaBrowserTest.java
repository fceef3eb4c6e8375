package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.MediaSiteTest;
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
 * An article bundle with a large photo and a YouTube embed, built under a subpath and served from
 * 127.0.0.1, in headless Chromium: srcset loads a resized copy of the width the screen needs, and
 * the embed asks YouTube for nothing until it is clicked (src/test/js/media.browser.mjs).
 */
class MediaBrowserTest {
    @TempDir
    Path temp;

    @Test
    void photosLoadAtTheRightWidthAndVideosLoadNothingUntilClicked() throws Exception {
        BrowserSupport.requireBrowser();
        Path project = MediaSiteTest.bundleSite(temp.resolve("site"));
        Path article = project.resolve("content/2014/hoi-nghi-co-anh/index.md");
        Files.writeString(article, Files.readString(article)
                + "\n{{< youtube id=\"dQw4w9WgXcQ\" title=\"Phóng sự hội nghị\" start=\"90\" >}}\n");
        try (PreviewSite site = PreviewSite.inMemory()) {
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            try {
                String base = server.url() + "archive/";
                Path output = temp.resolve("public");
                SiteBuild.open(TestSites.options(project, new BuildOverrides(base, output, null, null))).buildToDirectory();
                Path mounted = temp.resolve("root");
                Files.createDirectories(mounted);
                Files.move(output, mounted.resolve("archive"));
                site.replaceWithDirectory(mounted);

                Process node = new ProcessBuilder("node", BrowserSupport.JS.resolve("media.browser.mjs").toString(),
                        base + MediaSiteTest.PAGE).redirectErrorStream(true).start();
                String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(node.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).as(log).isZero();
                assertThat(log).contains("all media checks passed").doesNotContain("FAIL");
            } finally {
                server.close();
            }
        }
    }
}
