package io.gazette.serve;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Media types by file name; text types always say {@code charset=utf-8}, the pipeline's encoding. */
public final class ContentTypes {
    private static final String UTF8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF8),
            Map.entry("htm", "text/html" + UTF8),
            Map.entry("css", "text/css" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            Map.entry("mjs", "text/javascript" + UTF8),
            Map.entry("json", "application/json" + UTF8),
            Map.entry("map", "application/json" + UTF8),
            Map.entry("webmanifest", "application/manifest+json" + UTF8),
            Map.entry("xml", "application/xml" + UTF8),
            Map.entry("xsl", "application/xslt+xml" + UTF8),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("md", "text/markdown" + UTF8),
            Map.entry("csv", "text/csv" + UTF8),
            Map.entry("svg", "image/svg+xml" + UTF8),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("wasm", "application/wasm"));

    /** Feeds get their own type so that browsers and feed readers recognise them. */
    private static final Map<String, String> BY_FILE_NAME = Map.of(
            "feed.xml", "application/atom+xml" + UTF8,
            "atom.xml", "application/atom+xml" + UTF8,
            "rss.xml", "application/rss+xml" + UTF8);

    /** Changes to these can alter how any page looks, so every open tab reloads for them. */
    private static final Set<String> PAGE_ASSETS = Set.of("css", "js", "mjs", "png", "jpg", "jpeg",
            "gif", "webp", "avif", "svg", "ico", "woff", "woff2", "ttf", "otf");

    private ContentTypes() {
    }

    public static String of(String key) {
        String byName = BY_FILE_NAME.get(SitePaths.fileName(key).toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        return BY_EXTENSION.getOrDefault(SitePaths.extension(key), "application/octet-stream");
    }

    public static boolean isHtml(String key) {
        return of(key).startsWith("text/html");
    }

    /** Text formats compress well; images, fonts and media are compressed already. */
    public static boolean isCompressible(String key) {
        return of(key).endsWith(UTF8);
    }

    static boolean isPageAsset(String key) {
        return PAGE_ASSETS.contains(SitePaths.extension(key));
    }
}
