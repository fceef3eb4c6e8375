package io.gazette.build;

import io.gazette.problems.Problems;
import io.gazette.render.Page;
import io.gazette.site.Site;
import java.util.List;

/** A finished generation: the model, the pages planned, figures, and warnings (errors, if it failed). */
public record BuildResult(Site site, List<Page> pages, BuildStats stats, Problems problems) {
    BuildResult withTotal(long nanos) {
        BuildStats s = stats;
        return new BuildResult(site, pages, new BuildStats(s.articles(), s.tags(), s.categories(), s.pages(), s.feeds(),
                s.aliases(), s.staticFiles(), s.warnings(), nanos / 1_000_000, s.stageMillis()), problems);
    }
}
