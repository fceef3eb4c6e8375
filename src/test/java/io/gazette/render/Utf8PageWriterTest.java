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

    /**
     * What a {@code {% cache %}} block asks before keeping its text as UTF-8: whether the text
     * begins with a low surrogate or ends with a high one, spliced bytes and empty splices at
     * either end included (CacheTag keeps such a block as a string).
     */
    @Test
    void halfPairsAtTheEndsAreThoseOfTheText() {
        SplittableRandom random = new SplittableRandom(5);
        String[] pieces = {"", "a", "\ud83d", "\ude00", "😀", "x\ud83d", "\ude00y", "Việt"};
        Utf8PageWriter writer = new Utf8PageWriter(4);
        for (int i = 0; i < 3000; i++) {
            writer.reset();
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(0, 5);
            for (int p = 0; p < count; p++) {
                String piece = pieces[random.nextInt(pieces.length)];
                boolean whole = piece.isEmpty() || !Character.isSurrogate(piece.charAt(0))
                        && !Character.isSurrogate(piece.charAt(piece.length() - 1));
                if (whole && random.nextBoolean()) {
                    writer.splice(piece.getBytes(StandardCharsets.UTF_8));
                } else {
                    writer.write(piece);
                }
                text.append(piece);
            }
            boolean expected = text.length() > 0 && (Character.isLowSurrogate(text.charAt(0))
                    || Character.isHighSurrogate(text.charAt(text.length() - 1)));
            assertThat(writer.hasHalfPairAtAnEnd()).as("%s", text).isEqualTo(expected);
        }
    }
}
