package io.gazette.text;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.file.Path;

/**
 * Turns a file's bytes into the text every later stage sees: UTF-8 without a byte-order mark,
 * {@code \n} line endings, NFC.
 */
public final class SourceText {
    private SourceText() {
    }

    /**
     * @return the text, or null after reporting a problem when the bytes are not UTF-8. Guessing an
     *     encoding would silently corrupt an archive, so the editor is told where the bad byte is.
     */
    public static String decode(byte[] bytes, Path shownPath, Problems problems) {
        try {
            return normalise(StrictUtf8.decode(bytes, StrictUtf8.hasBom(bytes) ? 3 : 0));
        } catch (StrictUtf8.Malformed e) {
            problems.add(Problem.error(shownPath, e.line(),
                    "file is not valid UTF-8 (byte 0x" + String.format("%02X", e.badByte()) + " at offset " + e.offset() + ")",
                    "save the file as UTF-8; for old Vietnamese encodings try "
                            + "`iconv -f WINDOWS-1258 -t UTF-8 file > file.utf8`"));
            return null;
        }
    }

    /** CRLF and lone CR become LF; the text becomes NFC. */
    public static String normalise(String text) {
        String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return VietnameseText.nfc(lf);
    }
}
