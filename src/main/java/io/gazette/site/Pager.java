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
        int total = Math.max(1, (articles.size() + size - 1) / size);
        List<Pager> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<Article> items = articles.subList(Math.min((n - 1) * size, articles.size()),
                    Math.min(n * size, articles.size()));
            pages.add(new Pager(n, total, articles.size(), List.copyOf(items), urls.page(listUrl, n), listUrl,
                    n > 1 ? urls.page(listUrl, n - 1) : null, n < total ? urls.page(listUrl, n + 1) : null));
        }
        return pages;
    }
}
