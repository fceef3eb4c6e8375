package io.gazette.text;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
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
        int from = StrictUtf8.hasBom(bytes) ? 3 : 0;
        // Decoded leniently (bad bytes become U+FFFD), then looked at once for everything that
        // may need work: each of the passes it replaces (the U+FFFD search, the forbidden
        // characters, the line ends, the NFC quick check) walked the whole text again.
        String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        int found = scan(text);
        if ((found & REPLACEMENT) != 0) {
            try {
                // Strictly: refuses a bad byte, or gives the same text, which holds a real U+FFFD.
                text = StrictUtf8.decode(bytes, from);
            } catch (StrictUtf8.Malformed e) {
                problems.add(Problem.error(shownPath, e.line(),
                        "file is not valid UTF-8 (byte 0x" + String.format("%02X", e.badByte()) + " at offset " + e.offset() + ")",
                        "save the file as UTF-8; for old Vietnamese encodings try "
                                + "`iconv -f WINDOWS-1258 -t UTF-8 file > file.utf8`"));
                return null;
            }
        }
        if ((found & FORBIDDEN) != 0) {
            text = withoutForbidden(text, shownPath, problems);
        }
        if ((found & CARRIAGE_RETURN) != 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        // Without any character VietnameseText.isAlwaysNfc refuses, the text is NFC as it is.
        return (found & MAY_NEED_NFC) != 0 ? VietnameseText.nfc(text) : text;
    }

    /** What {@link #scan} found: a U+FFFD, a character {@link #isForbidden}, a carriage return, a character that may not be NFC. */
    private static final int REPLACEMENT = 1;
    private static final int FORBIDDEN = 2;
    private static final int CARRIAGE_RETURN = 4;
    private static final int MAY_NEED_NFC = 8;

    /**
     * One pass over {@code text}, in chunks through a small array (the build runs on the C1
     * compiler, which keeps the checks of every {@code charAt} call), saying which of
     * {@link #REPLACEMENT}, {@link #FORBIDDEN}, {@link #CARRIAGE_RETURN} and {@link #MAY_NEED_NFC}
     * it holds.
     */
    static int scan(String text) {
        int found = 0;
        char[] chunk = new char[Math.min(text.length(), 1024)];
        for (int at = 0; at < text.length(); at += chunk.length) {
            int n = Math.min(chunk.length, text.length() - at);
            text.getChars(at, at + n, chunk, 0);
            for (int i = 0; i < n; i++) {
                char c = chunk[i];
                if (c >= 0x20 && c < 0x7F) {
                    continue;
                }
                if (c == '\r') {
                    found |= CARRIAGE_RETURN;
                } else if (c == '\uFFFD') {
                    found |= REPLACEMENT | MAY_NEED_NFC;
                } else if (Character.isSurrogate(c)) {
                    // A whole code point (the pair may straddle two chunks); the normaliser decides about it.
                    found |= MAY_NEED_NFC;
                    if (Character.isHighSurrogate(c) && isForbidden(text.codePointAt(at + i))) {
                        found |= FORBIDDEN;
                    }
                } else {
                    if (isForbidden(c)) {
                        found |= FORBIDDEN;
                    }
                    if (!VietnameseText.isAlwaysNfc(c)) {
                        found |= MAY_NEED_NFC;
                    }
                }
            }
        }
        return found;
    }

    /**
     * Characters that XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF) or HTML
     * calls parse errors (DEL, the C1 controls, the other noncharacters), replaced with U+FFFD
     * and reported as one warning per file. They are invisible, come from copying out of another
     * program, and one of them in a title made {@code feed.xml} unreadable; replacing them keeps
     * the rest of the text.
     */
    static String withoutForbidden(String text, Path shownPath, Problems problems) {
        int first = firstForbidden(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int count = 0;
        int from = 0;
        for (int at = first; at >= 0; at = firstForbidden(text, from)) {
            out.append(text, from, at).append('\uFFFD');
            from = at + Character.charCount(text.codePointAt(at));
            count++;
        }
        out.append(text, from, text.length());
        int codePoint = text.codePointAt(first);
        problems.add(Problem.warning(shownPath, lineOfChar(text, first),
                "invisible character U+" + String.format("%04X", codePoint) + " replaced with U+FFFD (�)"
                        + (count > 1 ? "; " + count + " such characters in this file" : ""),
                "delete it: control characters and noncharacters are not allowed in HTML or XML; they usually"
                        + " come from copying text out of another program"));
        return out.toString();
    }

    /**
     * {@code text} with forbidden characters replaced by U+FFFD, silently: for values that YAML
     * escapes ({@code "\\uFFFF"}) made after the file itself was checked.
     */
    public static String replaceForbidden(String text) {
        return firstForbidden(text, 0) < 0 ? text : withoutForbidden(text, null, new Problems());
    }

    /** Whether HTML and XML refuse this code point in text. */
    public static boolean isForbidden(int c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static int firstForbidden(String text, int from) {
        // Char by char, a code point only at a high surrogate: this runs over every file's text.
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                int codePoint = text.codePointAt(i);
                if (isForbidden(codePoint)) {
                    return i;
                }
                i += Character.charCount(codePoint) - 1;
            } else if (isForbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOfChar(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** CRLF and lone CR become LF; the text becomes NFC. */
    public static String normalise(String text) {
        String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return VietnameseText.nfc(lf);
    }
}
