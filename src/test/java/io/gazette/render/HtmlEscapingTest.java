package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** The build's html escaping writes the same text as Pebble's own strategy. */
class HtmlEscapingTest {
    private final HtmlEscaping escaping = new HtmlEscaping();

    @Test
    void markupCharactersAreReplacedAndNothingElse() {
        assertThat(escaping.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
        assertThat(escaping.escape("Hội nghị – ©2014 😀 \u0000")).isEqualTo("Hội nghị – ©2014 😀 \u0000");
        assertThat(escaping.escape("")).isEmpty();
        assertThat(escaping.escape(null)).isNull();
    }

    @Test
    void randomTextIsEscapedAsUnbescapeDoes() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "<>&\"'ab ạệ\u00a0\u2028\t\n;#=/\\`\u0000\u007f\u0080\ud83d\ude00\ud800\udc00\ufffe";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 40);
            for (int k = 0; k < length; k++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0, 0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertThat(escaping.escape(input)).as(input).isEqualTo(HtmlEscape.escapeHtml4Xml(input));
        }
    }

    /** The page writer's escaping in place ({@link io.gazette.text.HtmlEscape#escapeInPlace}) gives the same text, growing its buffer as needed. */
    @Test
    void theWriterEscapesRandomTextAsUnbescapeDoes() {
        SplittableRandom random = new SplittableRandom(12);
        String alphabet = "<>&\"'ab ạệ\u00a0\u2028\t\n;#=/\\`\u0000\u007f\u0080\ud83d\ude00\ud800\udc00\ufffe?";
        Utf8PageWriter writer = new Utf8PageWriter(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, random.nextInt(10) == 0 ? 2000 : 40);
            for (int k = 0; k < length; k++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0, 0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            writer.reset();
            writer.write("a<");
            writer.writeEscaped(input);
            writer.write(">z");
            assertThat(writer.toString()).as(input).isEqualTo("a<" + HtmlEscape.escapeHtml4Xml(input) + ">z");
        }
    }
}
