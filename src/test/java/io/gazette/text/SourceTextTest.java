package io.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    private static final Path FILE = Path.of("content/a.md");

    /** The decoding as it was made before its passes were joined into one: each step over the whole text. */
    private static String passByPass(byte[] bytes, Problems problems) {
        String text;
        try {
            text = StrictUtf8.decode(bytes, StrictUtf8.hasBom(bytes) ? 3 : 0);
        } catch (StrictUtf8.Malformed e) {
            problems.add(Problem.error(FILE, e.line(),
                    "file is not valid UTF-8 (byte 0x" + String.format("%02X", e.badByte()) + " at offset " + e.offset() + ")",
                    "save the file as UTF-8; for old Vietnamese encodings try "
                            + "`iconv -f WINDOWS-1258 -t UTF-8 file > file.utf8`"));
            return null;
        }
        text = SourceText.withoutForbidden(text, FILE, problems);
        text = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    @Provide
    Arbitrary<String> texts() {
        // Vietnamese composed and decomposed, combining marks, controls, line ends, U+FFFD,
        // noncharacters, a supplementary character and its halves, singletons (U+2000, U+212B).
        return Arbitraries.strings().withChars("aAđơưệỆ \n\r\t\u0000\u0007\u007F\u0085\u0301\u0323\u0306\u031B"
                + "\uFFFD\uFDD0\uFFFE\u2000\u212B\u2026\u201C\u20AB\uD83D\uDE00\uFEFF").ofMaxLength(40);
    }

    @Property(tries = 3000)
    void decodesAsTheStepsOneByOne(@ForAll("texts") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertSameDecoding(bytes);
        byte[] withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);
        assertSameDecoding(withBom);
    }

    @Property(tries = 2000)
    void refusesOrDecodesAnyBytesAsTheStepsOneByOne(@ForAll byte[] bytes) {
        assertSameDecoding(bytes);
    }

    @Test
    void decodesLongTextsAcrossItsChunks() {
        String text = "Thi đua khen thưởng\r\n".repeat(200) + "e\u0301\uD83D\uDE00\u0007";
        assertSameDecoding(text.getBytes(StandardCharsets.UTF_8));
        assertThat(SourceText.decode(text.getBytes(StandardCharsets.UTF_8), FILE, new Problems()))
                .endsWith("é\uD83D\uDE00\uFFFD").doesNotContain("\r");
    }

    private static void assertSameDecoding(byte[] bytes) {
        Problems expectedProblems = new Problems();
        Problems problems = new Problems();
        String expected = passByPass(bytes, expectedProblems);
        assertThat(SourceText.decode(bytes, FILE, problems)).isEqualTo(expected);
        assertThat(problems.sorted()).isEqualTo(expectedProblems.sorted());
    }
}
