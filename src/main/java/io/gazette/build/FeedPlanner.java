package io.gazette.build;

import io.gazette.output.AtomFeed;
import io.gazette.output.FeedEntries;
import io.gazette.render.OutputPaths;
import io.gazette.render.PagePlanner;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The site's feeds, planned in one place: which feeds there are — the site's ({@code /feed.xml})
 * with whole articles, and one beside each tag and category page with summaries (or a thousand
 * tag feeds would each repeat twenty full articles) — what each holds (its newest
 * {@code feedSize} articles), its title and its fingerprint. It remembers the term feeds of the
 * last build and looks again only at those whose page the model rebuilt, unless
 * {@link SinceLastBuild#everything} says to look at everything.
 *
 * <p>The rest of what makes a feed lives where its kind of thing lives: the URL scheme in
 * {@link SiteUrls#feedOf} (through {@link OutputPaths#feed}, which the list pages use to link their
 * feed too) and the Atom XML in {@link AtomFeed}.
 */
final class FeedPlanner {
    private final OutputPaths paths;
    private final SinceLastBuild since;
    /** Tag and category feed path → the page it was last planned from; empty when nothing is remembered. */
    private final Map<String, TermFeed> termFeeds = new HashMap<>();

    private static final class TermFeed extends SinceLastBuild.Kept {
        final TermPage source;

        TermFeed(TermPage source) {
            this.source = source;
        }
    }

    FeedPlanner(OutputPaths paths, SinceLastBuild since) {
        this.paths = paths;
        this.since = since;
    }

    /**
     * Gives {@code files} the feeds to look at (it answers whether it will produce one), and tells
     * {@code wanted} about the feeds of terms that are gone. Once per build.
     */
    void plan(Site site, Predicate<PlannedFile> files, PagePlanner.Wanted wanted) {
        boolean everything = since.everything();
        if (everything) {
            termFeeds.clear();
        }
        SiteUrls urls = site.urls();
        int size = site.config().feedSize();
        String language = site.config().language();
        List<Article> latest = first(site.articles(), size);
        Fingerprint siteFeed = new Fingerprint().add(site.config().title()).add(latest.size());
        latest.forEach(a -> siteFeed.add(a.cardHash()).add(a.contentHash()));
        files.test(new PlannedFile(SiteUrls.FEED, siteFeed.value(), (path, sink) ->
                sink.write(path, AtomFeed.write(site.config().title(), path, "", language, latest, urls, true))));
        long titleHash = new Fingerprint().add(site.config().title()).value();
        FeedEntries entries = FeedEntries.sizedForHeap();
        termFeeds(site, site.tags(), titleHash, files, everything, entries);
        termFeeds(site, site.categories(), titleHash, files, everything, entries);
        since.dropUnused(termFeeds, (path, plan) -> wanted.released(path));
    }

    /** The feeds of tags or categories: summaries of their newest articles. */
    private void termFeeds(Site site, List<TermPage> terms, long titleHash, Predicate<PlannedFile> files,
            boolean everything, FeedEntries written) {
        SiteUrls urls = site.urls();
        int size = site.config().feedSize();
        String language = site.config().language();
        for (TermPage term : terms) {
            String feed = paths.feed(term.term().url());
            TermFeed before = termFeeds.get(feed);
            if (!everything && before != null && before.source == term) {
                since.markUsed(before);
                continue;
            }
            TermFeed plan = new TermFeed(term);
            since.markUsed(plan);
            termFeeds.put(feed, plan);
            List<Article> entries = first(term.articles(), size);
            Fingerprint fp = new Fingerprint().add(titleHash).add(term.term().name()).add(entries.size());
            entries.forEach(a -> fp.add(a.cardHash()));
            PlannedFile file = new PlannedFile(feed, fp.value(), (path, sink) -> {
                String title = site.config().title() + " – " + term.term().name();
                sink.write(path, AtomFeed.write(title, path, term.term().url(), language, entries, urls, false, written));
            });
            if (files.test(file)) {
                written.plan(entries);
            }
        }
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
