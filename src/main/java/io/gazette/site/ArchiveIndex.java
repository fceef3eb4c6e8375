package io.gazette.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The archive by year and month, kept up to date as articles come and go: only the months (and
 * their years) an added or removed article belongs to are regrouped.
 */
final class ArchiveIndex {
    /** year × 100 + month → month page, newest first. */
    private final TreeMap<Integer, ArchiveMonth> months = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Integer, ArchiveYear> years = new TreeMap<>(Comparator.reverseOrder());
    private List<ArchiveYear> list = List.of();

    /** The archive after {@code removed} articles left and {@code added} ones joined ({@code addedNewestFirst}: see {@link TermIndex#regroup}). */
    List<ArchiveYear> years(Set<Article> removed, List<Article> added, SiteUrls urls, boolean addedNewestFirst) {
        Set<Integer> touched = new HashSet<>();
        for (Article article : removed) {
            touched.add(key(article));
        }
        // Each article goes through a method of its own (see TermIndex#pages: C1 compiles it
        // after 200 calls; a loop's body would run in the interpreter for every article).
        Map<Integer, List<Article>> joined = new HashMap<>();
        for (Article article : added) {
            join(article, touched, joined);
        }
        if (touched.isEmpty()) {
            return list;
        }
        Set<Integer> touchedYears = new HashSet<>();
        for (int key : touched) {
            int year = key / 100;
            int month = key % 100;
            ArchiveMonth before = months.get(key);
            List<Article> articles = TermIndex.regroup(before == null ? List.of() : before.articles(), removed,
                    joined.getOrDefault(key, List.of()), addedNewestFirst);
            if (articles.isEmpty()) {
                months.remove(key);
            } else {
                months.put(key, new ArchiveMonth(year, month, urls.month(year, month), articles));
            }
            touchedYears.add(year);
        }
        for (int year : touchedYears) {
            NavigableMap<Integer, ArchiveMonth> ofYear = months.subMap(year * 100 + 99, true, year * 100, true);
            if (ofYear.isEmpty()) {
                years.remove(year);
                continue;
            }
            List<ArchiveMonth> monthPages = List.copyOf(ofYear.values());
            List<Article> all = monthPages.stream().flatMap(m -> m.articles().stream()).toList();
            years.put(year, new ArchiveYear(year, urls.year(year), monthPages, all));
        }
        list = List.copyOf(years.values());
        return list;
    }

    private static void join(Article article, Set<Integer> touched, Map<Integer, List<Article>> joined) {
        Integer key = key(article);
        touched.add(key);
        joined.computeIfAbsent(key, k -> new ArrayList<>()).add(article);
    }

    void forget() {
        months.clear();
        years.clear();
        list = List.of();
    }

    private static int key(Article article) {
        return article.date().getYear() * 100 + article.date().getMonthValue();
    }

    /** The archive of {@code articles} (newest first) worked out from nothing. */
    static List<ArchiveYear> fresh(List<Article> articles, SiteUrls urls) {
        Map<Integer, Map<Integer, List<Article>>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (Article article : articles) {
            byYear.computeIfAbsent(article.date().getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(article.date().getMonthValue(), m -> new ArrayList<>())
                    .add(article);
        }
        List<ArchiveYear> years = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<ArchiveMonth> monthPages = months.entrySet().stream()
                    .map(e -> new ArchiveMonth(year, e.getKey(), urls.month(year, e.getKey()), List.copyOf(e.getValue())))
                    .toList();
            List<Article> all = monthPages.stream().flatMap(m -> m.articles().stream()).toList();
            years.add(new ArchiveYear(year, urls.year(year), monthPages, all));
        });
        return List.copyOf(years);
    }
}
