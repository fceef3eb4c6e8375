package io.gazette.build;

import io.gazette.site.LeftOut;
import java.util.Map;

/**
 * What a build produced, for the summary printed at the end.
 *
 * @param stageMillis milliseconds spent in each stage, in pipeline order
 * @param leftOut     articles not published by this build: drafts, scheduled, expired
 */
public record BuildStats(int articles, int tags, int categories, int pages, int feeds, int aliases,
        int staticFiles, int warnings, long totalMillis, Map<String, Long> stageMillis,
        LeftOut leftOut) {
}
