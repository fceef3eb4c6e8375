package io.gazette.text;

/**
 * Escapes text for HTML content and quoted attribute values: {@code & < > " '}. Used where we
 * write HTML ourselves (search highlights, the preview's injected tags) and, through
 * {@code render/HtmlEscaping}, every value a template prints.
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
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * Where the first character to escape is, or -1. Five {@code indexOf} scans, each a tight
     * loop over the string's bytes, cost less than one pass of {@code charAt} calls: the build
     * runs with the C1 compiler only, which keeps each {@code charAt}'s checks.
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

    private static final char[] MARKUP = {'<', '>', '&', '"', '\''};
}
