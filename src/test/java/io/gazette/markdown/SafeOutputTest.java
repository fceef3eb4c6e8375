package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** External links get {@code rel="noopener"}; raw HTML, when allowed, is cleaned and balanced. */
class SafeOutputTest {
    @Test
    void externalLinksOpenNoHandleOnTheSiteAndInternalOnesAreLeftAlone() {
        String html = new MarkdownRenderer("/", false).render(
                "[Bộ Tài chính](https://mof.gov.vn/) và [bài cũ](/2014/08/bai/) và www.chinhphu.vn\n").html();
        assertThat(html).contains("<a href=\"https://mof.gov.vn/\" rel=\"noopener\">Bộ Tài chính</a>")
                .contains("<a href=\"/2014/08/bai/\">bài cũ</a>")
                .contains("rel=\"noopener\">www.chinhphu.vn</a>");
    }

    @Test
    void rawHtmlIsSanitizedWhenAllowed() {
        String markdown = "Mở đầu\n\n<div class=\"hop\"><script>alert(1)</script><p onclick=\"x()\" style=\"color:red\">"
                + "Chữ <b>đậm</a>\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n"
                + "<a href=\"javascript:alert(1)\">bấm</a> <a href=\"https://mof.gov.vn/\">ngoài</a>"
                + " <a href=\"/2014/08/bai/\">trong</a> <a href=\"#ket-qua\">neo</a>\n\n"
                + "<figure><img src=\"/images/a.jpg\" alt=\"Ảnh\"><figcaption>Chú thích</figcaption></figure>\n";
        String html = new MarkdownRenderer("/", true).render(markdown).html();
        assertThat(html).doesNotContain("<script").doesNotContain("alert(1)").doesNotContain("onclick")
                .doesNotContain("style=").doesNotContain("<iframe").doesNotContain("javascript:");
        assertThat(html).contains("<div class=\"hop\">").contains("<b>đậm")
                .contains("<a href=\"https://mof.gov.vn/\" rel=\"noopener\">ngoài</a>")
                .contains("<a href=\"/2014/08/bai/\">trong</a>").contains("<a href=\"#ket-qua\">neo</a>")
                .contains("<figure><img src=\"/images/a.jpg\" alt=\"Ảnh\"><figcaption>Chú thích</figcaption></figure>");
        // Balanced: the page around the article parses without a single repair.
        Parser parser = Parser.htmlParser().setTrackErrors(10);
        Jsoup.parse("<!DOCTYPE html><html lang=vi><head><title>t</title></head><body><main>" + html
                + "</main><footer>f</footer></body></html>", "", parser);
        assertThat(parser.getErrors()).isEmpty();
    }

    @Test
    void rawHtmlIsDroppedByDefault() {
        String html = new MarkdownRenderer("/", false).render("A <b>b</b>\n\n<script>alert(1)</script>\n").html();
        assertThat(html).doesNotContain("<script").doesNotContain("<b>");
    }
}
