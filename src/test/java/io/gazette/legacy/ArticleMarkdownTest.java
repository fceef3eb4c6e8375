package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleMarkdownTest {

    private static LegacyArticle article(String title, String author, String category, List<String> tags) {
        return new LegacyArticle(title, new PublicationDate(LocalDate.of(2014, 8, 18), null, null), author, category,
                tags.stream().map(t -> new TagSuggestion(t, "test")).toList(), List.of("http://old.example/a b.html"),
                List.of("Đoạn một.", "Đoạn hai."));
    }

    @Test
    void frontMatterKeysComeInTheHandMigratedOrder() {
        String markdown = ArticleMarkdown.format(article("Tiêu đề", "Quỳnh Anh", "Hoạt động", List.of("Hội nghị")));

        assertThat(markdown).isEqualTo("""
                ---
                title: "Tiêu đề"
                date: 2014-08-18
                author: Quỳnh Anh
                category: Hoạt động
                tags:
                  - Hội nghị
                aliases:
                  - "http://old.example/a b.html"
                ---

                Đoạn một.

                Đoạn hai.
                """);
    }

    @Test
    void valuesYamlWouldMisreadAreQuotedAndReadBackUnchanged() {
        List<String> awkward = List.of("yes", "No", "null", "123", "2014-08-18", "- dash", "a: b", "x #y", "@at",
                "'single'", "\"double\"", "[list]", "{map}", "*star", "&anchor", "!tag", "%pct", "|pipe", ">gt",
                "trailing ", "tab\there", "back\\slash", "line\u2028sep", "ctl\u0001", "Bộ – Ngành (TW)");
        for (String value : awkward) {
            String markdown = ArticleMarkdown.format(article(value, value, value, List.of(value)));
            Map<String, Object> front = Fixtures.frontMatter(markdown);

            assertThat(front.get("title")).as(value).isEqualTo(value);
            assertThat(front.get("author")).as(value).isEqualTo(value);
            assertThat(front.get("category")).as(value).isEqualTo(value);
            assertThat(front.get("tags")).as(value).isEqualTo(List.of(value));
        }
    }

    @Test
    void ordinaryVietnameseValuesStayPlain() {
        assertThat(ArticleMarkdown.scalar("Bộ Xây dựng")).isEqualTo("Bộ Xây dựng");
        assertThat(ArticleMarkdown.scalar("Thi đua, khen thưởng")).isEqualTo("Thi đua, khen thưởng");
        assertThat(ArticleMarkdown.scalar("http://x")).isEqualTo("\"http://x\"");
    }
}
