package io.gazette.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a URL as written in a page into a {@link URI} the way a browser would: surrounding
 * whitespace dropped, spaces and non-ASCII characters percent-encoded, backslashes read as slashes.
 */
final class UrlText {
    private static final String HEX = "0123456789ABCDEF";

    private UrlText() {
    }

    /** Result of reading a URL: the URI, or null with the reason it could not be read. */
    record Parsed(URI uri, String error, boolean hadSpaces, boolean hadBackslashes) {
    }

    static Parsed parse(String written) {
        String text = stripAsciiWhitespace(written);
        boolean spaces = text.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
        boolean backslashes = text.indexOf('\\') >= 0 && !hasScheme(text, "data", "javascript", "mailto", "tel");
        if (backslashes) {
            text = text.replace('\\', '/');
        }
        try {
            return new Parsed(new URI(encodeIllegal(text)), null, spaces, backslashes);
        } catch (URISyntaxException e) {
            return new Parsed(null, e.getReason(), spaces, backslashes);
        }
    }

    /** The scheme as written, lower-case, or "" for a relative reference. */
    static String scheme(String written) {
        String text = stripAsciiWhitespace(written);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i == 0 ? "" : text.substring(0, i).toLowerCase(Locale.ROOT);
            }
            boolean schemeChar = Character.isLetter(c) && c < 128 || i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.');
            if (!schemeChar) {
                return "";
            }
        }
        return "";
    }

    private static boolean hasScheme(String text, String... schemes) {
        String scheme = scheme(text);
        for (String candidate : schemes) {
            if (candidate.equals(scheme)) {
                return true;
            }
        }
        return false;
    }

    static String stripAsciiWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Percent-encodes what {@link URI} refuses but browsers accept; a lone % becomes %25. */
    private static String encodeIllegal(String text) {
        StringBuilder out = null;
        int fragmentStart = text.indexOf('#');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal = c < 128 && c > ' ' && "\"<>^`{|}".indexOf(c) < 0
                    && !(c == '%' && !isEscape(text, i))
                    && !(c == '#' && i != fragmentStart)
                    && !(c == '[' || c == ']') ;
            if (legal || (c == '[' || c == ']') && i < authorityEnd(text)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int codePoint = text.codePointAt(i);
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
            i += Character.charCount(codePoint) - 1;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isEscape(String text, int i) {
        return i + 2 < text.length() && HEX.indexOf(Character.toUpperCase(text.charAt(i + 1))) >= 0
                && HEX.indexOf(Character.toUpperCase(text.charAt(i + 2))) >= 0;
    }

    /** Where the authority of {@code //host[:port]} ends, so IPv6 brackets there stay literal. */
    private static int authorityEnd(String text) {
        int start = text.indexOf("//");
        if (start < 0 || start > 0 && text.charAt(start - 1) != ':') {
            return -1;
        }
        int end = start + 2;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
