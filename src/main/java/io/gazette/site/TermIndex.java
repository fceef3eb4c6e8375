package io.gazette.site;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tags (or the categories) of a site, kept up to date as articles come and go: how often each
 * spelling of a term is used, which spelling names it, and its page of articles. An
 * {@link SiteAssembler} owns one per kind of term.
 */
final class TermIndex {
    private final Function<String, String> url;
    private final Collator collator;
    /** slug → spelling → how many published articles use it. */
    private final Map<String, TreeMap<String, Integer>> spellings = new HashMap<>();
    private final Map<String, Term> terms = new HashMap<>();
    /** Slugs whose spellings were counted up or down since the last {@link #settle()}. */
    private final Set<String> recounted = new HashSet<>();
    private final Map<String, TermPage> pagesBySlug = new HashMap<>();
    private List<TermPage> sortedPages = List.of();
    /** Sort keys of the current names: comparing keys is far cheaper than comparing with the collator. */
    private Map<String, CollationKey> keys = new HashMap<>();

    TermIndex(Function<String, String> url, Collator collator) {
        this.url = url;
        this.collator = collator;
    }

    Collator collator() {
        return collator;
    }

    void add(String slug, String name) {
        spellings.computeIfAbsent(slug, s -> new TreeMap<>()).merge(name, 1, Integer::sum);
        recounted.add(slug);
    }

    void remove(String slug, String name) {
        TreeMap<String, Integer> counts = spellings.get(slug);
        if (counts.merge(name, -1, Integer::sum) == 0) {
            counts.remove(name);
            if (counts.isEmpty()) {
                spellings.remove(slug);
            }
        }
        recounted.add(slug);
    }

    /** The term of a slug some published article uses. */
    Term term(String slug) {
        return terms.get(slug);
    }

    /**
     * Names every recounted term after its most used spelling (the alphabetically first on a tie,
     * so that {@code Thi đua} and {@code thi đua} are one tag with one name), and drops terms no
     * article uses any more.
     *
     * @return slugs of terms that existed before and now have another name: every article filed
     *         under them must be rebuilt
     */
    Set<String> settle() {
        Set<String> renamed = new HashSet<>();
        for (String slug : recounted) {
            TreeMap<String, Integer> counts = spellings.get(slug);
            if (counts == null) {
                terms.remove(slug);
                continue;
            }
            String name = null;
            int best = 0;
            for (Map.Entry<String, Integer> spelling : counts.entrySet()) {
                if (spelling.getValue() > best) {
                    best = spelling.getValue();
                    name = spelling.getKey();
                }
            }
            Term before = terms.get(slug);
            if (before == null || !before.name().equals(name)) {
                terms.put(slug, new Term(name, slug, url.apply(slug)));
                if (before != null) {
                    renamed.add(slug);
                }
            }
        }
        recounted.clear();
        return renamed;
    }

    /**
     * The term pages after {@code removed} articles left and {@code added} ones joined: only the
     * terms either group touches are regrouped, and the list is sorted again only when a term
     * came, went or was renamed. {@code addedNewestFirst}: {@code added} is in the site's order
     * (see {@link #regroup}).
     */
    List<TermPage> pages(Set<Article> removed, List<Article> added, Set<String> renamed,
            Function<Article, List<Term>> termsOf, boolean addedNewestFirst) {
        Set<String> touched = new HashSet<>(renamed);
        // Each article goes through a method of its own, not the body of these loops: a first
        // model hands every article to them once a process, and C1 compiles a method after 200
        // calls but a loop only after 60,000 turns (in the interpreter, a tenth of the model).
        for (Article article : removed) {
            touch(termsOf.apply(article), touched);
        }
        Map<String, List<Article>> joined = new HashMap<>();
        for (Article article : added) {
            join(article, termsOf.apply(article), touched, joined);
        }
        if (touched.isEmpty()) {
            return sortedPages;
        }
        boolean reorder = false;
        for (String slug : touched) {
            TermPage before = pagesBySlug.get(slug);
            Term term = terms.get(slug);
            List<Article> articles = regroup(before == null ? List.of() : before.articles(), removed,
                    joined.getOrDefault(slug, List.of()), addedNewestFirst);
            if (term == null || articles.isEmpty()) {
                reorder |= pagesBySlug.remove(slug) != null;
                continue;
            }
            pagesBySlug.put(slug, new TermPage(term, articles));
            reorder |= before == null || !before.term().name().equals(term.name());
        }
        if (reorder) {
            sortedPages = sort(new ArrayList<>(pagesBySlug.values()));
        } else {
            List<TermPage> pages = new ArrayList<>(sortedPages.size());
            for (TermPage page : sortedPages) {
                pages.add(pagesBySlug.get(page.term().slug()));
            }
            sortedPages = List.copyOf(pages);
        }
        return sortedPages;
    }

