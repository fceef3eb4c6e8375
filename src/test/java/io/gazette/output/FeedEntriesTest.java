package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.TermPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedEntriesTest {
    @TempDir
    Path temp;

    @Test
    void feedsWrittenWithSharedEntriesAreTheFeedsWrittenWithout() throws Exception {
        BuildResult result = SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), temp.resolve("public")))
                .buildToDirectory();
        Site site = result.site();
        List<TermPage> terms = new ArrayList<>(site.tags());
        terms.addAll(site.categories());
        FeedEntries entries = new FeedEntries(1 << 20);
        Map<Article, Integer> feedsOf = new IdentityHashMap<>();
        for (TermPage term : terms) {
            entries.plan(term.articles());
            term.articles().forEach(a -> feedsOf.merge(a, 1, Integer::sum));
        }
        // Something is shared, or the comparison below would not try the kept entries.
        assertThat(feedsOf.values()).anyMatch(n -> n > 1);
        long mostKept = 0;
        for (TermPage term : terms) {
            byte[] without = AtomFeed.write("T", "f.xml", term.term().url(), "vi", term.articles(), site.urls(), false);
            byte[] with = AtomFeed.write("T", "f.xml", term.term().url(), "vi", term.articles(), site.urls(), false,
                    entries);
            assertThat(new String(with, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(without, java.nio.charset.StandardCharsets.UTF_8));
            mostKept = Math.max(mostKept, entries.keptChars());
        }
        assertThat(mostKept).as("entries kept between feeds").isPositive();
        // Each entry is dropped at its last use: nothing is held once the feeds are written.
        assertThat(entries.keptChars()).isZero();
    }

    @Test
    void pastItsBudgetEntriesAreWrittenEachTime() throws Exception {
        BuildResult result = SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), temp.resolve("public")))
                .buildToDirectory();
        Site site = result.site();
        TermPage term = site.tags().get(0);
        FeedEntries entries = new FeedEntries(10);
        entries.plan(term.articles());
        entries.plan(term.articles());
        byte[] first = AtomFeed.write("T", "f.xml", term.term().url(), "vi", term.articles(), site.urls(), false, entries);
        assertThat(entries.keptChars()).isZero();
        assertThat(AtomFeed.write("T", "f.xml", term.term().url(), "vi", term.articles(), site.urls(), false, entries))
                .isEqualTo(first);
    }
}
