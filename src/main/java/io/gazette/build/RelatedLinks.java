package io.gazette.build;

import io.gazette.search.RelatedLists;
import io.gazette.site.Article;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The related articles of each build's model: keeps the related-article URLs of the last build
 * that ran search, and resolves them to the articles of each build's model (a build without
 * search, the preview's first pass after a save, reuses the last URLs). A session keeps one: while the URL lists stay the same, only the lists that name an
 * article the model replaced are resolved again. URLs of articles that no longer exist are
 * dropped: the preview may resolve lists computed before the latest edit. Which articles the model
 * replaced it asks {@link SinceLastBuild}, and it tells it which lists it made anew.
 */
final class RelatedLinks {
    private final SinceLastBuild since;
    /** Article URL → related article URLs, from the last build that ran search. */
    private Map<String, List<String>> source = Map.of();
    private boolean resolvedOnce;
    /**
     * URL → the URLs whose related list names it, for {@link #source}; null until a generation
     * needs it ({@link #namedBy()}): only a session's later generations do, and at 100,000
     * articles it is 100,000 sets of 500,000 names, which {@code gazette build}'s one generation
     * made for nothing.
     */
    private Map<String, Set<String>> namedBy;
    /** The articles of the last generation by URL. */
    private final Map<String, Article> byUrl = new HashMap<>();
    private LayeredMap<String, List<Article>> resolved = LayeredMap.of(Map.of());

    RelatedLinks(SinceLastBuild since) {
        this.since = since;
    }

    /**
     * The related articles of {@code site}, this build's model, from the URL lists {@code related}
     * of this build's search, or the last ones when it is null (no search this build); records in
     * {@link SinceLastBuild#recordRelatedChanged} the articles whose list was made anew.
     *
     * @param listsChanged the URLs whose list in {@code related} differs from the last search's
     *                     (search updated the lists in proportion to an edit), or null when any may
     */
    Map<String, List<Article>> resolve(Site site, Map<String, List<String>> related, Set<String> listsChanged) {
        SinceLastBuild.ArticleChanges changes = since.articles();
        if (related == null) {
            related = source;
        }
        Set<String> again = new HashSet<>();
        if (related != source || !resolvedOnce) {
            if (listsChanged == null || !resolvedOnce) {
                resolvedOnce = true;
                source = related;
                namedBy = null;
                changes = null;
            } else {
                Map<String, Set<String>> namedBy = namedBy(); // the last lists' first
                for (String url : listsChanged) {
                    for (String u : source.getOrDefault(url, List.of())) {
                        Set<String> naming = namedBy.get(u);
                        if (naming != null) {
                            naming.remove(url);
                        }
                    }
                    for (String u : related.getOrDefault(url, List.of())) {
                        namedBy.computeIfAbsent(u, k -> new HashSet<>()).add(url);
                    }
                    again.add(url);
                }
                source = related;
            }
        }
        if (changes == null || changes.everything()) {
            byUrl.clear();
            for (Article article : site.articles()) {
                byUrl.put(article.url(), article);
            }
            Map<String, List<Article>> all = new HashMap<>(related.size() * 2);
            if (related instanceof RelatedLists numbered) {
                new ByNumber(numbered, byUrl).resolveInto(all);
            } else {
                related.forEach((url, urls) -> resolveInto(all, url));
            }
            resolved = LayeredMap.of(all);
            since.recordRelatedChanged(null);
            return resolved;
        }
        Set<String> stale = new HashSet<>();
        for (Article gone : changes.removed()) {
            byUrl.remove(gone.url(), gone);
            stale.add(gone.url());
        }
        for (Article joined : changes.added()) {
            byUrl.put(joined.url(), joined);
            stale.add(joined.url());
        }
        for (String url : stale) {
            again.add(url);
            again.addAll(namedBy().getOrDefault(url, Set.of()));
        }
        List<Article> changed = new java.util.ArrayList<>();
        if (!again.isEmpty()) {
            Map<String, List<Article>> lists = new HashMap<>();
            for (String url : again) {
                resolveInto(lists, url);
                Article article = byUrl.get(url);
                if (article != null) {
                    changed.add(article);
                }
            }
            resolved = resolved.with(lists, again);
        }
        since.recordRelatedChanged(changed);
        return resolved;
    }

    /** {@link #namedBy}, made from {@link #source} when it is not there yet. */
    private Map<String, Set<String>> namedBy() {
        if (namedBy == null) {
            Map<String, Set<String>> made = new HashMap<>();
            source.forEach((url, urls) -> urls.forEach(u -> made.computeIfAbsent(u, k -> new HashSet<>()).add(url)));
            namedBy = made;
        }
        return namedBy;
    }

    /**
     * Every list of a search resolved by the articles' numbers: each url looked up once, not once
     * for its own list and once in every list that names it (at 100,000 articles 600,000 look-ups
     * and a stream a list, 0.5 s of every build). The same lists as {@link #resolveInto}: an
     * article of the model's for each url it has, in order, without those it has not.
     */
    private static final class ByNumber {
        private final RelatedLists lists;
        private final Article[] articles;

        ByNumber(RelatedLists lists, Map<String, Article> byUrl) {
            this.lists = lists;
            this.articles = new Article[lists.articles()];
            for (int d = 0; d < articles.length; d++) {
                articles[d] = byUrl.get(lists.url(d));
            }
        }

        void resolveInto(Map<String, List<Article>> target) {
            for (int d = articles.length - 1; d >= 0; d--) {
                if (articles[d] != null) {
                    target.put(articles[d].url(), listOf(d));
                }
            }
        }

        /** Article d's list; one method a call, so that C1 compiles it (the loop above runs once). */
        private List<Article> listOf(int d) {
            int size = lists.listSize(d);
            Article[] list = new Article[size];
            int kept = 0;
            for (int k = 0; k < size; k++) {
                Article related = articles[lists.entry(d, k)];
                if (related != null) {
                    list[kept++] = related;
                }
            }
            return List.of(kept == size ? list : java.util.Arrays.copyOf(list, kept));
        }
    }

    private void resolveInto(Map<String, List<Article>> target, String url) {
        List<String> urls = source.get(url);
        if (urls == null || !byUrl.containsKey(url)) {
            target.remove(url);
            return;
        }
        target.put(url, urls.stream().map(byUrl::get).filter(Objects::nonNull).toList());
    }
}
