package io.gazette.serve;

import java.util.Optional;

/**
 * Site-relative paths as the snapshot stores them: {@code 2014/a/index.html}, no leading slash,
 * no empty, {@code .} or {@code ..} segments, no backslashes or control characters. Both the
 * pipeline's writes and the server's lookups go through here, so a request can only ever name a
 * key the pipeline wrote.
 */
public final class SitePaths {
    private SitePaths() {
    }

    /** Normalises a path the pipeline writes; rejects anything that is not a plain relative path. */
    public static String normalize(String sitePath) {
        return parse(sitePath).orElseThrow(() -> new IllegalArgumentException(
                "not a site path (relative, '/'-separated, no '.' or '..' segments): " + sitePath));
    }

    /**
     * The key for a site path, or empty when it is unsafe. Leading slashes are dropped; a trailing
     * slash is not allowed (directories are not keys).
     */
    public static Optional<String> parse(String sitePath) {
        if (sitePath == null) {
            return Optional.empty();
        }
        String path = sitePath;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || path.endsWith("/") || !isSafe(path)) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /**
     * True when a decoded request path may be looked up at all: it starts with '/', and has no
     * dot segments (also none hidden behind a path parameter, {@code ..;x}), backslashes, NULs
     * or other control characters. Jetty already refuses most of these; this is the second lock.
     */
    public static boolean isSafeRequestPath(String decodedPath) {
        if (decodedPath == null || !decodedPath.startsWith("/") || !isSafe(decodedPath)) {
            return false;
        }
        for (String segment : decodedPath.split("/", -1)) {
            String bare = segment;
            int semicolon = bare.indexOf(';');
            if (semicolon >= 0) {
                bare = bare.substring(0, semicolon);
            }
            if (bare.equals(".") || bare.equals("..")) {
                return false;
            }
        }
        return !decodedPath.contains("//");
    }

    private static boolean isSafe(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The file name part of a key: {@code feed.xml} for {@code tag/x/feed.xml}. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The lower-case extension of a key without the dot, or "" when it has none. */
    public static String extension(String key) {
        String name = fileName(key);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
