package io.gazette.legacy;

import io.gazette.text.StrictUtf8;
import io.gazette.text.VietnameseText;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a saved legacy page into NFC text and lines. Old exports come from Windows tools and
 * browsers, so a byte order mark, CRLF or lone CR line ends, no-break spaces and zero-width
 * characters are all expected; invalid UTF-8 is not guessed at, because a wrong guess
 * (Windows-1258, VNI) would silently corrupt the archive.
 */
final class SavedPageText {
    private SavedPageText() {
    }

    /** The whole file as NFC text with {@code \n} line ends; the BOM is dropped. */
    static String decode(byte[] bytes) throws ImportFailure {
        String text;
        try {
            text = StrictUtf8.decode(bytes, 0);
        } catch (StrictUtf8.Malformed e) {
            throw new ImportFailure(e.line(), String.format(
                    "not UTF-8 (byte 0x%02X at offset %d); save the page as UTF-8 and import it again",
                    e.badByte(), e.offset()));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return VietnameseText.nfc(text);
    }

    /** Lines of {@link #decode}d text, each with its whitespace normalised by {@link #clean}. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(clean(line));
        }
        return lines;
    }

    /**
     * One line of text as it should be stored: every kind of space (no-break, ideographic, thin,
     * tab) becomes a plain space, runs of spaces collapse, invisible characters (zero-width space,
     * stray BOM, soft hyphen) and control characters go, unpaired surrogates become U+FFFD, and
     * the ends are trimmed. Letters and punctuation are never touched: this is an archive.
     */
    static String clean(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                flushSpace(out, pendingSpace);
                pendingSpace = false;
                out.append(c).append(line.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                c = '\uFFFD';
            }
            if (isSpace(c)) {
                pendingSpace = true;
            } else if (!isInvisible(c)) {
                flushSpace(out, pendingSpace);
                pendingSpace = false;
                out.append(c);
            }
        }
        return VietnameseText.nfc(out.toString());
    }

    private static void flushSpace(StringBuilder out, boolean pendingSpace) {
        if (pendingSpace && out.length() > 0) {
            out.append(' ');
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\u000C' || c == '\u0085'
                || Character.getType(c) == Character.SPACE_SEPARATOR
                || c == '\u2028' || c == '\u2029';
    }

    private static boolean isInvisible(char c) {
        return c == '\uFEFF' || c == '\u200B' || c == '\u00AD' || c == '\u2060'
                || Character.getType(c) == Character.CONTROL;
    }
}
