package io.gazette.text;

/**
 * Escapes text for HTML content and quoted attribute values: {@code & < > " '}. Used where we
 * write HTML ourselves (search highlights, the preview's injected tags); templates escape
 * through Pebble.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    public static String escape(String text) {
        return escape(new StringBuilder(text.length() + 16), text).toString();
    }

    public static StringBuilder escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
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
}
