package io.gazette.text;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer chars = decoder.decode(in);
            return normalise(chars.toString());
        } catch (CharacterCodingException e) {
            int bad = firstInvalidOffset(bytes, start);
            problems.add(Problem.error(shownPath, lineAt(bytes, bad),
                    "file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + " at offset " + bad + ")",
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

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int firstInvalidOffset(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
