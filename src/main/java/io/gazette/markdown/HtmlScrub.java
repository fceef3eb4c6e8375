package io.gazette.markdown;

import io.gazette.text.SourceText;
import org.jsoup.nodes.Entities;

/**
 * The last pass over Flexmark's HTML, for two of its slips the fuzz harness found: an unknown
 * entity such as {@code &bogus;} in a link title or image alt is written unescaped (a parse
 * error), and a numeric reference such as {@code &#xFFFF;} is written as the character itself,
 * which no XML parser accepts in a feed. Every {@code &} that does not start a known reference
 * becomes {@code &amp;}; references to, and characters that are, controls or noncharacters become
 * U+FFFD. One linear pass, which copies nothing when the HTML has neither.
 */
final class HtmlScrub {
    private HtmlScrub() {
    }

    static String clean(String html) {
        // Nearly every page has an entity (Flexmark writes quotes as &quot;), so the HTML is
        // walked once, char by char, and copied in runs between the places that change; it used
        // to be copied code point by code point whenever it held a single '&'.
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                int end = referenceEnd(html, i);
                if (end < 0) {
                    out = copy(out, html, copied, i).append("&amp;");
                    copied = ++i;
                } else if (html.charAt(i + 1) == '#' && SourceText.isForbidden(codePoint(html, i + 2, end - 1))) {
                    out = copy(out, html, copied, i).append('\uFFFD');
                    copied = i = end;
                } else {
                    i = end;
                }
            } else if (mayBeForbidden(c)) {
                int codePoint = html.codePointAt(i);
                int width = Character.charCount(codePoint);
                if (SourceText.isForbidden(codePoint) && codePoint != '\n' && codePoint != '\t' && codePoint != '\r') {
                    out = copy(out, html, copied, i).append('\uFFFD');
                    copied = i + width;
                }
                i += width;
            } else {
                i++;
            }
        }
        return out == null ? html : copy(out, html, copied, n).toString();
    }

    /** {@code out} (made when null) with {@code html[from, to)} appended. */
    private static StringBuilder copy(StringBuilder out, String html, int from, int to) {
        if (out == null) {
            out = new StringBuilder(html.length() + 16);
        }
        return out.append(html, from, to);
    }

    /** Whether {@link #clean} replaces the character at {@code at} of {@code text} (a line feed follows the text). */
    static boolean replaces(char[] text, int at) {
        char c = text[at];
        return mayBeForbidden(c) && c != '\n' && c != '\t' && c != '\r'
                && SourceText.isForbidden(Character.codePointAt(text, at));
    }

    /**
     * Whether {@code c} is, or may start, a code point that {@link SourceText#isForbidden}
     * refuses: a control, a BMP noncharacter, or a high surrogate (a supplementary
     * noncharacter such as U+1FFFF).
     */
    private static boolean mayBeForbidden(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0xFDD0 && (c <= 0xFDEF || c >= 0xFFFE)
                || Character.isHighSurrogate(c);
    }

    /** End (after {@code ;}) of a well-formed reference starting at {@code at}, or -1. */
    private static int referenceEnd(String html, int at) {
        int n = html.length();
        int i = at + 1;
        if (i < n && html.charAt(i) == '#') {
            i++;
            boolean hex = i < n && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < n && i - digits < 8 && Character.digit(html.charAt(i), hex ? 16 : 10) >= 0) {
                i++;
            }
            if (i == digits || i >= n || html.charAt(i) != ';') {
                return -1;
            }
            long value = Long.parseLong(html.substring(digits, i), hex ? 16 : 10);
            return value > Character.MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF ? -1 : i + 1;
        }
        int name = i;
        while (i < n && i - name < 32 && Character.isLetterOrDigit(html.charAt(i)) && html.charAt(i) < 0x80) {
            i++;
        }
        if (i == name || i >= n || html.charAt(i) != ';' || !Entities.isNamedEntity(html.substring(name, i))) {
            return -1;
        }
        return i + 1;
    }

    private static int codePoint(String html, int from, int end) {
        boolean hex = html.charAt(from) == 'x' || html.charAt(from) == 'X';
        return (int) Long.parseLong(html.substring(hex ? from + 1 : from, end), hex ? 16 : 10);
    }
}
