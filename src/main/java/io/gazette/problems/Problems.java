package io.gazette.problems;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a build, from any thread, so that the editor sees all of them at once
 * instead of fixing one, rebuilding, and meeting the next.
 */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public synchronized void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /** Whether nothing at all, not even a warning, was reported. */
    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    public synchronized boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** All problems in a stable order (file, line), whatever order the threads reported them in. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Problem.ORDER);
        return List.copyOf(copy);
    }
}
