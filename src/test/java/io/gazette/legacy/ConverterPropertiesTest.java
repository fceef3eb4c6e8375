package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the converter returns an article or a clean failure, never an exception;
 * and an article always has a title, a date, front matter SnakeYAML reads back, and NFC text.
 */
class ConverterPropertiesTest {
    private static final PageConverter CONVERTER = new PageConverter(Fixtures.settings(null));
    private static final List<String> SEED_LINES = List.of(Fixtures.text(Fixtures.SEED).split("\n", -1));

    @Property(tries = 300)
    void randomTextNeverThrows(@ForAll("pageLikeText") String text, @ForAll boolean html) {
        checkOutcome(CONVERTER.convert(text.getBytes(StandardCharsets.UTF_8), html ? "a.html" : "a.txt"));
    }

    @Property(tries = 200)
    void randomBytesNeverThrow(@ForAll @Size(max = 400) byte[] bytes, @ForAll boolean html) {
        checkOutcome(CONVERTER.convert(bytes, html ? "a.html" : "a.txt"));
    }

    @Property(tries = 200)
    void shuffledSeedLinesNeverThrow(@ForAll long seed) {
        List<String> lines = new ArrayList<>(SEED_LINES);
        Collections.shuffle(lines, new Random(seed));
        checkOutcome(CONVERTER.convert(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "a.txt"));
    }

    @Property(tries = 100)
    void seedWithRandomLinesInsertedNeverThrows(@ForAll("pageLikeText") String noise, @ForAll @IntRange(max = 30) int at) {
        List<String> lines = new ArrayList<>(SEED_LINES);
        lines.add(Math.min(at, lines.size()), noise);
        checkOutcome(CONVERTER.convert(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "a.txt"));
    }

    /** Cut the seed after every line: the short ones fail cleanly, the long ones import. */
    @Example
    void everyTruncationOfTheSeedImportsOrFailsCleanly() {
        int imported = 0;
        for (int keep = 0; keep <= SEED_LINES.size(); keep++) {
            String text = String.join("\n", SEED_LINES.subList(0, keep));
            Conversion result = CONVERTER.convert(text.getBytes(StandardCharsets.UTF_8), "a.txt");
            checkOutcome(result);
            if (result instanceof Conversion.Converted) {
                imported++;
            }
            if (keep < 5) {
                assertThat(result).as("cut after %d lines", keep).isInstanceOf(Conversion.Failed.class);
            }
        }
        assertThat(imported).isGreaterThan(SEED_LINES.size() - 12);
    }

    @Example
    void everyTruncationOfTheHtmlPageImportsOrFailsCleanly() {
        String html = Fixtures.text(Fixtures.HTML);
        for (int cut = 0; cut <= html.length(); cut += 97) {
            checkOutcome(CONVERTER.convert(html.substring(0, cut).getBytes(StandardCharsets.UTF_8), "a.html"));
        }
    }

    @Provide
    Arbitrary<String> pageLikeText() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of("Thứ hai, 18/08/2014", "Hôm nay, Thứ tư ngày 28/02/2024,", "Bài viết khác",
                        "Thống kê truy cập", "  • 0 điểm ( 0 đánh giá )", "Quỳnh Anh", "\u00A0", "\r\n", "\n", "\n\n",
                        "<p>", "</p>", "<h1>", "<img src=\"x.jpg\">", "Bộ Xây dựng", "---", "\"", "\\", ": ", "#",
                        "e\u0301", "\uFEFF", "\u2028", "\u0000", "*", "[", "]", "Chủ nhật, 31/02/2014 25:61"),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(3));
        return fragments.list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    private static void checkOutcome(Conversion result) {
        assertThat(result).isNotNull();
        if (result instanceof Conversion.Failed failed) {
            assertThat(failed.reason()).isNotBlank().doesNotContain("internal error");
            assertThat(failed.line()).isNotNegative();
            return;
        }
        Conversion.Converted converted = (Conversion.Converted) result;
        String markdown = converted.markdown();
        assertThat(Normalizer.isNormalized(markdown, Normalizer.Form.NFC)).as("NFC").isTrue();
        Map<String, Object> front = Fixtures.frontMatter(markdown);
        assertThat(front.get("title")).isInstanceOf(String.class).asString().isNotBlank()
                .isEqualTo(converted.article().title());
        assertThat(front.get("date")).isNotNull();
        assertThat(converted.relativeTarget()).matches("\\d{4}/[a-z0-9]+(-[a-z0-9]+)*\\.md");
        assertThat(markdown).endsWith("\n").doesNotContain("\r");
    }
}
