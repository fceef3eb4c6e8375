package io.gazette.build;

import io.gazette.output.OutputSink;
import java.io.IOException;

/**
 * One file of the site, planned but not yet produced.
 *
 * @param fingerprint changes whenever the file's content would change, so an incremental rebuild
 *                    can skip files whose fingerprint is the same as last time
 */
record PlannedFile(String path, long fingerprint, Producer producer) {

    /** Writes the file into a sink; a template failure is reported as a {@link io.gazette.problems.Problem}. */
    @FunctionalInterface
    interface Producer {
        void produce(String path, OutputSink sink) throws IOException, ProduceFailure;
    }

    /** A file that could not be produced, with the problem to report. */
    static final class ProduceFailure extends Exception {
        private final transient io.gazette.problems.Problem problem;

        ProduceFailure(io.gazette.problems.Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        io.gazette.problems.Problem problem() {
            return problem;
        }
    }
}
