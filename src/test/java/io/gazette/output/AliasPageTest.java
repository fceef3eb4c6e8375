package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Alias pages and feed links: the small HTML pieces the output writes. */
class AliasPageTest {
    @Test
    void anAliasPageRedirectsAtOnceAndNamesTheArticleAsCanonical() {
        String page = new String(AliasPage.to("https://example.org/2014/08/a/?x=1&y=\"2\"", "vi"),
                StandardCharsets.UTF_8);
        assertThat(page).isEqualTo("""
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <title>https://example.org/2014/08/a/?x=1&amp;y=&quot;2&quot;</title>
                <link rel="canonical" href="https://example.org/2014/08/a/?x=1&amp;y=&quot;2&quot;">
                <meta name="robots" content="noindex">
                <meta http-equiv="refresh" content="0; url=https://example.org/2014/08/a/?x=1&amp;y=&quot;2&quot;">
                </head>
                <body>
                <p><a href="https://example.org/2014/08/a/?x=1&amp;y=&quot;2&quot;">https://example.org/2014/08/a/?x=1&amp;y=&quot;2&quot;</a></p>
                </body>
                </html>
                """);
    }

    @Test
    void feedHtmlGetsAbsoluteLinksToTheArticlesOwnFilesAndKeepsEveryOtherLink() {
        String html = "<p><img src=\"anh-960.jpg\" srcset=\"anh-480.jpg 480w, anh-960.jpg 960w\">"
                + "<a href=\"qd.pdf\">QĐ</a> <a href=\"/tin/\">tin</a> <a href=\"#chu-thich\">1</a>"
                + " <a href=\"https://other.example/x\">x</a> <a href=\"mailto:a@b.vn\">thư</a></p>";
        assertThat(RelativeUrls.absolute(html, "https://example.org/2014/08/a/")).isEqualTo(
                "<p><img src=\"https://example.org/2014/08/a/anh-960.jpg\" srcset=\"https://example.org/2014/08/a/anh-480.jpg 480w, "
                        + "https://example.org/2014/08/a/anh-960.jpg 960w\"><a href=\"https://example.org/2014/08/a/qd.pdf\">QĐ</a> "
                        + "<a href=\"/tin/\">tin</a> <a href=\"#chu-thich\">1</a> <a href=\"https://other.example/x\">x</a> "
                        + "<a href=\"mailto:a@b.vn\">thư</a></p>");
    }
}
