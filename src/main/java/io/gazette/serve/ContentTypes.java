package io.gazette.serve;

import java.util.Locale;
import org.eclipse.jetty.http.MimeTypes;
import java.util.Map;
import java.util.Set;

/**
 * Media types by file name, from Jetty's {@link MimeTypes} table plus the few types a site has
 * that it lacks; text types always say {@code charset=utf-8}, the pipeline's encoding.
 */
public final class ContentTypes {
    private static final String UTF8 = "; charset=utf-8";

    private static final MimeTypes.Mutable TYPES = new MimeTypes.Mutable(MimeTypes.DEFAULTS);

    static {
        TYPES.addMimeMapping("map", "application/json");
        TYPES.addMimeMapping("webmanifest", "application/manifest+json");
        TYPES.addMimeMapping("md", "text/markdown");
        TYPES.addMimeMapping("webm", "video/webm");
        TYPES.addMimeMapping("xsl", "application/xslt+xml");
    }

    /** Types whose bytes are text: what gets a charset, and what is worth compressing. */
    private static boolean isText(String type) {
        return type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("+json")
                || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript");
    }

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
        String type = TYPES.getMimeByExtension("x." + SitePaths.extension(key));
        if (type == null) {
            return "application/octet-stream";
        }
        return isText(type) ? type + UTF8 : type;
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
