package io.gazette.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes that must be UTF-8, refusing anything else. Guessing an encoding (Windows-1258,
 * VNI) would silently corrupt an archive, so the caller is told where the first bad byte is.
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** The text of {@code bytes[from..]}; throws {@link Malformed} at the first invalid byte. */
    public static String decode(byte[] bytes, int from) throws Malformed {
        // The String constructor decodes in one step (a CharsetDecoder writes into a char buffer
        // of twice the file's size, then copies it); it replaces bad bytes with U+FFFD, so only
        // a text holding one is decoded again strictly, to refuse it or to keep a U+FFFD the
        // file really holds.
        String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : strictly(bytes, from);
    }

    private static String strictly(byte[] bytes, int from) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length - from + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new Malformed(bytes, Math.min(in.position(), bytes.length - 1));
        }
        return out.flip().toString();
    }

    /** Whether {@code bytes} start with the UTF-8 byte-order mark. */
    public static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** Where decoding stopped: the offset of the bad byte, its value and its line (from 1). */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;
        private final int badByte;
        private final int line;

        Malformed(byte[] bytes, int offset) {
            super(String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset));
            this.offset = offset;
            this.badByte = bytes[offset] & 0xFF;
            int l = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    l++;
                }
            }
            this.line = l;
        }

        public int offset() {
            return offset;
        }

        public int badByte() {
            return badByte;
        }

        public int line() {
            return line;
        }
    }
}