    private static void touch(List<Term> terms, Set<String> touched) {
        for (Term term : terms) {
            touched.add(term.slug());
        }
    }

    private static void join(Article article, List<Term> terms, Set<String> touched,
            Map<String, List<Article>> joined) {
        for (Term term : terms) {
            touched.add(term.slug());
            joined.computeIfAbsent(term.slug(), s -> new ArrayList<>()).add(article);
        }
    }

    /** Starts the pages afresh on the next call (after a call whose pages were built another way). */
    void forgetPages() {
        pagesBySlug.clear();
        sortedPages = List.of();
    }

    /** Tags sorted by name as Vietnamese readers sort (diacritics folded, then exact), then by slug. */
    private List<TermPage> sort(List<TermPage> pages) {
        Map<String, CollationKey> current = new HashMap<>(pages.size() * 2);
        for (TermPage page : pages) {
            String name = page.term().name();
            CollationKey key = keys.get(name);
            current.put(name, key != null ? key : collator.getCollationKey(name));
        }
        keys = current;
        pages.sort(Comparator.comparing((TermPage p) -> current.get(p.term().name()))
                .thenComparing(p -> p.term().slug()));
        return List.copyOf(pages);
    }

    /**
     * A group's articles, newest first, after some left and others joined. A few joining articles
     * are put in place by binary search, so an edit costs a copy of the group, not a sort of it.
     * Joining articles already newest first ({@code joinedNewestFirst}: those of a process's first
     * model, every article in the site's order) are merged in, not sorted: at 100,000 articles
     * sorting every group of a first model again (tags, categories, months: ~800,000 dates
     * compared) took ~0.3 s of each {@code gazette build}'s site model. Ties keep the group's
     * articles first, as the sort did.
     */
    static List<Article> regroup(List<Article> before, Set<Article> removed, List<Article> joined,
            boolean joinedNewestFirst) {
        if (joined.isEmpty() && removed.isEmpty()) {
            return before;
        }
        List<Article> articles = new ArrayList<>(before.size() + joined.size());
        for (Article article : before) {
            if (!removed.contains(article)) {
                articles.add(article);
            }
        }
        if (joinedNewestFirst) {
            if (articles.isEmpty()) {
                return List.copyOf(joined);
            }
            List<Article> merged = new ArrayList<>(articles.size() + joined.size());
            int i = 0;
            int j = 0;
            while (i < articles.size() && j < joined.size()) {
                merged.add(SiteAssembler.NEWEST_FIRST.compare(articles.get(i), joined.get(j)) <= 0
                        ? articles.get(i++) : joined.get(j++));
            }
            merged.addAll(articles.subList(i, articles.size()));
            merged.addAll(joined.subList(j, joined.size()));
            return List.copyOf(merged);
        }
        if (joined.size() > 8) {
            articles.addAll(joined);
            articles.sort(SiteAssembler.NEWEST_FIRST);
        } else {
            for (Article article : joined) {
                int at = Collections.binarySearch(articles, article, SiteAssembler.NEWEST_FIRST);
                articles.add(at < 0 ? -at - 1 : at, article);
            }
        }
        return List.copyOf(articles);
    }

    /** The term pages of {@code articles} (newest first) worked out from nothing. */
    static List<TermPage> fresh(List<Article> articles, Function<Article, List<Term>> termsOf, Collator collator) {
        Map<Term, List<Article>> grouped = new LinkedHashMap<>();
        for (Article article : articles) {
            for (Term term : termsOf.apply(article)) {
                grouped.computeIfAbsent(term, t -> new ArrayList<>()).add(article);
            }
        }
        return grouped.entrySet().stream()
                .map(e -> new TermPage(e.getKey(), List.copyOf(e.getValue())))
                .sorted(Comparator.comparing((TermPage p) -> p.term().name(), collator)
                        .thenComparing(p -> p.term().slug()))
                .toList();
    }
}
