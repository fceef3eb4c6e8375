package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A page written to the page writer has the bytes of its text in UTF-8, as the JDK encodes it. */
class Utf8PageWriterTest {
    @Test
    void bytesAreThoseOfTheJdksEncoder() {
        SplittableRandom random = new SplittableRandom(3);
        Utf8PageWriter reused = new Utf8PageWriter(16);
        String alphabet = "<a href=\"/\">Hội nghị Sơ kết ₫ 😀 \ud800 x\udc00 \u0000\u007f\u0080\u07ff\u0800\uffff";
        for (int i = 0; i < 5000; i++) {
            // half the pages go through one writer, as a build's thread does
            Utf8PageWriter writer = i % 2 == 0 ? reused : new Utf8PageWriter(random.nextInt(0, 40));
            writer.reset();
            StringBuilder expected = new StringBuilder();
            int pieces = random.nextInt(0, 30);
            for (int p = 0; p < pieces; p++) {
                StringBuilder piece = new StringBuilder();
                int length = random.nextInt(0, 60);
                for (int k = 0; k < length; k++) {
                    piece.append(random.nextInt(5) == 0 ? (char) random.nextInt(0, 0x10000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String text = piece.toString();
                switch (p % 4) {
                    case 0 -> writer.write(text);
                    case 1 -> writer.write(text.toCharArray(), 0, text.length());
                    case 2 -> writer.write((Object) text);
                    default -> text.chars().forEach(writer::write);
                }
                expected.append(text);
            }
            writer.write((Object) 42);
            writer.write((Object) 2.5);
            writer.write((Object) new java.math.BigDecimal("1E+3"));
            expected.append(42).append(2.5).append("1000");
            assertThat(writer.toString()).isEqualTo(expected.toString());
            byte[] bytes = expected.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(writer.toUtf8()).isEqualTo(bytes);
            int length = writer.encode();
            assertThat(java.util.Arrays.copyOf(writer.encoded(), length)).isEqualTo(bytes);
        }
    }
}
