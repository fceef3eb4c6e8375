package io.gazette.build;

import io.gazette.problems.Problems;
import io.gazette.render.Page;
import io.gazette.site.Site;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished generation: the model, the pages planned, figures, warnings (errors, if it failed)
 * and the site paths written or deleted, which the preview uses to reload only affected tabs.
 */
public record BuildResult(Site site, List<Page> pages, BuildStats stats, Problems problems, Set<String> changedPaths) {
    BuildResult withTotal(long nanos) {
        return withTotal(nanos, Map.of());
    }

    /** With the total time, and the times of stages outside the generation (the build cache's) added. */
    BuildResult withTotal(long nanos, Map<String, Long> moreStages) {
        BuildStats s = stats;
        Map<String, Long> stages = new java.util.LinkedHashMap<>(s.stageMillis());
        stages.putAll(moreStages);
        return new BuildResult(site, pages, new BuildStats(s.articles(), s.tags(), s.categories(), s.pages(), s.feeds(),
                s.aliases(), s.staticFiles(), s.warnings(), nanos / 1_000_000, Map.copyOf(stages),
                s.leftOut()), problems, changedPaths);
    }
}
