package io.gazette.check;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A text file of the site decoded as UTF-8, with line lookup by character offset. */
final class SiteText {
    private final String text;
    private final int[] lineStarts;

    private SiteText(String text) {
        this.text = text;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * Decodes the bytes, reporting invalid UTF-8 (the site says it is UTF-8 everywhere, so such
     * bytes would show as replacement characters) and dropping a byte order mark.
     */
    static SiteText decode(byte[] bytes, FileReport report) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            report.error(lineOfFirstInvalidByte(bytes), "file is not valid UTF-8",
                    "save the source as UTF-8; invalid bytes show as \uFFFD to readers");
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new SiteText(text);
    }

    static SiteText of(String text) {
        return new SiteText(text);
    }

    String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
