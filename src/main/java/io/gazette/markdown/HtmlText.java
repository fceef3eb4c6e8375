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
        return of(html, 0, html.length(), Integer.MAX_VALUE, null);
    }

    /** The text of an article's HTML and the number of its words (runs of letters and digits). */
    record Plain(String text, int words) {
    }

    /** {@link #of(String)}, with its words counted. */
    static Plain plain(String html) {
        int[] words = new int[1];
        String text = of(html, 0, html.length(), Integer.MAX_VALUE, words);
        return new Plain(text, words[0]);
    }

    /**
     * The text of {@code html} from {@code from} to {@code to}; with a {@code cap}, possibly only
     * its start: once more than {@code cap} characters are out it stops and returns them (stripped),
     * or null when, stripped, they are not yet {@code cap} characters (and at least one) of the
     * whole text's start. With {@code words} given, the text's words are counted into its first element.
     */
    private static String of(String html, int from, int to, int cap, int[] words) {
        // The HTML is copied once into a char array and the text written over it from its start:
        // it never gets ahead of the reading, since a tag or a run of whitespace gives at most one
        // space and an entity at most its own length. Reading an array, not calling charAt, is
        // what the C1 compiler the build runs on makes fast (charAt's checks were a tenth of the
        // content stage), and a builder would start Latin-1 and be widened on the first
        // Vietnamese letter, then copied out and copied again by strip().
        char[] chars = new char[to - from];
        html.getChars(from, to, chars, 0);
        int n = chars.length;
        boolean[] whitespace = CharTables.WHITESPACE;
        int length = 0;
        int i = 0;
        while (i < n) {
            if (length > cap) {
                // What is out is the start of the whole text, but for whitespace at either end.
                String start = stripped(chars, length, null);
                return !start.isEmpty() && start.length() >= cap ? start : null;
            }
            char c = chars[i];
            if (c == '<') {
                int end = i + 1;
                while (end < n && chars[end] != '>') {
                    end++;
                }
                if (end >= n) {
                    break;
                }
                if (!isInline(chars, i + 1, end) && length > 0 && chars[length - 1] != ' ') {
                    chars[length++] = ' ';
                }
                i = end + 1;
            } else if (c == '&') {
                int end = entityEnd(chars, i, n);
                if (end > 0) {
                    String decoded = decode(new String(chars, i + 1, end - i - 1));
                    decoded.getChars(0, decoded.length(), chars, length);
                    length += decoded.length();
                    i = end + 1;
                } else {
                    chars[length++] = c;
                    i++;
                }
            } else if (whitespace[c]) {
                if (length > 0 && chars[length - 1] != ' ') {
                    chars[length++] = ' ';
                }
                i++;
            } else {
                chars[length++] = c;
                i++;
            }
        }
        return stripped(chars, length, words);
    }

    /**
     * The first {@code length} characters of {@code chars} as {@link String#strip} would leave them,
     * in one copy; with {@code words} given, their words counted into its first element.
     */
    private static String stripped(char[] chars, int length, int[] words) {
        boolean[] whitespace = CharTables.WHITESPACE;
        int start = 0;
        int end = length;
        // Every whitespace code point is in the BMP: testing chars is testing code points.
        while (start < end && whitespace[chars[start]]) {
            start++;
        }
        while (end > start && whitespace[chars[end - 1]]) {
            end--;
        }
        if (words != null) {
            boolean[] letters = CharTables.LETTER_OR_DIGIT;
            int count = 0;
            boolean inWord = false;
            for (int i = start; i < end; i++) {
                boolean letter = letters[chars[i]];
                if (letter && !inWord) {
                    count++;
                }
                inWord = letter;
            }
            words[0] = count;
        }
        return new String(chars, start, end - start);
    }

    /** Where the entity starting at {@code amp} ends (its {@code ;}, at most 10 characters on), or -1. */
    private static int entityEnd(char[] chars, int amp, int to) {
        int last = Math.min(to - 1, amp + 10);
        for (int i = amp + 1; i <= last; i++) {
            if (chars[i] == ';') {
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
                String text = of(html, start, end, limit - lead.length() - separator.length(), null);
                if (text == null) {
                    text = of(html, start, end, Integer.MAX_VALUE, null);
                }
                if (!text.isEmpty()) {
                    lead.append(separator).append(text);
                }
            }
        }
        return lead.toString();
    }

    /**
     * Adds to {@code lead}, shorter than {@code limit}, what {@link #lead} takes of a line
     * {@code <p>T</p>} of a paragraph whose text T is
     * {@code text[from, to)}: not empty, no tag, reference or whitespace in it but single spaces
     * between words (then that line's text is T itself). As {@link #of} with a cap: all of T when
     * it fits the characters still wanted, else its first one more than that, less a space at the end.
     */
    static void addPlainParagraph(StringBuilder lead, int limit, char[] text, int from, int to) {
        String separator = lead.length() == 0 ? "" : " ";
        int cap = limit - lead.length() - separator.length();
        int length = to - from;
        if (length > cap) {
            length = text[from + cap] == ' ' ? cap : cap + 1;
        }
        lead.append(separator).append(text, from, length);
    }

    /** Whether the tag whose text runs from {@code from} to {@code end} is an inline one. */
    private static boolean isInline(char[] chars, int from, int end) {
        int start = from < end && chars[from] == '/' ? from + 1 : from;
        int stop = start;
        boolean[] letters = CharTables.LETTER_OR_DIGIT;
        while (stop < end && letters[chars[stop]]) {
            stop++;
        }
        int length = stop - start;
        for (int i = start; i < stop; i++) {
            if (chars[i] >= 0x80) {
                // Lower-casing a non-ASCII letter may change the length: compare as lower-case text.
                return INLINE.contains(new String(chars, start, length).toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String name : INLINE) {
            if (name.length() == length && asciiEqualsIgnoreCase(chars, start, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ASCII letters and digits at {@code start} are {@code name} (lower-case) but for case. */
    private static boolean asciiEqualsIgnoreCase(char[] chars, int start, String name) {
        for (int k = 0; k < name.length(); k++) {
            char c = chars[start + k];
            if (c != name.charAt(k) && (c | 0x20) != name.charAt(k)) {
                return false;
            }
        }
        return true;
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
