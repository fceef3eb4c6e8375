package io.gazette.media;

import io.gazette.text.Slugs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What a link or image written in an article points to: a file of the article's folder (a photo,
 * a document, a video) or something else (a page, another site, a file of {@code static/}), which
 * is left as written.
 */
public final class MediaRefs {
    public enum Kind { PHOTO, ATTACHMENT, FILE }

    /** Documents listed under the article, with the type shown to readers. */
    static final Map<String, String> ATTACHMENT_TYPES = Map.ofEntries(
            Map.entry("pdf", "PDF"), Map.entry("doc", "DOC"), Map.entry("docx", "DOCX"),
            Map.entry("xls", "XLS"), Map.entry("xlsx", "XLSX"), Map.entry("ppt", "PPT"),
            Map.entry("pptx", "PPTX"), Map.entry("odt", "ODT"), Map.entry("ods", "ODS"));
    /** Files copied as they are (videos, animations, vector drawings). */
    private static final java.util.Set<String> PLAIN_FILES = java.util.Set.of("gif", "webp", "svg", "mp4", "webm",
            "mp3", "m4a", "ogg", "csv", "txt");

    private MediaRefs() {
    }

    /** The kind of a relative reference, or null when it is not a file of the article's folder. */
    public static Kind kind(String ref) {
        String path = pathOf(ref);
        if (path == null) {
            return null;
        }
        String ext = extension(path);
        if (ext.equals("jpg") || ext.equals("jpeg") || ext.equals("png")) {
            return Kind.PHOTO;
        }
        if (ATTACHMENT_TYPES.containsKey(ext)) {
            return Kind.ATTACHMENT;
        }
        return PLAIN_FILES.contains(ext) ? Kind.FILE : null;
    }

    /** Whether a reference is a relative path (not a URL with a scheme, nor from the site root). */
    public static boolean isRelative(String ref) {
        return ref != null && pathOf(ref) != null;
    }

    /**
     * The decoded path of a relative reference ({@code Quy%E1%BA%BFt%20dinh.pdf#page=2} →
     * {@code Quyết dinh.pdf}), or null for an absolute or root-relative URL, a fragment, or a scheme.
     */
    static String pathOf(String ref) {
        String url = ref.strip();
        if (url.isEmpty() || url.startsWith("/") || url.startsWith("#") || url.startsWith("?")
                || url.startsWith("\\")) {
            return null;
        }
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            return null; // http:, mailto:, data:, and Windows drive letters
        }
        int cut = url.length();
        for (char c : new char[] {'#', '?'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String path = url.substring(0, cut);
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a lone % is a character of the name
        }
        return path.isEmpty() ? null : path;
    }

    /** What follows a reference's path ({@code #page=2}), kept on the rewritten URL. */
    static String suffixOf(String ref) {
        String url = ref.strip();
        int at = url.length();
        for (char c : new char[] {'#', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                at = Math.min(at, i);
            }
        }
        return url.substring(at);
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash && dot >= 0 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The published name of a file: each folder and the base name as an ASCII slug, the extension
     * in lower case ({@code Ảnh/Hội nghị 1.JPG} → {@code anh/hoi-nghi-1.jpg}), so URLs need no
     * escaping; {@code suffix} goes before the extension ({@code -960}).
     */
    static String publishedName(String relativePath, String suffix, String extension) {
        String[] parts = relativePath.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            String slug = Slugs.slugify(parts[i]);
            out.append(slug.isEmpty() ? "_" : slug).append('/');
        }
        String last = parts[parts.length - 1];
        int dot = last.lastIndexOf('.');
        String base = Slugs.slugify(dot > 0 ? last.substring(0, dot) : last);
        out.append(base.isEmpty() ? "file" : base).append(suffix);
        if (!extension.isEmpty()) {
            out.append('.').append(extension);
        }
        return out.toString();
    }
}
