package io.gazette.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Quoted values keep a problem one printable line (long fuzz run, seed 12: errors naming no file). */
class QuoteTest {
    @Test
    void lineBreaksControlsAndBidiControlsShowAsEscapes() {
        assertThat(Quote.code("a\nb\rc\td")).isEqualTo("`a\\nb\\rc\\td`");
        assertThat(Quote.text("x\u2028y\u0085z\u0000")).isEqualTo("x\\u2028y\\u0085z\\u0000");
        assertThat(Quote.text("abc\u202Efed\u2066\u200F")).isEqualTo("abc\\u202Efed\\u2066\\u200F");
        assertThat(Quote.text("\uFFFF\uD800")).isEqualTo("\\uFFFF\\uD800");
        assertThat(Quote.text("Hội nghị – 2014")).isEqualTo("Hội nghị – 2014");
    }

    @Test
    void longValuesAreCut() {
        String quoted = Quote.text("<".repeat(5000));
        assertThat(quoted).isEqualTo("<".repeat(Quote.MAX_CHARS) + "…");
        assertThat(Quote.text("<".repeat(Quote.MAX_CHARS))).isEqualTo("<".repeat(Quote.MAX_CHARS));
        // a character outside the BMP counts once and is never split
        assertThat(Quote.text("😀".repeat(100))).isEqualTo("😀".repeat(Quote.MAX_CHARS) + "…");
    }

    @Test
    void aProblemIsOneLineEvenWhenAValueWasNotQuoted() {
        Problem problem = Problem.error(Path.of("content/a.md"), 3, "bad `x\ny\u2029z`", "hint\nmore");
        assertThat(problem.format().lines()).hasSize(2); // the message and the hint
        assertThat(problem.format()).startsWith("content/a.md:3: error: bad `x\\ny\\u2029z`").endsWith("hint: hint\\nmore");
    }
}
