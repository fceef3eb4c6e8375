package io.gazette.site;

import io.gazette.content.UrlPaths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where every page of the site lives. URLs are site-relative (no leading slash, trailing slash for
 * directory pages); {@link #href} and {@link #absolute} add the base path or base URL, so one site
 * model works at a domain root and under a subpath alike.
 */
public final class SiteUrls {
    public static final String TAGS = "tu-khoa/";
    public static final String CATEGORIES = "chuyen-muc/";
    public static final String ARCHIVE = "luu-tru/";
    public static final String SEARCH = "tim-kiem/";
    public static final String FEED = "feed.xml";
    public static final String PAGE = "trang/";

    private final String basePath;
    private final String baseUrl;
    private final String permalink;
    /** {@link #permalinkParts} of the permalink. */
    private final String[] permalinkParts;

    public SiteUrls(String baseUrl, String basePath, String permalink) {
        this.baseUrl = baseUrl;
        this.basePath = basePath;
        this.permalink = permalink;
        this.permalinkParts = permalinkParts(permalink);
    }

    /** The URLs of a site as its configuration places them (the site model's and the content cache's facts alike). */
    public static SiteUrls of(io.gazette.config.SiteConfig config) {
        return new SiteUrls(config.baseUrl(), config.basePath(), config.permalink());
    }

    /** The pattern article URLs follow ({@code :year/:month/:slug/} and the like). */
    public String permalink() {
        return permalink;
    }

    public String article(ZonedDateTime date, String slug) {
        StringBuilder path = new StringBuilder(permalink.length() + slug.length() + 8);
        for (int i = 0; i < permalinkParts.length; i++) {
            switch (permalinkParts[i]) {
                case ":year" -> path.append(padded(date.getYear(), 4));
                case ":month" -> path.append(padded(date.getMonthValue(), 2));
                case ":day" -> path.append(padded(date.getDayOfMonth(), 2));
                case ":slug" -> path.append(slug);
                default -> path.append(permalinkParts[i]);
            }
        }
        return UrlPaths.normalise(path.toString());
    }

    /**
     * The permalink cut into its placeholders and the text between them, once: every article's URL
     * is made from it in every build, and four {@code String.replace} calls an article were a fifth
     * of what the site model derives from it. Replacing each placeholder in one pass from the left
     * gives what replacing them one after the other gives: a year, month or day is digits and
     * cannot make a placeholder, and the slug, put in last, was never looked at.
     */
    static String[] permalinkParts(String permalink) {
        List<String> parts = new ArrayList<>();
        int literalFrom = 0;
        int i = 0;
        while (i < permalink.length()) {
            String placeholder = permalink.charAt(i) != ':' ? null : placeholderAt(permalink, i);
            if (placeholder == null) {
                i++;
                continue;
            }
            if (i > literalFrom) {
                parts.add(permalink.substring(literalFrom, i));
            }
            parts.add(placeholder);
            i += placeholder.length();
            literalFrom = i;
        }
        if (literalFrom < permalink.length()) {
            parts.add(permalink.substring(literalFrom));
        }
        return parts.toArray(new String[0]);
    }

    private static String placeholderAt(String permalink, int at) {
        for (String placeholder : PLACEHOLDERS) {
            if (permalink.startsWith(placeholder, at)) {
                return placeholder;
            }
        }
        return null;
    }

    private static final List<String> PLACEHOLDERS = List.of(":year", ":month", ":day", ":slug");

    /**
     * {@code String.format("%0<width>d", n)}, without a {@link java.util.Formatter} for each of
     * the three numbers of every article's URL (a tenth of the site model at 10,000 articles).
     */
    private static String padded(int n, int width) {
        if (n < 0) {
            return String.format(Locale.ROOT, "%0" + width + "d", n);
        }
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    public String tag(String slug) {
        return TAGS + slug + "/";
    }

    public String category(String slug) {
        return CATEGORIES + slug + "/";
    }

    public String year(int year) {
        return ARCHIVE + year + "/";
    }

    public String month(int year, int month) {
        return ARCHIVE + year + "/" + String.format(Locale.ROOT, "%02d", month) + "/";
    }

    /**
     * Page {@code k} of a paginated list whose first page is {@code listUrl}: the first page for
     * 0, else numbered page {@code k}, counted from the oldest ({@link Pager}).
     */
    public String page(String listUrl, int k) {
        return k <= 0 ? listUrl : listUrl + PAGE + k + "/";
    }

    public String feedOf(String listUrl) {
        return listUrl + FEED;
    }

    /** Root-relative link for use inside the site: {@code /archive/2014/08/a/}. */
    public String href(String siteRelative) {
        return basePath + stripLeadingSlash(siteRelative);
    }

    /** Absolute URL for feeds, sitemaps and canonical links. */
    public String absolute(String siteRelative) {
        return baseUrl + stripLeadingSlash(siteRelative);
    }

    public String basePath() {
        return basePath;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
