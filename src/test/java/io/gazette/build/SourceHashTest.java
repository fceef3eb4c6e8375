package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.content.ArticleSource;
import io.gazette.content.FrontMatter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An article's content hash: the same for the same source, different for any change of it. */
class SourceHashTest {
    private static final ZonedDateTime DATE = ZonedDateTime.parse("2015-01-10T08:00+07:00[Asia/Ho_Chi_Minh]");

    private static ArticleSource source(String title, List<String> tags, Map<String, Object> params, String markdown) {
        FrontMatter fm = new FrontMatter(title, DATE, null, "Tác giả", tags, "Thời sự", null, null, null, null, List.of(),
                false, null, params);
        return new ArticleSource(Path.of("content/a.md"), fm, markdown, 7);
    }

    @Test
    void theSameSourceGivesTheSameHashAndEveryChangeAnother() {
        long base = SourceHash.of(source("Tiêu đề", List.of("a", "b"), Map.of(), "Nội dung."));
        assertThat(SourceHash.of(source("Tiêu đề", List.of("a", "b"), Map.of(), "Nội dung."))).isEqualTo(base);

        Map<String, Object> number = new LinkedHashMap<>();
        number.put("x", 1);
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("x", "1");
        Set<Long> hashes = new HashSet<>(List.of(base,
                SourceHash.of(source("Tiêu đề.", List.of("a", "b"), Map.of(), "Nội dung.")),
                SourceHash.of(source("Tiêu đề", List.of("a, b"), Map.of(), "Nội dung.")),
                SourceHash.of(source("Tiêu đề", List.of("a", "b"), Map.of(), "Nội dung")),
                SourceHash.of(source("Tiêu đề", List.of("a", "b"), number, "Nội dung.")),
                SourceHash.of(source("Tiêu đề", List.of("a", "b"), text, "Nội dung.")),
                // Text moved from the title to the Markdown is not the same article.
                SourceHash.of(source("Tiêu đềN", List.of("a", "b"), Map.of(), "ội dung."))));
        assertThat(hashes).hasSize(7);
    }
}
