package io.gazette.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Site-relative URL paths written by editors (aliases): checked so that no path, however encoded,
 * can place a file outside the output directory.
 */
public final class UrlPaths {
    private UrlPaths() {
    }

    /** Why {@code path} is unsafe or unusable, or empty when it is fine. */
    public static Optional<String> unsafeReason(String path) {
        if (path.isBlank()) {
            return Optional.of("is empty");
        }
        if (path.contains("://") || path.startsWith("//")) {
            return Optional.of("is a full URL, not a path inside the site");
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("has a broken %-escape");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\' || c == '?' || c == '#' || c == ':') {
                return Optional.of("contains a character not allowed in a site path (`" + printable(c) + "`)");
            }
        }
        for (String segment : decoded.split("/")) {
            // Windows drops the dots and spaces a name ends with, so `..  ` and `. .` mean `..`
            // and `.` there: a segment of dots and spaces alone is refused like them.
            if (!segment.isEmpty() && segment.chars().allMatch(c -> c == '.' || c == ' ')
                    && segment.chars().anyMatch(c -> c == '.')) {
                return Optional.of("would escape the output directory");
            }
        }
        return Optional.empty();
    }

    /** Decoded, without the leading slash, single slashes; a trailing slash is kept. */
    private static final java.util.regex.Pattern SLASHES = java.util.regex.Pattern.compile("/{2,}");

    public static String normalise(String path) {
        String stripped = path.strip();
        // Without % or +, decoding changes nothing; without //, collapsing neither (every article's
        // URL goes through here on every build).
        String decoded = stripped.indexOf('%') < 0 && stripped.indexOf('+') < 0 ? stripped
                : URLDecoder.decode(stripped.replace("+", "%2B"), StandardCharsets.UTF_8);
        String collapsed = decoded.contains("//") ? SLASHES.matcher(decoded).replaceAll("/") : decoded;
        return collapsed.startsWith("/") ? collapsed.substring(1) : collapsed;
    }

    /** The file that serves a site path: {@code a/b/} and {@code a/b} → {@code a/b/index.html}; {@code a.html} stays. */
    public static String fileFor(String sitePath) {
        if (sitePath.isEmpty() || sitePath.endsWith("/")) {
            return sitePath + "index.html";
        }
        String last = sitePath.substring(sitePath.lastIndexOf('/') + 1);
        return last.contains(".") ? sitePath : sitePath + "/index.html";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
