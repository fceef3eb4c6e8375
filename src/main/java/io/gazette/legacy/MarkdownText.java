package io.gazette.legacy;

import java.util.regex.Pattern;

/**
 * Writes archive text into Markdown so that it renders as the same characters: an old paragraph
 * that starts with "1." or "- " or contains {@code *}, {@code _}, {@code <} must not turn into a
 * list, emphasis or raw HTML.
 */
final class MarkdownText {
    private static final Pattern LIST_OR_HEADING_START = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

    private MarkdownText() {
    }

    /** One paragraph of plain text as Markdown. */
    static String paragraph(String text) {
        return escapeBlockStart(escapeInline(text));
    }

    /** Text inside {@code ![...]} or other inline context. */
    static String escapeInline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>~|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return ENTITY.matcher(out).replaceAll("\\\\&");
    }

    /**
     * Escapes what would start a list, heading, quote or thematic break at the beginning of a
     * block of Markdown converted from a plain paragraph.
     */
    static String escapeBlockStart(String markdown) {
        if (markdown.isEmpty()) {
            return markdown;
        }
        char first = markdown.charAt(0);
        if (first == '#' || first == '-' || first == '+' || first == '=' || first == '>') {
            return "\\" + markdown;
        }
        return LIST_OR_HEADING_START.matcher(markdown).replaceFirst("$1\\\\$2");
    }

    /** An image destination; angle brackets keep spaces and parentheses in old file names intact. */
    static String destination(String src) {
        if (src.isEmpty()) {
            return "";
        }
        boolean plain = src.chars().noneMatch(c -> c == ' ' || c == '(' || c == ')' || c == '<' || c == '>');
        return plain ? src : "<" + src.replace("<", "%3C").replace(">", "%3E") + ">";
    }
}
