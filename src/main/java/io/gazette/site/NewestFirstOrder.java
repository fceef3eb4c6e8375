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
            giveRanks(order);
            ranksStale = false;
        }
        // Each article is handed to a method of its own: these loops run once a process, and C1
        // compiles a method after 200 calls but a loop only after 60,000 turns.
        ArticleFacts[] slots = new ArticleFacts[order.size()];
        List<ArticleFacts> unplaced = new ArrayList<>();
        for (ArticleFacts d : published) {
            slotOrSetAside(d, slots, unplaced);
        }
        ArrayList<ArticleFacts> sorted = new ArrayList<>(published.size());
        for (ArticleFacts d : slots) {
            addIfPresent(sorted, d);
        }
        sorted.addAll(unplaced);
        sorted.sort(NewestFirstOrder::compare);
        giveRanks(sorted);
        ArrayList<Article> sortedArticles = new ArrayList<>(sorted.size());
        for (ArticleFacts d : sorted) {
            sortedArticles.add(d.article);
        }
        order = sorted;
        articles = sortedArticles;
    }

    private void slotOrSetAside(ArticleFacts d, ArticleFacts[] slots, List<ArticleFacts> unplaced) {
        if (d.rank >= 0 && d.rank < slots.length && order.get(d.rank) == d) {
            slots[d.rank] = d;
        } else {
            unplaced.add(d);
        }
    }

    private static void addIfPresent(List<ArticleFacts> to, ArticleFacts d) {
        if (d != null) {
            to.add(d);
        }
    }

    private static void giveRanks(List<ArticleFacts> inOrder) {
        for (int i = 0; i < inOrder.size(); i++) {
            inOrder.get(i).rank = i;
        }
    }

    /** {@link SiteAssembler#NEWEST_FIRST}, with the instants compared from the numbers kept for them. */
    private static int compare(ArticleFacts a, ArticleFacts b) {
        int byInstant = a.dateSecond != b.dateSecond ? Long.compare(b.dateSecond, a.dateSecond)
                : Integer.compare(b.dateNano, a.dateNano);
        return byInstant != 0 ? byInstant : SiteAssembler.NEWEST_FIRST.compare(a.article, b.article);
    }
}
