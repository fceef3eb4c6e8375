package io.gazette.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written collapse must do what the regular expression it replaced did. */
class SnippetsCollapseTest {
    private static String byRegex(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    @Property(tries = 500)
    void collapseIsTheRegexReplacement(
            @ForAll @Chars({' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0', '\u2003', '\u3000', '\u001c', 'a', 'đ'})
            @CharRange(from = 'x', to = 'z') String text) {
        assertThat(Snippets.collapse(text)).isEqualTo(byRegex(text));
    }

    @Property(tries = 500)
    void headIsAPrefixOfTheWhole(
            @ForAll @Chars({' ', '\n', '\u00a0', '\u2003', 'a', 'b'}) String text,
            @ForAll @IntRange(min = 0, max = 30) int limit) {
        String whole = byRegex(text);
        assertThat(Snippets.collapsedHead(text, limit)).isEqualTo(whole.substring(0, Math.min(limit, whole.length())));
    }
}
