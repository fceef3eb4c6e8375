package io.gazette.site;

import java.util.List;

/**
 * One page of a paginated list (newest first), numbered from the oldest article so that a page
 * keeps its articles and its URL when newer articles are added.
 *
 * <p>A list of {@code n} articles in pages of {@code size} is cut from its oldest end: numbered
 * page {@code k} ({@code trang/k/}, 1 = the oldest) holds the articles {@code (k-1)·size+1} to
 * {@code k·size} counted from the oldest, and the <em>first page</em> (the list's own URL, number
 * 0) holds what is newer than the newest numbered page: {@code size} to {@code 2·size-1} articles,
 * or all of them when the list has fewer than {@code 2·size}. A new article therefore changes the
 * first page only, and once every {@code size} articles a numbered page appears (the articles the
 * first page gives up) and the one before it gets a new "newer" link. Newest-first numbering, as
 * Hugo and Zola paginate, moves every page's articles with every new one.
 *
 * <p>URLs are site-relative; {@code previousUrl} is the newer page and {@code nextUrl} the older
 * one (the order a reader walks a newest-first list), null at the ends. {@code count}, the number
 * of articles in the list, is given on the first page only (null on numbered pages, which would
 * otherwise change with every new article); {@code totalPages} and {@code totalItems} are on every
 * page for themes written before, and a theme that uses them has every page of a list made again
 * with each new article (the page planner looks for them in the templates).
 */
public record Pager(int number, int totalPages, int totalItems, Integer count, List<Article> items, String url,
        String firstUrl, String previousUrl, String nextUrl) {

    /** Whether this is the list's first page (its own URL, with the newest articles). */
    public boolean isFirst() {
        return number == 0;
    }

    public boolean hasPrevious() {
        return previousUrl != null;
    }

    public boolean hasNext() {
        return nextUrl != null;
    }

    /**
     * How many numbered pages ({@code trang/1/} … ) a list of {@code items} has besides its first
     * page: every full page of {@code size} counted from the oldest, but the newest full page,
     * which the first page shows with the newer articles.
     */
    public static int numberedPages(int items, int size) {
        return Math.max(0, items / size - 1);
    }

    /** How many pages a list of {@code items} takes, the first page included; an empty list gets one. */
    public static int pageCount(int items, int size) {
        return 1 + numberedPages(items, size);
    }

    /**
     * The articles page {@code k} of a list shows, newest first: the first page for 0, numbered
     * page {@code k} (1 = the oldest) otherwise.
     */
    public static <T> List<T> itemsOf(List<T> articles, int size, int k) {
        int n = articles.size();
        if (k == 0) {
            return articles.subList(0, n - numberedPages(n, size) * size);
        }
        return articles.subList(n - k * size, n - (k - 1) * size);
    }

    /** Page {@code k} of {@link #paginate} on its own: 0 for the first page, else numbered page {@code k}. */
    public static Pager page(List<Article> articles, int size, int k, String listUrl, SiteUrls urls) {
        int numbered = numberedPages(articles.size(), size);
        if (k < 0 || k > numbered) {
            throw new IllegalArgumentException("page " + k + " of a list with " + numbered + " numbered pages");
        }
        List<Article> items = List.copyOf(itemsOf(articles, size, k));
        if (k == 0) {
            return new Pager(0, numbered + 1, articles.size(), articles.size(), items, listUrl, listUrl, null,
                    numbered > 0 ? urls.page(listUrl, numbered) : null);
        }
        return new Pager(k, numbered + 1, articles.size(), null, items, urls.page(listUrl, k), listUrl,
                k < numbered ? urls.page(listUrl, k + 1) : listUrl, k > 1 ? urls.page(listUrl, k - 1) : null);
    }
}
