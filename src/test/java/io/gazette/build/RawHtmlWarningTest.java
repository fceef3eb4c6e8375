package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code allowRawHtml: true}, what the sanitizer takes out of an article's HTML is a warning
 * at the line it was written on, not a silent change; what it keeps is not mentioned.
 */
class RawHtmlWarningTest {
    @TempDir
    Path temp;

    private static final String ARTICLE = String.join("\n",
            "---",
            "title: \"Bài có HTML\"",
            "date: 2014-08-18",
            "---",
            "",
            "Đoạn đầu với <span onclick=\"steal()\">chữ</span>.",
            "",
            "<div class=\"note\">Ghi chú được giữ</div>",
            "",
            "<script>alert(1)</script>",
            "",
            "Một <a href=\"javascript:alert(1)\">liên kết</a> lạ.",
            "",
            "<!-- ghi chú của biên tập viên -->",
            "");

    private List<String> build(boolean allowRawHtml) throws Exception {
        Path project = temp.resolve("site-" + allowRawHtml);
        Files.createDirectories(project.resolve("content/2014"));
        Files.writeString(project.resolve("site.yml"),
                "title: Thử\nbaseUrl: https://example.org/\nallowRawHtml: " + allowRawHtml + "\n");
        Files.writeString(project.resolve("content/2014/co-html.md"), ARTICLE, StandardCharsets.UTF_8);
        Path output = temp.resolve("public-" + allowRawHtml);
        BuildResult result = SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        String page = Files.readString(output.resolve("2014/08/bai-co-html/index.html"));
        assertThat(page).doesNotContain("onclick").doesNotContain("<script>alert(1)");
        if (allowRawHtml) {
            assertThat(page).contains("<div class=\"note\">Ghi chú được giữ</div>");
        }
        return result.problems().sorted().stream().map(Problem::format).toList();
    }

    @Test
    void whatTheSanitizerRemovesIsAWarningAtItsLine() throws Exception {
        List<String> problems = build(true);
        assertThat(problems).filteredOn(p -> p.contains("raw HTML")).map(p -> p.lines().findFirst().orElseThrow())
                .containsExactly(
                        "content/2014/co-html.md:6: warning: raw HTML changed by the sanitizer: removed onclick on <span>",
                        "content/2014/co-html.md:10: warning: raw HTML changed by the sanitizer: removed <script>",
                        "content/2014/co-html.md:12: warning: raw HTML changed by the sanitizer: removed href on <a>");
    }

    @Test
    void withoutTheOptionRawHtmlIsDroppedAsDocumentedWithoutWarnings() throws Exception {
        assertThat(build(false)).noneMatch(p -> p.contains("raw HTML"));
    }
}
