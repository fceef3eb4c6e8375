package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.markdown.RenderedMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyStoreTest {
    @TempDir
    Path dir;

    @Test
    void bodiesWrittenFromManyThreadsReadBackExactly() throws Exception {
        try (BodyStore store = BodyStore.create(dir.resolve("cache"))) {
            List<ArticleBody> bodies = IntStream.range(0, 2000).parallel()
                    .mapToObj(i -> store.put(new RenderedMarkdown("<p>Bài " + i + " — Hà Nội 🇻🇳</p>".repeat(i % 7 + 1),
                            "Bài " + i + " đường phố", "Bài " + i, i)))
                    .toList();
            for (int i = 0; i < bodies.size(); i++) {
                ArticleBody body = bodies.get(i);
                assertThat(body.html()).isEqualTo("<p>Bài " + i + " — Hà Nội 🇻🇳</p>".repeat(i % 7 + 1));
                assertThat(body.htmlUtf8()).isEqualTo(body.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(body.plainText()).isEqualTo("Bài " + i + " đường phố");
                assertThat(body.wordCount()).isEqualTo(i);
                assertThat(body.summaryText()).isEqualTo("Bài " + i);
            }
            assertThat(store.size()).isGreaterThan(2000 * 30);
        }
    }

    @Test
    void theScratchFileLeavesNothingBehind() throws Exception {
        try (BodyStore store = BodyStore.create(dir)) {
            store.put(new RenderedMarkdown("<p>a</p>", "a", "a", 1));
            assertThat(Files.list(dir)).isEmpty();
        }
    }

    @Test
    void theSummaryKeptIsTheSummaryOfTheWholeText() {
        String lead = "Sáng 12/5, tại Hà Nội, Bộ Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học, "
                .repeat(20);
        ArticleBody body = ArticleBody.of(new RenderedMarkdown("<p>x</p>", lead + " thêm", lead, 300));
        assertThat(body.summaryText().length()).isLessThan(lead.length());
        assertThat(Summaries.fromText(body.summaryText())).isEqualTo(Summaries.fromText(lead));
        ArticleBody noLead = ArticleBody.of(new RenderedMarkdown("<h2>x</h2>", "Chỉ có tiêu đề", "", 3));
        assertThat(noLead.summaryText()).isEqualTo("Chỉ có tiêu đề");
    }
}
