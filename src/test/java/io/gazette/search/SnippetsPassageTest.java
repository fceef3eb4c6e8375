package io.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The passage {@code gazette search} and the preview show (Snippets.around) on the texts of
 * src/test/js/passages.test.mjs, with the same expected passages: the browser's passages.js must
 * choose exactly as Java does.
 */
class SnippetsPassageTest {
    private static final String FILLER =
            "Các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua. ";
    private static final String TEXT = "Sáng nay, nhà trường tổ chức lễ tổng kết năm học. Phong trào thi đua được phát"
            + " động từ đầu năm. " + FILLER.repeat(4)
            + "Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc. "
            + FILLER.repeat(3) + "Năm sau, khen thưởng sẽ được mở rộng.";

    private static String around(String text, String query) {
        Set<String> terms = VietnameseTokens.scan(query).stream().map(Syllable::folded).collect(Collectors.toSet());
        Snippets.Passage p = Snippets.around(text, terms, Snippets.DEFAULT_LENGTH);
        return p == null ? null : p.text();
    }

    @Test
    void thePassageHoldsEveryQueryWordNearestTogether() {
        assertThat(around(TEXT, "thi dua khen thuong")).isEqualTo(
                "…học kỳ vừa qua. Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể"
                + " xuất sắc. Các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua."
                + " Các lớp báo cáo kết…");
        assertThat(around(TEXT, "khen cac")).isEqualTo(
                "…đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc. Các lớp báo cáo kết quả học"
                + " tập, rèn luyện và hoạt động ngoại khóa trong học kỳ vừa qua. Các lớp báo cáo kết quả học tập, rèn"
                + " luyện và hoạt động ngoại…");
        assertThat(around(TEXT, "khen thuong duoc"))
                .isEqualTo("…khóa trong học kỳ vừa qua. Năm sau, khen thưởng sẽ được mở rộng.");
        assertThat(around("Phong trào thi đua được phát động từ đầu năm.", "phat dong"))
                .isEqualTo("Phong trào thi đua được phát động từ đầu năm.");
        assertThat(around(TEXT, "xe dap")).isNull();
    }

    @Test
    void matchesAreHighlightedInTheTextsOwnSpelling() {
        Set<String> terms = Set.of("thi", "dua", "khen", "thuong");
        Snippets.Passage p = Snippets.around(TEXT, terms, Snippets.DEFAULT_LENGTH);
        assertThat(p.highlights()).extracting(h -> p.text().substring(h.start(), h.end()))
                .containsExactly("Thi", "đua", "Khen", "thưởng", "khen");
    }
}
