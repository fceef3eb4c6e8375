package io.gazette.legacy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * How pages are turned into articles, the same for every page of one import.
 *
 * @param category  written as the category of every article (a page's own breadcrumb is used
 *                  when this is null), or null
 * @param defaultCategory the category of pages that have no breadcrumb, when {@code category} is
 *                  null (from site.yml's {@code import: category:}), or null
 * @param aliasBase where the old site served the imported files, e.g. {@code http://old.example/tin-tuc/}
 *                  or {@code /tin-tuc/}; each article's {@code aliases} gets this plus the page's
 *                  path below the imported folder. Null for no aliases.
 */
public record ImportSettings(String category, String aliasBase, TagRules tagRules, String defaultCategory) {
    public ImportSettings {
        category = cleanOrNull(category);
        defaultCategory = cleanOrNull(defaultCategory);
        if (aliasBase != null) {
            aliasBase = validAliasBase(aliasBase);
        }
    }

    public ImportSettings(String category, String aliasBase, TagRules tagRules) {
        this(category, aliasBase, tagRules, null);
    }

    private static String cleanOrNull(String name) {
        if (name == null) {
            return null;
        }
        String clean = SavedPageText.clean(name);
        return clean.isEmpty() ? null : clean;
    }

    /** The category an article gets: forced, else the page's own breadcrumb, else the site's default. */
    String categoryFor(String breadcrumb) {
        if (category != null) {
            return category;
        }
        return breadcrumb != null ? breadcrumb : defaultCategory;
    }

    public static ImportSettings defaults() {
        return new ImportSettings(null, null, TagRules.defaults());
    }

    /** The old URL of the page at {@code relativePath} ({@code /}-separated), each segment percent-encoded. */
    String aliasFor(String relativePath) {
        StringBuilder out = new StringBuilder(aliasBase);
        String[] segments = relativePath.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encodeSegment(segments[i]));
        }
        return out.toString();
    }

    private static String validAliasBase(String base) {
        String trimmed = base.strip();
        boolean absolute = trimmed.startsWith("http://") || trimmed.startsWith("https://");
        if (!absolute && !trimmed.startsWith("/")) {
            throw new IllegalArgumentException("--alias-base must be an http(s) URL or a path starting with /: " + base);
        }
        try {
            URI uri = new URI(trimmed);
            if (absolute && (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                throw new IllegalArgumentException("--alias-base must be a plain http(s) URL with a host: " + base);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--alias-base is not a valid URL: " + e.getMessage(), e);
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : io.gazette.text.VietnameseText.nfc(segment).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
