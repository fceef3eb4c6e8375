package io.gazette.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The published articles in the site's order, newest first ({@link SiteAssembler#NEWEST_FIRST}),
 * kept between calls so that a few changed articles are put in place by binary search, or the
 * whole list re-sorted from the last order at about one comparison per article.
 */
final class NewestFirstOrder {
    /** The published inputs, newest first, and their articles in the same order. */
    private ArrayList<ArticleFacts> order = new ArrayList<>();
    private ArrayList<Article> articles = new ArrayList<>();
    /** Whether articles were placed or taken out of {@link #order} since ranks were given. */
    private boolean ranksStale;

    /** The published inputs, newest first (a live view: copy it to change the order while going through it). */
    List<ArticleFacts> inputs() {
        return order;
    }

    /** Their articles, in the same order (a live view). */
    List<Article> articles() {
        return articles;
    }

    /** Puts a published article in its place. */
    void place(ArticleFacts d) {
        int at = Collections.binarySearch(order, d, NewestFirstOrder::compare);
        at = at < 0 ? -at - 1 : at;
        order.add(at, d);
        articles.add(at, d.article);
        ranksStale = true;
    }

    /** Takes an article out (while it still has its article). */
    void remove(ArticleFacts d) {
        int at = Collections.binarySearch(order, d, NewestFirstOrder::compare);
        if (at < 0 || order.get(at) != d) {
            at = order.indexOf(d);
        }
        order.remove(at);
        articles.remove(at);
        ranksStale = true;
    }

    /**
     * Makes {@code published} (each with its article) the whole order. Starts from the last order,
     * in which only changed articles are out of place, so sorting costs about one comparison per
     * article.
     */
    void replaceWith(List<ArticleFacts> published) {
        if (ranksStale) {
            for (int i = 0; i < order.size(); i++) {
                order.get(i).rank = i;
            }
            ranksStale = false;
        }
        ArticleFacts[] slots = new ArticleFacts[order.size()];
        List<ArticleFacts> unplaced = new ArrayList<>();
        for (ArticleFacts d : published) {
            if (d.rank >= 0 && d.rank < slots.length && order.get(d.rank) == d) {
                slots[d.rank] = d;
            } else {
                unplaced.add(d);
            }
        }
        ArrayList<ArticleFacts> sorted = new ArrayList<>(published.size());
        for (ArticleFacts d : slots) {
            if (d != null) {
                sorted.add(d);
            }
        }
        sorted.addAll(unplaced);
        sorted.sort(NewestFirstOrder::compare);
        ArrayList<Article> sortedArticles = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).rank = i;
            sortedArticles.add(sorted.get(i).article);
        }
        order = sorted;
        articles = sortedArticles;
    }

    /** {@link SiteAssembler#NEWEST_FIRST}, with the instants compared from the numbers kept for them. */
    private static int compare(ArticleFacts a, ArticleFacts b) {
        int byInstant = a.dateSecond != b.dateSecond ? Long.compare(b.dateSecond, a.dateSecond)
                : Integer.compare(b.dateNano, a.dateNano);
        return byInstant != 0 ? byInstant : SiteAssembler.NEWEST_FIRST.compare(a.article, b.article);
    }
}
