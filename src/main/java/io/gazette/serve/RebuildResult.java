package io.gazette.serve;

import java.util.List;

import io.gazette.problems.Problem;

/**
 * How a rebuild went. On success the controller commits the transaction and prints any warnings;
 * on failure it aborts, keeps serving the last good snapshot, and shows {@code problems} in the
 * overlay. Which pages changed is not reported here: the commit works that out by comparing content.
 */
public record RebuildResult(boolean succeeded, List<Problem> problems) {

    public RebuildResult {
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public static RebuildResult ok() {
        return new RebuildResult(true, List.of());
    }

    public static RebuildResult ok(List<Problem> warnings) {
        return new RebuildResult(true, warnings);
    }

    public static RebuildResult failed(List<Problem> problems) {
        return new RebuildResult(false, problems);
    }

    /** Failed when any problem is an error; warnings alone still publish. */
    public static RebuildResult of(List<Problem> problems) {
        return new RebuildResult(problems.stream().noneMatch(Problem::isError), problems);
    }
}
