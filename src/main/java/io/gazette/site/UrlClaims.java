package io.gazette.site;

import io.gazette.content.UrlPaths;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.problems.Quote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The output files published articles claim, their own page and their aliases': counted as
 * articles join and leave, so that whether two of them clash is known without looking at every
 * article, and, when they do, reported for every claimant.
 */
final class UrlClaims {
    /** Output file → how many published articles claim it. */
    private final Map<String, Integer> claims = new HashMap<>();
    /** How many files more than one article claims. */
    private int contested;
    /** How many aliases the published articles have. */
    private int aliasCount;

    void claim(ArticleFacts d) {
        aliasCount += d.claims.size() - 1;
        for (String file : d.claims) {
            if (claims.merge(file, 1, Integer::sum) == 2) {
                contested++;
            }
        }
    }

    void release(ArticleFacts d) {
        aliasCount -= d.claims.size() - 1;
        for (String file : d.claims) {
            Integer left = claims.merge(file, -1, Integer::sum);
            if (left == 1) {
                contested--;
            } else if (left == 0) {
                claims.remove(file);
            }
        }
    }

    /** Whether some output file is claimed by two articles (or twice by one). */
    boolean anyContested() {
        return contested > 0;
    }

    int aliasCount() {
        return aliasCount;
    }

    /**
     * Reports every URL claimed twice among {@code articles}; returns the claimants to drop (all
     * but the first of each URL, by source path), so that no file is written twice.
     */
    static Set<Article> reportClashes(List<Article> articles, Problems problems) {
        Set<Article> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Article>> claims = new TreeMap<>();
        for (Article article : articles) {
            claims.computeIfAbsent(UrlPaths.fileFor(article.url()), u -> new ArrayList<>()).add(article);
            for (String alias : article.aliases()) {
                claims.computeIfAbsent(UrlPaths.fileFor(alias), u -> new ArrayList<>()).add(article);
            }
        }
        claims.forEach((url, owners) -> {
            if (owners.size() < 2) {
                return;
            }
            List<Article> sorted = owners.stream().sorted(Comparator.comparing(a -> a.source().toString())).toList();
            sorted.stream().skip(1).filter(o -> o != sorted.get(0)).forEach(dropped::add);
            for (Article owner : sorted) {
                String others = sorted.stream().filter(o -> o != owner).map(o -> o.source().toString().replace('\\', '/'))
                        .distinct().collect(Collectors.joining(", "));
                problems.add(Problem.error(owner.source(), 1, "output file " + Quote.code(url) + " is also claimed by "
                                + (others.isEmpty() ? "another alias of this article" : others),
                        "give one of them a different `slug:` (or remove the duplicate alias)"));
            }
        });
        return dropped;
    }
}
