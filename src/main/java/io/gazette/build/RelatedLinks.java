package io.gazette.build;

import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.SiteAssembler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves related-article URLs (from the last search) to the articles of each generation's
 * model. A session keeps one: while the URL lists stay the same, only the lists that name an
 * article the model replaced are resolved again. URLs of articles that no longer exist are
 * dropped: the preview may resolve lists computed before the latest edit.
 */
final class RelatedLinks {
    private Map<String, List<String>> source;
    /** URL → the URLs whose related list names it, for {@link #source}. */
    private Map<String, Set<String>> namedBy = Map.of();
    /** The articles of the last generation by URL. */
    private final Map<String, Article> byUrl = new HashMap<>();
    private LayeredMap<String, List<Article>> resolved = LayeredMap.of(Map.of());
    /** Articles whose list the last call resolved again; null when it resolved them all. */
    private List<Article> changed;

    /** @param changes how {@code site}'s articles differ from the last generation's */
    Map<String, List<Article>> resolve(Site site, Map<String, List<String>> related, SiteAssembler.Changes changes) {
        if (related != source) {
            source = related;
            namedBy = new HashMap<>();
            related.forEach((url, urls) -> urls.forEach(u -> namedBy.computeIfAbsent(u, k -> new HashSet<>()).add(url)));
            changes = null;
        }
        if (changes == null || changes.everything()) {
            byUrl.clear();
            for (Article article : site.articles()) {
                byUrl.put(article.url(), article);
            }
            Map<String, List<Article>> all = new HashMap<>(related.size() * 2);
            related.forEach((url, urls) -> resolveInto(all, url));
            resolved = LayeredMap.of(all);
            changed = null;
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
        Set<String> again = new HashSet<>();
        for (String url : stale) {
            again.add(url);
            again.addAll(namedBy.getOrDefault(url, Set.of()));
        }
        changed = new java.util.ArrayList<>();
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
        return resolved;
    }

    /**
     * The articles whose related list the last {@link #resolve} made anew (the lists of all other
     * articles are the same objects as before), or null when it made them all anew.
     */
    List<Article> lastChanged() {
        return changed;
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
