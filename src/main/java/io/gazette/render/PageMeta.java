package io.gazette.render;

/**
 * What the base layout needs to know about any page.
 *
 * @param kind    home, article, tag, category, year, month, tags, categories, archive, search, 404
 * @param url     site-relative URL of the page ({@code ""} for home)
 * @param feedUrl    site-relative URL of the feed for this page, or null
 * @param pageNumber the number of a numbered page of a list ({@code trang/<n>/}, counted from the
 *                   oldest articles, see {@link io.gazette.site.Pager}); 0 for every other page,
 *                   a list's first page included
 */
public record PageMeta(String kind, String title, String url, String description, String feedUrl, int pageNumber) {
    public boolean isHome() {
        return "home".equals(kind);
    }
}
