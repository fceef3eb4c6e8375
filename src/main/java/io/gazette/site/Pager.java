package io.gazette.site;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a paginated list. URLs are site-relative; {@code previousUrl}/{@code nextUrl} are
 * null at the ends.
 */
public record Pager(int number, int totalPages, int totalItems, List<Article> items, String url,
        String firstUrl, String previousUrl, String nextUrl) {

    public boolean hasPrevious() {
        return previousUrl != null;
    }

    public boolean hasNext() {
        return nextUrl != null;
    }

    /** Splits {@code articles} into pages of {@code size}; an empty list still gets one (empty) page. */
    public static List<Pager> paginate(List<Article> articles, int size, String listUrl, SiteUrls urls) {
        int total = pageCount(articles.size(), size);
        List<Pager> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            pages.add(page(articles, size, n, listUrl, urls));
        }
        return pages;
    }

    /** How many pages of {@code size} a list of {@code items} takes; an empty list still gets one. */
    public static int pageCount(int items, int size) {
        return Math.max(1, (items + size - 1) / size);
    }

    /** The articles page {@code n} (1-based) of a list shows. */
    public static List<Article> itemsOf(List<Article> articles, int size, int n) {
        return articles.subList(Math.min((n - 1) * size, articles.size()), Math.min(n * size, articles.size()));
    }

    /** Page {@code n} (1-based) of {@link #paginate}, on its own. */
    public static Pager page(List<Article> articles, int size, int n, String listUrl, SiteUrls urls) {
        int total = pageCount(articles.size(), size);
        return new Pager(n, total, articles.size(), List.copyOf(itemsOf(articles, size, n)), urls.page(listUrl, n),
                listUrl, n > 1 ? urls.page(listUrl, n - 1) : null, n < total ? urls.page(listUrl, n + 1) : null);
    }
}
