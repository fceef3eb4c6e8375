package io.gazette.text;

/**
 * Escapes text for HTML content and quoted attribute values: {@code & < > " '}. Used where we
 * write HTML ourselves (search highlights, the preview's injected tags) and, through
 * {@code render/HtmlEscaping} and the page writer, every value a template prints.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /** The escaped text; the text itself when it has nothing to escape, the common case. */
    public static String escape(String text) {
        int first = firstMarkup(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        return escape(out, text, first).toString();
    }

    public static StringBuilder escape(StringBuilder out, CharSequence text) {
        return escape(out, text, 0);
    }

    private static StringBuilder escape(StringBuilder out, CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escapeOf(c);
            if (escaped == null) {
                out.append(c);
            } else {
                out.append(escaped);
            }
        }
        return out;
    }

    /**
     * Where the first character to escape is, or -1. Five {@code indexOf} scans, each a tight
     * loop over the string's bytes, cost less than one pass of {@code charAt} calls: the build
     * runs with the C1 compiler only, which keeps each {@code charAt}'s checks. (Text already in a
     * {@code char[]} is scanned once: {@link #firstMarkup(char[], int, int)}.)
     */
    private static int firstMarkup(String text) {
        int first = -1;
        for (char c : MARKUP) {
            int at = text.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The escape of each character below {@code '?'} that has one, else null: the one table of what is escaped. */
    private static final String[] ESCAPES = new String['?'];
    /** The characters {@link #ESCAPES} escapes. */
    private static final char[] MARKUP = {'<', '>', '&', '"', '\''};
    /** How many characters each character below {@code '?'} grows by when escaped (0: not markup). */
    private static final byte[] GROWTH = new byte['?'];

    static {
        ESCAPES['&'] = "&amp;";
        ESCAPES['<'] = "&lt;";
        ESCAPES['>'] = "&gt;";
        ESCAPES['"'] = "&quot;";
        ESCAPES['\''] = "&#39;";
        for (char c : MARKUP) {
            GROWTH[c] = (byte) (ESCAPES[c].length() - 1);
        }
    }

    /** The escape of {@code c}, or null when it is written as it is. */
    private static String escapeOf(char c) {
        return c < '?' ? ESCAPES[c] : null;
    }

    /**
     * Where in {@code text[from, to)} the first character to escape is, or -1: one pass over the
     * array (every markup character is below {@code '?'}, so letters are passed by one compare).
     */
    public static int firstMarkup(char[] text, int from, int to) {
        byte[] growth = GROWTH;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < '?' && growth[c] != 0) {
                return i;
            }
        }
        return -1;
    }

    /** How many characters escaping {@code text[from, to)} adds. */
    public static int growth(char[] text, int from, int to) {
        byte[] growth = GROWTH;
        int more = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < '?') {
                more += growth[c];
            }
        }
        return more;
    }

    /**
     * Escapes {@code text[from, to)} where it stands: the escaped text then fills
     * {@code text[from, to + more)}, where {@code more} is its {@link #growth}, and the array must
     * have room for it. Written from the end backwards, so nothing is overwritten before it is read.
     */
    public static void escapeInPlace(char[] text, int from, int to, int more) {
        int at = to + more;
        for (int i = to - 1; i >= from && at > i + 1; i--) {
            char c = text[i];
            String escaped = escapeOf(c);
            if (escaped == null) {
                text[--at] = c;
            } else {
                at = put(text, at, escaped);
            }
        }
    }

    /** Puts {@code escape} so that it ends at {@code end}; returns where it starts. */
    private static int put(char[] text, int end, String escape) {
        int start = end - escape.length();
        escape.getChars(0, escape.length(), text, start);
        return start;
    }
}
