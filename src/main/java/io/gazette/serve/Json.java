package io.gazette.serve;

import java.util.Collection;

/** The little JSON the server writes itself: strings and arrays of strings. */
final class Json {
    private Json() {
    }

    /**
     * A JSON string literal. Besides what JSON requires, escapes {@code < > &} and the line
     * separators so that the text is also safe inside HTML and JavaScript source.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String array(Collection<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (String item : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(item));
        }
        return out.append(']').toString();
    }
}
