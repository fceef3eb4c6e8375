package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The summary cut from an article's text when its front matter gives none. */
class SummariesTest {
    /** The cut as it was before the check that spares the pattern most heads: the output must not move. */
    private static String byPatternAlone(String text) {
        if (text.length() <= Summaries.MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', Summaries.MAX_CHARS);
        String head = text.substring(0, cut > Summaries.MAX_CHARS / 2 ? cut : Summaries.MAX_CHARS);
        return Pattern.compile("[\\s,;:–-]+$").matcher(head).replaceAll("") + "…";
    }

    @Test
    void aShortTextIsItsOwnSummary() {
        assertThat(Summaries.fromText("Một bài ngắn.")).isEqualTo("Một bài ngắn.");
    }

    @Test
    void aLongTextIsCutAtAWordWithItsTrailingPunctuationDropped() {
        String words = "chữ ".repeat(100);
        assertThat(Summaries.fromText(words)).isEqualTo(byPatternAlone(words)).endsWith("chữ…");
        String comma = "x".repeat(150) + " tin, thêm" + " y".repeat(100);
        // cut before the space after "tin,": the comma goes
        assertThat(Summaries.fromText(comma.substring(0, 155) + " " + "z".repeat(100)))
                .isEqualTo(byPatternAlone(comma.substring(0, 155) + " " + "z".repeat(100)))
                .endsWith("tin…");
    }

    @Test
    void everyEndingTheCheckLetsThroughIsCutAsThePatternCutsIt() {
        String[] endings = {"a", ",", ";", ":", "–", "-", " ,", ",\t", ",\n", ",\r\n", ", -", "\u0085", ",\u0085",
                ",\u2028", ",\u2029", "a\u2028", "\u000b", "\f", "—", ".", "!", "…", "\u00a0", ",\u00a0", "1,-"};
        for (String ending : endings) {
            // 180 characters of words, then the ending, then no space before 220: cut at 220
            String atLimit = "ab ".repeat(60) + "x".repeat(Summaries.MAX_CHARS - 180 - ending.length()) + ending
                    + "tail of the text that goes on well past the limit";
            assertThat(Summaries.fromText(atLimit)).as("ending %s at the limit", escape(ending))
                    .isEqualTo(byPatternAlone(atLimit));
            // the ending just before the last space under the limit: cut there
            String atSpace = "ab ".repeat(60) + "y".repeat(10) + ending + " " + "z".repeat(100);
            assertThat(Summaries.fromText(atSpace)).as("ending %s before a space", escape(ending))
                    .isEqualTo(byPatternAlone(atSpace));
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
