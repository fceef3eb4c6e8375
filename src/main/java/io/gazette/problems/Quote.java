package io.gazette.problems;

/**
 * Quotes a value the user wrote into a problem's message so that the message stays one line that
 * reads the same in any terminal: line breaks, control characters and bidirectional controls show
 * as escapes ({@code \n}, {@code \u202E}), and a long value is cut to its first
 * {@value #MAX_CHARS} characters followed by {@code …}. An error line that a hostile value broke in
 * two would name no file; one holding U+202E would print reversed; one holding 10,000 {@code <}
 * would bury the others.
 */
public final class Quote {
    /** Enough for any real title, date, path or URL to be recognised. */
    public static final int MAX_CHARS = 60;

    private Quote() {
    }

    /** {@code value} in backticks, made safe to print: {@code `2014-08-18`}. */
    public static String code(Object value) {
        return "`" + text(value) + "`";
    }

    /** {@code value} made safe to print, without quotes. */
    public static String text(Object value) {
        String raw = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CHARS) + 8);
        int shown = 0;
        for (int i = 0; i < raw.length(); ) {
            if (shown == MAX_CHARS) {
                return out.append('…').toString();
            }
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            shown++;
            appendEscaped(out, c);
        }
        return out.toString();
    }

    /**
     * Escapes what {@link #text} escapes but keeps the whole text: for a message as a last line of
     * defence, so that a value some code quoted without {@link #text} still cannot break the line.
     */
    public static String oneLine(String message) {
        if (message == null || message.codePoints().noneMatch(Quote::needsEscape)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        message.codePoints().forEach(c -> appendEscaped(out, c));
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (needsEscape(c)) {
                    out.append(String.format("\\u%04X", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    /**
     * Control characters (C0, DEL, C1 including NEL), the Unicode line and paragraph separators,
     * bidirectional controls, unpaired surrogates and noncharacters: nothing a terminal shows as
     * itself on one line.
     */
    static boolean needsEscape(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F
                || c == 0x2028 || c == 0x2029
                || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069
                || c == 0xFEFF
                || Character.getType(c) == Character.SURROGATE
                || (c & 0xFFFE) == 0xFFFE || c >= 0xFDD0 && c <= 0xFDEF;
    }
}
