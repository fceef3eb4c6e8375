package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.text.SourceText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

class HtmlScrubTest {
    @Test
    void escapesAStrayAmpersandAndKeepsKnownReferences() {
        assertThat(HtmlScrub.clean("<a title=\"&bogus; &amp; &quot;x&quot;\">A & B &#8220;</a>"))
                .isEqualTo("<a title=\"&amp;bogus; &amp; &quot;x&quot;\">A &amp; B &#8220;</a>");
    }

    @Test
    void replacesForbiddenCharactersAndReferencesToThem() {
        assertThat(HtmlScrub.clean("a\u0001b&#xFFFF;c\uFFFEd\uD83F\uDFFFe\n\t")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\n\t");
    }

    @Test
    void givesBackTheSameStringWhenNothingChanges() {
        String html = "<p>Hội nghị “sơ kết” 😀</p>\n";
        assertThat(HtmlScrub.clean(html)).isSameAs(html);
    }

    @Provide
    Arbitrary<String> htmlLike() {
        // Few characters, so that ampersands, references, controls and surrogates meet often.
        return Arbitraries.strings().withChars("&#x;ampFquot19<>p \n\u0001\u0085\uFDD0\uFFFF\uD83D\uDE00\uD83F\uDFFEé")
                .ofMaxLength(40);
    }

    /** The cleaning as first written, code point by code point: the fast one must agree with it. */
    @Property
    void agreesWithTheCodePointByCodePointCleaning(@ForAll("htmlLike") String html) {
        assertThat(HtmlScrub.clean(html)).isEqualTo(reference(html));
    }

    private static String reference(String html) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < html.length()) {
            int c = html.codePointAt(i);
            int width = Character.charCount(c);
            if (c == '&') {
                int end = referenceEnd(html, i);
                if (end < 0) {
                    out.append("&amp;");
                } else {
                    boolean numeric = html.charAt(i + 1) == '#';
                    String digits = html.substring(i + 2, end - 1);
                    boolean hex = numeric && (digits.startsWith("x") || digits.startsWith("X"));
                    if (numeric && SourceText.isForbidden((int) Long.parseLong(hex ? digits.substring(1) : digits, hex ? 16 : 10))) {
                        out.append('\uFFFD');
                    } else {
                        out.append(html, i, end);
                    }
                    i = end;
                    continue;
                }
            } else if (SourceText.isForbidden(c) && c != '\n' && c != '\t' && c != '\r') {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
            i += width;
        }
        return out.toString();
    }

    private static int referenceEnd(String html, int at) {
        int i = at + 1;
        int n = html.length();
        if (i < n && html.charAt(i) == '#') {
            i++;
            boolean hex = i < n && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < n && i - digits < 8 && Character.digit(html.charAt(i), hex ? 16 : 10) >= 0) {
                i++;
            }
            if (i == digits || i >= n || html.charAt(i) != ';') {
                return -1;
            }
            long value = Long.parseLong(html.substring(digits, i), hex ? 16 : 10);
            return value > Character.MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF ? -1 : i + 1;
        }
        int name = i;
        while (i < n && i - name < 32 && Character.isLetterOrDigit(html.charAt(i)) && html.charAt(i) < 0x80) {
            i++;
        }
        return i == name || i >= n || html.charAt(i) != ';' || !Entities.isNamedEntity(html.substring(name, i)) ? -1 : i + 1;
    }
}
