package io.gazette.markdown;

import java.util.Set;

/**
 * Plain text from the HTML our Markdown renderer writes: tags dropped (block tags become spaces),
 * entities decoded. Much faster than a full HTML parse, which matters at 100,000 articles, and
 * exact for Flexmark's output, unlike collecting AST text, which loses typographic quotes.
 */
final class HtmlText {
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark",
            "s", "small", "span", "strong", "sub", "sup", "u");

    private HtmlText() {
    }

    static String of(String html) {
        return of(html, 0, html.length(), Integer.MAX_VALUE);
    }

    /**
     * The text of {@code html} from {@code from} to {@code to}; with a {@code cap}, possibly only
     * its start: once more than {@code cap} characters are out it stops and returns them (stripped),
     * or null when, stripped, they are not yet {@code cap} characters (and at least one) of the
     * whole text's start.
     */
    private static String of(String html, int from, int to, int cap) {
        // Into a char array rather than a StringBuilder: the text is Vietnamese, so a builder
        // started Latin-1 and was widened on its first letter, then copied out and copied again
        // by strip(); this was a tenth of the content stage. It never outgrows the HTML: a tag
        // or a run of whitespace gives at most one space, an entity at most its own length.
        char[] out = new char[to - from];
        boolean[] whitespace = CharTables.WHITESPACE;
        int length = 0;
        int i = from;
        while (i < to) {
            if (length > cap) {
                // What is out is the start of the whole text, but for whitespace at either end.
                String start = stripped(out, length);
                return !start.isEmpty() && start.length() >= cap ? start : null;
            }
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0 || end >= to) {
                    break;
                }
                if (!isInline(html, i + 1, end) && length > 0 && out[length - 1] != ' ') {
                    out[length++] = ' ';
                }
                i = end + 1;
            } else if (c == '&') {
                int end = entityEnd(html, i, to);
                if (end > 0) {
                    String decoded = decode(html.substring(i + 1, end));
                    decoded.getChars(0, decoded.length(), out, length);
                    length += decoded.length();
                    i = end + 1;
                } else {
                    out[length++] = c;
                    i++;
                }
            } else if (whitespace[c]) {
                if (length > 0 && out[length - 1] != ' ') {
                    out[length++] = ' ';
                }
                i++;
            } else {
                out[length++] = c;
                i++;
            }
        }
        return stripped(out, length);
    }

    /** The first {@code length} characters of {@code chars} as {@link String#strip} would leave them, in one copy. */
    private static String stripped(char[] chars, int length) {
        int start = 0;
        int end = length;
        // Every whitespace code point is in the BMP: testing chars is testing code points.
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return new String(chars, start, end - start);
    }

    /** Where the entity starting at {@code amp} ends (its {@code ;}, at most 10 characters on), or -1. */
    private static int entityEnd(String html, int amp, int to) {
        int last = Math.min(to - 1, amp + 10);
        for (int i = amp + 1; i <= last; i++) {
            if (html.charAt(i) == ';') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text of the opening top-level paragraphs: at least {@code limit} characters of it when
     * there are that many (it may stop in a paragraph once it has them: real articles often hold
     * the whole story in their second paragraph, and converting it all cost a tenth of the
     * content stage), all of it otherwise.
     */
    static String lead(String html, int limit) {
        StringBuilder lead = new StringBuilder();
        // Line by line without splitting the whole body: the lead is usually the first line or two.
        for (int start = 0, end; start < html.length() && lead.length() < limit; start = end + 1) {
            end = html.indexOf('\n', start);
            if (end < 0) {
                end = html.length();
            }
            if (html.startsWith("<div class=\"footnotes\">", start)) {
                break;
            }
            if (end - start >= 7 && html.startsWith("<p>", start) && html.startsWith("</p>", end - 4)) {
                String separator = lead.length() == 0 ? "" : " ";
                String text = of(html, start, end, limit - lead.length() - separator.length());
                if (text == null) {
                    text = of(html, start, end, Integer.MAX_VALUE);
                }
                if (!text.isEmpty()) {
                    lead.append(separator).append(text);
                }
            }
        }
        return lead.toString();
    }

    /** Whether the tag whose text runs from {@code from} to {@code end} is an inline one. */
    private static boolean isInline(String html, int from, int end) {
        int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
            stop++;
        }
        int length = stop - start;
        for (int i = start; i < stop; i++) {
            if (html.charAt(i) >= 0x80) {
                // Lower-casing a non-ASCII letter may change the length: compare as lower-case text.
                return INLINE.contains(html.substring(start, stop).toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String name : INLINE) {
            if (name.length() == length && html.regionMatches(true, start, name, 0, length)) {
                return true;
            }
        }
        return false;
    }


    private static String decode(String entity) {
        switch (entity) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            case "ndash": return "–";
            case "mdash": return "—";
            case "hellip": return "…";
            case "ldquo": return "“";
            case "rdquo": return "”";
            case "lsquo": return "‘";
            case "rsquo": return "’";
            case "laquo": return "«";
            case "raquo": return "»";
            default:
                break;
        }
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            // not a character reference after all; keep it as written
        }
        return "&" + entity + ";";
    }
}
