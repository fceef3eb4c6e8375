package io.gazette.site;

import io.gazette.content.UrlPaths;
import java.time.ZonedDateTime;
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

    public SiteUrls(String baseUrl, String basePath, String permalink) {
        this.baseUrl = baseUrl;
        this.basePath = basePath;
        this.permalink = permalink;
    }

    public String article(ZonedDateTime date, String slug) {
        String path = permalink
                .replace(":year", padded(date.getYear(), 4))
                .replace(":month", padded(date.getMonthValue(), 2))
                .replace(":day", padded(date.getDayOfMonth(), 2))
                .replace(":slug", slug);
        return UrlPaths.normalise(path);
    }

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
