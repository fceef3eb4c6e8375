package io.gazette.build;

import io.gazette.problems.Problems;
import io.gazette.render.Page;
import io.gazette.site.Site;
import java.util.List;
import java.util.Set;

/**
 * A finished generation: the model, the pages planned, figures, warnings (errors, if it failed)
 * and the site paths written or deleted, which the preview uses to reload only affected tabs.
 */
public record BuildResult(Site site, List<Page> pages, BuildStats stats, Problems problems, Set<String> changedPaths) {
    BuildResult withTotal(long nanos) {
        BuildStats s = stats;
        return new BuildResult(site, pages, new BuildStats(s.articles(), s.tags(), s.categories(), s.pages(), s.feeds(),
                s.aliases(), s.staticFiles(), s.warnings(), nanos / 1_000_000, s.stageMillis(),
                s.leftOut()), problems, changedPaths);
    }
}
