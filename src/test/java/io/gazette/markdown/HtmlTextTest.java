package io.gazette.markdown;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void dropsTagsKeepsInlineWordsTogetherAndDecodesEntities() {
        assertThat(HtmlText.of("<h2 id=\"x\">Tiêu đề</h2>\n<p>Kh<strong>en</strong> thưởng &amp; thi đua &ndash; "
                + "&#8220;tốt&#x201D;</p><ul><li>một</li><li>hai</li></ul>"))
                .isEqualTo("Tiêu đề Khen thưởng & thi đua – “tốt” một hai");
    }

    /** The escapes Flexmark writes for text that looked like markup come back as the characters. */
    @Test
    void decodesTheEscapesOfMarkupCharacters() {
        assertThat(HtmlText.of("<p>a &gt; b &lt; c &quot;d&quot; &apos;e&apos;</p>")).isEqualTo("a > b < c \"d\" 'e'");
    }

    @Test
    void leadTakesOnlyTopLevelParagraphs() {
        String html = "<h2>Đầu</h2>\n<p>Một.</p>\n<figure><figcaption>Ảnh</figcaption></figure>\n<p>Hai.</p>\n";
        assertThat(HtmlText.lead(html, 400)).isEqualTo("Một. Hai.");
    }

    @Property
    void neverThrowsAndNeverLeavesATag(@ForAll String html) {
        String text = HtmlText.of("<p>" + html.replace("<", "&lt;") + "</p>");
        assertThat(text).doesNotContain("<p>");
    }

    /** The lead as it was made before it could stop inside a paragraph: every opening paragraph whole. */
    private static String wholeParagraphLead(String html, int limit) {
        StringBuilder lead = new StringBuilder();
        for (String line : html.split("\n", -1)) {
            if (lead.length() >= limit || line.startsWith("<div class=\"footnotes\">")) {
                break;
            }
            if (line.startsWith("<p>") && line.endsWith("</p>")) {
                String text = HtmlText.of(line);
                if (!text.isEmpty()) {
                    lead.append(lead.length() == 0 ? "" : " ").append(text);
                }
            }
        }
        return lead.toString();
    }

    @Property
    void aLeadCutInsideAParagraphIsTheStartOfTheWholeParagraphLead(
            @ForAll("paragraphs") List<String> paragraphs, @ForAll @IntRange(min = 1, max = 60) int limit) {
        String html = String.join("\n", paragraphs) + "\n";
        String whole = wholeParagraphLead(html, limit);
        String lead = HtmlText.lead(html, limit);
        assertThat(whole).startsWith(lead);
        assertThat(lead.length()).isGreaterThanOrEqualTo(Math.min(limit, whole.length()));
    }

    @Provide
    Arbitrary<List<String>> paragraphs() {
        Arbitrary<String> piece = Arbitraries.of("Thi", "đua", " ", "  ", "&nbsp;", "&amp;", "&#8220;", "&bad", "<em>",
                "</em>", "<br />", "<strong>x</strong>", "<span>", "\t", "khen thưởng", ";", "&", "<", ">");
        Arbitrary<String> paragraph = piece.list().ofMaxSize(30).map(parts -> "<p>" + String.join("", parts) + "</p>");
        Arbitrary<String> other = Arbitraries.of("<h2>Đầu</h2>", "<figure><figcaption>Ảnh</figcaption></figure>", "",
                "<p>", "<ul><li>một</li></ul>");
        return Arbitraries.oneOf(paragraph, paragraph, other).list().ofMaxSize(6);
    }

    /** The text as first made, with a StringBuilder and strip(): the char-array version must agree with it. */
    @Property
    void agreesWithTheBuilderVersion(@ForAll("htmlish") String html) {
        assertThat(HtmlText.of(html)).isEqualTo(builderText(html));
    }

    @Provide
    Arbitrary<String> htmlish() {
        return Arbitraries.strings().withChars("<>/p&amp;#x1F600;nbsp\u00A0 \n\tai\u1EC7emEMStrong1\u2028\u000B").ofMaxLength(50);
    }

    /** The words counted with the text are the runs of letters and digits in it, as they were counted from the text. */
    @Property
    void countsTheWordsOfTheText(@ForAll("htmlish") String html) {
        HtmlText.Plain plain = HtmlText.plain(html);
        assertThat(plain.text()).isEqualTo(HtmlText.of(html));
        int words = 0;
        boolean inWord = false;
        for (char c : plain.text().toCharArray()) {
            boolean letter = Character.isLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        assertThat(plain.words()).isEqualTo(words);
    }

    private static String builderText(String html) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                int start = html.startsWith("/", i + 1) ? i + 2 : i + 1;
                int stop = start;
                while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
                    stop++;
                }
                String name = html.substring(start, stop);
                if (!java.util.Set.of("a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span",
                        "strong", "sub", "sup", "u").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    space(out);
                }
                i = end + 1;
            } else if (c == '&' && html.indexOf(';', i) > 0 && html.indexOf(';', i) <= Math.min(html.length() - 1, i + 10)) {
                int end = html.indexOf(';', i);
                String entity = html.substring(i + 1, end);
                String decoded = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "ndash" -> "\u2013";
                    case "mdash" -> "\u2014";
                    case "hellip" -> "\u2026";
                    case "ldquo" -> "\u201C";
                    case "rdquo" -> "\u201D";
                    case "lsquo" -> "\u2018";
                    case "rsquo" -> "\u2019";
                    case "laquo" -> "\u00AB";
                    case "raquo" -> "\u00BB";
                    default -> {
                        try {
                            yield entity.startsWith("#x") || entity.startsWith("#X") ? new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)))
                                    : entity.startsWith("#") ? new String(Character.toChars(Integer.parseInt(entity.substring(1))))
                                    : "&" + entity + ";";
                        } catch (IllegalArgumentException e) {
                            yield "&" + entity + ";";
                        }
                    }
                };
                out.append(decoded);
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                space(out);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip();
    }

    private static void space(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }
}
