package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer atRoot = new MarkdownRenderer("/", false);

    @Test
    void flexmarkIsSetUpAtTheFirstBodyNotWithTheRenderer() throws Exception {
        // A build that renders no body (an incremental one that changed no Markdown) must not pay
        // for Flexmark's set-up: the renderer is made by every build.
        MarkdownRenderer fresh = new MarkdownRenderer("/", false);
        assertThat(fresh.flexmarkSetUp()).isFalse();
        // The first bodies, rendered by several threads at once, all get the one set-up's HTML.
        String[] bodies = {"Một \"đoạn\" văn...\n", "## Đầu\n\n| a |\n|---|\n| 1 |\n", "x https://a.vn *y*\n"};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> htmls = new java.util.ArrayList<>();
            for (int k = 0; k < 12; k++) {
                String body = bodies[k % bodies.length];
                htmls.add(pool.submit(() -> fresh.render(body).html()));
            }
            for (int k = 0; k < htmls.size(); k++) {
                assertThat(htmls.get(k).get()).isEqualTo(atRoot.render(bodies[k % bodies.length]).html());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fresh.flexmarkSetUp()).isTrue();
    }

    @Test
    void headingIdsAreAsciiAndUnique() {
        String html = atRoot.render("## Kết quả đạt được\n\n## Kết quả đạt được\n\n### Đổi mới\n").html();
        assertThat(html).contains("<h2 id=\"ket-qua-dat-duoc\">", "<h2 id=\"ket-qua-dat-duoc-2\">",
                "<h3 id=\"doi-moi\">");
    }

    @Test
    void soleImageBecomesFigureWithCaption() {
        String html = atRoot.render("![Toàn cảnh](/images/a.jpg \"Toàn cảnh Hội nghị\")\n").html();
        assertThat(html).contains("<figure class=\"figure\">", "<img src=\"/images/a.jpg\" alt=\"Toàn cảnh\"",
                "<figcaption>Toàn cảnh Hội nghị</figcaption>");
    }

    @Test
    void imageWithoutFileIsACaptionOnlyFigure() {
        String html = atRoot.render("![Thứ trưởng <b>phát biểu</b>]()\n").html();
        assertThat(html).contains("<figure class=\"figure figure--no-image\"><figcaption>")
                .doesNotContain("<img").doesNotContain("<b>");
    }

    @Test
    void inlineImageInTextStaysInline() {
        String html = atRoot.render("Chữ ![x](/a.png) chữ\n").html();
        assertThat(html).doesNotContain("<figure").contains("<img src=\"/a.png\"");
    }

    @Test
    void rootRelativeLinksGetTheBasePath() {
        MarkdownRenderer underSubpath = new MarkdownRenderer("/archive/", false);
        String html = underSubpath.render("[a](/2014/08/x/) ![b](/img/b.png) [c](https://x.org/) [d](rel/)\n\n"
                + "![e](/img/e.png)\n").html();
        assertThat(html).contains("href=\"/archive/2014/08/x/\"", "src=\"/archive/img/b.png\"",
                "href=\"https://x.org/\"", "href=\"rel/\"", "src=\"/archive/img/e.png\"");
    }

    @Test
    void tablesFootnotesStrikethroughAutolinksAndQuotes() {
        String html = atRoot.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ https://example.org \"trích\"[^1]\n\n"
                + "[^1]: chú thích\n").html();
        assertThat(html).contains("<table", "<td>1</td>", "<del>cũ</del>",
                "<a href=\"https://example.org\" rel=\"noopener\">https://example.org</a>", "“trích”",
                "class=\"footnotes\"");
    }

    @Test
    void dashesAndEllipsesAreCharactersNotEntities() {
        String html = atRoot.render("Sơ kết -- tổng kết --- khen thưởng... và . . . hết\n").html();
        assertThat(html).isEqualTo("<p>Sơ kết – tổng kết — khen thưởng… và … hết</p>\n");
    }

    @Test
    void rawHtmlIsSuppressedUnlessAllowed() {
        assertThat(atRoot.render("<script>alert(1)</script>\n\n<b>x</b>\n").html()).doesNotContain("<script")
                .doesNotContain("<b>");
        assertThat(new MarkdownRenderer("/", true).render("<b>x</b>\n").html()).contains("<b>x</b>");
    }

    @Test
    void plainTextAndWordCount() {
        RenderedMarkdown rendered = atRoot.render("# Tiêu đề\n\nMột **hai** ba.\n\n- bốn\n- năm\n");
        assertThat(rendered.plainText()).contains("Tiêu đề", "Một hai ba.", "bốn", "năm").doesNotContain("*");
        assertThat(rendered.wordCount()).isEqualTo(7);
    }
}
