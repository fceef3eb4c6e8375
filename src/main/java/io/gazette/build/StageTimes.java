package io.gazette.build;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each stage of one generation took, for {@code --timings} and the build's statistics.
 * A stage ends when the next {@link #lap} is called; a name given twice adds up.
 */
final class StageTimes {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long since = System.nanoTime();

    /** Ends the stage that began at the last lap (or at construction) and records it as {@code stage}. */
    void lap(String stage) {
        long now = System.nanoTime();
        millis.merge(stage, (now - since) / 1_000_000, Long::sum);
        since = now;
    }

    /** Records a part of a stage measured elsewhere, without ending the current stage. */
    void record(String stage, long ms) {
        millis.merge(stage, ms, Long::sum);
    }

    Map<String, Long> snapshot() {
        return Map.copyOf(millis);
    }
}
