package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8EncoderTest {
    /**
     * {@link Utf8Encoder#length} is the number of bytes {@link Utf8Encoder#encode} writes, and both
     * are those of {@code String.getBytes(UTF_8)}: ASCII, two- and three-byte characters, pairs, lone
     * surrogates (one '?'), a high surrogate at the end of the range, ranges inside an array.
     */
    @Test
    void lengthIsWhatEncodeWrites() {
        String[] texts = {"", "plain", "Tiếng Việt – “ngoặc” ©", "😀", "a😀b", "\u007F\u0080\u07FF\u0800\uFFFF",
                "x\uD800y", "x\uDC00y", "\uDC00\uD800", "end\uD83D", "\uD83D", "\uD83D\uD83D\uDE00"};
        for (String text : texts) {
            char[] chars = ("<" + text + ">").toCharArray();
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            int from = 1;
            int to = chars.length - 1;
            assertThat(Utf8Encoder.length(chars, from, to)).as(text).isEqualTo(expected.length);
            byte[] out = new byte[Utf8Encoder.maxBytes(to - from)];
            int end = Utf8Encoder.encode(chars, from, to, out, 0);
            assertThat(java.util.Arrays.copyOf(out, end)).as(text).isEqualTo(expected);
        }
    }
}
