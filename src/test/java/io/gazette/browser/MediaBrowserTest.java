package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.MediaSiteTest;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (StaticHost host = StaticHost.serve(project, temp)) {
            String log = BrowserSupport.node(90, "media.browser.mjs", host.base() + MediaSiteTest.PAGE);
            assertThat(log).contains("all media checks passed").doesNotContain("FAIL");
        }
    }
}
