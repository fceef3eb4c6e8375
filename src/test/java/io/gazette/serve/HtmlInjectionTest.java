package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlInjectionTest {

    @Test
    void insertsBeforeTheLastClosingBodyInAnyCase() {
        String html = "<body><pre>&lt;/body&gt; in text</pre><script>var s='</BODY>'</script>đ</BODY></html>";
        String out = inject(html, "a/index.html@1234");
        assertThat(out).endsWith("đ<script src=\"/_gazette/live.js\" data-page=\"a/index.html@1234\"></script></BODY></html>");
    }

    @Test
    void appendsWhenThereIsNoBodyEnd() {
        assertThat(inject("<p>fragment", "x")).isEqualTo("<p>fragment<script src=\"/_gazette/live.js\" data-page=\"x\"></script>");
    }

    @Test
    void escapesThePageToken() {
        assertThat(inject("</body>", "\"><img src=x onerror=alert(1)>"))
                .contains("data-page=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"")
                .doesNotContain("<img");
    }

    @Test
    void keepsMultiByteTextIntact() {
        String html = "<body>Thành phố Hồ Chí Minh – “tin tức”</body>";
        assertThat(inject(html, "p")).startsWith("<body>Thành phố Hồ Chí Minh – “tin tức”<script");
    }

    private static String inject(String html, String token) {
        return new String(HtmlInjection.inject(html.getBytes(UTF_8), token), UTF_8);
    }
}
